import { rectAround } from '../drawing/geometry';
// How the canvas frames a diagram, in a module of its own with no imports: the designer fits with
// it when a document opens and on "Fit View", and the bench's plain React Flow page (bench/floor)
// fits the same boxes into the same area with it, so both show the same view (decision 025).

/** A rectangle: a box of the diagram in flow coordinates, or a part of the pane in its pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport: a point of the flow at (p.x·zoom + x, p.y·zoom + y) in the pane. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** How far the user may zoom out and in. */
export const ZOOM_RANGE = { minZoom: 0.1, maxZoom: 2.5 } as const;

/**
 * The zoom from which a card reads without zooming in: its 14 px name is 8.4 px tall on screen and
 * its 11 px kind 6.6 px. At the 38 % the templates used to open at, names were 5 px (issue 14).
 */
export const READABLE_ZOOM = 0.6;

export interface FitOptions {
  /** The margin kept around the diagram inside the area, in screen pixels. */
  readonly padding: number;
  /** Never zoomed in further than this: one card is not blown up to fill the canvas. */
  readonly maxZoom: number;
  readonly minZoom: number;
  /** How far a box must stay from an overlay, in screen pixels. */
  readonly clearance: number;
}

/** How the canvas fits a diagram: 32 px around it, never past 120 % (Fit View always had that cap). */
export const FIT_OPTIONS: FitOptions = {
  padding: 32,
  maxZoom: 1.2,
  minZoom: ZOOM_RANGE.minZoom,
  clearance: 8,
};

export interface FitInput {
  /** What is drawn, in flow coordinates: the cards, hosts, zones and notes. */
  readonly items: readonly Box[];
  /** The part of the pane the user sees, in pane pixels: the pane less an open side panel. */
  readonly area: Box;
  /** What is drawn over the area, in pane pixels: the overview map, the zoom controls. */
  readonly obstacles: readonly Box[];
}

/** More overlays than this are not worked around (4^n areas are tried); the canvas has three. */
const MAX_OBSTACLES = 4;

/** The box around `boxes`; `null` for none. */
export function unionOf(boxes: readonly Box[]): Box | null {
  return rectAround(boxes);
}

/** True when two boxes share more than an edge. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + by * 2, height: box.height + by * 2 };
}

/** `box` less `by` on each side, or `null` when nothing is left. */
function shrink(box: Box, by: number): Box | null {
  const width = box.width - by * 2;
  const height = box.height - by * 2;
  return width > 0 && height > 0 ? { x: box.x + by, y: box.y + by, width, height } : null;
}

/** Where a flow box lands on screen under `viewport`. */
export function onScreen(box: Box, viewport: Viewport): Box {
  const { x, y, zoom } = viewport;
  return { x: box.x * zoom + x, y: box.y * zoom + y, width: box.width * zoom, height: box.height * zoom };
}

/**
 * The areas clear of every obstacle: for each obstacle the area is cut to its left, right, top or
 * bottom, so the minimap in the bottom-right corner leaves a band above it and a band beside it.
 */
function clearAreas(area: Box, obstacles: readonly Box[]): Box[] {
  let areas = [area];
  for (const obstacle of obstacles) {
    const next: Box[] = [];
    for (const a of areas) {
      if (!overlaps(a, obstacle)) {
        next.push(a);
        continue;
      }
      const right = a.x + a.width;
      const bottom = a.y + a.height;
      const sides: Box[] = [
        { x: a.x, y: a.y, width: obstacle.x - a.x, height: a.height },
        {
          x: obstacle.x + obstacle.width,
          y: a.y,
          width: right - obstacle.x - obstacle.width,
          height: a.height,
        },
        { x: a.x, y: a.y, width: a.width, height: obstacle.y - a.y },
        {
          x: a.x,
          y: obstacle.y + obstacle.height,
          width: a.width,
          height: bottom - obstacle.y - obstacle.height,
        },
      ];
      for (const side of sides) if (side.width > 0 && side.height > 0) next.push(side);
    }
    areas = next;
  }
  return areas;
}

/** The zoom that fits `bounds` in `inner`, within the zoom limits. */
function zoomToFit(bounds: Box, inner: Box, options: FitOptions): number {
  const fit = Math.min(inner.width / Math.max(bounds.width, 1), inner.height / Math.max(bounds.height, 1));
  return Math.min(options.maxZoom, Math.max(options.minZoom, fit));
}

/** How many steps a diagram smaller than the area may take aside, each way, from the centre. */
const SHIFT_STEPS = 4;

/** Offsets of `slack` from 0 to all of it, in 2 × SHIFT_STEPS steps; just the centre when there is none. */
function offsets(slack: number): number[] {
  if (slack <= 0) return [slack / 2];
  return Array.from({ length: SHIFT_STEPS * 2 + 1 }, (_, i) => (slack * i) / (SHIFT_STEPS * 2));
}

/**
 * Where `bounds` can sit in `inner` at `zoom`: centred first, then stepping aside, nearest the
 * centre first, as far as each side (a diagram smaller than the area can avoid an overlay).
 */
function placements(bounds: Box, inner: Box, zoom: number): Viewport[] {
  const slackX = inner.width - bounds.width * zoom;
  const slackY = inner.height - bounds.height * zoom;
  const xs = offsets(slackX);
  const ys = offsets(slackY);
  const all: { viewport: Viewport; offCentre: number }[] = [];
  for (const dx of xs)
    for (const dy of ys)
      all.push({
        viewport: { x: inner.x + dx - bounds.x * zoom, y: inner.y + dy - bounds.y * zoom, zoom },
        offCentre: Math.abs(dx - slackX / 2) + Math.abs(dy - slackY / 2),
      });
  return all.sort((a, b) => a.offCentre - b.offCentre).map(({ viewport }) => viewport);
}

/** True when no item lies under an obstacle (already grown by the clearance) under `viewport`. */
function isClear(items: readonly Box[], bounds: Box, obstacles: readonly Box[], viewport: Viewport): boolean {
  const hit = (box: Box) => obstacles.some((obstacle) => overlaps(box, obstacle));
  if (!hit(onScreen(bounds, viewport))) return true;
  return !items.some((item) => hit(onScreen(item, viewport)));
}

/** Each zoom tried between the largest and the one an area clear of the overlays gives is this much smaller. */
const ZOOM_STEP = 0.97;

/**
 * The viewport that shows the whole diagram in the visible area, as large as it can be (up to
 * `maxZoom`) with no item under an overlay; `null` for an empty diagram. An area clear of every
 * overlay (beside or above the minimap) always works; from the zoom that fits the whole area down
 * to that one, the diagram is tried centred and then stepping aside, nearest the centre first, for
 * an overlay over an empty part of the diagram hides nothing. So a diagram that fits at READABLE_ZOOM anywhere
 * beside the overlays opens at least that large, and one that does not is still shown whole.
 * @example fitViewport({ items: [{ x: 0, y: 0, width: 200, height: 60 }], area: { x: 0, y: 0, width: 800, height: 600 }, obstacles: [] }) // { x: 280, y: 264, zoom: 1.2 }
 */
export function fitViewport(input: FitInput, options: FitOptions = FIT_OPTIONS): Viewport | null {
  const bounds = unionOf(input.items);
  if (!bounds) return null;
  const inner = shrink(input.area, options.padding) ?? input.area;
  const obstacles = input.obstacles
    .map((obstacle) => grow(obstacle, options.clearance))
    .filter((obstacle) => overlaps(obstacle, input.area))
    .sort((a, b) => b.width * b.height - a.width * a.height)
    .slice(0, MAX_OBSTACLES);
  // The fallback: centred in the area clear of the overlays that leaves the largest zoom.
  let clear: Viewport | null = null;
  for (const area of clearAreas(input.area, obstacles)) {
    const part = shrink(area, options.padding);
    if (!part) continue;
    const zoom = zoomToFit(bounds, part, options);
    if (!clear || zoom > clear.zoom) clear = placements(bounds, part, zoom)[0] ?? null;
  }
  const floor = clear?.zoom ?? 0;
  let zoom = zoomToFit(bounds, inner, options);
  // At the clear area's zoom too: the whole area centres the diagram where that area would not.
  while (zoom >= floor * (1 - 1e-9)) {
    const found = placements(bounds, inner, zoom).find((viewport) =>
      isClear(input.items, bounds, obstacles, viewport),
    );
    if (found) return found;
    if (zoom <= options.minZoom) break;
    zoom = Math.max(options.minZoom, zoom * ZOOM_STEP);
  }
  return clear ?? placements(bounds, inner, zoomToFit(bounds, inner, options))[0] ?? null;
}
