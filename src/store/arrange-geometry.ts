// Align and distribute as plain geometry (issue 15 item 5): boxes in, new top-left corners out.
// The document side (which boxes, which bounds, one undo step) is arrange.ts.

import type { Point, Rect } from '../drawing';

/** The six alignments, named as the commands say them ("Align centre" lines up the centres across). */
export type AlignEdge = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export const ALIGN_EDGES: readonly AlignEdge[] = ['left', 'centre', 'right', 'top', 'middle', 'bottom'];

export type DistributeAxis = 'horizontally' | 'vertically';
export const DISTRIBUTE_AXES: readonly DistributeAxis[] = ['horizontally', 'vertically'];

/** A box to arrange, and where it must stay (the inside of the host that holds a card). */
export interface ArrangeItem {
  readonly id: string;
  readonly rect: Rect;
  readonly bounds?: Rect | undefined;
}

const isHorizontal = (edge: AlignEdge) => edge === 'left' || edge === 'centre' || edge === 'right';

/** Keeps `start` (a box's left or top) inside `[low, high - size]`; a box larger than the room keeps `low`. */
function clampTo(start: number, size: number, low: number | undefined, length: number | undefined): number {
  if (low === undefined || length === undefined) return start;
  return Math.max(low, Math.min(start, low + length - size));
}

function clampPoint(item: ArrangeItem, at: Point): Point {
  const b = item.bounds;
  return {
    x: Math.round(clampTo(at.x, item.rect.width, b?.x, b?.width)),
    y: Math.round(clampTo(at.y, item.rect.height, b?.y, b?.height)),
  };
}

/**
 * Each box's new top-left corner when the boxes are aligned on an edge or centre line of the box
 * around them all, kept inside its bounds. E.g. `alignRects([{id:'a', rect:{x:0,y:0,width:10,height:5}},
 * {id:'b', rect:{x:40,y:9,width:20,height:5}}], 'right')` puts `a` at x 50 and keeps `b`.
 */
export function alignRects(items: readonly ArrangeItem[], edge: AlignEdge): Map<string, Point> {
  const moves = new Map<string, Point>();
  if (items.length < 2) return moves;
  const left = Math.min(...items.map((i) => i.rect.x));
  const top = Math.min(...items.map((i) => i.rect.y));
  const right = Math.max(...items.map((i) => i.rect.x + i.rect.width));
  const bottom = Math.max(...items.map((i) => i.rect.y + i.rect.height));
  for (const item of items) {
    const { x, y, width, height } = item.rect;
    const target: Record<AlignEdge, number> = {
      left,
      centre: (left + right) / 2 - width / 2,
      right: right - width,
      top,
      middle: (top + bottom) / 2 - height / 2,
      bottom: bottom - height,
    };
    const at = isHorizontal(edge) ? { x: target[edge], y } : { x, y: target[edge] };
    moves.set(item.id, clampPoint(item, at));
  }
  return moves;
}

/**
 * Each box's new top-left corner when the space between neighbours is made equal along an axis:
 * the first and last boxes (by centre) stay, the others move between them. Needs three boxes.
 */
export function distributeRects(items: readonly ArrangeItem[], axis: DistributeAxis): Map<string, Point> {
  const moves = new Map<string, Point>();
  if (items.length < 3) return moves;
  const along = axis === 'horizontally';
  const start = (r: Rect) => (along ? r.x : r.y);
  const size = (r: Rect) => (along ? r.width : r.height);
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const byCentre =
        start(a.item.rect) + size(a.item.rect) / 2 - (start(b.item.rect) + size(b.item.rect) / 2);
      return byCentre !== 0 ? byCentre : a.index - b.index;
    })
    .map(({ item }) => item);
  const first = sorted[0] as ArrangeItem;
  const last = sorted[sorted.length - 1] as ArrangeItem;
  const span = start(last.rect) + size(last.rect) - start(first.rect);
  const occupied = sorted.reduce((sum, item) => sum + size(item.rect), 0);
  const gap = (span - occupied) / (sorted.length - 1);
  let cursor = start(first.rect);
  for (const item of sorted) {
    const { x, y } = item.rect;
    const at = along ? { x: cursor, y } : { x, y: cursor };
    moves.set(item.id, clampPoint(item, at));
    cursor += size(item.rect) + gap;
  }
  return moves;
}
