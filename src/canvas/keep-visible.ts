import { type Box, onScreen, unionOf, type Viewport } from './fit';

/** How far inside the visible canvas a kept-visible selection is placed, in screen pixels. */
export const KEEP_VISIBLE_MARGIN = 24;

/** The shift along one axis that brings [start, start + size] inside [from, from + room]. */
function shift(start: number, size: number, from: number, room: number, margin: number): number {
  if (size + margin * 2 > room) return from + room / 2 - (start + size / 2);
  if (start < from + margin) return from + margin - start;
  if (start + size > from + room - margin) return from + room - margin - (start + size);
  return 0;
}

/**
 * The viewport, panned as little as it can be and at the same zoom, that shows `boxes` (the
 * selection, in flow coordinates) inside `area` (the visible canvas, in the pane's pixels), or
 * `null` when they are already inside. A selection larger than the area is centred in it.
 * E.g. a card at x 900 of a pane narrowed to 700 px by a docked panel moves 224 px left.
 */
export function panToShow(
  boxes: readonly Box[],
  viewport: Viewport,
  area: Box,
  margin = KEEP_VISIBLE_MARGIN,
): Viewport | null {
  const union = unionOf(boxes);
  if (!union) return null;
  const seen = onScreen(union, viewport);
  const dx = shift(seen.x, seen.width, area.x, area.width, margin);
  const dy = shift(seen.y, seen.height, area.y, area.height, margin);
  if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return null;
  return { x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom };
}
