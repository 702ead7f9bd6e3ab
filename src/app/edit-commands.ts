import { cardCornerAt } from '../canvas/view';
import { counted } from '../domain';
import { containerRects } from '../store/containers';
import type { DesignerState } from '../store/store';
import { defineCommand } from './command';

// History and the selection: the top bar's Undo and Redo, and the editing keys.

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent, k: string) => event.key.toLowerCase() === k;
const hasSelection = (s: DesignerState) =>
  s.selection.components.size + s.selection.connections.size + (s.selection.layout?.size ?? 0) > 0;
const canNudge = (s: DesignerState) => s.selection.components.size + (s.selection.layout?.size ?? 0) > 0;
const oneComponent = (s: DesignerState) =>
  s.selection.components.size === 1 && s.selection.connections.size === 0;

export const EDIT_COMMANDS = [
  defineCommand({
    id: 'undo',
    label: 'Undo',
    shortcut: { keys: ['Ctrl+Z'], matches: (e) => mod(e) && !e.shiftKey && key(e, 'z') },
    enabled: (s) => (s.live ? s.live.canUndo : s.history.past.length > 0),
    run: ({ store }) => store.getState().undo(),
  }),
  defineCommand({
    id: 'redo',
    label: 'Redo',
    shortcut: {
      keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
      matches: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')),
    },
    enabled: (s) => (s.live ? s.live.canRedo : s.history.future.length > 0),
    run: ({ store }) => store.getState().redo(),
  }),
  defineCommand({
    id: 'delete',
    label: 'Delete the selection',
    shortcut: {
      keys: ['Delete', 'Backspace'],
      matches: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    },
    enabled: hasSelection,
    run: ({ store }) => store.getState().deleteSelection(),
  }),
  defineCommand({
    id: 'select-all',
    label: 'Select all',
    shortcut: { keys: ['Ctrl+A'], matches: (e) => mod(e) && key(e, 'a') },
    enabled: (s) => s.document.components.length > 0,
    run: ({ store }) => store.getState().selectAll(),
  }),
  defineCommand({
    id: 'copy',
    label: 'Copy the selected components',
    // Ctrl+Shift+C is Copy image's.
    shortcut: { keys: ['Ctrl+C'], matches: (e) => mod(e) && !e.shiftKey && key(e, 'c') },
    enabled: (s) => s.selection.components.size > 0,
    run: ({ store }) => {
      const count = store.getState().copySelection();
      store.getState().notify(`Copied ${counted(count, 'component')}.`);
    },
  }),
  defineCommand({
    id: 'paste',
    label: 'Paste the copied components',
    shortcut: { keys: ['Ctrl+V'], matches: (e) => mod(e) && key(e, 'v') },
    enabled: (s) => s.clipboard !== null,
    // One grid step from what was copied, cascading; at the view's centre once that is gone.
    run: ({ store, viewCentre }) => store.getState().paste(cardCornerAt(viewCentre())),
  }),
  defineCommand({
    id: 'duplicate',
    label: 'Duplicate the selected components',
    shortcut: { keys: ['Ctrl+D'], matches: (e) => mod(e) && key(e, 'd') },
    enabled: (s) => s.selection.components.size > 0,
    run: ({ store }) => store.getState().duplicateSelection(),
  }),
  defineCommand({
    id: 'connect-to',
    label: 'Connect the selected component to…',
    shortcut: { keys: ['C'], matches: (e) => !mod(e) && !e.altKey && key(e, 'c') },
    enabled: oneComponent,
    run: ({ store }) => {
      const [fromId] = store.getState().selection.components;
      if (fromId) store.getState().openDialog({ kind: 'connect-to', fromId });
    },
  }),
  defineCommand({
    id: 'nudge',
    label: 'Move the selected components (Shift: farther)',
    shortcut: {
      keys: ['←', '↑', '→', '↓'],
      matches: (e) => !mod(e) && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key),
    },
    enabled: canNudge,
    run: () => {
      // Handled by the key handler, which knows the key and the step.
    },
  }),
  defineCommand({
    id: 'deselect',
    label: 'Clear the selection',
    shortcut: { keys: ['Escape'], matches: (e) => e.key === 'Escape' },
    enabled: hasSelection,
    run: ({ store }) => store.getState().clearSelection(),
  }),
];

const NUDGE: Record<string, { x: number; y: number }> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/**
 * Moves the selected components, hosts, zones and notes one grid step (four with Shift) as one
 * history step; a host or zone carries what it holds.
 */
export function nudgeSelection(state: DesignerState, arrowKey: string, far: boolean): void {
  const direction = NUDGE[arrowKey];
  if (!direction) return;
  const step = far ? 32 : 8;
  const moves = new Map<string, { x: number; y: number }>();
  const by = (position: { x: number; y: number } | undefined) => ({
    x: (position?.x ?? 0) + direction.x * step,
    y: (position?.y ?? 0) + direction.y * step,
  });
  const layout = state.selection.layout ?? new Set<string>();
  for (const c of state.document.components) {
    if (state.selection.components.has(c.id)) moves.set(c.id, by(c.position));
  }
  const rects = containerRects(state.document);
  for (const id of layout) {
    const rect = rects.hosts.get(id) ?? rects.zones.get(id);
    const note = state.document.annotations?.find((a) => a.id === id);
    if (rect) moves.set(id, by(rect));
    else if (note) moves.set(id, by(note.position));
  }
  if (layout.size === 0) state.moveComponents(moves, 'step');
  else state.moveNodes(moves, 'step');
}
