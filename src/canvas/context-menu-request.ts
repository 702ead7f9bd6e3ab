import type { Edge, Node } from '@xyflow/react';
import { createContext, type MouseEvent as ReactMouseEvent, useCallback, useContext, useMemo } from 'react';
import type { DesignerStore } from '../store/store';

// The canvas asks for a context menu; the app draws it from the command list (issue 15 item 5).
// The canvas cannot import the app (decision 016), so the app lends it a function by context.

/** What was right-clicked (or had the keyboard when Shift+F10 was pressed). */
export type ContextMenuTarget =
  | { readonly kind: 'component' | 'connection' | 'host' | 'zone' | 'note'; readonly id: string }
  | { readonly kind: 'pane' };

export interface ContextMenuRequest {
  readonly target: ContextMenuTarget;
  /** Where the menu opens, in window pixels. */
  readonly x: number;
  readonly y: number;
  /** Where the keyboard goes back when the menu closes without a command. */
  readonly returnFocus: HTMLElement | null;
}

export type OpenContextMenu = (request: ContextMenuRequest) => void;

export const ContextMenuContext = createContext<OpenContextMenu | null>(null);

const NODE_KINDS = ['component', 'host', 'zone', 'note'] as const;

/** The target a node of the canvas stands for, by its React Flow type. */
export function nodeTarget(type: string | undefined, id: string): ContextMenuTarget {
  const kind = NODE_KINDS.find((k) => k === type);
  return kind ? { kind, id } : { kind: 'pane' };
}

/**
 * Selects what a menu is opened on, as desktop editors do: a target already in the selection
 * keeps the selection (so a menu on one of three selected cards aligns all three); another target
 * becomes the selection; the empty canvas keeps it.
 */
export function selectForMenu(store: DesignerStore, target: ContextMenuTarget): void {
  if (target.kind === 'pane') return;
  const { selection, select } = store.getState();
  if (target.kind === 'connection') {
    if (!selection.connections.has(target.id)) select({ connections: [target.id] });
    return;
  }
  if (target.kind === 'component') {
    if (!selection.components.has(target.id)) select({ components: [target.id] });
    return;
  }
  if (!selection.layout?.has(target.id)) select({ layout: [target.id] });
}

/** The element the keyboard returns to: the node or connection right-clicked, else what had focus. */
function focusTarget(event: ReactMouseEvent): HTMLElement | null {
  const element = event.target instanceof Element ? event.target : null;
  const item = element?.closest<HTMLElement>('.react-flow__node, .react-flow__edge');
  if (item) return item;
  return window.document.activeElement instanceof HTMLElement ? window.document.activeElement : null;
}

/** React Flow's context-menu handlers, which open the app's menu at the pointer. */
export function useContextMenuHandlers(store: DesignerStore) {
  const open = useContext(ContextMenuContext);
  const request = useCallback(
    (event: ReactMouseEvent | MouseEvent, target: ContextMenuTarget) => {
      if (!open) return;
      event.preventDefault();
      selectForMenu(store, target);
      const returnFocus = 'nativeEvent' in event ? focusTarget(event) : null;
      open({ target, x: event.clientX, y: event.clientY, returnFocus });
    },
    [open, store],
  );
  return useMemo(
    () => ({
      onNodeContextMenu: (event: ReactMouseEvent, node: Node) =>
        request(event, nodeTarget(node.type, node.id)),
      onEdgeContextMenu: (event: ReactMouseEvent, edge: Edge) => {
        // An HA pair's standby line is drawn, not a connection: its menu is the canvas's.
        const target: ContextMenuTarget = edge.id.startsWith('standby:')
          ? { kind: 'pane' }
          : { kind: 'connection', id: edge.id };
        request(event, target);
      },
      onPaneContextMenu: (event: ReactMouseEvent | MouseEvent) => request(event, { kind: 'pane' }),
      // The box React Flow draws around what a selection box picked: the canvas's menu, which
      // keeps the selection and offers Zoom to selection and the arrange commands.
      onSelectionContextMenu: (event: ReactMouseEvent) => request(event, { kind: 'pane' }),
    }),
    [request],
  );
}
