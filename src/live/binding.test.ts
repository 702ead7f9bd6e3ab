import fc from 'fast-check';
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { writeDocument, yDocToDocument } from '../collab/ydoc';
import type { TopologyDocument } from '../document';
import { COMPONENT_KINDS } from '../domain';
import { setIdTag } from '../store/names';
import { createDesignerStore, type DesignerStore, VIEW_ONLY_REFUSAL } from '../store/store';
import { deployment } from '../store/test-builders';
import { bindStore, type StoreBinding } from './binding';
import { sameJson } from './diff';

// Two designers, each a store bound to its own Y.Doc, exchanging Yjs updates as the server would
// relay them: at once (`linked`) or when the test says (`Wire.flush`), to make edits concurrent.

interface Peer {
  readonly store: DesignerStore;
  readonly ydoc: Y.Doc;
  readonly binding: StoreBinding;
}

const REMOTE = 'remote';

/** Updates of each side waiting to reach the other. */
class Wire {
  readonly queue: { to: Y.Doc; update: Uint8Array }[] = [];
  constructor(a: Y.Doc, b: Y.Doc) {
    a.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.queue.push({ to: b, update });
    });
    b.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.queue.push({ to: a, update });
    });
  }
  flush(): void {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      Y.applyUpdate(next.to, next.update, REMOTE);
    }
  }
}

/** Two peers of one room: the first shares `document`, the second joins it. */
function pair(document: TopologyDocument = deployment(), readOnlyB = false) {
  const ydocA = new Y.Doc();
  writeDocument(ydocA, document);
  const ydocB = new Y.Doc();
  Y.applyUpdate(ydocB, Y.encodeStateAsUpdate(ydocA), REMOTE);
  const wire = new Wire(ydocA, ydocB);
  const storeA = createDesignerStore(document);
  const storeB = createDesignerStore(yDocToDocument(ydocB));
  const a: Peer = { store: storeA, ydoc: ydocA, binding: bindStore(storeA, ydocA) };
  const b: Peer = { store: storeB, ydoc: ydocB, binding: bindStore(storeB, ydocB, { readOnly: readOnlyB }) };
  return { a, b, wire };
}

/**
 * The store of `peer`, with the id tag of its page: a page has one store and one tag (a module
 * variable), these tests have two stores in one module.
 */
function as(peer: Peer) {
  setIdTag(peer.ydoc.clientID.toString(36));
  return peer.store.getState();
}

const names = (peer: Peer) => peer.store.getState().document.components.map((c) => c.name);

test('a local edit is written as one transaction that touches only the changed entity', () => {
  const { a, wire } = pair();
  const changed: string[][] = [];
  a.ydoc.on('afterTransaction', (tr: Y.Transaction) => {
    changed.push(
      [...tr.changed.keys()].map((type) => (type instanceof Y.Map ? [...type.keys()].join(',') : '')),
    );
  });
  let updates = 0;
  a.ydoc.on('update', () => {
    updates += 1;
  });
  a.store.getState().updateComponent('srv-1', { name: 'Main' });
  expect(updates).toBe(1);
  expect(changed).toHaveLength(1);
  // The one Y.Map changed is the server's own (its keys), not the components root.
  const srv = a.ydoc.getMap<Y.Map<unknown>>('components').get('srv-1');
  expect(srv?.get('name')).toBe('Main');
  expect(wire.queue).toHaveLength(1);
  expect(wire.queue[0]?.update.length).toBeLessThan(80);
});

test('a remote edit shows in the other store with no history step and is not echoed back', () => {
  const { a, b, wire } = pair();
  const historyBefore = b.store.getState().history;
  a.store.getState().updateComponent('srv-1', { name: 'Main' });
  wire.flush();
  expect(names(b)).toEqual(['Main', 'WFM_Builder_1']);
  expect(b.store.getState().history).toBe(historyBefore);
  expect(wire.queue).toHaveLength(0);
  // The unchanged card is the same object as before: nothing else re-renders.
  expect(b.store.getState().document.components[1]).toBe(
    b.store.getState().document.components.find((c) => c.id === 'bld-1'),
  );
});

test('an unchanged entity keeps its object across a remote change', () => {
  const { a, b, wire } = pair();
  const builder = b.store.getState().document.components[1];
  a.store.getState().updateComponent('srv-1', { name: 'Main' });
  wire.flush();
  expect(b.store.getState().document.components[1]).toBe(builder);
});

test('undo undoes only my own edits, a drag as one step', () => {
  const { a, b, wire } = pair();
  a.store.getState().updateComponent('srv-1', { name: 'Mine' });
  wire.flush();
  b.store.getState().updateComponent('bld-1', { name: 'Theirs' });
  wire.flush();
  // A drag of three frames, one step.
  a.store.getState().beginGesture();
  for (const x of [10, 20, 30])
    a.store.getState().moveComponents(new Map([['srv-1', { x, y: 5 }]]), 'gesture');
  a.store.getState().endGesture();
  wire.flush();
  expect(b.store.getState().document.components[0]?.position).toEqual({ x: 30, y: 5 });

  a.store.getState().undo();
  wire.flush();
  expect(a.store.getState().document.components[0]?.position).toEqual({ x: 0, y: 0 });
  a.store.getState().undo();
  wire.flush();
  expect(names(a)).toEqual(['WFM_Server_1', 'Theirs']);
  expect(names(b)).toEqual(['WFM_Server_1', 'Theirs']);
  expect(a.store.getState().live?.canUndo).toBe(false);
  expect(a.store.getState().notice?.text).toMatch(/^Undid a step: renamed/);
  a.store.getState().redo();
  wire.flush();
  expect(names(b)).toEqual(['Mine', 'Theirs']);
  // B's undo takes back B's rename only.
  b.store.getState().undo();
  wire.flush();
  expect(names(a)).toEqual(['Mine', 'WFM_Builder_1']);
});

test('two people adding at once both keep their card (ids never collide)', () => {
  const { a, b, wire } = pair();
  as(a).addComponent('web', { x: 0, y: 300 });
  as(b).addComponent('web', { x: 0, y: 600 });
  as(a).addNote({ x: 0, y: 900 });
  as(b).addNote({ x: 0, y: 900 });
  wire.flush();
  expect(a.store.getState().document.components).toHaveLength(4);
  expect(b.store.getState().document.annotations).toHaveLength(2);
  expect(sameJson(a.store.getState().document, b.store.getState().document)).toBe(true);
});

test('a view-only store refuses edits and writes nothing', () => {
  const { a, b, wire } = pair(deployment(), true);
  b.store.getState().updateComponent('srv-1', { name: 'Nope' });
  b.store.getState().addComponent('daemon', { x: 0, y: 300 });
  b.store.getState().beginGesture();
  b.store.getState().moveComponents(new Map([['srv-1', { x: 50, y: 50 }]]), 'gesture');
  b.store.getState().endGesture();
  expect(b.store.getState().notice).toMatchObject({ text: VIEW_ONLY_REFUSAL, tone: 'refusal' });
  expect(wire.queue).toHaveLength(0);
  expect(names(b)).toEqual(['WFM_Server_1', 'WFM_Builder_1']);
  a.store.getState().updateComponent('srv-1', { name: 'Main' });
  wire.flush();
  expect(names(b)).toEqual(['Main', 'WFM_Builder_1']);
});

test('destroying the binding gives Undo back to the store', () => {
  const { a } = pair();
  a.binding.destroy();
  expect(a.store.getState().live).toBeNull();
  a.store.getState().updateComponent('srv-1', { name: 'Main' });
  expect(a.store.getState().history.past).toHaveLength(1);
});

/** A random edit through the store's actions, as the UI makes them. */
type Op =
  | { kind: 'add'; which: number; x: number }
  | { kind: 'rename'; pick: number; name: string }
  | { kind: 'move'; pick: number; x: number; y: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'connect'; pick: number; other: number }
  | { kind: 'note'; x: number }
  | { kind: 'title'; name: string }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'sync' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), which: fc.nat(), x: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({
    kind: fc.constant('rename' as const),
    pick: fc.nat(),
    name: fc.stringMatching(/^[A-Za-z]{1,8}$/),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(),
    x: fc.integer({ min: 0, max: 2000 }),
    y: fc.integer({ min: 0, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('connect' as const), pick: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('note' as const), x: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ kind: fc.constant('title' as const), name: fc.stringMatching(/^[A-Za-z ]{0,12}$/) }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
  fc.constant({ kind: 'sync' as const }),
);

function apply(peer: Peer, step: Op, wire: Wire): void {
  const state = as(peer);
  const components = state.document.components;
  const pick = (n: number) => components[n % Math.max(1, components.length)];
  switch (step.kind) {
    case 'add':
      state.addComponent(COMPONENT_KINDS[step.which % COMPONENT_KINDS.length] ?? 'server', {
        x: step.x,
        y: 0,
      });
      break;
    case 'rename': {
      const c = pick(step.pick);
      if (c) state.updateComponent(c.id, { name: step.name });
      break;
    }
    case 'move': {
      const c = pick(step.pick);
      if (c) state.moveComponents(new Map([[c.id, { x: step.x, y: step.y }]]), 'step');
      break;
    }
    case 'delete': {
      const c = pick(step.pick);
      if (c) state.deleteElements([c.id], []);
      break;
    }
    case 'connect': {
      const from = pick(step.pick);
      const to = pick(step.other);
      if (from && to && from.id !== to.id) state.connect(from.id, to.id);
      break;
    }
    case 'note':
      state.addNote({ x: step.x, y: 400 });
      break;
    case 'title':
      state.setName(step.name);
      break;
    case 'undo':
      state.undo();
      break;
    case 'redo':
      state.redo();
      break;
    case 'sync':
      wire.flush();
      break;
  }
}

test('random concurrent edits on both sides converge to one document, the Y.Doc’s', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.boolean(), op), { maxLength: 60 }), (steps) => {
      const { a, b, wire } = pair();
      for (const [first, step] of steps) apply(first ? a : b, step, wire);
      wire.flush();
      const docA = a.store.getState().document;
      const docB = b.store.getState().document;
      expect(sameJson(docA, docB)).toBe(true);
      expect(sameJson(docA, yDocToDocument(a.ydoc))).toBe(true);
      // Same order of every list on both sides, not only the same content.
      expect(docA.components.map((c) => c.id)).toEqual(docB.components.map((c) => c.id));
      expect((docA.annotations ?? []).map((c) => c.id)).toEqual((docB.annotations ?? []).map((c) => c.id));
    }),
    { numRuns: 150 },
  );
});
