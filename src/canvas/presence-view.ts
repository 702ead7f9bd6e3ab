// The sums between the diagram and the screen that presence needs (decision 033). Other
// participants publish diagram coordinates, never pixels: each screen draws them through its own
// React Flow viewport (`transform` = [x, y, zoom]), so a pointer is on the same card at any zoom.

import type { Rect } from '../drawing';

/** React Flow's viewport: screen = diagram × zoom + translation. */
export type Transform = readonly [x: number, y: number, zoom: number];

/** Where a diagram point is on the pane, in pixels from its top-left corner. */
export function toScreen(
  point: { x: number; y: number },
  [tx, ty, zoom]: Transform,
): { x: number; y: number } {
  return { x: point.x * zoom + tx, y: point.y * zoom + ty };
}

/** The part of the diagram a pane of `width` × `height` pixels shows. */
export function visibleRect(width: number, height: number, [tx, ty, zoom]: Transform): Rect {
  // `0 - t`, not `-t`: a pane at the origin is at 0, not -0.
  return { x: (0 - tx) / zoom, y: (0 - ty) / zoom, width: width / zoom, height: height / zoom };
}

/**
 * The viewport that shows all of `rect` in a pane of `width` × `height`, centred, at the largest zoom
 * the range allows: a follower whose window has another shape sees at least what the followed
 * person sees.
 * Example: viewportShowing({x: 0, y: 0, width: 100, height: 100}, 200, 100, range) is zoom 1, x 50.
 */
export function viewportShowing(
  rect: Rect,
  width: number,
  height: number,
  range: { readonly minZoom: number; readonly maxZoom: number },
): { x: number; y: number; zoom: number } {
  const fit = Math.min(width / rect.width, height / rect.height);
  const zoom = Math.min(range.maxZoom, Math.max(range.minZoom, Number.isFinite(fit) ? fit : 1));
  return {
    x: width / 2 - (rect.x + rect.width / 2) * zoom,
    y: height / 2 - (rect.y + rect.height / 2) * zoom,
    zoom,
  };
}

/** True when two viewports differ by less than half a pixel and a thousandth of zoom: the same view. */
export function sameViewport(a: Transform, b: { x: number; y: number; zoom: number }): boolean {
  return Math.abs(a[0] - b.x) < 0.5 && Math.abs(a[1] - b.y) < 0.5 && Math.abs(a[2] - b.zoom) < 1e-3;
}
