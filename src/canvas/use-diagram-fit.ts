import type { ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type Box, fitViewport, type Viewport } from './fit';
import { type MeasuredNode, measureFitArea, nodeBoxes } from './fit-area';
import { panToShow } from './keep-visible';

// The canvas's own fit (decision 025): React Flow's `fitView` fits the whole pane, under the
// overview map and an open side panel; this one fits the part the user sees, clear of the map.

/** What the fit reads of React Flow's store, whatever the canvas's node type. */
interface FitState extends Pick<ReactFlowState, 'domNode' | 'panZoom' | 'width' | 'height' | 'transform'> {
  readonly nodeLookup: ReadonlyMap<string, MeasuredNode & { readonly selected?: boolean }>;
}

interface FlowStore {
  getState(): FitState;
  subscribe(listener: (state: FitState) => void): () => void;
}

export interface DiagramFit {
  /** Fits the view to the diagram as React Flow has it now; false when the canvas cannot yet. */
  fit(duration?: number): boolean;
  /**
   * A new document is about to be mounted: returns its first viewport, from `boxes` estimated from
   * the document (React Flow mounts what that view shows), and fits again once it is measured.
   */
  open(boxes: readonly Box[]): Viewport | null;
  /** Where a newly mounted React Flow starts: the viewport the last `open` returned. */
  readonly startAt: { readonly current: Viewport | undefined };
}

/** The fit of `boxes` into the visible part of React Flow's pane, or `null` when there is no pane. */
function viewportFor(pane: Element | null, boxes: readonly Box[]): Viewport | null {
  const area = pane ? measureFitArea(pane) : null;
  return area ? fitViewport({ ...area, items: boxes }) : null;
}

function anyMeasured(state: FitState): boolean {
  for (const node of state.nodeLookup.values()) if (node.measured.width !== undefined) return true;
  return false;
}

/**
 * The canvas's fit. A document that opens (and the one there when the canvas mounts, when
 * `pending` says it has something to show) is fitted as soon as React Flow has measured its nodes,
 * once, as React Flow's own `fitView` prop did.
 */
export function useDiagramFit(flowStore: FlowStore, pending: boolean): DiagramFit {
  // Waiting for a fit: the pan-zoom of the React Flow that was mounted when it was asked for, which
  // is being replaced (a fit applied to it would be lost), or `null`.
  const waiting = useRef<{ readonly replacing: unknown } | null>(pending ? { replacing: null } : null);
  const startAt = useRef<Viewport | undefined>(undefined);

  const fitNow = useCallback(
    (duration = 0) => {
      const state = flowStore.getState();
      const viewport = viewportFor(state.domNode, nodeBoxes(state.nodeLookup.values()));
      if (!viewport || !state.panZoom) return false;
      void state.panZoom.setViewport(viewport, { duration });
      return true;
    },
    [flowStore],
  );

  const open = useCallback(
    (boxes: readonly Box[]) => {
      const state = flowStore.getState();
      const viewport = viewportFor(state.domNode, boxes);
      startAt.current = viewport ?? undefined;
      waiting.current = boxes.length > 0 ? { replacing: state.panZoom } : null;
      return viewport;
    },
    [flowStore],
  );

  // The pane's size when last seen: a docked panel that opens or expands, the Problems panel
  // resized or the window narrowed change it, and the selection is then kept in view (decision 028).
  const size = useRef({ width: 0, height: 0 });
  useEffect(() => {
    const keepSelectionVisible = (state: FitState) => {
      const before = size.current;
      if (before.width === state.width && before.height === state.height) return;
      size.current = { width: state.width, height: state.height };
      if (before.width === 0 || waiting.current || !state.panZoom || !state.domNode) return;
      const selected = nodeBoxes([...state.nodeLookup.values()].filter((node) => node.selected));
      const area = measureFitArea(state.domNode)?.area;
      const [x, y, zoom] = state.transform;
      const viewport = area ? panToShow(selected, { x, y, zoom }, area) : null;
      if (viewport) void state.panZoom.setViewport(viewport, { duration: 0 });
    };
    const check = (state: FitState) => {
      keepSelectionVisible(state);
      const wait = waiting.current;
      if (!wait || !state.panZoom || state.panZoom === wait.replacing || !anyMeasured(state)) return;
      waiting.current = null;
      fitNow();
    };
    // The nodes may have been measured before this effect ran.
    check(flowStore.getState());
    return flowStore.subscribe(check);
  }, [flowStore, fitNow]);

  return useMemo(() => ({ fit: fitNow, open, startAt }), [fitNow, open]);
}
