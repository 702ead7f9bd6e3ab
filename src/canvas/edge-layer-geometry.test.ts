import { describe, expect, it } from 'vitest';
import {
  createLayerDrawer,
  distanceToSegment,
  headPath,
  type LayerEdge,
  linePath,
  lookOf,
  nearestSegment,
  segmentOf,
} from './edge-layer-geometry';

interface Card {
  readonly x: number;
  readonly y: number;
}
const box = (card: Card) => ({ x: card.x, y: card.y, width: 100, height: 50 });

function edge(id: string, source: string, target: string, extra: Partial<LayerEdge> = {}): LayerEdge {
  return { id, source, target, data: { severity: null, hasReverse: false }, ...extra };
}

describe('segment geometry', () => {
  it('runs from border to border, 3 px short of the target', () => {
    const segment = segmentOf(
      'e',
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 300, y: 0, width: 100, height: 50 },
      false,
    );
    expect(segment.start).toEqual({ x: 100, y: 25 });
    expect(segment.end).toEqual({ x: 297, y: 25 });
    expect(linePath(segment)).toBe('M100 25L297 25');
  });

  it('follows a stored route from afar as the connection drawn on its own does, its head along the last leg', () => {
    // Below the source, then right, then down into the target's top: the layer must not draw it straight.
    const from = { x: 0, y: 0, width: 100, height: 50 };
    const to = { x: 300, y: 200, width: 100, height: 50 };
    const route = [
      { x: 50, y: 50 },
      { x: 50, y: 120 },
      { x: 350, y: 120 },
      { x: 350, y: 200 },
    ];
    const segment = segmentOf('e', from, to, false, route);
    expect(linePath(segment)).toBe('M50 50L50 120L350 120L350 197');
    expect(headPath(segment)).toBe('M350 197L345.5 187L354.5 187Z');
    // A click on the route's middle leg finds it, far from where a straight line would run.
    expect(distanceToSegment({ x: 200, y: 123 }, segment)).toBe(3);
    expect(nearestSegment([segment], { x: 200, y: 123 }, 6)).toBe('e');
    expect(nearestSegment([segment], { x: 200, y: 150 }, 6)).toBeNull();
  });

  it('draws a two-way pair apart', () => {
    const a = { x: 0, y: 0, width: 100, height: 50 };
    const b = { x: 300, y: 0, width: 100, height: 50 };
    expect(segmentOf('e', a, b, true).start.y).not.toBe(segmentOf('e', a, b, false).start.y);
  });

  it('puts the arrowhead tip on the end and leaves no head for a segment of no length', () => {
    const segment = { id: 'e', start: { x: 0, y: 0 }, end: { x: 20, y: 0 } };
    expect(headPath(segment)).toBe('M20 0L10 4.5L10 -4.5Z');
    expect(headPath({ id: 'e', start: { x: 5, y: 5 }, end: { x: 5, y: 5 } })).toBe('');
  });

  it('measures the distance to the nearest point of the segment, ends included', () => {
    const segment = { id: 'e', start: { x: 0, y: 0 }, end: { x: 10, y: 0 } };
    expect(distanceToSegment({ x: 5, y: 3 }, segment)).toBe(3);
    expect(distanceToSegment({ x: -4, y: 3 }, segment)).toBe(5);
    expect(distanceToSegment({ x: 13, y: 4 }, segment)).toBe(5);
  });

  it('finds the nearest segment within the tolerance, or none', () => {
    const segments = [
      { id: 'a', start: { x: 0, y: 0 }, end: { x: 100, y: 0 } },
      { id: 'b', start: { x: 0, y: 10 }, end: { x: 100, y: 10 } },
    ];
    expect(nearestSegment(segments, { x: 50, y: 3 }, 6)).toBe('a');
    expect(nearestSegment(segments, { x: 50, y: 8 }, 6)).toBe('b');
    expect(nearestSegment(segments, { x: 50, y: 30 }, 6)).toBeNull();
  });

  it('looks selected over error over warning over plain', () => {
    expect(
      lookOf(edge('e', 'a', 'b', { selected: true, data: { severity: 'error', hasReverse: false } })),
    ).toBe('selected');
    expect(lookOf(edge('e', 'a', 'b', { data: { severity: 'error', hasReverse: false } }))).toBe('error');
    expect(lookOf(edge('e', 'a', 'b', { data: { severity: 'warning', hasReverse: false } }))).toBe('warning');
    expect(lookOf(edge('e', 'a', 'b', { data: { severity: 'info', hasReverse: false } }))).toBe('plain');
  });
});

describe('createLayerDrawer', () => {
  const cards = (entries: Record<string, Card>) => new Map(Object.entries(entries));

  it('draws each look into its own path and skips connections whose cards are unknown', () => {
    const drawer = createLayerDrawer<Card>(box);
    const lookup = cards({ a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 0, y: 200 } });
    const edges = [
      edge('ab', 'a', 'b'),
      edge('ac', 'a', 'c', { data: { severity: 'error', hasReverse: false } }),
      edge('ax', 'a', 'missing'),
    ];
    const drawing = drawer.draw(edges, (id) => lookup.get(id));
    expect(drawing.segments.map((s) => s.id)).toEqual(['ab', 'ac']);
    expect(drawing.resting.lines.plain).toBe('M100 25L297 25');
    expect(drawing.resting.lines.error).toMatch(/^M50 50L50 197$/);
    expect(drawing.resting.heads.error).toContain('Z');
    expect(drawing.moving.lines.plain).toBe('');
    expect(drawer.last()).toBe(drawing);
  });

  it('returns the same drawing while nothing changed', () => {
    const drawer = createLayerDrawer<Card>(box);
    const lookup = cards({ a: { x: 0, y: 0 }, b: { x: 300, y: 0 } });
    const edges = [edge('ab', 'a', 'b')];
    const first = drawer.draw(edges, (id) => lookup.get(id));
    expect(drawer.draw(edges, (id) => lookup.get(id))).toBe(first);
  });

  it('redraws a dragged card’s connections as moving and keeps the resting paths as they were', () => {
    const drawer = createLayerDrawer<Card>(box);
    const lookup = cards({
      a: { x: 0, y: 0 },
      b: { x: 300, y: 0 },
      c: { x: 0, y: 200 },
      d: { x: 300, y: 200 },
    });
    const edges = [edge('ab', 'a', 'b'), edge('cd', 'c', 'd'), edge('ad', 'a', 'd')];
    const first = drawer.draw(edges, (id) => lookup.get(id));
    expect(first.resting.lines.plain.match(/M/g)).toHaveLength(3);

    lookup.set('b', { x: 320, y: 0 }); // the drag starts: ab moves, the rest rests
    const second = drawer.draw(edges, (id) => lookup.get(id));
    expect(second.moving.lines.plain).toBe('M100 25L317 25');
    expect(second.resting.lines.plain.match(/M/g)).toHaveLength(2);

    lookup.set('b', { x: 340, y: 0 }); // the drag goes on: only the moving paths change
    const third = drawer.draw(edges, (id) => lookup.get(id));
    expect(third.resting).toBe(second.resting);
    expect(third.moving.lines.plain).toBe('M100 25L337 25');
    expect(third.segments).toHaveLength(3);

    lookup.set('c', { x: 0, y: 220 }); // another card moves: the resting paths take the first one in
    const fourth = drawer.draw(edges, (id) => lookup.get(id));
    expect(fourth.resting.lines.plain).toContain('M100 25L337 25');
    expect(fourth.moving.lines.plain.match(/M/g)).toHaveLength(1);
  });

  it('drops a removed connection and redraws when the connections change', () => {
    const drawer = createLayerDrawer<Card>(box);
    const lookup = cards({ a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 0, y: 200 } });
    const ab = edge('ab', 'a', 'b');
    drawer.draw([ab, edge('ac', 'a', 'c')], (id) => lookup.get(id));
    const after = drawer.draw([ab], (id) => lookup.get(id));
    expect(after.segments.map((s) => s.id)).toEqual(['ab']);
    expect(after.resting.lines.plain).toBe('M100 25L297 25');
    expect(after.moving.lines.plain).toBe('');

    const selected = drawer.draw([{ ...ab, selected: true }], (id) => lookup.get(id));
    expect(selected.resting.lines.plain + selected.moving.lines.plain).toBe('');
    expect(selected.resting.lines.selected + selected.moving.lines.selected).toBe('M100 25L297 25');
  });
});
