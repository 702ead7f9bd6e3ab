import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEmptyDocument, type TopologyDocument } from '../document';
import { keepRoutes } from '../drawing';
import { addBackup } from './backup-operations';
import { describeCopies, fragmentCorner, pastePlace } from './copies';
import { describeEdit } from './describe-edit';
import { newDocumentId } from './document-id';
import { emptyHistory, pushStep, stepBack, stepForward } from './history';
import {
  addHost,
  addNote,
  addZone,
  applyLayout,
  joinHostUnder,
  moveNodes,
  resizeContainer,
  setComponentHost,
  setConnectionLabel,
  setMessageServerLinks,
  setRuleset,
  updateHost,
  updateNote,
  updateZone,
} from './layout-operations';
import {
  addComponent,
  addConnection,
  deleteElements,
  extractFragment,
  type Fragment,
  moveComponents,
  pasteFragment,
  updateComponent,
  updateConnection,
  type XY,
} from './operations';
import type {
  ClipboardSlice,
  DesignerState,
  DesignerStore,
  DocumentSlice,
  HistorySlice,
  LiveSlice,
  Notice,
  NoticeTone,
  Selection,
  SelectionSlice,
  UiSlice,
} from './store-types';
import { VIEW_ONLY_REFUSAL } from './store-types';

export type {
  DesignerState,
  DesignerStore,
  DocumentOrigin,
  LiveEditing,
  OpenDialog,
  Selection,
  SidePanel,
  ThemePreference,
} from './store-types';
export { DOCUMENT_ORIGINS, VIEW_ONLY_REFUSAL } from './store-types';

export const EMPTY_SELECTION: Selection = { components: new Set(), connections: new Set() };

type Set = StoreApi<DesignerState>['setState'];
type Get = StoreApi<DesignerState>['getState'];

/** The next notice's number: one more than the last, so a repeated sentence is announced again. */
function said(get: Get, text: string, tone: NoticeTone = 'success'): Notice {
  return { text, tone, seq: (get().notice?.seq ?? 0) + 1 };
}

/**
 * Applies a new document as one history step; a no-op edit records nothing. Every step says what
 * it did in the status line: `extra.notice` when the caller has a better sentence, else
 * `describeEdit`'s, so the last refusal never outlives the next edit (decision 029).
 */
function commit(
  set: Set,
  get: Get,
  next: TopologyDocument,
  extra: Partial<DesignerState> = {},
  replaced = false,
): void {
  const { document, history, gestureBase } = get();
  if (get().live?.readOnly) {
    if (next !== document) refuseViewOnly(set, get);
    return;
  }
  if (next === document) {
    if (Object.keys(extra).length > 0) set(extra);
    return;
  }
  set({
    document: next,
    history: gestureBase ? history : pushStep(history, document, replaced),
    notice: said(get, describeEdit(document, next)),
    ...extra,
  });
}

/**
 * Says once that a view-only session takes no edit: a refused drag asks on every frame, and the
 * status line should not announce the same sentence sixty times a second.
 */
function refuseViewOnly(set: Set, get: Get): void {
  const { notice } = get();
  if (notice?.text === VIEW_ONLY_REFUSAL && notice.tone === 'refusal') return;
  set({ notice: said(get, VIEW_ONLY_REFUSAL, 'refusal') });
}

/** Drops selected ids that no longer exist after an undo, a redo or a replacement. */
function pruneSelection(selection: Selection, document: TopologyDocument): Selection {
  const componentIds = new Set(document.components.map((c) => c.id));
  const connectionIds = new Set(document.connections.map((c) => c.id));
  const layoutIds = new Set([
    ...(document.hosts ?? []).map((h) => h.id),
    ...(document.zones ?? []).map((z) => z.id),
    ...(document.annotations ?? []).map((a) => a.id),
  ]);
  const components = [...selection.components].filter((id) => componentIds.has(id));
  const connections = [...selection.connections].filter((id) => connectionIds.has(id));
  const layout = [...(selection.layout ?? [])].filter((id) => layoutIds.has(id));
  if (
    components.length === selection.components.size &&
    connections.length === selection.connections.size &&
    layout.length === (selection.layout?.size ?? 0)
  ) {
    return selection;
  }
  return {
    components: new Set(components),
    connections: new Set(connections),
    ...(layout.length ? { layout: new Set(layout) } : {}),
  };
}

/** Selects one host, zone or note. */
function layoutSelection(id: string): Selection {
  return { components: new Set(), connections: new Set(), layout: new Set([id]) };
}

function createDocumentSlice(set: Set, get: Get, initial: TopologyDocument, id: string): DocumentSlice {
  return {
    document: initial,
    documentEpoch: 0,
    documentId: id,
    documentOrigin: 'new',
    addComponent(kind, position) {
      const result = addComponent(get().document, kind, position);
      commit(set, get, joinHostUnder(result.document, result.id), {
        selection: { components: new Set([result.id]), connections: new Set() },
      });
      return result.id;
    },
    updateComponent(id, patch) {
      commit(set, get, updateComponent(get().document, id, patch));
    },
    moveComponents(moves, mode) {
      const next = keepRoutes(get().document, moveComponents(get().document, moves));
      if (mode === 'gesture' && get().gestureBase) set({ document: next });
      else commit(set, get, next);
    },
    connect(from, to) {
      const result = addConnection(get().document, from, to);
      if (result.ok) {
        commit(set, get, result.document, {
          selection: { components: new Set(), connections: new Set([result.id]) },
        });
      }
      return result;
    },
    setSecurity(connectionId, security) {
      commit(set, get, updateConnection(get().document, connectionId, security));
    },
    deleteSelection() {
      const { selection } = get();
      get().deleteElements(selection.components, selection.connections, selection.layout ?? []);
    },
    deleteElements(componentIds, connectionIds, layoutIds = []) {
      const next = deleteElements(
        get().document,
        new Set(componentIds),
        new Set(connectionIds),
        new Set(layoutIds),
      );
      commit(set, get, next, { selection: pruneSelection(get().selection, next) });
    },
    addHost(position) {
      const result = addHost(get().document, position);
      commit(set, get, result.document, { selection: layoutSelection(result.id) });
      return result.id;
    },
    addZone(position) {
      const result = addZone(get().document, position);
      commit(set, get, result.document, { selection: layoutSelection(result.id) });
      return result.id;
    },
    addNote(position, text) {
      const result = addNote(get().document, position, text);
      commit(set, get, result.document, { selection: layoutSelection(result.id) });
      return result.id;
    },
    updateHost(id, patch) {
      commit(set, get, updateHost(get().document, id, patch));
    },
    updateZone(id, patch) {
      commit(set, get, updateZone(get().document, id, patch));
    },
    updateNote(id, text) {
      commit(set, get, updateNote(get().document, id, text));
    },
    setComponentHost(componentId, hostId) {
      commit(set, get, setComponentHost(get().document, componentId, hostId));
    },
    setConnectionLabel(connectionId, label) {
      commit(set, get, setConnectionLabel(get().document, connectionId, label));
    },
    setMessageServerLinks(mode) {
      commit(set, get, setMessageServerLinks(get().document, mode));
    },
    setRuleset(ruleset) {
      commit(set, get, setRuleset(get().document, ruleset));
    },
    applyLayout(layout) {
      commit(set, get, applyLayout(get().document, layout));
    },
    resizeContainer(id, rect, mode) {
      const next = resizeContainer(get().document, id, rect);
      if (mode === 'gesture' && get().gestureBase) set({ document: next });
      else commit(set, get, next);
    },
    moveNodes(moves, mode, drop = false) {
      const next = keepRoutes(get().document, moveNodes(get().document, moves, drop));
      if (mode === 'gesture' && get().gestureBase) set({ document: next });
      else commit(set, get, next);
    },
    addBackup(primaryId, options) {
      const result = addBackup(get().document, primaryId, options);
      if (!result) return null;
      commit(set, get, result.document, {
        selection: { components: new Set([result.id]), connections: new Set() },
      });
      return result.id;
    },
    setName(name) {
      const { document } = get();
      if ((document.name ?? '') === name) return;
      commit(set, get, { ...document, name });
    },
    setOption(key, value) {
      const { document } = get();
      const options = { managementLayer: false, scheduledReporting: false, ...document.options };
      if (options[key] === value) return;
      commit(set, get, { ...document, options: { ...options, [key]: value } });
    },
    replaceDocument(document) {
      commit(
        set,
        get,
        document,
        {
          selection: EMPTY_SELECTION,
          documentEpoch: get().documentEpoch + 1,
          notice: said(get, 'Replaced the deployment.', 'info'),
        },
        true,
      );
    },
    openDocument(document, { id = newDocumentId(), origin = 'new' } = {}) {
      set({
        document,
        documentId: id,
        documentOrigin: origin,
        history: emptyHistory(),
        gestureBase: null,
        selection: EMPTY_SELECTION,
        documentEpoch: get().documentEpoch + 1,
      });
      return id;
    },
    openNewDocument(document, origin, notice) {
      const previous = get().document;
      // In a live session the new document goes into the room (one undo step, refused when
      // view-only): leaving the room is not a side effect of Import.
      if (!get().libraryAvailable || get().live) {
        get().replaceDocument(document);
        get().notify(`${notice} Undo brings back the previous document.`, 'success');
        return;
      }
      const name = previous.name?.trim();
      const kept = previous.components.length > 0 || Boolean(name);
      get().openDocument(document, { origin });
      get().notify(
        kept
          ? `${notice} Your previous deployment “${name || 'Untitled deployment'}” is in Open recent.`
          : notice,
        'success',
      );
    },
    applyQuickFix(fix) {
      const { selection } = get();
      const seq = (get().notice?.seq ?? 0) + 1;
      if (fix.kind === 'rename' && fix.hostId !== undefined) {
        const host = get().document.hosts?.find((h) => h.id === fix.hostId);
        if (!host) return;
        set({
          selection: { components: new Set(), connections: new Set(), layout: new Set([host.id]) },
          focusField: 'name',
          notice: { text: `Type a new, unique name for host '${host.name}'.`, tone: 'info', seq },
        });
        return;
      }
      if (fix.kind === 'rename') {
        const component = get().document.components.find((c) => c.id === fix.componentId);
        if (!component) return;
        set({
          selection: { components: new Set([component.id]), connections: new Set() },
          focusField: 'name',
          notice: { text: `Type a new, unique name for '${component.name}'.`, tone: 'info', seq },
        });
        return;
      }
      const result = fix.apply(get().document);
      if (!result.ok) {
        set({ notice: { text: result.notice, tone: 'refusal', seq } });
        return;
      }
      commit(set, get, result.document, {
        selection: result.select
          ? {
              components: new Set(result.select.components ?? []),
              connections: new Set(result.select.connections ?? []),
            }
          : pruneSelection(selection, result.document),
        notice: { text: result.notice, tone: 'success', seq },
      });
    },
  };
}

function createHistorySlice(set: Set, get: Get): HistorySlice {
  const travel = (direction: 'back' | 'forward') => {
    const { history, document, gestureBase } = get();
    if (gestureBase) return;
    const step = direction === 'back' ? stepBack(history, document) : stepForward(history, document);
    if (!step) return;
    const what = describeEdit(document, step.state);
    set({
      document: step.state,
      history: step.history,
      selection: pruneSelection(get().selection, step.state),
      notice: said(get, `${direction === 'back' ? 'Undid' : 'Redid'} a step: ${lowerFirst(what)}`, 'info'),
    });
  };
  return {
    history: emptyHistory(),
    gestureBase: null,
    beginGesture() {
      // View-only: no gesture, so each move of a drag goes to `commit`, which refuses it.
      if (!get().gestureBase && !get().live?.readOnly) set({ gestureBase: get().document });
    },
    endGesture() {
      const { gestureBase, document, history } = get();
      if (!gestureBase) return;
      // A drag that ends where it began changed nothing: keep the original document, record no step.
      if (gestureBase === document || JSON.stringify(gestureBase) === JSON.stringify(document)) {
        set({ gestureBase: null, document: gestureBase });
        return;
      }
      set({
        gestureBase: null,
        history: pushStep(history, gestureBase),
        notice: said(get, describeEdit(gestureBase, document)),
      });
    },
    undo: () => {
      const { live } = get();
      if (live) live.undo();
      else travel('back');
    },
    redo: () => {
      const { live } = get();
      if (live) live.redo();
      else travel('forward');
    },
  };
}

function createSelectionSlice(set: Set, get: Get): SelectionSlice {
  return {
    selection: EMPTY_SELECTION,
    select({ components = [], connections = [], layout = [] }) {
      const chosen = new Set(layout);
      set({
        selection: {
          components: new Set(components),
          connections: new Set(connections),
          ...(chosen.size ? { layout: chosen } : {}),
        },
      });
    },
    selectAll() {
      const { document } = get();
      set({
        selection: {
          components: new Set(document.components.map((c) => c.id)),
          connections: new Set(document.connections.map((c) => c.id)),
        },
      });
    },
    clearSelection() {
      const { selection } = get();
      if (selection.components.size || selection.connections.size || selection.layout?.size)
        set({ selection: EMPTY_SELECTION });
    },
  };
}

function createClipboardSlice(set: Set, get: Get): ClipboardSlice {
  /** Pastes `fragment` with its top-left corner at `at`, selects the copies and says what it did. */
  const pasteAt = (fragment: Fragment, at: XY, verb: 'Duplicated' | 'Pasted') => {
    const before = get().document;
    const result = pasteFragment(before, fragment, at);
    // Pasted cards run on the host under their centre, as dropped ones do (decision 023).
    const placed = new Map<string, XY>();
    for (const c of result.document.components) {
      if (c.position && result.componentIds.includes(c.id)) placed.set(c.id, c.position);
    }
    const document = result.document.hosts?.length
      ? moveNodes(result.document, placed, true)
      : result.document;
    const known = new Set(before.connections.map((c) => c.id));
    const connections = document.connections.filter((c) => !known.has(c.id)).map((c) => c.id);
    commit(set, get, document, {
      selection: { components: new Set(result.componentIds), connections: new Set(connections) },
      notice: said(get, describeCopies(verb, fragment, document, result.componentIds, connections.length)),
    });
  };
  return {
    clipboard: null,
    clipboardPastes: 0,
    copySelection() {
      const fragment = extractFragment(get().document, get().selection.components);
      if (fragment.components.length > 0) set({ clipboard: fragment, clipboardPastes: 0 });
      return fragment.components.length;
    },
    paste(fallback) {
      const { clipboard, clipboardPastes, document } = get();
      if (!clipboard) return;
      pasteAt(clipboard, pastePlace(clipboard, clipboardPastes, document, fallback), 'Pasted');
      set({ clipboardPastes: clipboardPastes + 1 });
    },
    duplicateSelection() {
      const fragment = extractFragment(get().document, get().selection.components);
      if (fragment.components.length === 0) return;
      // The copies are selected, so the next Ctrl+D copies them one step further: a cascade.
      pasteAt(fragment, pastePlace(fragment, 0, get().document, fragmentCorner(fragment)), 'Duplicated');
    },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function createUiSlice(set: Set, get: Get): UiSlice {
  return {
    notice: null,
    notify(text, tone = 'info') {
      set({ notice: said(get, text, tone) });
    },
    theme: 'system',
    setTheme(theme) {
      set({ theme });
    },
    dialog: null,
    openDialog(dialog) {
      set({ dialog });
    },
    sidePanel: null,
    toggleSidePanel(panel) {
      set({ sidePanel: panel === get().sidePanel ? null : panel });
    },
    exportOutlineProblems: false,
    setExportOutlineProblems(exportOutlineProblems) {
      set({ exportOutlineProblems });
    },
    focusField: null,
    setFocusField(focusField) {
      if (get().focusField !== focusField) set({ focusField });
    },
    libraryAvailable: false,
    setLibraryAvailable(libraryAvailable) {
      set({ libraryAvailable });
    },
    saveError: null,
    setSaveError(saveError) {
      if (get().saveError !== saveError) set({ saveError });
    },
  };
}

function createLiveSlice(set: Set, get: Get): LiveSlice {
  return {
    live: null,
    setLive(live) {
      set({ live });
    },
    receiveDocument(document) {
      if (document === get().document) return;
      set({ document, selection: pruneSelection(get().selection, document) });
    },
  };
}

/** A fresh designer store; every test and every mounted app gets its own. */
export function createDesignerStore(
  initial: TopologyDocument = createEmptyDocument(),
  id: string = newDocumentId(),
): DesignerStore {
  return createStore<DesignerState>()((set, get) => ({
    ...createDocumentSlice(set, get, initial, id),
    ...createHistorySlice(set, get),
    ...createSelectionSlice(set, get),
    ...createClipboardSlice(set, get),
    ...createUiSlice(set, get),
    ...createLiveSlice(set, get),
  }));
}
