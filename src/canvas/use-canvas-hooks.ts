import type { EdgeChange, InternalNode, Node, NodeChange, useReactFlow, XYPosition } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import type { DesignerStore } from '../store/store';
import { cardBox } from './card-box';
import { useFlowHandle } from './flow-handle';
import { createFrameBatch } from './frame-batch';
import type { NodeProjection } from './projection';

// The canvas's hooks that talk back to the rest of the designer: React Flow's node and edge
// changes into the store, and the handle the panels use to move the view.

/**
 * Lends the rest of the designer what it needs of React Flow (flow-handle.ts), for as long as
 * this canvas is mounted.
 */
export function useLendFlowHandle(flow: ReturnType<typeof useReactFlow>, fitView: () => void): void {
  const handle = useFlowHandle();
  useEffect(() => {
    handle.current = {
      screenToFlowPosition: (point) => flow.screenToFlowPosition(point),
      getZoom: () => flow.getZoom(),
      setCenter: (x, y, options) => void flow.setCenter(x, y, options),
      fitView,
      cardBox: (id) => {
        const node = flow.getInternalNode(id);
        return node ? cardBox(node) : undefined;
      },
    };
    return () => {
      handle.current = null;
    };
  }, [handle, flow, fitView]);
}

/** What the change handler reads of React Flow's own nodes: their type, parent and absolute position. */
type FlowNodes = {
  getState(): { nodeLookup: ReadonlyMap<string, InternalNode> };
};

const CONTAINER_TYPES: ReadonlySet<string | undefined> = new Set(['host', 'zone']);
const LAYOUT_TYPES: ReadonlySet<string | undefined> = new Set(['host', 'zone', 'note']);

/**
 * A node's absolute position from a change's position. React Flow gives a child's position
 * relative to its parent, which does not move in the same drag (a child of a selected parent is
 * not dragged on its own): its absolute position is where the node is less where it was.
 */
function absolute(node: InternalNode | undefined, position: XYPosition): XYPosition {
  if (!node?.parentId) return position;
  return {
    x: position.x + node.internals.positionAbsolute.x - node.position.x,
    y: position.y + node.internals.positionAbsolute.y - node.position.y,
  };
}

/**
 * React Flow's node and edge changes, applied to the store: selections, measured sizes, resizes
 * of hosts and zones, and moves, which during a drag reach the store once per animation frame
 * (frame-batch.ts). The document keeps absolute positions (decision 023).
 */
export function useElementChanges(
  store: DesignerStore,
  nodeProjection: NodeProjection,
  flowNodes: FlowNodes,
  layoutProjection?: { measured(id: string, size: { width: number; height: number }): void },
) {
  // A drag's moves reach the store once per animation frame (frame-batch.ts).
  const dragMoves = useMemo(
    () =>
      createFrameBatch<{ x: number; y: number }>((moves) => {
        const state = store.getState();
        state.beginGesture();
        state.moveNodes(moves, 'gesture');
      }),
    [store],
  );
  useEffect(() => () => dragMoves.cancel(), [dragMoves]);

  const onNodesChange = useCallback(
    (changes: NodeChange<Node>[]) => {
      const lookup = flowNodes.getState().nodeLookup;
      // A resize of a host or zone: its new rectangle; the children React Flow moves to keep them
      // in place keep their absolute positions, which is all the document stores.
      const resizing = new Map<string, { width: number; height: number; done: boolean }>();
      for (const change of changes) {
        if (change.type !== 'dimensions' || change.resizing === undefined || !change.dimensions) continue;
        if (CONTAINER_TYPES.has(lookup.get(change.id)?.type)) {
          resizing.set(change.id, { ...change.dimensions, done: !change.resizing });
        }
      }
      if (resizing.size > 0) {
        dragMoves.flush();
        const state = store.getState();
        for (const [id, size] of resizing) {
          const node = lookup.get(id);
          if (!node) continue;
          const moved = changes.find((c) => c.type === 'position' && c.id === id);
          const position =
            moved?.type === 'position' && moved.position
              ? absolute(node, moved.position)
              : node.internals.positionAbsolute;
          const rect = { x: position.x, y: position.y, width: size.width, height: size.height };
          if (size.done) {
            state.resizeContainer(id, rect, 'gesture');
            state.endGesture();
          } else {
            state.beginGesture();
            state.resizeContainer(id, rect, 'gesture');
          }
        }
        return;
      }
      const moves = new Map<string, { x: number; y: number }>();
      let dragging = false;
      let dragEnded = false;
      let selectionChanged = false;
      for (const change of changes) {
        if (change.type === 'position') {
          const at = change.position ? absolute(lookup.get(change.id), change.position) : undefined;
          if (change.dragging) {
            dragging = true;
            if (at) dragMoves.add(change.id, at);
          } else {
            dragEnded = true;
            if (at) moves.set(change.id, at);
          }
        } else if (change.type === 'select') {
          selectionChanged = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          const type = lookup.get(change.id)?.type;
          if (type === 'note') layoutProjection?.measured(change.id, change.dimensions);
          else if (!LAYOUT_TYPES.has(type)) nodeProjection.measured(change.id, change.dimensions);
        }
      }
      if (dragging && !dragEnded && !selectionChanged) return;
      // Anything but another move applies the moves still waiting for a frame first.
      dragMoves.flush();
      const state = store.getState();
      if (selectionChanged) {
        const components = new Set(state.selection.components);
        const layout = new Set(state.selection.layout ?? []);
        for (const change of changes) {
          if (change.type !== 'select') continue;
          const set = LAYOUT_TYPES.has(lookup.get(change.id)?.type) ? layout : components;
          if (change.selected) set.add(change.id);
          else set.delete(change.id);
        }
        state.select({ components, connections: state.selection.connections, layout });
      }
      if (dragEnded) {
        // The end of a drag decides where what moved belongs: the host or zone under its centre.
        if (state.gestureBase) {
          state.moveNodes(moves, 'gesture', true);
          state.endGesture();
        } else {
          state.moveNodes(moves, 'step', true);
        }
      }
    },
    [store, nodeProjection, dragMoves, flowNodes, layoutProjection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      const selected = new Set(state.selection.connections);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select' || change.id.startsWith('standby:')) continue;
        changed = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (changed) {
        const { components, layout } = store.getState().selection;
        store.getState().select({ components, connections: selected, layout: layout ?? [] });
      }
    },
    [store],
  );

  return { onNodesChange, onEdgesChange };
}
