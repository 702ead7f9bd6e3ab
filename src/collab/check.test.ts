import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { createEmptyDocument, MAX_ZONES } from '../document';
import { accessOf, newRoom, roomIdOf, viewKeyOf } from './capability';
import { applyAndCheck } from './check';
import { documentToYDoc, entityMap } from './ydoc';

/** The update a client would send after `edit` on a copy of `room`. */
function updateFrom(room: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

function room(): Y.Doc {
  return documentToYDoc({
    ...createEmptyDocument(),
    components: [{ id: 'c1', kind: 'server', name: 'WFM Server' }],
  });
}

test('an honest edit passes', () => {
  const doc = room();
  const update = updateFrom(doc, (d) => {
    d.getMap<Y.Map<unknown>>('components').get('c1')?.set('name', 'Renamed');
    d.getMap<Y.Map<unknown>>('components').set('c2', entityMap({ id: 'c2', kind: 'web', name: 'Web' }, 1));
  });
  expect(applyAndCheck(doc, update)).toBeUndefined();
});

test.each([
  ['an unknown root', (d: Y.Doc) => d.getMap('junk').set('x', 1)],
  ['an unknown field', (d: Y.Doc) => d.getMap<Y.Map<unknown>>('components').get('c1')?.set('evil', 1)],
  ['an empty name', (d: Y.Doc) => d.getMap<Y.Map<unknown>>('components').get('c1')?.set('name', ' ')],
  ['an unknown kind', (d: Y.Doc) => d.getMap<Y.Map<unknown>>('components').get('c1')?.set('kind', 'x')],
  ['a plain object as an entity', (d: Y.Doc) => d.getMap('components').set('c3', { kind: 'web', name: 'W' })],
  [
    'a nested shared type',
    (d: Y.Doc) => d.getMap<Y.Map<unknown>>('components').get('c1')?.set('notes', new Y.Text('x')),
  ],
  [
    'a huge text',
    (d: Y.Doc) => d.getMap<Y.Map<unknown>>('components').get('c1')?.set('notes', 'x'.repeat(1e6)),
  ],
  ['a wrong version', (d: Y.Doc) => d.getMap('meta').set('version', 3)],
  ['an unknown document field', (d: Y.Doc) => d.getMap('meta').set('script', 'x')],
  [
    'too many zones',
    (d: Y.Doc) => {
      const zones = d.getMap('zones');
      for (let i = 0; i <= MAX_ZONES; i += 1) zones.set(`z${i}`, entityMap({ id: `z${i}`, name: 'Z' }, i));
    },
  ],
])('%s is refused', (_, edit) => {
  const doc = room();
  expect(applyAndCheck(doc, updateFrom(doc, edit))).toEqual(expect.any(String));
});

test('garbage bytes are refused', () => {
  expect(applyAndCheck(room(), new Uint8Array([1, 2, 3, 250, 250, 250]))).toEqual(expect.any(String));
});

test('an edit key grants edit, its view key view, and nothing else grants anything', async () => {
  const keys = await newRoom();
  expect(keys.roomId).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(await viewKeyOf(keys.editKey)).toBe(keys.viewKey);
  expect(await roomIdOf(keys.viewKey)).toBe(keys.roomId);
  expect(await accessOf(keys.roomId, keys.editKey)).toBe('edit');
  expect(await accessOf(keys.roomId, keys.viewKey)).toBe('view');
  expect(await accessOf(keys.roomId, keys.roomId)).toBeUndefined();
  const other = await newRoom();
  expect(await accessOf(keys.roomId, other.editKey)).toBeUndefined();
  expect(await accessOf(other.roomId, keys.viewKey)).toBeUndefined();
  expect(await accessOf(keys.roomId, '')).toBeUndefined();
});

/** A room whose zones are past the cap: what two instances that each accepted an add can merge to. */
function roomOverTheZoneCap(): Y.Doc {
  const doc = room();
  const zones = doc.getMap('zones');
  doc.transact(() => {
    for (let i = 0; i <= MAX_ZONES; i += 1) zones.set(`z${i}`, entityMap({ id: `z${i}`, name: 'Z' }, i));
  });
  return doc;
}

test('a list past its cap (two instances each took an add) still takes deletes and edits', () => {
  const doc = roomOverTheZoneCap();
  expect(
    applyAndCheck(
      doc,
      updateFrom(doc, (d) => d.getMap('zones').delete('z0')),
    ),
  ).toBeUndefined();
  expect(
    applyAndCheck(
      doc,
      updateFrom(doc, (d) => d.getMap<Y.Map<unknown>>('zones').get('z1')?.set('name', 'Renamed')),
    ),
  ).toBeUndefined();
});

test('a list past its cap refuses one more', () => {
  const doc = roomOverTheZoneCap();
  const more = updateFrom(doc, (d) =>
    d.getMap('zones').set('z-more', entityMap({ id: 'z-more', name: 'Z' }, 999)),
  );
  expect(applyAndCheck(doc, more)).toBe(`more than ${MAX_ZONES} zones`);
});

test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
  'a document field named %s is refused, not thrown on',
  (field) => {
    const doc = room();
    const update = updateFrom(doc, (d) => d.getMap('meta').set(field, { polluted: true }));
    expect(applyAndCheck(doc, update)).toBe(`unknown document field ${field}`);
  },
);
