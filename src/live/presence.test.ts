import { expect, test } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  chooseColour,
  cleanName,
  fallbackColour,
  MAX_NAME_LENGTH,
  MAX_PARTICIPANTS,
  MAX_SELECTION,
  PALETTE,
  participantsOf,
  readPresence,
} from './presence';

const BLUE = PALETTE[0].colour;

test('a well-formed state is read whole', () => {
  const state = {
    user: { name: 'Ana', colour: BLUE },
    pointer: { x: 10, y: -20 },
    selection: ['srv-1', 'c-2'],
    view: { x: 0, y: 0, width: 800, height: 600 },
  };
  expect(readPresence(1, state)).toEqual(state);
});

test('a state without a usable user is not a participant', () => {
  for (const state of [
    null,
    undefined,
    42,
    'Ana',
    [],
    {},
    { user: null },
    { user: 'Ana' },
    { user: { name: 7, colour: BLUE } },
    { user: { name: 'Ana' } },
    { user: { name: '   ', colour: BLUE } },
    { user: { name: '\u202E\u0000', colour: BLUE } },
    { user: { name: 'x'.repeat(5000), colour: BLUE } },
  ]) {
    expect(readPresence(1, state)).toBeNull();
  }
});

test('a malformed pointer, selection or view is dropped and the participant kept', () => {
  const read = readPresence(3, {
    user: { name: 'Ben', colour: BLUE },
    pointer: { x: Number.NaN, y: 1 },
    selection: 'srv-1',
    view: { x: 0, y: 0, width: -5, height: 10 },
  });
  expect(read).toEqual({ user: { name: 'Ben', colour: BLUE } });
  expect(readPresence(3, { user: { name: 'Ben', colour: BLUE }, pointer: { x: 1e12, y: 0 } })?.pointer).toBe(
    undefined,
  );
  expect(
    readPresence(3, { user: { name: 'Ben', colour: BLUE }, view: { x: 0, y: 0, width: Infinity, height: 1 } })
      ?.view,
  ).toBe(undefined);
});

test('a selection keeps only plausible ids, and at most MAX_SELECTION of them', () => {
  const read = readPresence(1, {
    user: { name: 'Ana', colour: BLUE },
    selection: ['a', 3, null, '', 'x'.repeat(201), { id: 'b' }, 'c'],
  });
  expect(read?.selection).toEqual(['a', 'c']);
  const many = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
  expect(readPresence(1, { user: { name: 'Ana', colour: BLUE }, selection: many })?.selection).toHaveLength(
    MAX_SELECTION,
  );
});

test('a colour that is not of the palette becomes the client’s own palette colour', () => {
  for (const colour of ['red', '#123456', 'url(javascript:alert(1))', 'var(--x); background: url(x)']) {
    const read = readPresence(5, { user: { name: 'Eve', colour } });
    expect(read?.user.colour).toBe(fallbackColour(5));
    expect(PALETTE.map((p) => p.colour)).toContain(read?.user.colour);
  }
  expect(readPresence(5, { user: { name: 'Eve', colour: BLUE.toUpperCase() } })?.user.colour).toBe(BLUE);
});

test('a name loses control and direction characters and is capped', () => {
  expect(cleanName('  Ana\u202E  Lopez\n ')).toBe('Ana Lopez');
  expect(cleanName('\u0007Bell\u200B')).toBe('Bell');
  // Every bidi control of docs/security.md, the Arabic letter mark among them.
  expect(
    cleanName('A\u061Cn\u200Ea\u200F \u202AL\u202Bo\u202Cp\u202De\u202Ez \u2066x\u2067\u2068\u2069'),
  ).toBe('Ana Lopez x');
  expect([...cleanName('é'.repeat(100))]).toHaveLength(MAX_NAME_LENGTH);
  // Whole code points: an emoji is not cut in half.
  expect(cleanName('🙂'.repeat(50))).toBe('🙂'.repeat(MAX_NAME_LENGTH));
});

test('a state whose fields throw when read hides that participant, not the others', () => {
  const hostile = {
    get user(): never {
      throw new Error('boom');
    },
  };
  const states = new Map<number, unknown>([
    [1, hostile],
    [2, { user: { name: 'Ana', colour: BLUE } }],
  ]);
  expect(participantsOf(states, 2).map((p) => p.presence.user.name)).toEqual(['Ana']);
});

test('the participants are me first, then the others by name', () => {
  const states = new Map<number, unknown>([
    [30, { user: { name: 'Zoe', colour: BLUE } }],
    [10, { user: { name: 'Ben', colour: BLUE } }],
    [20, { user: { name: 'Ana', colour: BLUE } }],
    [40, {}],
  ]);
  expect(participantsOf(states, 30).map((p) => [p.presence.user.name, p.isMe])).toEqual([
    ['Zoe', true],
    ['Ana', false],
    ['Ben', false],
  ]);
});

test('a name always prefers the same colour', () => {
  expect(chooseColour('Ana', 5, [])).toBe(chooseColour('Ana', 99, []));
  expect(
    new Set(['Ana', 'Ben', 'Chen', 'Dana', 'Eli', 'Fay', 'Gus', 'Hal'].map((n) => chooseColour(n, 1, [])))
      .size,
  ).toBeGreaterThan(1);
});

test('the participant with the larger client id gives way when two would share a colour', () => {
  const preferred = chooseColour('Ana', 1, []);
  expect(chooseColour('Ana', 2, [{ clientId: 1, colour: preferred }])).not.toBe(preferred);
  // The one with the smaller id keeps it, whoever arrived first.
  expect(chooseColour('Ana', 1, [{ clientId: 2, colour: preferred }])).toBe(preferred);
});

test('eight participants get eight colours; a ninth shares one', () => {
  const taken: { clientId: number; colour: string }[] = [];
  for (let id = 1; id <= PALETTE.length; id += 1) {
    taken.push({ clientId: id, colour: chooseColour('Same name', id, taken) });
  }
  expect(new Set(taken.map((t) => t.colour)).size).toBe(PALETTE.length);
  expect(PALETTE.map((p) => p.colour)).toContain(chooseColour('Same name', 100, taken));
});

test('two awareness instances exchanging updates see each other’s presence, and a hostile state is ignored', () => {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  const send = (from: Awareness, to: Awareness) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'test');
  a.setLocalState({ user: { name: 'Ana', colour: BLUE }, pointer: { x: 5, y: 6 } });
  b.setLocalState({
    user: { name: '<img src=x onerror=alert(1)>', colour: 'expression(evil)' },
    pointer: 'here',
  });
  send(a, b);
  send(b, a);
  const seenByA = participantsOf(a.getStates(), a.clientID);
  expect(seenByA.map((p) => p.presence.user.name)).toEqual(['Ana', '<img src=x onerror=alert(1)>']);
  expect(seenByA[1]?.presence.pointer).toBeUndefined();
  expect(seenByA[1]?.presence.user.colour).toBe(fallbackColour(b.clientID));
  expect(participantsOf(b.getStates(), b.clientID)[1]?.presence.pointer).toEqual({ x: 5, y: 6 });
  a.destroy();
  b.destroy();
});

test('a flood of participants is cut to MAX_PARTICIPANTS, me always among them', () => {
  const states = new Map<number, unknown>();
  for (let id = 1; id <= 5000; id += 1) states.set(id, { user: { name: `A${id}`, colour: BLUE } });
  states.set(9999, { user: { name: 'Zoe', colour: BLUE } });
  const shown = participantsOf(states, 9999);
  expect(shown).toHaveLength(MAX_PARTICIPANTS);
  expect(shown[0]?.presence.user.name).toBe('Zoe');
});
