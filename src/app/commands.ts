import { snapToGrid } from '../canvas/view';
import { counted } from '../domain';
import type { DesignerState } from '../store/store';

/** What a command may use besides the store: things only the mounted app knows. */
export interface CommandContext {
  readonly state: () => DesignerState;
  readonly viewCentre: () => { x: number; y: number };
  readonly openConnectTo: () => void;
  readonly openShortcuts: () => void;
}

export interface Command {
  readonly id: string;
  readonly label: string;
  /** Keys as the shortcuts dialog shows them. */
  readonly keys: readonly string[];
  /** True when a key event triggers this command. */
  readonly matches: (event: KeyboardEvent) => boolean;
  readonly enabled: (state: DesignerState) => boolean;
  readonly run: (context: CommandContext) => void;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent, k: string) => event.key.toLowerCase() === k;
const hasSelection = (s: DesignerState) => s.selection.components.size + s.selection.connections.size > 0;
const oneComponent = (s: DesignerState) =>
  s.selection.components.size === 1 && s.selection.connections.size === 0;

/** Every keyboard command; the key handler and the "?" dialog both read this list. */
export const COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    keys: ['Ctrl+Z'],
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
    enabled: (s) => s.history.past.length > 0,
    run: ({ state }) => state().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    matches: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')),
    enabled: (s) => s.history.future.length > 0,
    run: ({ state }) => state().redo(),
  },
  {
    id: 'delete',
    label: 'Delete the selection',
    keys: ['Delete', 'Backspace'],
    matches: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    enabled: hasSelection,
    run: ({ state }) => state().deleteSelection(),
  },
  {
    id: 'select-all',
    label: 'Select all',
    keys: ['Ctrl+A'],
    matches: (e) => mod(e) && key(e, 'a'),
    enabled: (s) => s.document.components.length > 0,
    run: ({ state }) => state().selectAll(),
  },
  {
    id: 'copy',
    label: 'Copy the selected components',
    keys: ['Ctrl+C'],
    matches: (e) => mod(e) && key(e, 'c'),
    enabled: (s) => s.selection.components.size > 0,
    run: ({ state }) => {
      const count = state().copySelection();
      state().notify(`Copied ${counted(count, 'component')}.`);
    },
  },
  {
    id: 'paste',
    label: 'Paste at the centre of the view',
    keys: ['Ctrl+V'],
    matches: (e) => mod(e) && key(e, 'v'),
    enabled: (s) => s.clipboard !== null,
    run: ({ state, viewCentre }) => {
      const c = viewCentre();
      state().paste({ x: snapToGrid(c.x - 90), y: snapToGrid(c.y - 28) });
    },
  },
  {
    id: 'duplicate',
    label: 'Duplicate the selected components',
    keys: ['Ctrl+D'],
    matches: (e) => mod(e) && key(e, 'd'),
    enabled: (s) => s.selection.components.size > 0,
    run: ({ state }) => state().duplicateSelection(),
  },
  {
    id: 'connect-to',
    label: 'Connect the selected component to…',
    keys: ['C'],
    matches: (e) => !mod(e) && !e.altKey && key(e, 'c'),
    enabled: oneComponent,
    run: ({ openConnectTo }) => openConnectTo(),
  },
  {
    id: 'nudge',
    label: 'Move the selected components (Shift: farther)',
    keys: ['←', '↑', '→', '↓'],
    matches: (e) => !mod(e) && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key),
    enabled: (s) => s.selection.components.size > 0,
    run: () => {
      // Handled by the key handler, which knows the key and the step.
    },
  },
  {
    id: 'deselect',
    label: 'Clear the selection',
    keys: ['Escape'],
    matches: (e) => e.key === 'Escape',
    enabled: hasSelection,
    run: ({ state }) => state().clearSelection(),
  },
  {
    id: 'shortcuts',
    label: 'Show keyboard shortcuts',
    keys: ['?'],
    matches: (e) => e.key === '?',
    enabled: () => true,
    run: ({ openShortcuts }) => openShortcuts(),
  },
];

const NUDGE: Record<string, { x: number; y: number }> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** Moves the selected components one grid step (four with Shift) as one history step. */
export function nudgeSelection(state: DesignerState, arrowKey: string, far: boolean): void {
  const direction = NUDGE[arrowKey];
  if (!direction) return;
  const step = far ? 32 : 8;
  const moves = new Map<string, { x: number; y: number }>();
  for (const c of state.document.components) {
    if (!state.selection.components.has(c.id)) continue;
    moves.set(c.id, {
      x: (c.position?.x ?? 0) + direction.x * step,
      y: (c.position?.y ?? 0) + direction.y * step,
    });
  }
  state.moveComponents(moves, 'step');
}
