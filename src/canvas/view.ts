import { useCallback } from 'react';
import type { ComponentKind } from '../domain';
import { useDesignerStore } from '../store/react';
import { useFlowHandle } from './flow-handle';
import { type Bounds, CARD, fitsInView, freeSlotNear, type VisibleArea } from './placement';

export { cardCornerAt, snapToGrid } from './placement';

/** The flow position at the centre of the visible canvas (the origin until the canvas has loaded). */
export function useViewCentre(): () => { x: number; y: number } {
  const handle = useFlowHandle();
  return useCallback(() => {
    const flow = handle.current;
    const pane = window.document.querySelector('.react-flow');
    const box = pane?.getBoundingClientRect();
    if (!box || !flow) return { x: 0, y: 0 };
    // A side panel covers the right of the canvas: the centre is that of the part still visible.
    const panel = window.document.querySelector('.side-panel')?.getBoundingClientRect();
    const right = panel && panel.left > box.left + 200 ? Math.min(box.right, panel.left) : box.right;
    return flow.screenToFlowPosition({ x: (box.left + right) / 2, y: box.top + box.height / 2 });
  }, [handle]);
}

/** The part of the canvas the user sees, in flow coordinates, with what is drawn over it. */
function useVisibleArea(): () => VisibleArea | undefined {
  const handle = useFlowHandle();
  return useCallback(() => {
    const flow = handle.current;
    const pane = window.document.querySelector('.react-flow');
    if (!pane || !flow) return undefined;
    const toFlow = (box: DOMRect): Bounds => {
      const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top });
      const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
      return { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y };
    };
    // The overview map, the zoom controls and an open side panel hide what is under them.
    const overlays = [
      ...pane.querySelectorAll('.react-flow__panel'),
      ...window.document.querySelectorAll('.side-panel'),
    ];
    return {
      pane: toFlow(pane.getBoundingClientRect()),
      covered: overlays.map((overlay) => toFlow(overlay.getBoundingClientRect())),
    };
  }, [handle]);
}

/**
 * Adds a component at the free spot nearest the view's centre that the user can see; returns the
 * new component's id. When the view has no free spot left, the card goes just outside it and the
 * view follows, keeping the zoom.
 */
export function useAddAtViewCentre(): (kind: ComponentKind) => string {
  const store = useDesignerStore();
  const centre = useViewCentre();
  const visibleArea = useVisibleArea();
  const handle = useFlowHandle();
  return useCallback(
    (kind) => {
      const { document } = store.getState();
      // Cards, and notes: a card dropped on a note would hide it.
      const occupied = [
        ...document.components.map((c) => c.position ?? { x: 0, y: 0 }),
        ...(document.annotations ?? []).map((a) => a.position),
      ];
      const area = visibleArea();
      const spot = freeSlotNear(centre(), occupied, area);
      const id = store.getState().addComponent(kind, spot);
      const flow = handle.current;
      if (flow && area && !fitsInView(spot, area)) {
        flow.setCenter(spot.x + CARD.width / 2, spot.y + CARD.height / 2, {
          zoom: flow.getZoom(),
          duration: 200,
        });
      }
      return id;
    },
    [store, centre, visibleArea, handle],
  );
}

/** What a problem or a quick fix reveals: a component, a connection, or a host, zone or note. */
export interface RevealTarget {
  readonly componentId?: string;
  readonly connectionId?: string;
  readonly layoutId?: string;
}

/** Selects a component, connection, host, zone or note and centres the view on it. */
export function useRevealElement(): (target: RevealTarget) => void {
  const store = useDesignerStore();
  const handle = useFlowHandle();
  return useCallback(
    ({ componentId, connectionId, layoutId }) => {
      const { document, select } = store.getState();
      const centreOn = (ids: string[]) => {
        const flow = handle.current;
        if (!flow) return;
        const boxes = ids.map((id) => flow.cardBox(id)).filter((box) => box !== undefined);
        if (boxes.length === 0) return;
        let x = 0;
        let y = 0;
        for (const box of boxes) {
          x += box.x + box.width / 2;
          y += box.y + box.height / 2;
        }
        flow.setCenter(x / boxes.length, y / boxes.length, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration: 300,
        });
      };
      if (componentId) {
        select({ components: [componentId] });
        centreOn([componentId]);
      } else if (layoutId) {
        select({ layout: [layoutId] });
        centreOn([layoutId]);
      } else if (connectionId) {
        const connection = document.connections.find((c) => c.id === connectionId);
        select({ connections: [connectionId] });
        if (connection) centreOn([connection.from, connection.to]);
      }
    },
    [store, handle],
  );
}
