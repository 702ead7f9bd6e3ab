import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { DocumentComponent, TopologyDocument } from '../document';
import type { Rect } from '../drawing';
import { componentRect } from '../store/containers';
import { createDerivations } from '../store/derived';
import { createDesignerStore, type DesignerStore } from '../store/store';
import type { CommandContext } from './command';
import { type CommandId, commandById } from './commands';

// Align, distribute and zoom to selection as commands on a store: one undo step each, what they
// say in the status line, and what they do with hosts (decision 030).

const card = (id: string, name: string, x: number, y: number, host?: string): DocumentComponent => ({
  id,
  kind: 'builder',
  name,
  position: { x, y },
  ...(host ? { host } : {}),
});

function deployment(): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    hosts: [{ id: 'h-1', name: 'app01', position: { x: 600, y: 0 }, size: { width: 480, height: 300 } }],
    components: [
      card('b-1', 'B1', 0, 0),
      card('b-2', 'B2', 40, 120),
      card('b-3', 'B3', 400, 300),
      card('b-4', 'B4', 700, 100, 'h-1'),
    ],
    connections: [{ id: 'c-1', from: 'b-1', to: 'b-2' }],
  };
}

function storeWith(selected: string[], layout: string[] = []): DesignerStore {
  const store = createDesignerStore(deployment());
  store.getState().select({ components: selected, layout });
  return store;
}

const zoomed: string[][] = [];
function run(store: DesignerStore, id: CommandId): void {
  const context: CommandContext = {
    store,
    derivations: createDerivations(),
    viewCentre: () => ({ x: 0, y: 0 }),
    fitView: () => {},
    zoomTo: (ids) => {
      zoomed.push([...ids]);
      return true;
    },
  };
  void commandById(id).run(context);
}

const at = (store: DesignerStore, id: string) =>
  store.getState().document.components.find((c) => c.id === id)?.position;
const notice = (store: DesignerStore) => store.getState().notice?.text;

test('Align left moves the selected cards to the leftmost one, as one undo step, and says so', () => {
  const store = storeWith(['b-1', 'b-2', 'b-3']);
  run(store, 'align-left');
  expect([at(store, 'b-1'), at(store, 'b-2'), at(store, 'b-3')]).toEqual([
    { x: 0, y: 0 },
    { x: 0, y: 120 },
    { x: 0, y: 300 },
  ]);
  expect(notice(store)).toBe('Aligned 3 components left.');
  expect(store.getState().history.past).toHaveLength(1);
  store.getState().undo();
  expect([at(store, 'b-2'), at(store, 'b-3')]).toEqual([
    { x: 40, y: 120 },
    { x: 400, y: 300 },
  ]);
});

test('Align bottom uses each card’s own height, and Distribute vertically evens the gaps', () => {
  const store = storeWith(['b-1', 'b-2', 'b-3']);
  run(store, 'align-bottom');
  expect([at(store, 'b-1')?.y, at(store, 'b-2')?.y, at(store, 'b-3')?.y]).toEqual([300, 300, 300]);
  store.getState().undo();
  run(store, 'distribute-vertically');
  // 0…360 (a card is 60 tall): 180 of cards, two gaps of 90.
  expect([at(store, 'b-1')?.y, at(store, 'b-2')?.y, at(store, 'b-3')?.y]).toEqual([0, 150, 300]);
  expect(notice(store)).toBe('Distributed 3 components vertically.');
  expect(store.getState().history.past).toHaveLength(1);
});

test('Distribute horizontally evens the horizontal gaps between cards of different widths', () => {
  const store = storeWith(['b-1', 'b-2', 'b-3']);
  run(store, 'distribute-horizontally');
  const doc = store.getState().document;
  const rects = ['b-1', 'b-2', 'b-3'].map((id) =>
    componentRect(doc.components.find((c) => c.id === id) as DocumentComponent),
  );
  const [a, b, c] = rects as [Rect, Rect, Rect];
  expect(b.x - (a.x + a.width)).toBeCloseTo(c.x - (b.x + b.width), -0.5);
  expect([a.x, c.x]).toEqual([0, 400]);
});

test('a card on a host stays inside it: it lines up as far as the host allows', () => {
  const store = storeWith(['b-1', 'b-4']);
  run(store, 'align-left');
  // The host's inside starts 24 px in from its left edge at 600.
  expect(at(store, 'b-4')).toEqual({ x: 624, y: 100 });
  expect(store.getState().document.components.find((c) => c.id === 'b-4')?.host).toBe('h-1');
  expect(at(store, 'b-1')).toEqual({ x: 0, y: 0 });
});

test('a selected host moves with its cards; its card, selected too, goes with it', () => {
  const store = storeWith(['b-1', 'b-4'], ['h-1']);
  run(store, 'align-top');
  const doc = store.getState().document;
  expect(doc.hosts?.[0]?.position).toEqual({ x: 600, y: 0 });
  expect(notice(store)).toBe('The 2 items are already aligned to the top.');
  run(store, 'align-bottom');
  // The host (300 tall) sets the bottom: the card B1 moves down to 240; the host and its card stay.
  expect(at(store, 'b-1')).toEqual({ x: 0, y: 240 });
  expect(at(store, 'b-4')).toEqual({ x: 700, y: 100 });
  expect(notice(store)).toBe('Aligned 2 items to the bottom.');
});

test('a host moved by aligning carries the cards it holds', () => {
  const store = storeWith(['b-1'], ['h-1']);
  run(store, 'align-left');
  expect(store.getState().document.hosts?.[0]?.position).toEqual({ x: 0, y: 0 });
  expect(at(store, 'b-4')).toEqual({ x: 100, y: 100 });
});

test('too few selected: the command is disabled, and if run anyway it says what it needs', () => {
  const store = storeWith(['b-1', 'b-2']);
  expect(commandById('align-left').enabled(store.getState())).toBe(true);
  expect(commandById('distribute-horizontally').enabled(store.getState())).toBe(false);
  run(store, 'distribute-horizontally');
  expect(notice(store)).toBe('Select at least 3 components, hosts, zones or notes to distribute them.');
  expect(store.getState().history.past).toHaveLength(0);
});

test('Zoom to selection frames the selected cards, and a connection’s two ends', () => {
  zoomed.length = 0;
  const store = storeWith(['b-3']);
  run(store, 'zoom-to-selection');
  store.getState().select({ connections: ['c-1'] });
  run(store, 'zoom-to-selection');
  expect(zoomed).toEqual([['b-3'], ['b-1', 'b-2']]);
  expect(notice(store)).toBe('Zoomed to the selection.');
  store.getState().clearSelection();
  expect(commandById('zoom-to-selection').enabled(store.getState())).toBe(false);
});

test('Find opens the Find dialog', () => {
  const store = storeWith([]);
  run(store, 'find');
  expect(store.getState().dialog).toEqual({ kind: 'find' });
});

test('a note and a zone align with the cards: every box of the selection moves', () => {
  const store = createDesignerStore({
    ...deployment(),
    zones: [{ id: 'z-1', name: 'DC', position: { x: 0, y: 600 }, size: { width: 300, height: 200 } }],
    annotations: [{ id: 'n-1', text: 'Note', position: { x: 500, y: 80 } }],
  });
  store.getState().select({ components: ['b-2'], layout: ['n-1', 'z-1'] });
  run(store, 'align-top');
  const doc = store.getState().document;
  expect(doc.annotations?.[0]?.position).toEqual({ x: 500, y: 80 });
  expect(at(store, 'b-2')).toEqual({ x: 40, y: 80 });
  expect(doc.zones?.[0]?.position).toEqual({ x: 0, y: 80 });
  expect(notice(store)).toBe('Aligned 3 items to the top.');
});

test('the context menu and the Arrange menu render their items from the commands', () => {
  const buttons = (file: string) =>
    readFileSync(new URL(file, import.meta.url), 'utf8').match(/<button\b|<input\b/g)?.length ?? 0;
  expect(buttons('./context-menu.tsx')).toBe(0);
  expect(buttons('./arrange-menu.tsx')).toBe(0); // "Arrange" is a MenuButton; its items are commands'
});
