/** Where the segment from a rectangle's centre towards `toward` leaves the rectangle. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The point on the border of `rect` on the line from its centre to `toward` (plus a gap). */
export function borderPoint(rect: Rect, toward: Point, gap = 0): Point {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const halfW = rect.width / 2 + gap;
  const halfH = rect.height / 2 + gap;
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : halfW / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : halfH / Math.abs(dy),
  );
  return { x: cx + dx * scale, y: cy + dy * scale };
}

export function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * The two ends of a straight connection between two rectangles. When both directions of a pair
 * exist, `offset` shifts the line sideways so the two arrows stay apart.
 */
export function connectionEnds(from: Rect, to: Rect, offset = 0, gap = 2): { start: Point; end: Point } {
  const a = centre(from);
  const b = centre(to);
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = (-(b.y - a.y) / length) * offset;
  const ny = ((b.x - a.x) / length) * offset;
  const shiftedA = { x: a.x + nx, y: a.y + ny };
  const shiftedB = { x: b.x + nx, y: b.y + ny };
  const start = borderPoint({ ...from, x: from.x + nx, y: from.y + ny }, shiftedB, 0);
  const end = borderPoint({ ...to, x: to.x + nx, y: to.y + ny }, shiftedA, gap);
  return { start, end };
}

/** The smallest rectangle around `rects`; `null` for none. */
export function rectAround(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Whether two rectangles share an area (touching borders do not). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies within `outer` (borders may touch). */
export function rectInside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
