import fc from 'fast-check';
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { parseDocument, type TopologyDocument } from '../document';
import { documentArbitrary } from '../document/testing/arbitraries';
import { fixedSeed } from '../document/testing/property';
import { TEMPLATES } from '../templates/catalog';
import { applyAndCheck } from './check';
import { documentToYDoc, entityMap, nextOrder, yDocToDocument } from './ydoc';

function parsed(text: string): TopologyDocument {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

/** Two peers that start from the same state, as two clients of one room do. */
function twoPeers(document: TopologyDocument): [Y.Doc, Y.Doc] {
  const a = documentToYDoc(document);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

/** Exchanges what each peer lacks, as the sync protocol does. */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

test.each(TEMPLATES.map((t) => [t.id, t.text] as const))(
  'the template %s round-trips through a Y.Doc',
  (_, text) => {
    const document = parsed(text);
    expect(yDocToDocument(documentToYDoc(document))).toEqual(document);
  },
);

test('every valid document round-trips through a Y.Doc, also as another peer receives it', () => {
  fc.assert(
    fc.property(documentArbitrary, (document) => {
      const [a, b] = twoPeers(document);
      expect(yDocToDocument(a)).toEqual(document);
      expect(yDocToDocument(b)).toEqual(document);
    }),
    fixedSeed(150),
  );
});

test('every valid document, sent whole as one update, passes the server check', () => {
  fc.assert(
    fc.property(documentArbitrary, (document) => {
      const room = new Y.Doc();
      expect(applyAndCheck(room, Y.encodeStateAsUpdate(documentToYDoc(document)))).toBeUndefined();
      expect(yDocToDocument(room)).toEqual(document);
    }),
    fixedSeed(100),
  );
});

const base = parsed(TEMPLATES[0]?.text ?? '');
const [first, second] = base.components;

test('concurrent edits of different components, and of different fields of one, all merge', () => {
  if (!first || !second) throw new Error('the template has two components');
  const [a, b] = twoPeers(base);
  const compsA = a.getMap<Y.Map<unknown>>('components');
  const compsB = b.getMap<Y.Map<unknown>>('components');
  compsA.get(first.id)?.set('name', 'Renamed by A');
  compsB.get(second.id)?.set('name', 'Renamed by B');
  compsB.get(first.id)?.set('notes', 'Noted by B');
  compsA.set('new-a', entityMap({ id: 'new-a', kind: 'web', name: 'Web A' }, nextOrder(a, 'components')));
  compsB.set('new-b', entityMap({ id: 'new-b', kind: 'web', name: 'Web B' }, nextOrder(b, 'components')));
  sync(a, b);
  const merged = yDocToDocument(a);
  expect(yDocToDocument(b)).toEqual(merged);
  const byId = new Map(merged.components.map((c) => [c.id, c]));
  expect(byId.get(first.id)).toMatchObject({ name: 'Renamed by A', notes: 'Noted by B' });
  expect(byId.get(second.id)?.name).toBe('Renamed by B');
  // Both added at the same place: ordered by id, the same on both peers.
  expect(merged.components.slice(-2).map((c) => c.id)).toEqual(['new-a', 'new-b']);
});

test('the same field set at once by two peers ends the same on both, whichever syncs first', () => {
  if (!first) throw new Error('the template has a component');
  const results = new Set<string>();
  for (const order of ['ab', 'ba']) {
    const [a, b] = twoPeers(base);
    a.clientID = 1;
    b.clientID = 2;
    a.getMap<Y.Map<unknown>>('components').get(first.id)?.set('name', 'From A');
    b.getMap<Y.Map<unknown>>('components').get(first.id)?.set('name', 'From B');
    if (order === 'ab') sync(a, b);
    else sync(b, a);
    const nameA = yDocToDocument(a).components.find((c) => c.id === first.id)?.name;
    expect(yDocToDocument(b).components.find((c) => c.id === first.id)?.name).toBe(nameA);
    results.add(nameA ?? '');
  }
  expect(results.size).toBe(1);
});

test('a delete and a concurrent edit of the same component: the delete wins on both peers', () => {
  if (!first) throw new Error('the template has a component');
  const [a, b] = twoPeers(base);
  a.getMap('components').delete(first.id);
  b.getMap<Y.Map<unknown>>('components').get(first.id)?.set('name', 'Edited');
  sync(a, b);
  expect(yDocToDocument(a)).toEqual(yDocToDocument(b));
  expect(yDocToDocument(a).components.some((c) => c.id === first.id)).toBe(false);
});
