import { expect, test } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PALETTE } from './presence';
import { createParticipantsSource } from './presence-hooks';

const user = { name: 'Ana', colour: PALETTE[0].colour };

test('a change made before anyone subscribed shows in the next snapshot', () => {
  const awareness = new Awareness(new Y.Doc());
  const source = createParticipantsSource(awareness);
  expect(source.snapshot()).toEqual([]);
  awareness.setLocalStateField('user', user);
  expect(source.snapshot().map((p) => p.presence.user.name)).toEqual(['Ana']);
  awareness.destroy();
});

test('a snapshot is the same list until the states change', () => {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalStateField('user', user);
  const source = createParticipantsSource(awareness);
  const first = source.snapshot();
  expect(source.snapshot()).toBe(first);
  awareness.setLocalStateField('pointer', { x: 1, y: 2 });
  expect(source.snapshot()).not.toBe(first);
  awareness.destroy();
});

test('the list of names stays the same list while only pointers move, and changes with a name', () => {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalStateField('user', user);
  const source = createParticipantsSource(awareness, (p) => `${p.clientId} ${p.presence.user.name}`);
  const heard: number[] = [];
  const unsubscribe = source.subscribe(() => heard.push(1));
  const first = source.snapshot();
  awareness.setLocalStateField('pointer', { x: 1, y: 2 });
  expect(heard.length).toBe(1);
  expect(source.snapshot()).toBe(first);
  awareness.setLocalStateField('user', { ...user, name: 'Ana Lopez' });
  expect(source.snapshot()).not.toBe(first);
  unsubscribe();
  awareness.setLocalStateField('pointer', { x: 3, y: 4 });
  expect(heard.length).toBe(2);
  awareness.destroy();
});
