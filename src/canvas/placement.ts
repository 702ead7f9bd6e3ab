// Where a component added by click (palette, Enter on a palette item) lands. Pure, so the choice
// can be tested without a browser; `view.ts` feeds it the visible part of the canvas.

import { CARD, type Point, type Rect, snapToGrid } from '../drawing';

export { CARD, snapToGrid };

// Room for the widest card and its connection handle, which hangs below the card.
const SLOT = { width: 320, height: 112 } as const;
/** How far out from the centre the search for a free slot goes, in slots. */
const RINGS = 30;

/**
 * Where a card dropped at `pointer` (flow coordinates, so the zoom is already taken out) puts its
 * top-left corner: its centre under the pointer, on the snap grid.
 * @example cardCornerAt({ x: 300, y: 200 }) // { x: 200, y: 168 }
 */
export function cardCornerAt(pointer: Point): Point {
  return { x: snapToGrid(pointer.x - CARD.width / 2), y: snapToGrid(pointer.y - CARD.height / 2) };
}

/** A region by its four sides, as the browser reports the pane and what covers it. */
export interface Bounds {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The box around `items`, each placed by `boxOf`; `null` for none. */
export function boundsOf<T>(items: readonly T[], boxOf: (item: T) => Rect): Rect | null {
  if (items.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const { x, y, width, height } = boxOf(item);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * What of the canvas the user sees, in flow coordinates: the pane less the overlays drawn on it
 * (the overview map, the zoom controls). A card placed there is whole on screen, handle included.
 */
export interface VisibleArea {
  readonly pane: Bounds;
  readonly covered: readonly Bounds[];
}

/** The rectangle a card at `at` takes, handle and a little air included. */
function cardRect(at: Point): Bounds {
  return { left: at.x - 8, top: at.y - 8, right: at.x + CARD.width * 1.4, bottom: at.y + CARD.height + 24 };
}

function intersects(a: Bounds, b: Bounds): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** True when a card at `at` is whole in `area`: inside the pane and under no overlay. */
export function fitsInView(at: Point, area: VisibleArea): boolean {
  const card = cardRect(at);
  const { pane } = area;
  const inside =
    card.left >= pane.left && card.top >= pane.top && card.right <= pane.right && card.bottom <= pane.bottom;
  return inside && !area.covered.some((overlay) => intersects(card, overlay));
}

/**
 * The free slot nearest to `centre`, searched ring by ring on a fixed lattice (a view that moved a
 * few pixels still finds the same spots), so a new card never covers an old one. With `area`, the
 * nearest free slot the user can see wins; only when every visible slot is taken does the card go
 * outside the view (and the caller brings it into view).
 */
export function freeSlotNear(centre: Point, occupied: readonly Point[], area?: VisibleArea): Point {
  const origin = {
    x: Math.round((centre.x - CARD.width / 2) / SLOT.width) * SLOT.width,
    y: Math.round((centre.y - CARD.height / 2) / SLOT.height) * SLOT.height,
  };
  const free = (x: number, y: number) =>
    !occupied.some((o) => Math.abs(o.x - x) < SLOT.width && Math.abs(o.y - y) < SLOT.height);
  let firstFree: Point | undefined;
  for (let ring = 0; ring < RINGS; ring += 1) {
    for (let dy = -ring; dy <= ring; dy += 1) {
      for (let dx = -ring; dx <= ring; dx += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const spot = {
          x: snapToGrid(origin.x + dx * SLOT.width),
          y: snapToGrid(origin.y + dy * SLOT.height),
        };
        if (!free(spot.x, spot.y)) continue;
        if (!area || fitsInView(spot, area)) return spot;
        firstFree ??= spot;
      }
    }
  }
  return firstFree ?? origin;
}
