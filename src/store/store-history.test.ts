import { expect, test } from 'vitest';
import { createEmptyDocument, type TopologyDocument } from '../document';
import { HISTORY_LIMIT, REPLACEMENT_LIMIT } from './history';
import type { DesignerStore } from './store';
import { storeWithDeployment } from './test-builders';

const to = (id: string, x: number, y = 0) => new Map([[id, { x, y }]]);

type Edit = (store: DesignerStore) => unknown;

const EDITS: ReadonlyArray<readonly [string, Edit]> = [
  ['addComponent', (s) => s.getState().addComponent('daemon', { x: 0, y: 300 })],
  ['updateComponent', (s) => s.getState().updateComponent('srv-1', { host: 'wfm01.example.com' })],
  ['connect', (s) => s.getState().connect('srv-1', 'bld-1')],
  ['setSecurity', (s) => s.getState().setSecurity('c-1', 'tls')],
  [
    'deleteSelection',
    (s) => {
      s.getState().select({ components: ['bld-1'] });
      s.getState().deleteSelection();
    },
  ],
  ['deleteElements', (s) => s.getState().deleteElements([], ['c-1'])],
  ['setName', (s) => s.getState().setName('Site A')],
  ['setOption', (s) => s.getState().setOption('managementLayer', true)],
  ['replaceDocument', (s) => s.getState().replaceDocument(createEmptyDocument('New'))],
  [
    'paste',
    (s) => {
      s.getState().select({ components: ['srv-1', 'bld-1'] });
      s.getState().copySelection();
      s.getState().paste({ x: 500, y: 500 });
    },
  ],
  [
    'duplicateSelection',
    (s) => {
      s.getState().select({ components: ['srv-1'] });
      s.getState().duplicateSelection();
    },
  ],
  ['moveComponents in step mode', (s) => s.getState().moveComponents(to('srv-1', 40), 'step')],
];

test.each(EDITS)('%s changes the document as exactly one undo step', (_name, edit) => {
  const store = storeWithDeployment();
  const before = store.getState().document;
  edit(store);
  const after = store.getState().document;
  expect(after).not.toBe(before);
  expect(store.getState().history.past).toHaveLength(1);
  expect(store.getState().history.past[0]).toBe(before);
  store.getState().undo();
  expect(store.getState().document).toBe(before);
  store.getState().redo();
  expect(store.getState().document).toBe(after);
});

const NO_OP_EDITS: ReadonlyArray<readonly [string, Edit]> = [
  [
    'updateComponent with the values it already has',
    (s) => s.getState().updateComponent('srv-1', { name: 'WFM_Server_1' }),
  ],
  ['updateComponent that empties the name', (s) => s.getState().updateComponent('srv-1', { name: '' })],
  ['updateComponent of an unknown component', (s) => s.getState().updateComponent('nope', { host: 'h' })],
  ['setSecurity to none, the default', (s) => s.getState().setSecurity('c-1', 'none')],
  ['setName to the same name', (s) => s.getState().setName('Lab')],
  ['setOption to the default', (s) => s.getState().setOption('scheduledReporting', false)],
  ['moveComponents to where they are', (s) => s.getState().moveComponents(to('srv-1', 0), 'step')],
  ['deleteSelection with nothing selected', (s) => s.getState().deleteSelection()],
  ['paste with an empty clipboard', (s) => s.getState().paste({ x: 0, y: 0 })],
  ['duplicateSelection with nothing selected', (s) => s.getState().duplicateSelection()],
  ['replaceDocument with the same document', (s) => s.getState().replaceDocument(s.getState().document)],
];

test.each(NO_OP_EDITS)('%s leaves the document alone and records nothing', (_name, edit) => {
  const store = storeWithDeployment();
  const { document, history } = store.getState();
  edit(store);
  expect(store.getState().document).toBe(document);
  expect(store.getState().history).toBe(history);
});

test('a refused connect leaves the document and the history untouched and says why', () => {
  const store = storeWithDeployment();
  const { document, history } = store.getState();
  const result = store.getState().connect('bld-1', 'srv-1');
  expect(result.ok ? 'ok' : result.verdict.reason).toBe('duplicate-connection');
  expect(store.getState().document).toBe(document);
  expect(store.getState().history).toBe(history);
});

test('a drag gesture of several moves is one undo step back to where the drag began', () => {
  const store = storeWithDeployment();
  const before = store.getState().document;
  store.getState().beginGesture();
  store.getState().moveComponents(to('srv-1', 10), 'gesture');
  store.getState().moveComponents(to('srv-1', 20), 'gesture');
  store.getState().moveComponents(to('srv-1', 30, 5), 'gesture');
  expect(store.getState().history.past).toHaveLength(0);
  store.getState().endGesture();
  expect(store.getState().history.past).toEqual([before]);
  expect(store.getState().document.components[0]?.position).toEqual({ x: 30, y: 5 });
  store.getState().undo();
  expect(store.getState().document).toBe(before);
});

test('a gesture that moved nothing records no undo step', () => {
  const store = storeWithDeployment();
  const { history } = store.getState();
  store.getState().beginGesture();
  store.getState().moveComponents(to('srv-1', 0), 'gesture');
  store.getState().endGesture();
  expect(store.getState().history).toBe(history);
  expect(store.getState().gestureBase).toBeNull();
});

test('a gesture that ends where it began records no undo step', () => {
  const store = storeWithDeployment();
  const { document, history } = store.getState();
  store.getState().beginGesture();
  store.getState().moveComponents(to('srv-1', 10), 'gesture');
  store.getState().moveComponents(to('srv-1', 0), 'gesture');
  store.getState().endGesture();
  expect(store.getState().history).toBe(history);
  expect(store.getState().document).toBe(document);
});

test('an edit made during a gesture joins the one undo step of the gesture', () => {
  const store = storeWithDeployment();
  const before = store.getState().document;
  store.getState().beginGesture();
  store.getState().moveComponents(to('srv-1', 10), 'gesture');
  store.getState().setName('Site A');
  store.getState().endGesture();
  expect(store.getState().history.past).toEqual([before]);
});

test('undo and redo wait while a gesture is in progress', () => {
  const store = storeWithDeployment();
  store.getState().setName('Site A');
  store.getState().beginGesture();
  store.getState().moveComponents(to('srv-1', 10), 'gesture');
  store.getState().undo();
  expect(store.getState().document.name).toBe('Site A');
  store.getState().endGesture();
  expect(store.getState().history.past).toHaveLength(2);
});

test('endGesture without beginGesture does nothing', () => {
  const store = storeWithDeployment();
  const state = store.getState();
  store.getState().endGesture();
  expect(store.getState()).toBe(state);
});

test('moves in gesture mode outside a gesture are each their own step', () => {
  const store = storeWithDeployment();
  store.getState().moveComponents(to('srv-1', 10), 'gesture');
  store.getState().moveComponents(to('srv-1', 20), 'gesture');
  expect(store.getState().history.past).toHaveLength(2);
});

test('undo and redo restore the exact document objects, step by step', () => {
  const store = storeWithDeployment();
  const d0 = store.getState().document;
  store.getState().setName('One');
  const d1 = store.getState().document;
  store.getState().setName('Two');
  const d2 = store.getState().document;
  store.getState().undo();
  expect(store.getState().document).toBe(d1);
  store.getState().undo();
  expect(store.getState().document).toBe(d0);
  store.getState().redo();
  expect(store.getState().document).toBe(d1);
  store.getState().redo();
  expect(store.getState().document).toBe(d2);
});

test('undo with nothing to undo and redo with nothing to redo change nothing', () => {
  const store = storeWithDeployment();
  const state = store.getState();
  store.getState().undo();
  store.getState().redo();
  expect(store.getState()).toBe(state);
});

test('a new edit after undo drops the redo branch', () => {
  const store = storeWithDeployment();
  store.getState().setName('One');
  store.getState().undo();
  expect(store.getState().history.future).toHaveLength(1);
  store.getState().setName('Other');
  expect(store.getState().history.future).toHaveLength(0);
  store.getState().redo();
  expect(store.getState().document.name).toBe('Other');
});

test('a refused connect after undo keeps the redo branch', () => {
  const store = storeWithDeployment();
  store.getState().setName('One');
  store.getState().undo();
  store.getState().connect('bld-1', 'srv-1');
  store.getState().redo();
  expect(store.getState().document.name).toBe('One');
});

test('undo drops the ids of components and connections that no longer exist from the selection', () => {
  const store = storeWithDeployment();
  const id = store.getState().addComponent('daemon', { x: 0, y: 300 });
  const result = store.getState().connect(id, 'srv-1');
  if (!result.ok) throw new Error(result.verdict.message);
  store.getState().select({ components: [id, 'srv-1'], connections: [result.id, 'c-1'] });
  store.getState().undo();
  expect([...store.getState().selection.components]).toEqual([id, 'srv-1']);
  expect([...store.getState().selection.connections]).toEqual(['c-1']);
  store.getState().undo();
  expect([...store.getState().selection.components]).toEqual(['srv-1']);
});

test('undo keeps the selection object when every selected id still exists', () => {
  const store = storeWithDeployment();
  store.getState().setName('One');
  store.getState().select({ components: ['srv-1'] });
  const { selection } = store.getState();
  store.getState().undo();
  expect(store.getState().selection).toBe(selection);
});

test(`the history keeps the last ${HISTORY_LIMIT} steps and forgets the oldest first`, () => {
  const store = storeWithDeployment();
  const edits = HISTORY_LIMIT + 5;
  for (let n = 1; n <= edits; n += 1) store.getState().setName(`Name ${n}`);
  expect(store.getState().history.past).toHaveLength(HISTORY_LIMIT);
  for (let n = 0; n < edits; n += 1) store.getState().undo();
  expect(store.getState().document.name).toBe('Name 5');
  expect(store.getState().history.future).toHaveLength(HISTORY_LIMIT);
});

test(`Undo goes back over the last ${REPLACEMENT_LIMIT} document replacements, and not further`, () => {
  const store = storeWithDeployment();
  store.getState().updateComponent('srv-1', { host: 'first.example.com' });
  const opened: TopologyDocument[] = [];
  for (let i = 0; i < REPLACEMENT_LIMIT + 2; i += 1) {
    const next = { ...createEmptyDocument(`Opened ${i}`) };
    opened.push(next);
    store.getState().replaceDocument(next);
    store.getState().addComponent('server', { x: i * 100, y: 0 });
  }
  // Each round is a replacement and an edit; only the last REPLACEMENT_LIMIT replacements stay,
  // with the edit made in the oldest document Undo can still reach.
  expect(store.getState().history.past).toHaveLength(REPLACEMENT_LIMIT * 2 + 1);
  for (let i = 0; i < REPLACEMENT_LIMIT * 2 + 1; i += 1) store.getState().undo();
  expect(store.getState().document.name).toBe('Opened 1');
  expect(store.getState().document.components).toHaveLength(0);
  store.getState().undo(); // nothing older is kept
  expect(store.getState().document.name).toBe('Opened 1');

  // Redo replays the steps, and they still count as replacements.
  for (let i = 0; i < REPLACEMENT_LIMIT * 2 + 1; i += 1) store.getState().redo();
  expect(store.getState().document.name).toBe(`Opened ${REPLACEMENT_LIMIT + 1}`);
  store.getState().replaceDocument(createEmptyDocument('One more'));
  expect(store.getState().history.pastReplaced.filter(Boolean)).toHaveLength(REPLACEMENT_LIMIT);
  expect(store.getState().history.past).toHaveLength(REPLACEMENT_LIMIT * 2);
});

test('ordinary edits do not count toward the replacement limit', () => {
  const store = storeWithDeployment();
  for (let i = 0; i < 50; i += 1) store.getState().updateComponent('srv-1', { port: 7000 + i });
  expect(store.getState().history.past).toHaveLength(50);
  expect(store.getState().history.pastReplaced.some(Boolean)).toBe(false);
});
