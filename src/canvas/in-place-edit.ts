import {
  createContext,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useContext,
  useEffect,
} from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TopologyDocument } from '../document';
import { MAX_ANNOTATION_TEXT_LENGTH, MAX_CONNECTION_LABEL_LENGTH } from '../document/limits';
import type { DesignerStore, Selection } from '../store/store';

// Editing a note's text or a connection's label on the canvas itself (decision 024). Which element
// is being edited is the canvas's own state, like the connection being dragged: the document
// changes only when the edit is committed, in one undo step, through the same store actions the
// Inspector uses.

/** A note's text or a connection's label, being edited on the canvas. */
export interface InPlaceTarget {
  readonly kind: 'note' | 'label';
  readonly id: string;
}

interface InPlaceState {
  readonly target: InPlaceTarget | null;
}

export type InPlaceEditStore = StoreApi<InPlaceState>;

/** A fresh "nothing is being edited" state, one per canvas. */
export function createInPlaceEdit(): InPlaceEditStore {
  return createStore<InPlaceState>(() => ({ target: null }));
}

const IDLE: InPlaceEditStore = createInPlaceEdit();

/** The canvas's in-place edit state; outside a canvas nothing is ever edited. */
export const InPlaceEditContext = createContext<InPlaceEditStore>(IDLE);

/**
 * True while this note or connection is edited on the canvas. Each node or edge selects one
 * boolean, so starting an edit re-renders only the element edited.
 */
export function useEditingInPlace(kind: InPlaceTarget['kind'], id: string): boolean {
  const edit = useContext(InPlaceEditContext);
  return useStore(edit, (state) => state.target?.kind === kind && state.target.id === id);
}

/** The in-place edit state itself, for an editor that ends its own edit. */
export function useInPlaceEditStore(): InPlaceEditStore {
  return useContext(InPlaceEditContext);
}

/** The limits of the file format (docs/format.md) that the editors enforce while typing. */
export const IN_PLACE_LIMITS = {
  note: MAX_ANNOTATION_TEXT_LENGTH,
  label: MAX_CONNECTION_LABEL_LENGTH,
} as const;

/** A focused node or edge of the canvas, by React Flow's `data-id`. */
export interface FocusedElement {
  readonly type: 'node' | 'edge';
  readonly id: string;
}

/**
 * What Enter (or F2) edits: the focused note or connection; when neither a node nor an edge has
 * the focus, the one selected note or connection. A focused card, host or zone edits nothing.
 *
 * @example enterTarget(document, selection, { type: 'node', id: 'note-1' }) // { kind: 'note', id: 'note-1' }
 */
export function enterTarget(
  document: TopologyDocument,
  selection: Selection,
  focused: FocusedElement | null,
): InPlaceTarget | null {
  const isNote = (id: string) => (document.annotations ?? []).some((a) => a.id === id);
  const isConnection = (id: string) => document.connections.some((c) => c.id === id);
  if (focused) {
    if (focused.type === 'node') return isNote(focused.id) ? { kind: 'note', id: focused.id } : null;
    return isConnection(focused.id) ? { kind: 'label', id: focused.id } : null;
  }
  const layout = selection.layout ?? new Set<string>();
  const total = selection.components.size + selection.connections.size + layout.size;
  if (total !== 1) return null;
  const [connection] = selection.connections;
  if (connection !== undefined) return isConnection(connection) ? { kind: 'label', id: connection } : null;
  const [note] = layout;
  return note !== undefined && isNote(note) ? { kind: 'note', id: note } : null;
}

/**
 * Starts editing a note or a label in place, with it selected (as the Inspector then shows it).
 * When the canvas cannot show an editor — zoomed out too far to read text, or connections drawn
 * as one layer — the Inspector's field takes the keyboard instead.
 */
export function startEditing(
  designer: DesignerStore,
  edit: InPlaceEditStore,
  target: InPlaceTarget,
  onCanvas: boolean,
): void {
  const state = designer.getState();
  const { selection } = state;
  const alone =
    target.kind === 'note'
      ? selection.components.size === 0 &&
        selection.connections.size === 0 &&
        selection.layout?.size === 1 &&
        selection.layout.has(target.id)
      : selection.components.size === 0 &&
        (selection.layout?.size ?? 0) === 0 &&
        selection.connections.size === 1 &&
        selection.connections.has(target.id);
  if (!alone) state.select(target.kind === 'note' ? { layout: [target.id] } : { connections: [target.id] });
  if (onCanvas) edit.setState({ target });
  else state.setFocusField(target.kind === 'note' ? 'text' : 'label');
}

/**
 * Ends an edit whose element is no longer selected (deleted, undone, in a document that another
 * replaced, or another element picked); returns the function that stops watching.
 */
export function endEditsOfUnselected(designer: DesignerStore, edit: InPlaceEditStore): () => void {
  return designer.subscribe((state, previous) => {
    const { target } = edit.getState();
    if (target === null || state.selection === previous.selection) return;
    const selected = target.kind === 'note' ? state.selection.layout : state.selection.connections;
    if (!selected?.has(target.id)) edit.setState({ target: null });
  });
}

/** What committing a note's draft does: nothing, refuse an empty text, or store the text. */
export function noteCommit(draft: string, current: string | undefined): 'none' | 'empty' | 'update' {
  if (current === undefined || draft === current) return 'none';
  return draft.trim() === '' ? 'empty' : 'update';
}

/**
 * True when pasting `pasted` over the selected part of `value` would pass `max` characters, so
 * the field (its `maxLength`) keeps only the start of it and the user must be told.
 */
export function pasteOverflows(
  value: string,
  selectionStart: number,
  selectionEnd: number,
  pasted: string,
  max: number,
): boolean {
  return value.length - (selectionEnd - selectionStart) + pasted.length > max;
}

/** True when Enter belongs to the focused control (a button, a field, a link, a dialog). */
function ownsEnter(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, button, a[href], dialog, [role="button"]') !== null;
}

/** The node or edge of the canvas that has the keyboard, if any. */
function focusedElement(target: EventTarget | null): FocusedElement | null {
  if (!(target instanceof Element)) return null;
  const node = target.closest('.react-flow__node');
  const edge = node ? null : target.closest('.react-flow__edge');
  const id = (node ?? edge)?.getAttribute('data-id');
  if (id === null || id === undefined) return null;
  return { type: node ? 'node' : 'edge', id };
}

interface DoubleClicked {
  readonly id: string;
  readonly type?: string | undefined;
}

/**
 * The canvas's side of editing in place: the double click and Enter (or F2) that start an edit,
 * and the end of an edit whose element is no longer selected. `onCanvas` is false when text is
 * too small to edit on the canvas; the Inspector's field is used instead.
 */
export function useInPlaceEditing(designer: DesignerStore, onCanvas: boolean) {
  const edit = useInPlaceEditStore();
  useEffect(() => endEditsOfUnselected(designer, edit), [designer, edit]);
  const onNodeDoubleClick = useCallback(
    (_event: ReactMouseEvent, node: DoubleClicked) => {
      if (node.type === 'note') startEditing(designer, edit, { kind: 'note', id: node.id }, onCanvas);
    },
    [designer, edit, onCanvas],
  );
  const onEdgeDoubleClick = useCallback(
    (_event: ReactMouseEvent, edge: DoubleClicked) => {
      if (edge.type === 'connection') startEditing(designer, edit, { kind: 'label', id: edge.id }, onCanvas);
    },
    [designer, edit, onCanvas],
  );
  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== 'F2') return;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (ownsEnter(event.target)) return;
      const { document, selection } = designer.getState();
      const target = enterTarget(document, selection, focusedElement(event.target));
      if (!target) return;
      // Otherwise the Enter itself would reach the editor, once focused, and replace its text.
      event.preventDefault();
      startEditing(designer, edit, target, onCanvas);
    },
    [designer, edit, onCanvas],
  );
  return { edit, onNodeDoubleClick, onEdgeDoubleClick, onKeyDown };
}
