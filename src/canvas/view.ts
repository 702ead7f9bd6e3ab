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
    // A side panel covers the right of the canvas: the centre is that of the part still visible.
    const panel = window.document.querySelector('.side-panel')?.getBoundingClientRect();
    const right = panel && panel.left > box.left + 200 ? Math.min(box.right, panel.left) : box.right;
    return flow.screenToFlowPosition({ x: (box.left + right) / 2, y: box.top + box.height / 2 });
  }, [flow]);
}

// Room for the widest card (a long name grows a card up to 300 px) and its connection handle.
const SLOT = { width: 320, height: 112 };
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
  // A fixed lattice: a view that moved a few pixels still finds the same free spots.
  const origin = {
    x: Math.round((centre.x - CARD.width / 2) / SLOT.width) * SLOT.width,
    y: Math.round((centre.y - CARD.height / 2) / SLOT.height) * SLOT.height,
  };
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
  const flow = useReactFlow();
  return useCallback(
    (kind) => {
      const occupied = store.getState().document.components.map((c) => c.position ?? { x: 0, y: 0 });
      const spot = freeSlotNear(centre(), occupied);
      const id = store.getState().addComponent(kind, spot);
      // A crowded view puts the new card beyond its edge: bring it into view, keeping the zoom.
      const box = window.document.querySelector('.react-flow')?.getBoundingClientRect();
      if (box) {
        const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top });
        const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
        const inside =
          spot.x >= topLeft.x &&
          spot.y >= topLeft.y &&
          spot.x + CARD.width * 1.4 <= bottomRight.x &&
          spot.y + CARD.height <= bottomRight.y;
        if (!inside) {
          void flow.setCenter(spot.x + CARD.width / 2, spot.y + CARD.height / 2, {
            zoom: flow.getZoom(),
            duration: 200,
          });
        }
      }
      return id;
    },
    [store, centre, flow],
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
