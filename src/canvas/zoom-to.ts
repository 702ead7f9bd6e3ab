import { fitViewport } from './fit';
import { measureFitArea } from './fit-area';
import type { FlowHandle } from './flow-handle';

// Zoom to selection and Find's choice (issue 15 item 5): the view fits what is chosen, in the
// part of the canvas the user sees, with the same fit as "Fit View" (decision 025).

/**
 * Moves and zooms the view so the nodes of `ids` fill the visible canvas (never past the fit's
 * 120 %). False when the canvas is not there or knows none of them.
 */
export function zoomToNodes(flow: FlowHandle | null, ids: readonly string[], duration = 300): boolean {
  if (!flow) return false;
  const pane = window.document.querySelector('.react-flow');
  const area = pane ? measureFitArea(pane) : null;
  const items = ids.map((id) => flow.cardBox(id)).filter((box) => box !== undefined);
  if (!pane || !area || items.length === 0) return false;
  const viewport = fitViewport({ ...area, items });
  if (!viewport) return false;
  const box = pane.getBoundingClientRect();
  // The flow point at the pane's centre under the fitted viewport.
  const x = (box.width / 2 - viewport.x) / viewport.zoom;
  const y = (box.height / 2 - viewport.y) / viewport.zoom;
  flow.setCenter(x, y, { zoom: viewport.zoom, duration });
  return true;
}
