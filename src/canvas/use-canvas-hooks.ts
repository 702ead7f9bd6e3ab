import type { EdgeChange, NodeChange, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import type { DesignerStore } from '../store/store';
import { cardBox } from './card-box';
import type { ComponentNodeType } from './component-node';
import { useFlowHandle } from './flow-handle';
import { createFrameBatch } from './frame-batch';
import type { NodeProjection } from './projection';

// The canvas's hooks that talk back to the rest of the designer: React Flow's node and edge
// changes into the store, and the handle the panels use to move the view.

/**
 * Lends the rest of the designer what it needs of React Flow (flow-handle.ts), for as long as
 * this canvas is mounted.
 */
export function useLendFlowHandle(flow: ReturnType<typeof useReactFlow>): void {
  const handle = useFlowHandle();
  useEffect(() => {
    handle.current = {
      screenToFlowPosition: (point) => flow.screenToFlowPosition(point),
      getZoom: () => flow.getZoom(),
      setCenter: (x, y, options) => void flow.setCenter(x, y, options),
      fitView: (options) => void flow.fitView(options),
      cardBox: (id) => {
        const node = flow.getInternalNode(id);
        return node ? cardBox(node) : undefined;
      },
    };
    return () => {
      handle.current = null;
    };
  }, [handle, flow]);
}

/**
 * React Flow's node and edge changes, applied to the store: selections, measured sizes, and
 * moves, which during a drag reach the store once per animation frame (frame-batch.ts).
 */
export function useElementChanges(store: DesignerStore, nodeProjection: NodeProjection) {
  // A drag's moves reach the store once per animation frame (frame-batch.ts).
  const dragMoves = useMemo(
    () =>
      createFrameBatch<{ x: number; y: number }>((moves) => {
        const state = store.getState();
        state.beginGesture();
        state.moveComponents(moves, 'gesture');
      }),
    [store],
  );
  useEffect(() => () => dragMoves.cancel(), [dragMoves]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ComponentNodeType>[]) => {
      const moves = new Map<string, { x: number; y: number }>();
      let dragging = false;
      let dragEnded = false;
      let selectionChanged = false;
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.dragging) {
            dragging = true;
            if (change.position) dragMoves.add(change.id, change.position);
          } else {
            dragEnded = true;
            if (change.position) moves.set(change.id, change.position);
          }
        } else if (change.type === 'select') {
          selectionChanged = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          nodeProjection.measured(change.id, change.dimensions);
        }
      }
      if (dragging && !dragEnded && !selectionChanged) return;
      // Anything but another move applies the moves still waiting for a frame first.
      dragMoves.flush();
      const state = store.getState();
      if (selectionChanged) {
        const selected = new Set(state.selection.components);
        for (const change of changes) {
          if (change.type !== 'select') continue;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
        state.select({ components: selected, connections: state.selection.connections });
      }
      if (dragEnded) {
        if (state.gestureBase) {
          state.moveComponents(moves, 'gesture');
          state.endGesture();
        } else {
          state.moveComponents(moves, 'step');
        }
      }
    },
    [store, nodeProjection, dragMoves],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      const selected = new Set(state.selection.connections);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        changed = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (changed)
        store.getState().select({ components: store.getState().selection.components, connections: selected });
    },
    [store],
  );

  return { onNodesChange, onEdgesChange };
}
