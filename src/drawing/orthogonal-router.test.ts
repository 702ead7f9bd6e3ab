import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fixedSeed } from '../document/testing/property';
import type { Point, Rect } from './geometry';
import {
  facingPorts,
  MAX_GRID_POINTS,
  type Port,
  routeInWindow,
  routeOrthogonal,
  simplify,
} from './orthogonal-router';

// Issue 14, item 2: the re-route of one connection after a card moves. The expectations below are
// geometry checked on the points returned, not read from the router's grid.

const MARGIN = 12;
/** The router counts a line within half a pixel of an inflated border as on it (ports at x.5). */
const SLACK = 0.5;

function expectOrthogonal(points: readonly Point[]): void {
  expect(points.length).toBeGreaterThanOrEqual(2);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    expect(a.x === b.x || a.y === b.y, `segment ${i} ${JSON.stringify([a, b])} is diagonal`).toBe(true);
  }
}

function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** Whether the segment a–b (horizontal or vertical) has a point strictly inside `r`. */
function entersInterior(a: Point, b: Point, r: Rect): boolean {
  return (
    Math.max(a.x, b.x) > r.x &&
    Math.min(a.x, b.x) < r.x + r.width &&
    Math.max(a.y, b.y) > r.y &&
    Math.min(a.y, b.y) < r.y + r.height
  );
}

const OUTWARD: Record<Port['side'], Point> = {
  N: { x: 0, y: -1 },
  S: { x: 0, y: 1 },
  E: { x: 1, y: 0 },
  W: { x: -1, y: 0 },
};

/**
 * The route keeps `margin` clear of every obstacle: no segment enters an obstacle inflated by the
 * margin, except the first segment (which leaves the source card straight out of its port's side)
 * in the source's box and the last (which enters the target card straight into its side) in the
 * target's.
 */
function expectClear(
  points: readonly Point[],
  obstacles: readonly Rect[],
  source: Rect,
  target: Rect,
  from: Port,
  to: Port,
  margin = MARGIN,
): void {
  const first = points[0] as Point;
  const second = points[1] as Point;
  const last = points[points.length - 1] as Point;
  const beforeLast = points[points.length - 2] as Point;
  expect(first).toEqual({ x: from.x, y: from.y });
  expect(last).toEqual({ x: to.x, y: to.y });
  // Out of the source's side, and into the target's side, for at least the margin.
  const out = OUTWARD[from.side];
  expect(Math.sign(second.x - first.x)).toBe(out.x);
  expect(Math.sign(second.y - first.y)).toBe(out.y);
  expect(Math.abs(second.x - first.x) + Math.abs(second.y - first.y)).toBeGreaterThanOrEqual(margin);
  const inward = OUTWARD[to.side];
  expect(Math.sign(beforeLast.x - last.x)).toBe(inward.x);
  expect(Math.sign(beforeLast.y - last.y)).toBe(inward.y);
  expect(Math.abs(beforeLast.x - last.x) + Math.abs(beforeLast.y - last.y)).toBeGreaterThanOrEqual(margin);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    for (const obstacle of obstacles) {
      if (obstacle === source && i === 0) continue;
      if (obstacle === target && i === points.length - 2) continue;
      expect(
        entersInterior(a, b, inflate(obstacle, margin - SLACK)),
        `segment ${i} ${JSON.stringify([a, b])} enters ${JSON.stringify(obstacle)} (margin ${margin})`,
      ).toBe(false);
    }
  }
}

const card = (x: number, y: number, width = 200, height = 60): Rect => ({ x, y, width, height });

describe('routeOrthogonal', () => {
  test('a card straight below: one vertical segment from port to port', () => {
    const a = card(0, 0);
    const b = card(0, 200);
    const ports = facingPorts(a, b);
    const route = routeOrthogonal([a, b], ports.from, ports.to);
    expect(route).toEqual([
      { x: 100, y: 60 },
      { x: 100, y: 200 },
    ]);
  });

  test('a card below and to the side: orthogonal, from port to port, clear of both cards', () => {
    const a = card(0, 0);
    const b = card(400, 240);
    const ports = facingPorts(a, b);
    const route = routeOrthogonal([a, b], ports.from, ports.to);
    expect(route).toBeDefined();
    const points = route as Point[];
    expectOrthogonal(points);
    expectClear(points, [a, b], a, b, ports.from, ports.to);
    // An S-shape with two bends, not a detour.
    expect(points).toHaveLength(4);
  });

  test('goes around a wall of cards between the ends, keeping the margin', () => {
    const a = card(400, 0);
    const b = card(400, 480);
    // Five cards side by side, 16 px apart (less than two margins: no way through between them).
    const wall = [0, 216, 432, 648, 864].map((x) => card(x, 220));
    const obstacles = [a, b, ...wall];
    const ports = facingPorts(a, b);
    const route = routeOrthogonal(obstacles, ports.from, ports.to);
    expect(route).toBeDefined();
    const points = route as Point[];
    expectOrthogonal(points);
    expectClear(points, obstacles, a, b, ports.from, ports.to);
    // It goes round an end of the wall.
    expect(points.some((p) => p.x <= -MARGIN || p.x >= 864 + 200 + MARGIN)).toBe(true);
  });

  test('takes the gap in a wall when there is room for the margin on both sides', () => {
    const a = card(400, 0);
    const b = card(400, 480);
    // A gap of 64 px (room for 2 × 12 px of margin) right under the source.
    const wall = [card(-200, 220, 560), card(424, 220, 560)];
    const obstacles = [a, b, ...wall];
    const ports = facingPorts(a, b);
    const route = routeOrthogonal(obstacles, ports.from, ports.to) as Point[];
    expectOrthogonal(route);
    expectClear(route, obstacles, a, b, ports.from, ports.to);
    // Through the gap: no point far to the side.
    expect(route.every((p) => p.x > 360 - MARGIN && p.x < 424 + MARGIN + 200)).toBe(true);
  });

  test('honours a larger margin', () => {
    const a = card(400, 0);
    const b = card(400, 480);
    const wall = [card(-200, 220, 560), card(424, 220, 560)];
    const obstacles = [a, b, ...wall];
    const ports = facingPorts(a, b, 40);
    const route = routeOrthogonal(obstacles, ports.from, ports.to, { margin: 40 }) as Point[];
    expectOrthogonal(route);
    // A 64 px gap is too narrow for 2 × 40 px: the route goes round the wall.
    expectClear(route, obstacles, a, b, ports.from, ports.to, 40);
    expect(route.some((p) => p.x <= -200 - 40 || p.x >= 984 + 40)).toBe(true);
  });

  test('undefined when the target is walled in on every side', () => {
    const a = card(0, 0);
    const b = card(400, 400);
    // A closed ring around b, 40 px from it: room inside, no way in.
    const ring = [
      card(340, 340, 320, 20),
      card(340, 500, 320, 20),
      card(340, 340, 20, 180),
      card(640, 340, 20, 180),
    ];
    const ports = facingPorts(a, b);
    expect(routeOrthogonal([a, b, ...ring], ports.from, ports.to)).toBeUndefined();
    // The same ring with one side left out lets the route in.
    const open = routeOrthogonal([a, b, ...ring.slice(1)], ports.from, ports.to);
    expect(open).toBeDefined();
    expectClear(open as Point[], [a, b, ...ring.slice(1)], a, b, ports.from, ports.to);
  });

  test('a grid over MAX_GRID_POINTS gives undefined at once, without allocating it', () => {
    // k small cards on a diagonal, far from the route, add 2k lines each way to the four of the two
    // cards and the one of their ports: (2k + 3) × (2k + 4) grid points.
    const diagonal = (k: number) =>
      Array.from({ length: k }, (_, i) => card(1000 + i * 300, 1000 + i * 300, 20, 20));
    const points = (k: number) => (2 * k + 3) * (2 * k + 4);
    const a = card(0, 0);
    const b = card(0, 400);
    const ports = facingPorts(a, b);
    let under = 0;
    while (points(under + 1) <= MAX_GRID_POINTS) under += 1;
    expect(routeOrthogonal([a, b, ...diagonal(under + 1)], ports.from, ports.to)).toBeUndefined();
    // At the limit the same route is found.
    expect(routeOrthogonal([a, b, ...diagonal(under)], ports.from, ports.to)).toEqual([
      { x: 100, y: 60 },
      { x: 100, y: 400 },
    ]);
    // Twenty thousand cards: a grid of 1.6 billion points (gigabytes of arrays) is never made.
    const many = diagonal(20_000);
    const started = performance.now();
    expect(routeOrthogonal([a, b, ...many], ports.from, ports.to)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('avoids running along an occupied segment when open space costs about the same', () => {
    const a = card(0, 0);
    const b = card(400, 400);
    const ports = facingPorts(a, b);
    const free = routeOrthogonal([a, b], ports.from, ports.to) as Point[];
    expectOrthogonal(free);
    // Occupy the free route's middle (horizontal) segment: the new route runs elsewhere.
    const middle = free.findIndex((p, i) => i + 1 < free.length && p.y === (free[i + 1] as Point).y);
    expect(middle).toBeGreaterThan(0);
    const segment: [Point, Point] = [free[middle] as Point, free[middle + 1] as Point];
    const other = routeOrthogonal([a, b], ports.from, ports.to, { occupied: [segment] }) as Point[];
    expectOrthogonal(other);
    expectClear(other, [a, b], a, b, ports.from, ports.to);
    expect(other).not.toEqual(free);
  });
});

describe('routeInWindow', () => {
  test('finds the route round a wall that reaches past the first window', () => {
    const a = card(0, 0);
    const b = card(0, 600);
    // A wall 2,000 px wide, centred under the ends: the near windows cut it, the route goes round.
    const wall = Array.from({ length: 10 }, (_, i) => card(-1000 + i * 208, 280));
    const obstacles = [a, b, ...wall];
    const ports = facingPorts(a, b);
    const route = routeInWindow(obstacles, ports.from, ports.to) as Point[];
    expect(route).toBeDefined();
    expectOrthogonal(route);
    expectClear(route, obstacles, a, b, ports.from, ports.to);
  });

  test('undefined when the target is walled in', () => {
    const a = card(0, 0);
    const b = card(400, 400);
    const ring = [
      card(340, 340, 320, 20),
      card(340, 500, 320, 20),
      card(340, 340, 20, 180),
      card(640, 340, 20, 180),
    ];
    const ports = facingPorts(a, b);
    expect(routeInWindow([a, b, ...ring], ports.from, ports.to)).toBeUndefined();
  });
});

describe('simplify', () => {
  test('drops repeated points and points in the middle of a straight run', () => {
    expect(
      simplify([
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 0, y: 5 },
        { x: 0, y: 10 },
        { x: 10, y: 10 },
        { x: 10, y: 10 },
        { x: 20, y: 10 },
        { x: 20, y: 30 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 10 },
      { x: 20, y: 10 },
      { x: 20, y: 30 },
    ]);
  });

  test('keeps every bend; an empty list stays empty, one point (or one point twice) gives that point', () => {
    const zigzag = [
      { x: 0, y: 0 },
      { x: 0, y: 10 },
      { x: 10, y: 10 },
      { x: 10, y: 20 },
    ];
    expect(simplify(zigzag)).toEqual(zigzag);
    expect(simplify([])).toEqual([]);
    expect(simplify([{ x: 3, y: 4 }])).toEqual([{ x: 3, y: 4 }]);
    expect(
      simplify([
        { x: 3, y: 4 },
        { x: 3, y: 4 },
      ]),
    ).toEqual([{ x: 3, y: 4 }]);
  });
});

describe('facingPorts', () => {
  const a = card(0, 0);
  test('S/N when the target is below (by at least two margins)', () => {
    expect(facingPorts(a, card(300, 84))).toEqual({
      from: { x: 100, y: 60, side: 'S' },
      to: { x: 400, y: 84, side: 'N' },
    });
  });
  test('N/S when the target is above', () => {
    expect(facingPorts(a, card(-300, -200))).toEqual({
      from: { x: 100, y: 0, side: 'N' },
      to: { x: -200, y: -140, side: 'S' },
    });
  });
  test('E/W when the target is beside on the right, W/E on the left', () => {
    expect(facingPorts(a, card(300, 40))).toEqual({
      from: { x: 200, y: 30, side: 'E' },
      to: { x: 300, y: 70, side: 'W' },
    });
    expect(facingPorts(a, card(-300, -40))).toEqual({
      from: { x: 0, y: 30, side: 'W' },
      to: { x: -100, y: -10, side: 'E' },
    });
  });
  test('closer than two margins vertically counts as beside', () => {
    expect(facingPorts(a, card(300, 83)).from.side).toBe('E');
    expect(facingPorts(a, card(300, 83), 4).from.side).toBe('S');
  });
});

// Random cards that do not overlap, one per cell of a coarse grid at a random spot in it (so at
// least 24 px, two margins, apart): any route found between two of them is orthogonal, runs from
// port to port, and crosses no other card.
const CELL_W = 264;
const CELL_H = 124;
const cardsArbitrary = fc
  .array(
    fc.record({
      cell: fc.integer({ min: 0, max: 35 }),
      dx: fc.integer({ min: 0, max: CELL_W - 224 }),
      dy: fc.integer({ min: 0, max: CELL_H - 84 }),
      width: fc.integer({ min: 120, max: 200 }),
      height: fc.integer({ min: 40, max: 60 }),
    }),
    { minLength: 2, maxLength: 24 },
  )
  .map((specs) => {
    const seen = new Set<number>();
    const cards: Rect[] = [];
    for (const s of specs) {
      if (seen.has(s.cell)) continue;
      seen.add(s.cell);
      cards.push({
        x: (s.cell % 6) * CELL_W + s.dx,
        y: Math.floor(s.cell / 6) * CELL_H + s.dy,
        width: s.width,
        height: s.height,
      });
    }
    return cards;
  })
  .filter((cards) => cards.length >= 2);

test('property: every route between random cards is orthogonal, port to port, and clear of the other cards', () => {
  fc.assert(
    fc.property(cardsArbitrary, fc.nat(), fc.nat(), (cards, i, j) => {
      const source = cards[i % cards.length] as Rect;
      const target = cards[(i + 1 + (j % (cards.length - 1))) % cards.length] as Rect;
      const ports = facingPorts(source, target);
      const route = routeOrthogonal(cards, ports.from, ports.to);
      if (!route) return;
      expectOrthogonal(route);
      expectClear(route, cards, source, target, ports.from, ports.to);
      for (let k = 0; k + 1 < route.length; k += 1) {
        for (const other of cards) {
          if (other === source || other === target) continue;
          expect(entersInterior(route[k] as Point, route[k + 1] as Point, other)).toBe(false);
        }
      }
    }),
    fixedSeed(300),
  );
});
