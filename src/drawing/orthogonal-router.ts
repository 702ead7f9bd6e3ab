// Routes one connection around cards with horizontal and vertical segments: the re-route after a
// card moves (ELK lays out a whole diagram, but cannot route one edge of it). A sparse grid of the
// lines along the cards' (inflated) borders, searched with A* over (point, heading), where each
// bend costs extra and running along another route costs more than open space.
import type { Point, Rect } from './geometry';

export type Side = 'N' | 'S' | 'E' | 'W';

export interface Port extends Point {
  readonly side: Side;
}

export interface RouteOptions {
  /** Clearance kept around every card. */
  readonly margin?: number;
  /** What a bend costs, in pixels of length. */
  readonly bendCost?: number;
  /** Segments of other routes: running along one costs `overlapCost` times its length. */
  readonly occupied?: readonly (readonly [Point, Point])[];
  readonly overlapCost?: number;
}

const STEP: Record<Side, readonly [number, number]> = { N: [0, -1], S: [0, 1], E: [1, 0], W: [-1, 0] };
// Headings in the search: 0 east, 1 west, 2 south, 3 north (h ^ 1 is the opposite).
const HEADING: Record<Side, number> = { E: 0, W: 1, S: 2, N: 3 };
const MOVES = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;
/** The most grid points one search may use (its arrays take about 60 bytes a point). */
export const MAX_GRID_POINTS = 160_000;
const INTO: Record<Side, Side> = { N: 'S', S: 'N', E: 'W', W: 'E' };

/** The first index in sorted `values` not below `v`. */
function lowerBound(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A tiny binary heap of [priority, state]. */
class Queue {
  private readonly keys: number[] = [];
  private readonly states: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, state: number): void {
    const { keys, states } = this;
    let i = keys.length;
    keys.push(key);
    states.push(state);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      states[i] = states[parent] as number;
      i = parent;
    }
    keys[i] = key;
    states[i] = state;
  }
  pop(): number {
    const { keys, states } = this;
    const top = states[0] as number;
    const lastKey = keys.pop() as number;
    const lastState = states.pop() as number;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && (keys[r] as number) < (keys[l] as number) ? r : l;
        if ((keys[m] as number) >= lastKey) break;
        keys[i] = keys[m] as number;
        states[i] = states[m] as number;
        i = m;
      }
      keys[i] = lastKey;
      states[i] = lastState;
    }
    return top;
  }
}

/**
 * The route from `from` to `to` (both on a card's border, leaving/entering on their side) that
 * keeps `margin` clear of every obstacle, or `undefined` when none exists. The points include both
 * ends; consecutive points differ in x or in y only.
 */
export function routeOrthogonal(
  obstacles: readonly Rect[],
  from: Port,
  to: Port,
  options: RouteOptions = {},
): Point[] | undefined {
  const margin = options.margin ?? 12;
  const bendCost = options.bendCost ?? 40;
  const overlapCost = options.overlapCost ?? 4;
  const stub = (p: Port) => ({ x: p.x + STEP[p.side][0] * margin, y: p.y + STEP[p.side][1] * margin });
  const start = stub(from);
  const goal = stub(to);
  const boxes = obstacles.map((r) => ({
    x1: r.x - margin + 0.5,
    y1: r.y - margin + 0.5,
    x2: r.x + r.width + margin - 0.5,
    y2: r.y + r.height + margin - 0.5,
  }));
  const xSet = new Set([start.x, goal.x]);
  const ySet = new Set([start.y, goal.y]);
  for (const r of obstacles) {
    xSet.add(r.x - margin).add(r.x + r.width + margin);
    ySet.add(r.y - margin).add(r.y + r.height + margin);
  }
  const X = [...xSet].sort((a, b) => a - b);
  const Y = [...ySet].sort((a, b) => a - b);
  const NX = X.length;
  const NY = Y.length;
  // A grid this large (thousands of cards in the window) would cost hundreds of megabytes: the
  // caller draws the connection straight instead.
  if (NX * NY > MAX_GRID_POINTS) return undefined;
  // Grid points inside a box, and steps whose middle is inside one, are closed.
  const closedPoint = new Uint8Array(NX * NY);
  const closedH = new Uint8Array(NX * NY);
  const closedV = new Uint8Array(NX * NY);
  for (const b of boxes) {
    const i0 = lowerBound(X, b.x1);
    const i1 = lowerBound(X, b.x2);
    const j0 = lowerBound(Y, b.y1);
    const j1 = lowerBound(Y, b.y2);
    for (let j = Math.max(0, j0 - 1); j <= Math.min(NY - 1, j1); j += 1) {
      const y = Y[j] as number;
      const yInside = y > b.y1 && y < b.y2;
      for (let i = Math.max(0, i0 - 1); i <= Math.min(NX - 1, i1); i += 1) {
        const x = X[i] as number;
        const xInside = x > b.x1 && x < b.x2;
        if (xInside && yInside) closedPoint[j * NX + i] = 1;
        if (yInside && i + 1 < NX) {
          const mx = (x + (X[i + 1] as number)) / 2;
          if (mx > b.x1 && mx < b.x2) closedH[j * NX + i] = 1;
        }
        if (xInside && j + 1 < NY) {
          const my = (y + (Y[j + 1] as number)) / 2;
          if (my > b.y1 && my < b.y2) closedV[j * NX + i] = 1;
        }
      }
    }
  }
  const busyH = new Uint8Array(NX * NY);
  const busyV = new Uint8Array(NX * NY);
  for (const [p, q] of options.occupied ?? []) {
    if (p.y === q.y) {
      const j = lowerBound(Y, p.y);
      if (Y[j] !== p.y) continue;
      const a = lowerBound(X, Math.min(p.x, q.x));
      const b = lowerBound(X, Math.max(p.x, q.x));
      for (let i = a; i < b && i < NX - 1; i += 1) busyH[j * NX + i] = 1;
    } else if (p.x === q.x) {
      const i = lowerBound(X, p.x);
      if (X[i] !== p.x) continue;
      const a = lowerBound(Y, Math.min(p.y, q.y));
      const b = lowerBound(Y, Math.max(p.y, q.y));
      for (let j = a; j < b && j < NY - 1; j += 1) busyV[j * NX + i] = 1;
    }
  }
  const startNode = lowerBound(Y, start.y) * NX + lowerBound(X, start.x);
  const goalNode = lowerBound(Y, goal.y) * NX + lowerBound(X, goal.x);
  const finalHeading = HEADING[INTO[to.side]];
  const cost = new Float64Array(NX * NY * 4).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(NX * NY * 4).fill(-1);
  const estimate = (n: number) =>
    Math.abs((X[n % NX] as number) - goal.x) + Math.abs((Y[(n / NX) | 0] as number) - goal.y);
  const queue = new Queue();
  const first = startNode * 4 + HEADING[from.side];
  cost[first] = 0;
  queue.push(estimate(startNode), first);
  let found = -1;
  while (queue.size > 0) {
    const state = queue.pop();
    const node = state >> 2;
    const heading = state & 3;
    if (node === goalNode) {
      found = state;
      break;
    }
    const cx = node % NX;
    const cy = (node / NX) | 0;
    for (let next = 0; next < 4; next += 1) {
      if ((heading ^ 1) === next) continue; // no U-turns
      const [dx, dy] = MOVES[next] as readonly [number, number];
      const nx = cx + dx;
      const ny = cy + dy;
      if (nx < 0 || ny < 0 || nx >= NX || ny >= NY) continue;
      const m = ny * NX + nx;
      if (closedPoint[m] && m !== goalNode) continue;
      const horizontal = next < 2;
      const edge = horizontal ? cy * NX + Math.min(cx, nx) : Math.min(cy, ny) * NX + cx;
      if (horizontal ? closedH[edge] : closedV[edge]) continue;
      const length =
        Math.abs((X[nx] as number) - (X[cx] as number)) + Math.abs((Y[ny] as number) - (Y[cy] as number));
      const busy = horizontal ? busyH[edge] : busyV[edge];
      let c = (cost[state] as number) + length * (busy ? overlapCost : 1) + (next !== heading ? bendCost : 0);
      if (m === goalNode && next !== finalHeading) c += bendCost;
      const to4 = m * 4 + next;
      if (c < (cost[to4] as number)) {
        cost[to4] = c;
        previous[to4] = state;
        queue.push(c + estimate(m), to4);
      }
    }
  }
  if (found < 0) return undefined;
  const path: Point[] = [];
  for (let s = found; s >= 0; s = previous[s] as number) {
    const n = s >> 2;
    path.push({ x: X[n % NX] as number, y: Y[(n / NX) | 0] as number });
  }
  path.reverse();
  return simplify([{ x: from.x, y: from.y }, ...path, { x: to.x, y: to.y }]);
}

/** Drops points in the middle of a straight run, and repeated points. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * Routes in a window around the two ends first (only the obstacles in it count), then a wider
 * one, then everywhere. A route from a window is kept only if it stays inside it: the window is
 * convex, so such a route cannot cross an obstacle that was left out.
 */
export function routeInWindow(
  obstacles: readonly Rect[],
  from: Port,
  to: Port,
  options: RouteOptions = {},
): Point[] | undefined {
  for (const pad of [240, 720, Number.POSITIVE_INFINITY]) {
    const x1 = Math.min(from.x, to.x) - pad;
    const x2 = Math.max(from.x, to.x) + pad;
    const y1 = Math.min(from.y, to.y) - pad;
    const y2 = Math.max(from.y, to.y) + pad;
    const near =
      pad === Number.POSITIVE_INFINITY
        ? obstacles
        : obstacles.filter((r) => r.x < x2 && r.x + r.width > x1 && r.y < y2 && r.y + r.height > y1);
    const points = routeOrthogonal(near, from, to, options);
    if (!points) continue;
    if (
      pad === Number.POSITIVE_INFINITY ||
      points.every((p) => p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2)
    ) {
      return points;
    }
  }
  return undefined;
}

/** The sides two cards face each other on, and the ports at their middles. */
export function facingPorts(from: Rect, to: Rect, margin = 12): { from: Port; to: Port } {
  const fromBottom = from.y + from.height;
  const toBottom = to.y + to.height;
  const midX = (r: Rect) => r.x + r.width / 2;
  const midY = (r: Rect) => r.y + r.height / 2;
  if (to.y >= fromBottom + 2 * margin) {
    return { from: { x: midX(from), y: fromBottom, side: 'S' }, to: { x: midX(to), y: to.y, side: 'N' } };
  }
  if (from.y >= toBottom + 2 * margin) {
    return { from: { x: midX(from), y: from.y, side: 'N' }, to: { x: midX(to), y: toBottom, side: 'S' } };
  }
  if (midX(to) >= midX(from)) {
    return {
      from: { x: from.x + from.width, y: midY(from), side: 'E' },
      to: { x: to.x, y: midY(to), side: 'W' },
    };
  }
  return {
    from: { x: from.x, y: midY(from), side: 'W' },
    to: { x: to.x + to.width, y: midY(to), side: 'E' },
  };
}
