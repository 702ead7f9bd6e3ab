import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useDesignerStore } from '../app/store-context';
import type { ComponentKind } from '../domain';

const CARD = { width: 180, height: 56 };

/** The flow position at the centre of the visible canvas. */
export function useViewCentre(): () => { x: number; y: number } {
  const flow = useReactFlow();
  return useCallback(() => {
    const pane = window.document.querySelector('.react-flow');
    const box = pane?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  }, [flow]);
}

const SLOT = { width: CARD.width + 40, height: CARD.height + 44 };
/** The canvas's snap grid: a card placed off it would jump sideways on its first arrow-key nudge. */
const GRID = 8;

/** Rounds a flow coordinate to the canvas's snap grid. */
export function snapToGrid(value: number): number {
  return Math.round(value / GRID) * GRID;
}

/** The free slot nearest to `centre`, searched ring by ring, so new cards never cover old ones. */
export function freeSlotNear(
  centre: { x: number; y: number },
  occupied: readonly { x: number; y: number }[],
): { x: number; y: number } {
  const origin = { x: snapToGrid(centre.x - CARD.width / 2), y: snapToGrid(centre.y - CARD.height / 2) };
  const overlaps = (x: number, y: number) =>
    occupied.some((o) => Math.abs(o.x - x) < SLOT.width && Math.abs(o.y - y) < SLOT.height);
  for (let ring = 0; ring < 30; ring += 1) {
    for (let dy = -ring; dy <= ring; dy += 1) {
      for (let dx = -ring; dx <= ring; dx += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = snapToGrid(origin.x + dx * SLOT.width);
        const y = snapToGrid(origin.y + dy * SLOT.height);
        if (!overlaps(x, y)) return { x, y };
      }
    }
  }
  return origin;
}

/** Adds a component at the free spot nearest the view's centre; returns the new component's id. */
export function useAddAtViewCentre(): (kind: ComponentKind) => string {
  const store = useDesignerStore();
  const centre = useViewCentre();
  return useCallback(
    (kind) => {
      const occupied = store.getState().document.components.map((c) => c.position ?? { x: 0, y: 0 });
      return store.getState().addComponent(kind, freeSlotNear(centre(), occupied));
    },
    [store, centre],
  );
}

/** Selects a component or connection and centres the view on it. */
export function useRevealElement(): (target: { componentId?: string; connectionId?: string }) => void {
  const store = useDesignerStore();
  const flow = useReactFlow();
  return useCallback(
    ({ componentId, connectionId }) => {
      const { document, select } = store.getState();
      const centreOn = (ids: string[]) => {
        const nodes = ids.map((id) => flow.getInternalNode(id)).filter((n) => n !== undefined);
        if (nodes.length === 0) return;
        let x = 0;
        let y = 0;
        for (const n of nodes) {
          x += n.internals.positionAbsolute.x + (n.measured.width ?? CARD.width) / 2;
          y += n.internals.positionAbsolute.y + (n.measured.height ?? CARD.height) / 2;
        }
        void flow.setCenter(x / nodes.length, y / nodes.length, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration: 300,
        });
      };
      if (componentId) {
        select({ components: [componentId] });
        centreOn([componentId]);
      } else if (connectionId) {
        const connection = document.connections.find((c) => c.id === connectionId);
        select({ connections: [connectionId] });
        if (connection) centreOn([connection.from, connection.to]);
      }
    },
    [store, flow],
  );
}
