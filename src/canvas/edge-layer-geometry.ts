import { connectionRoute } from '../drawing/edge-route';
import { connectionEnds, type Point, type Rect } from '../drawing/geometry';
import type { ConnectionEdgeData } from './edge-data';

/**
 * The geometry of the connection layer: every connection of a large, zoomed-out diagram drawn as
 * a few SVG paths (one per look) instead of an element each (docs/performance.md, decision 012).
 * Pure, so the drawing and the click test are unit-tested without a browser.
 */

/** How a connection looks in the layer: selected over error over warning over plain. */
export type LayerLook = 'plain' | 'warning' | 'error' | 'selected';
export const LAYER_LOOKS: readonly LayerLook[] = ['plain', 'warning', 'error', 'selected'];

/** What the layer needs of a connection: the projected edge's ends, selection and data. */
export interface LayerEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly selected?: boolean;
  readonly data?: Pick<ConnectionEdgeData, 'severity' | 'hasReverse'> & {
    readonly waypoints?: ConnectionEdgeData['waypoints'];
  };
}

export interface Segment {
  readonly id: string;
  readonly start: Point;
  readonly end: Point;
  /** The bends between start and end, when the connection follows a stored route. */
  readonly via?: readonly Point[];
}

export interface LayerPaths {
  /** Per look, the `d` of one path with every line of that look. */
  readonly lines: Readonly<Record<LayerLook, string>>;
  /** Per look, the `d` of one path with every arrowhead of that look. */
  readonly heads: Readonly<Record<LayerLook, string>>;
}

/**
 * The connections in two groups: `moving`, those whose cards changed in the latest redraws (the
 * connections of a dragged card), and `resting`, the rest. A drag then rewrites only the small
 * `moving` paths, so the browser repaints the region they cover and not the whole diagram under
 * one big path whose outline changed (docs/performance.md).
 */
export interface LayerDrawing {
  readonly resting: LayerPaths;
  readonly moving: LayerPaths;
  readonly segments: readonly Segment[];
}

/** A card's box, or undefined while the card is unknown. */
export type BoxOf<Card> = (card: Card) => Rect;

export function lookOf(edge: LayerEdge): LayerLook {
  if (edge.selected) return 'selected';
  if (edge.data?.severity === 'error') return 'error';
  if (edge.data?.severity === 'warning') return 'warning';
  return 'plain';
}

/** For the layer and the edges drawn one by one alike: a two-way pair 7 px apart, 3 px short of the card. */
const PAIR_OFFSET = 7;
export const END_GAP = 3;
/** The arrowhead's length and half-width, in flow pixels (about the size of React Flow's marker). */
const HEAD_LENGTH = 10;
const HEAD_HALF_WIDTH = 4.5;

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The line of a connection: along its stored route when it has one (as the connection drawn on
 * its own and every export draw it, src/drawing/edge-route.ts), else straight between the borders;
 * its end `END_GAP` short of the target's border, where the arrowhead's tip goes.
 */
export function segmentOf(
  id: string,
  from: Rect,
  to: Rect,
  hasReverse: boolean,
  waypoints?: readonly Point[] | null,
): Segment {
  if (waypoints && waypoints.length > 0) {
    const route = connectionRoute(from, to, waypoints);
    const start = route[0] as Point;
    const last = route[route.length - 1] as Point;
    const before = route[route.length - 2] ?? start;
    const length = Math.hypot(last.x - before.x, last.y - before.y);
    const gap = length > END_GAP ? END_GAP / length : 0;
    const end = { x: last.x - (last.x - before.x) * gap, y: last.y - (last.y - before.y) * gap };
    return { id, start, end, via: route.slice(1, -1) };
  }
  const { start, end } = connectionEnds(from, to, hasReverse ? PAIR_OFFSET : 0, END_GAP);
  return { id, start, end };
}

/** The points of a segment in order: start, its bends, end. */
function pointsOf({ start, end, via }: Segment): readonly Point[] {
  return via && via.length > 0 ? [start, ...via, end] : [start, end];
}

export function linePath(segment: Segment): string {
  return pointsOf(segment)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`)
    .join('');
}

/** A closed triangle whose tip is the segment's end, along its last leg. Empty for a leg of no length. */
export function headPath(segment: Segment): string {
  const { end } = segment;
  const points = pointsOf(segment);
  const start = points[points.length - 2] as Point;
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return '';
  const ux = dx / length;
  const uy = dy / length;
  const baseX = end.x - ux * HEAD_LENGTH;
  const baseY = end.y - uy * HEAD_LENGTH;
  const side = (sign: number) =>
    `${round(baseX - uy * HEAD_HALF_WIDTH * sign)} ${round(baseY + ux * HEAD_HALF_WIDTH * sign)}`;
  return `M${round(end.x)} ${round(end.y)}L${side(1)}L${side(-1)}Z`;
}

/** The distance from `point` to the segment (to the nearest of its legs, when it has bends). */
export function distanceToSegment(point: Point, segment: Segment): number {
  const points = pointsOf(segment);
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < points.length; i += 1)
    nearest = Math.min(nearest, distanceToLeg(point, points[i] as Point, points[i + 1] as Point));
  return nearest;
}

function distanceToLeg(point: Point, start: Point, end: Point): number {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const squared = dx * dx + dy * dy;
  const t =
    squared === 0
      ? 0
      : Math.max(0, Math.min(1, ((point.x - start.x) * dx + (point.y - start.y) * dy) / squared));
  return Math.hypot(point.x - (start.x + t * dx), point.y - (start.y + t * dy));
}

/** The id of the segment nearest `point` within `tolerance`, or null. The last drawn wins a tie. */
export function nearestSegment(segments: readonly Segment[], point: Point, tolerance: number): string | null {
  let best: string | null = null;
  let bestDistance = tolerance;
  for (const segment of segments) {
    const distance = distanceToSegment(point, segment);
    if (distance <= bestDistance) {
      best = segment.id;
      bestDistance = distance;
    }
  }
  return best;
}

interface Drawn<Card> {
  readonly edge: LayerEdge;
  readonly from: Card;
  readonly to: Card;
  readonly segment: Segment;
  readonly line: string;
  readonly head: string;
}

export interface LayerDrawer<Card> {
  /**
   * The drawing of `edges` between the cards `cardOf` finds. The same object comes back while
   * the edges and every card they join are unchanged, so a subscriber re-renders only on change;
   * a changed card redraws only its own connections.
   */
  draw(edges: readonly LayerEdge[], cardOf: (id: string) => Card | undefined): LayerDrawing;
  /** The last drawing, for the click test. */
  last(): LayerDrawing | undefined;
}

/** Gathers the lines and arrowheads of one group, per look, and joins each into one path. */
class PathBuilder {
  private readonly lines: Record<LayerLook, string[]> = { plain: [], warning: [], error: [], selected: [] };
  private readonly heads: Record<LayerLook, string[]> = { plain: [], warning: [], error: [], selected: [] };

  add(look: LayerLook, line: string, head: string): void {
    this.lines[look].push(line);
    this.heads[look].push(head);
  }

  build(): LayerPaths {
    const join = (parts: Record<LayerLook, string[]>) => ({
      plain: parts.plain.join(''),
      warning: parts.warning.join(''),
      error: parts.error.join(''),
      selected: parts.selected.join(''),
    });
    return { lines: join(this.lines), heads: join(this.heads) };
  }
}

export function createLayerDrawer<Card>(boxOf: BoxOf<Card>): LayerDrawer<Card> {
  let cache = new Map<string, Drawn<Card>>();
  let moving = new Set<string>();
  let drawing: LayerDrawing | undefined;

  /**
   * True when every connection joins the same cards as in the last drawing. It runs on every
   * update of React Flow's store (each pan and zoom frame), so it allocates nothing.
   */
  function unchanged(edges: readonly LayerEdge[], cardOf: (id: string) => Card | undefined): boolean {
    if (!drawing) return false;
    let drawn = 0;
    for (const edge of edges) {
      const from = cardOf(edge.source);
      const to = cardOf(edge.target);
      const hit = cache.get(edge.id);
      if (from === undefined || to === undefined) {
        if (hit) return false;
        continue;
      }
      if (!hit || hit.edge !== edge || hit.from !== from || hit.to !== to) return false;
      drawn += 1;
    }
    return drawn === cache.size;
  }

  return {
    draw(edges, cardOf) {
      if (drawing && unchanged(edges, cardOf)) return drawing;
      const next = new Map<string, Drawn<Card>>();
      const changed = new Set<string>();
      for (const edge of edges) {
        const from = cardOf(edge.source);
        const to = cardOf(edge.target);
        if (from === undefined || to === undefined) continue;
        const hit = cache.get(edge.id);
        if (hit && hit.edge === edge && hit.from === from && hit.to === to) {
          next.set(edge.id, hit);
          continue;
        }
        changed.add(edge.id);
        const segment = segmentOf(
          edge.id,
          boxOf(from),
          boxOf(to),
          edge.data?.hasReverse ?? false,
          edge.data?.waypoints,
        );
        next.set(edge.id, { edge, from, to, segment, line: linePath(segment), head: headPath(segment) });
      }
      let removed = next.size !== cache.size;
      for (const id of cache.keys()) if (!removed && !next.has(id)) removed = true;
      cache = next;
      // While only moving connections change, the resting paths stay as they are.
      let restingStays = drawing !== undefined && !removed;
      for (const id of changed) if (restingStays && !moving.has(id)) restingStays = false;
      // A first drawing, or one where most connections changed, has nothing moving.
      if (!restingStays) moving = changed.size * 2 <= next.size ? changed : new Set();
      const resting = new PathBuilder();
      const active = new PathBuilder();
      const segments: Segment[] = [];
      for (const { edge, line, head, segment } of next.values()) {
        const isMoving = moving.has(edge.id);
        if (isMoving || !restingStays) (isMoving ? active : resting).add(lookOf(edge), line, head);
        segments.push(segment);
      }
      drawing = {
        resting: restingStays && drawing ? drawing.resting : resting.build(),
        moving: active.build(),
        segments,
      };
      return drawing;
    },
    last: () => drawing,
  };
}
