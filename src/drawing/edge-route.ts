// The line a connection is drawn along, the same on the canvas and in every export: its stored
// route (`connections[].waypoints`) when it has one, else a straight line between the cards.
import { borderPoint, connectionEnds, type Point, type Rect, rectsOverlap } from './geometry';
import { facingPorts, routeInWindow } from './orthogonal-router';

const ON_BORDER = 1.5;

function onBorder(rect: Rect, p: Point): boolean {
  const inX = p.x >= rect.x - ON_BORDER && p.x <= rect.x + rect.width + ON_BORDER;
  const inY = p.y >= rect.y - ON_BORDER && p.y <= rect.y + rect.height + ON_BORDER;
  if (!inX || !inY) return false;
  return (
    Math.abs(p.x - rect.x) <= ON_BORDER ||
    Math.abs(p.x - rect.x - rect.width) <= ON_BORDER ||
    Math.abs(p.y - rect.y) <= ON_BORDER ||
    Math.abs(p.y - rect.y - rect.height) <= ON_BORDER
  );
}

/** Where a line to `toward` leaves `rect`: straight out of a side when `toward` is beside that side. */
function attach(rect: Rect, toward: Point): Point {
  if (toward.x > rect.x && toward.x < rect.x + rect.width) {
    return { x: toward.x, y: toward.y < rect.y ? rect.y : rect.y + rect.height };
  }
  if (toward.y > rect.y && toward.y < rect.y + rect.height) {
    return { x: toward.x < rect.x ? rect.x : rect.x + rect.width, y: toward.y };
  }
  return borderPoint(rect, toward);
}

/**
 * The points a connection is drawn through, from the source card's border to the target's. A
 * stored route that starts and ends on the two cards is drawn as it is; one that does not (the
 * cards moved, or a file gave only the bends) is joined to the cards by its first and last bend.
 * Without a route: a straight line, shifted by `offset` when both directions of a pair exist.
 */
export function connectionRoute(
  from: Rect,
  to: Rect,
  waypoints: readonly Point[] | undefined,
  offset = 0,
): Point[] {
  if (waypoints && waypoints.length > 0) {
    const first = waypoints[0] as Point;
    const last = waypoints[waypoints.length - 1] as Point;
    const start = waypoints.length >= 2 && onBorder(from, first) ? first : attach(from, first);
    const end = waypoints.length >= 2 && onBorder(to, last) ? last : attach(to, last);
    const inner = waypoints.filter(
      (p, i) => !((i === 0 && p === start) || (i === waypoints.length - 1 && p === end)),
    );
    return dedupe([start, ...inner, end]);
  }
  const { start, end } = connectionEnds(from, to, offset, 0);
  return [start, end];
}

function dedupe(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last.x !== p.x || last.y !== p.y) out.push(p);
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * An SVG path through `points` with each bend rounded by a quadratic curve of radius `radius` (at
 * most half of either segment beside it), the last segment shortened by `endGap` so an arrowhead
 * ends on the card's border.
 */
export function roundedPath(points: readonly Point[], radius = 8, endGap = 0): string {
  if (points.length === 0) return '';
  const pts = [...points];
  if (endGap > 0 && pts.length >= 2) {
    const a = pts[pts.length - 2] as Point;
    const b = pts[pts.length - 1] as Point;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length > endGap) {
      const t = (length - endGap) / length;
      pts[pts.length - 1] = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
  }
  const first = pts[0] as Point;
  let d = `M${round(first.x)} ${round(first.y)}`;
  for (let i = 1; i < pts.length - 1; i += 1) {
    const p = pts[i - 1] as Point;
    const c = pts[i] as Point;
    const n = pts[i + 1] as Point;
    const into = Math.hypot(c.x - p.x, c.y - p.y);
    const out = Math.hypot(n.x - c.x, n.y - c.y);
    const k = Math.min(radius, into / 2, out / 2);
    if (k <= 0.01) {
      d += ` L${round(c.x)} ${round(c.y)}`;
      continue;
    }
    const ax = c.x + ((p.x - c.x) / into) * k;
    const ay = c.y + ((p.y - c.y) / into) * k;
    const bx = c.x + ((n.x - c.x) / out) * k;
    const by = c.y + ((n.y - c.y) / out) * k;
    d += ` L${round(ax)} ${round(ay)} Q${round(c.x)} ${round(c.y)} ${round(bx)} ${round(by)}`;
  }
  const last = pts[pts.length - 1] as Point;
  return `${d} L${round(last.x)} ${round(last.y)}`;
}

/** Rectangles already drawn, bucketed on a coarse grid so a free spot is found in a few looks. */
export class TakenSpace {
  private readonly cells = new Map<string, Rect[]>();
  /** Rectangles too large (or too far out) for the grid, looked at one by one. */
  private readonly large: Rect[] = [];
  constructor(private readonly cell = 160) {}
  private keys(r: Rect): string[] | undefined {
    const x0 = Math.floor(r.x / this.cell);
    const x1 = Math.floor((r.x + r.width) / this.cell);
    const y0 = Math.floor(r.y / this.cell);
    const y1 = Math.floor((r.y + r.height) / this.cell);
    if (!Number.isSafeInteger(x0) || !Number.isSafeInteger(y0) || x1 - x0 > 16 || y1 - y0 > 16)
      return undefined;
    const out: string[] = [];
    for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) out.push(`${x},${y}`);
    return out;
  }
  add(r: Rect): void {
    const keys = this.keys(r);
    if (!keys) {
      this.large.push(r);
      return;
    }
    for (const key of keys) {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    }
  }
  hits(r: Rect): boolean {
    if (this.large.some((o) => rectsOverlap(o, r))) return true;
    const keys = this.keys(r);
    if (!keys) return [...this.cells.values()].some((list) => list.some((o) => rectsOverlap(o, r)));
    for (const key of keys) if (this.cells.get(key)?.some((o) => rectsOverlap(o, r))) return true;
    return false;
  }
}

/** How far apart (px) the further places a tag may take along a segment are. */
const TAG_STEP = 16;
/** At most this many steps either way from the middle (a very long segment has room near its middle). */
const TAG_STEPS = 12;
/** Places beside a line come after every place on a line. */
const BESIDE = 1e6;

/**
 * Where a tag of `width` × `height` goes on a route: the middle of the longest segment whose box
 * is free in `taken` (cards and tags already placed); the longest segment when none is free.
 * Returns the box's top-left corner; the caller adds the box to `taken`.
 */
export function placeTag(points: readonly Point[], width: number, height: number, taken: TakenSpace): Point {
  const candidates: { at: Point; length: number }[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    // Along the segment: its middle first, then a third from either end of a long one, then
    // stepping out from the middle while the tag stays on the segment (a crowded route's last hope).
    const ts = length > 3 * width ? [0.5, 0.3, 0.7] : [0.5];
    const along = Math.abs(b.x - a.x) > Math.abs(b.y - a.y) ? width : height;
    const room = Math.min((length - along) / 2, TAG_STEP * TAG_STEPS);
    for (let step = TAG_STEP; step <= room; step += TAG_STEP)
      ts.push(0.5 - step / length, 0.5 + step / length);
    for (const t of ts) {
      const at = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      candidates.push({ at, length: length - Math.abs(t - 0.5) });
      // Beside a vertical segment, touching it, when no place on the line is free.
      if (a.x === b.x) {
        const aside = width / 2 + 2;
        candidates.push({ at: { x: at.x + aside, y: at.y }, length: length - Math.abs(t - 0.5) - BESIDE });
        candidates.push({ at: { x: at.x - aside, y: at.y }, length: length - Math.abs(t - 0.5) - BESIDE });
      }
    }
  }
  candidates.sort((p, q) => q.length - p.length);
  const box = (c: Point): Rect => ({ x: c.x - width / 2, y: c.y - height / 2, width, height });
  for (const c of candidates) {
    const b = box(c.at);
    if (!taken.hits(b)) return { x: b.x, y: b.y };
  }
  const best = box((candidates[0] ?? { at: points[0] ?? { x: 0, y: 0 } }).at);
  return { x: best.x, y: best.y };
}

/**
 * The standby link between a backup and its primary: side by side, a straight line between them;
 * otherwise routed around the other cards like a connection (a straight line would cross them).
 */
export function standbyRoute(backup: Rect, primary: Rect, cards: readonly Rect[]): Point[] {
  const ports = facingPorts(backup, primary);
  if (ports.from.side === 'E' || ports.from.side === 'W') {
    const top = Math.max(backup.y, primary.y);
    const bottom = Math.min(backup.y + backup.height, primary.y + primary.height);
    if (bottom - top >= 12) {
      const y = (top + bottom) / 2;
      const between = {
        x: Math.min(ports.from.x, ports.to.x),
        y: y - 1,
        width: Math.abs(ports.to.x - ports.from.x),
        height: 2,
      };
      if (!cards.some((c) => c !== backup && c !== primary && rectsOverlap(c, between))) {
        return [
          { x: ports.from.x, y },
          { x: ports.to.x, y },
        ];
      }
    }
  }
  const others = cards.filter((c) => c !== backup && c !== primary);
  const routed = routeInWindow([...others, backup, primary], ports.from, ports.to);
  if (routed) return routed;
  const { start, end } = connectionEnds(backup, primary, 0, 0);
  return [start, end];
}
