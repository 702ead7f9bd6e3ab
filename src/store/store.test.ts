import { expect, test } from 'vitest';
import { createEmptyDocument } from '../document';
import { createDesignerStore, type DesignerStore, EMPTY_SELECTION } from './store';
import { deployment as labDeployment, storeWithDeployment as labStore } from './test-builders';

// This file's deployment: its Builder is named for a site, and both cards stand on the row y = 100,
// so the offset of a paste shows on both axes.
const LAB = { builderName: 'Site_A_Builder', y: 100 } as const;
const deployment = () => labDeployment(LAB);
const storeWithDeployment = () => labStore(LAB);

function selectedComponents(store: DesignerStore): string[] {
  return [...store.getState().selection.components];
}

function selectedConnections(store: DesignerStore): string[] {
  return [...store.getState().selection.connections];
}

// A fresh store

test('a store made without a document starts with an empty document, no history and no selection', () => {
  const state = createDesignerStore().getState();
  expect(state.document).toEqual(createEmptyDocument());
  expect(state.history).toEqual({ past: [], future: [], pastReplaced: [], futureReplaced: [] });
  expect(state.selection).toEqual(EMPTY_SELECTION);
  expect(state.documentEpoch).toBe(0);
  expect(state.clipboard).toBeNull();
  expect(state.notice).toBeNull();
});

test('a store made with a document holds that document object', () => {
  const document = deployment();
  expect(createDesignerStore(document).getState().document).toBe(document);
});

test('two stores from the factory are independent', () => {
  const a = storeWithDeployment();
  const b = storeWithDeployment();
  a.getState().addComponent('daemon', { x: 0, y: 0 });
  a.getState().setName('Only A');
  a.getState().selectAll();
  a.getState().copySelection();
  a.getState().notify('Saved');
  expect(b.getState().document).toEqual(deployment());
  expect(b.getState().history.past).toHaveLength(0);
  expect(b.getState().selection).toEqual(EMPTY_SELECTION);
  expect(b.getState().clipboard).toBeNull();
  expect(b.getState().notice).toBeNull();
});

// Selection

test('addComponent selects the new component alone', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1'], connections: ['c-1'] });
  const id = store.getState().addComponent('web', { x: 0, y: 0 });
  expect(selectedComponents(store)).toEqual([id]);
  expect(selectedConnections(store)).toEqual([]);
});

test('a new connection is selected alone', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1'] });
  const result = store.getState().connect('srv-1', 'bld-1');
  if (!result.ok) throw new Error(result.verdict.message);
  expect(selectedComponents(store)).toEqual([]);
  expect(selectedConnections(store)).toEqual([result.id]);
});

test('selectAll selects every component and every connection', () => {
  const store = storeWithDeployment();
  store.getState().selectAll();
  expect(selectedComponents(store)).toEqual(['srv-1', 'bld-1']);
  expect(selectedConnections(store)).toEqual(['c-1']);
});

test('clearSelection empties the selection', () => {
  const store = storeWithDeployment();
  store.getState().selectAll();
  store.getState().clearSelection();
  expect(store.getState().selection).toEqual(EMPTY_SELECTION);
});

test('clearSelection with nothing selected changes no state', () => {
  const store = storeWithDeployment();
  const state = store.getState();
  store.getState().clearSelection();
  expect(store.getState()).toBe(state);
});

test('deleteSelection deletes the selected components with their connections and empties the selection', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['bld-1'] });
  store.getState().deleteSelection();
  expect(store.getState().document.components.map((c) => c.id)).toEqual(['srv-1']);
  expect(store.getState().document.connections).toEqual([]);
  expect(store.getState().selection.components.size).toBe(0);
});

// Clipboard

test('copySelection returns how many components it copied and keeps them on the clipboard', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1', 'bld-1'] });
  expect(store.getState().copySelection()).toBe(2);
  expect(store.getState().clipboard?.components.map((c) => c.id)).toEqual(['srv-1', 'bld-1']);
  expect(store.getState().clipboard?.connections.map((c) => c.id)).toEqual(['c-1']);
});

test('copySelection with no component selected returns 0 and keeps the clipboard', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1'] });
  store.getState().copySelection();
  const { clipboard } = store.getState();
  store.getState().select({ connections: ['c-1'] });
  expect(store.getState().copySelection()).toBe(0);
  expect(store.getState().clipboard).toBe(clipboard);
});

test('copySelection does not change the document or the history', () => {
  const store = storeWithDeployment();
  const { document, history } = store.getState();
  store.getState().selectAll();
  store.getState().copySelection();
  expect(store.getState().document).toBe(document);
  expect(store.getState().history).toBe(history);
});

test('paste adds copies with new names one grid step from the originals, with their connections, and selects them', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1', 'bld-1'] });
  store.getState().copySelection();
  store.getState().paste({ x: 600, y: 400 });
  const pasted = store.getState().document.components.slice(2);
  expect(pasted.map((c) => c.name)).toEqual(['WFM_Server_2', 'Site_A_Builder_copy']);
  expect(pasted.map((c) => c.position)).toEqual([
    { x: 8, y: 108 },
    { x: 208, y: 108 },
  ]);
  expect(selectedComponents(store)).toEqual(pasted.map((c) => c.id));
  expect(store.getState().document.connections).toHaveLength(2);
  expect([...store.getState().selection.connections]).toEqual([store.getState().document.connections[1]?.id]);
  expect(store.getState().notice?.text).toBe('Pasted 2 components and 1 connection.');
});

test('a paste whose originals are gone lands at the fallback point (the view centre), then cascades', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1'] });
  store.getState().copySelection();
  store.getState().deleteSelection();
  store.getState().paste({ x: 600, y: 400 });
  store.getState().paste({ x: 600, y: 400 });
  const pasted = store.getState().document.components.slice(1);
  expect(pasted.map((c) => c.position)).toEqual([
    { x: 600, y: 400 },
    { x: 608, y: 408 },
  ]);
});

test('pasting the same clipboard twice gives two sets of distinct ids and names', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1'] });
  store.getState().copySelection();
  store.getState().paste({ x: 0, y: 0 });
  store.getState().paste({ x: 0, y: 0 });
  const { components } = store.getState().document;
  expect(new Set(components.map((c) => c.id)).size).toBe(4);
  expect(components.map((c) => c.name)).toEqual([
    'WFM_Server_1',
    'Site_A_Builder',
    'WFM_Server_2',
    'WFM_Server_3',
  ]);
});

test('duplicateSelection copies the selection one grid step right and down, and again from the copy (a cascade)', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1', 'bld-1'] });
  store.getState().duplicateSelection();
  const copies = store.getState().document.components.slice(2);
  expect(copies.map((c) => c.position)).toEqual([
    { x: 8, y: 108 },
    { x: 208, y: 108 },
  ]);
  expect(selectedComponents(store)).toEqual(copies.map((c) => c.id));
  store.getState().duplicateSelection();
  expect(
    store
      .getState()
      .document.components.slice(4)
      .map((c) => c.position),
  ).toEqual([
    { x: 16, y: 116 },
    { x: 216, y: 116 },
  ]);
});

test('Ctrl+D on one component says what it duplicated as what', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1'] });
  store.getState().duplicateSelection();
  expect(store.getState().notice).toMatchObject({
    text: "Duplicated WFM Server 'WFM_Server_1' as 'WFM_Server_2'.",
    tone: 'success',
  });
});

test('duplicateSelection leaves the clipboard alone', () => {
  const store = storeWithDeployment();
  store.getState().select({ components: ['srv-1'] });
  store.getState().duplicateSelection();
  expect(store.getState().clipboard).toBeNull();
});

// Replacing the whole document

test('replaceDocument puts the new document in, bumps documentEpoch and clears the selection', () => {
  const store = storeWithDeployment();
  store.getState().selectAll();
  const next = createEmptyDocument('New');
  store.getState().replaceDocument(next);
  expect(store.getState().document).toBe(next);
  expect(store.getState().documentEpoch).toBe(1);
  expect(store.getState().selection).toEqual(EMPTY_SELECTION);
  store.getState().replaceDocument(deployment());
  expect(store.getState().documentEpoch).toBe(2);
});

test('replaceDocument can be undone back to the old document', () => {
  const store = storeWithDeployment();
  const before = store.getState().document;
  store.getState().replaceDocument(createEmptyDocument('New'));
  store.getState().undo();
  expect(store.getState().document).toBe(before);
});

// Document name and options

test('setName names the document, and setting the empty name on an unnamed document is a no-op', () => {
  const store = createDesignerStore();
  const { document } = store.getState();
  store.getState().setName('');
  expect(store.getState().document).toBe(document);
  store.getState().setName('Site A');
  expect(store.getState().document.name).toBe('Site A');
});

test('setOption turns one deployment option on and writes both explicitly', () => {
  const store = storeWithDeployment();
  store.getState().setOption('scheduledReporting', true);
  expect(store.getState().document.options).toEqual({ managementLayer: false, scheduledReporting: true });
});

// UI

test('notify increments seq so a repeated message announces again', () => {
  const store = storeWithDeployment();
  store.getState().notify('Copied 2 components');
  expect(store.getState().notice).toEqual({ text: 'Copied 2 components', tone: 'info', seq: 1 });
  store.getState().notify('Copied 2 components');
  expect(store.getState().notice?.seq).toBe(2);
  store.getState().notify('Cannot connect', 'refusal');
  expect(store.getState().notice).toEqual({ text: 'Cannot connect', tone: 'refusal', seq: 3 });
});

test('setTheme, openDialog and setSaveError set their values', () => {
  const store = storeWithDeployment();
  store.getState().setTheme('dark');
  store.getState().openDialog({ kind: 'shortcuts' });
  store.getState().setSaveError('Storage is full');
  expect(store.getState()).toMatchObject({
    theme: 'dark',
    dialog: { kind: 'shortcuts' },
    saveError: 'Storage is full',
  });
  store.getState().openDialog(null);
  store.getState().setSaveError(null);
  expect(store.getState()).toMatchObject({ dialog: null, saveError: null });
});

test('setSaveError with the same error changes no state', () => {
  const store = storeWithDeployment();
  store.getState().setSaveError('Storage is full');
  const state = store.getState();
  store.getState().setSaveError('Storage is full');
  expect(store.getState()).toBe(state);
});

test('UI changes never touch the document or the history', () => {
  const store = storeWithDeployment();
  const { document, history } = store.getState();
  store.getState().notify('Hello');
  store.getState().setTheme('light');
  store.getState().selectAll();
  expect(store.getState().document).toBe(document);
  expect(store.getState().history).toBe(history);
});
