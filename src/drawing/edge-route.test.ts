import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { connectionRoute, placeTag, roundedPath, standbyRoute, TakenSpace } from './edge-route';
import type { Point, Rect } from './geometry';

// Issue 14, items 2 and 3: the line a connection is drawn along (canvas and exports alike), its
// rounded bends, where its tag goes, and the standby link of an HA pair.

const card = (x: number, y: number, width = 200, height = 60): Rect => ({ x, y, width, height });

function expectOrthogonal(points: readonly Point[]): void {
  expect(points.length).toBeGreaterThanOrEqual(2);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    expect(a.x === b.x || a.y === b.y, `segment ${i} ${JSON.stringify([a, b])} is diagonal`).toBe(true);
  }
}

function onBorder(r: Rect, p: Point): boolean {
  const inX = p.x >= r.x && p.x <= r.x + r.width;
  const inY = p.y >= r.y && p.y <= r.y + r.height;
  return (inY && (p.x === r.x || p.x === r.x + r.width)) || (inX && (p.y === r.y || p.y === r.y + r.height));
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

describe('connectionRoute', () => {
  const a = card(0, 0);
  const b = card(200, 200);

  test('a stored route that starts and ends on the two cards is drawn as it is', () => {
    const stored = [
      { x: 100, y: 60 },
      { x: 100, y: 130 },
      { x: 300, y: 130 },
      { x: 300, y: 200 },
    ];
    expect(connectionRoute(a, b, stored)).toEqual(stored);
    // Within a pixel and a half of the border counts as on it (rounded coordinates).
    const nearly = [
      { x: 100, y: 61 },
      { x: 100, y: 130 },
      { x: 300, y: 130 },
      { x: 300, y: 199 },
    ];
    expect(connectionRoute(a, b, nearly)).toEqual(nearly);
  });

  test('a route of bends only is joined to the cards straight out of their sides', () => {
    // Bends below / above the cards (off their centres): joined straight to their bottom and top.
    const below = connectionRoute(a, b, [
      { x: 60, y: 130 },
      { x: 340, y: 130 },
    ]);
    expect(below).toEqual([
      { x: 60, y: 60 },
      { x: 60, y: 130 },
      { x: 340, y: 130 },
      { x: 340, y: 200 },
    ]);
    expectOrthogonal(below);
    // Bends beside the cards: joined straight to their right and left sides.
    const c = card(400, 280);
    const beside = connectionRoute(a, c, [
      { x: 300, y: 10 },
      { x: 300, y: 330 },
    ]);
    expect(beside).toEqual([
      { x: 200, y: 10 },
      { x: 300, y: 10 },
      { x: 300, y: 330 },
      { x: 400, y: 330 },
    ]);
    expectOrthogonal(beside);
  });

  test('a stored route whose cards moved away is joined to where the cards are now', () => {
    const stored = [
      { x: 100, y: 60 },
      { x: 100, y: 130 },
      { x: 300, y: 130 },
      { x: 300, y: 200 },
    ];
    // Both cards moved 40 px right: the old ends are off their borders; the bends are kept.
    const route = connectionRoute(card(40, 0), card(240, 200), stored);
    expect(route).toEqual([
      { x: 100, y: 60 },
      { x: 100, y: 130 },
      { x: 300, y: 130 },
      { x: 300, y: 200 },
    ]);
    // Moved down by 40: the first bend is joined to the moved card's bottom.
    const down = connectionRoute(card(0, 40), card(200, 240), [
      { x: 100, y: 130 },
      { x: 300, y: 130 },
    ]);
    expect(down[0]).toEqual({ x: 100, y: 100 });
    expect(down[down.length - 1]).toEqual({ x: 300, y: 240 });
    expectOrthogonal(down);
  });

  test('a single bend is joined to both cards', () => {
    const route = connectionRoute(a, card(0, 200), [{ x: 100, y: 130 }]);
    expect(route[0]).toEqual({ x: 100, y: 60 });
    expect(route[route.length - 1]).toEqual({ x: 100, y: 200 });
    expectOrthogonal(route);
  });

  test('without a route: a straight line between the borders, shifted by the offset', () => {
    const lower = card(0, 200);
    const straight = [
      { x: 100, y: 60 },
      { x: 100, y: 200 },
    ];
    expect(connectionRoute(a, lower, undefined)).toEqual(straight);
    expect(connectionRoute(a, lower, [])).toEqual(straight);
    // Both directions of a pair: the line shifted sideways (to the left of a downward line).
    expect(connectionRoute(a, lower, undefined, 10)).toEqual([
      { x: 90, y: 60 },
      { x: 90, y: 200 },
    ]);
  });
});

describe('roundedPath', () => {
  test('an L: a line to the bend, a quadratic curve of radius 8 round it, a line to the end', () => {
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 0, y: 100 },
        { x: 100, y: 100 },
      ]),
    ).toBe('M0 0 L0 92 Q0 100 8 100 L100 100');
    expect(
      roundedPath(
        [
          { x: 0, y: 0 },
          { x: 0, y: 100 },
          { x: 100, y: 100 },
        ],
        20,
      ),
    ).toBe('M0 0 L0 80 Q0 100 20 100 L100 100');
  });

  test('one curve per bend', () => {
    const d = roundedPath([
      { x: 0, y: 0 },
      { x: 0, y: 100 },
      { x: 100, y: 100 },
      { x: 100, y: 200 },
      { x: 300, y: 200 },
    ]);
    expect(d).toMatch(/^M0 0 L.* L300 200$/);
    expect(d.match(/Q/g)).toHaveLength(3);
    expect(d).toContain('Q100 100');
    expect(d).toContain('Q100 200');
  });

  test('the radius is at most half of either segment beside the bend', () => {
    // A 10 px segment into the bend: radius 5.
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 0, y: 10 },
        { x: 100, y: 10 },
      ]),
    ).toBe('M0 0 L0 5 Q0 10 5 10 L100 10');
    // A 6 px segment out of it: radius 3.
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 0, y: 100 },
        { x: 6, y: 100 },
      ]),
    ).toBe('M0 0 L0 97 Q0 100 3 100 L6 100');
  });

  test('endGap shortens the last segment (the arrowhead ends on the border)', () => {
    expect(
      roundedPath(
        [
          { x: 0, y: 0 },
          { x: 0, y: 100 },
        ],
        8,
        10,
      ),
    ).toBe('M0 0 L0 90');
    expect(
      roundedPath(
        [
          { x: 0, y: 0 },
          { x: 0, y: 100 },
          { x: 100, y: 100 },
        ],
        8,
        6,
      ),
    ).toBe('M0 0 L0 92 Q0 100 8 100 L94 100');
  });

  test('coordinates are rounded to a tenth; no points draw nothing', () => {
    expect(
      roundedPath([
        { x: 0.123, y: 0.456 },
        { x: 10.06, y: 0.456 },
      ]),
    ).toBe('M0.1 0.5 L10.1 0.5');
    expect(roundedPath([])).toBe('');
  });
});

describe('TakenSpace', () => {
  test('finds what overlaps, across cells; touching is not overlapping', () => {
    const taken = new TakenSpace();
    taken.add(card(150, 150, 100, 100)); // across four 160-px cells
    expect(taken.hits(card(240, 240, 20, 20))).toBe(true);
    expect(taken.hits(card(100, 100, 60, 60))).toBe(true);
    expect(taken.hits(card(250, 150, 20, 20))).toBe(false);
    expect(taken.hits(card(0, 0, 150, 150))).toBe(false);
    expect(taken.hits(card(400, 400, 10, 10))).toBe(false);
  });

  test('a rectangle too large for the grid is still found, and finds what is under it', () => {
    const taken = new TakenSpace();
    taken.add(card(0, 0, 10, 10));
    taken.add(card(-10_000, 5000, 20_000, 10));
    expect(taken.hits(card(9000, 5005, 4, 4))).toBe(true);
    expect(taken.hits(card(9000, 5100, 4, 4))).toBe(false);
    // A query larger than the grid looks at every rectangle.
    expect(taken.hits(card(-50_000, -50_000, 100_000, 100))).toBe(false);
    expect(taken.hits(card(-50_000, -50_000, 100_000, 50_010))).toBe(true);
  });
});

describe('placeTag', () => {
  const route = [
    { x: 0, y: 0 },
    { x: 0, y: 100 },
    { x: 300, y: 100 },
  ];

  test('the middle of the longest segment when it is free', () => {
    expect(placeTag(route, 40, 18, new TakenSpace())).toEqual({ x: 130, y: 91 });
  });

  test('the free place nearest the middle of a long segment whose middle is taken', () => {
    const taken = new TakenSpace();
    taken.add(card(140, 80, 20, 40)); // over the middle of the long segment, (0, 100) to (300, 100)
    // Steps of 16 px out from the middle: centre 134 still touches the card, centre 118 is free.
    expect(placeTag(route, 40, 18, taken)).toEqual({ x: 98, y: 91 });
    taken.add(card(60, 80, 40, 40)); // now 118 is taken too: 182, on the other side, is free
    expect(placeTag(route, 40, 18, taken)).toEqual({ x: 162, y: 91 });
  });

  test('beside a vertical segment when no place on any line is free', () => {
    const down = [
      { x: 100, y: 0 },
      { x: 100, y: 40 },
    ];
    const taken = new TakenSpace();
    taken.add(card(40, 0, 58, 40)); // a card just left of the line: a tag on the line would hide it
    const at = placeTag(down, 30, 18, taken);
    expect(at).toEqual({ x: 102, y: 11 }); // on the line's right, 2 px from it, at its middle
    taken.add(card(101, 0, 40, 40)); // and one on its right: no place is free, the middle it is
    expect(placeTag(down, 30, 18, taken)).toEqual({ x: 85, y: 11 });
  });

  test('the next longest free segment when the longest is taken', () => {
    const taken = new TakenSpace();
    taken.add(card(0, 80, 300, 40)); // the whole long segment
    expect(placeTag(route, 40, 18, taken)).toEqual({ x: -20, y: 41 });
  });

  test('the middle of the longest segment when nothing is free', () => {
    const taken = new TakenSpace();
    taken.add(card(-100, -100, 500, 300));
    expect(placeTag(route, 40, 18, taken)).toEqual({ x: 130, y: 91 });
  });

  test('never on a taken box while a free segment is left', () => {
    const taken = new TakenSpace();
    const obstacles = [card(100, 60, 200, 60), card(-40, 20, 80, 20)];
    for (const r of obstacles) taken.add(r);
    const at = placeTag(route, 40, 18, taken);
    const box = { ...at, width: 40, height: 18 };
    for (const r of obstacles) {
      const overlap =
        box.x < r.x + r.width &&
        r.x < box.x + box.width &&
        box.y < r.y + r.height &&
        r.y < box.y + box.height;
      expect(overlap).toBe(false);
    }
  });
});

// The regression of issue 14: Infinity (or 1e20) coordinates once made TakenSpace count cells one
// by one forever (x += 1 does not move 1e20). A loop that never ends cannot fail a test on the same
// thread, so these calls run in a worker, which is stopped after 10 s.
// tsx's ESM API (which compiles the TypeScript in the worker), found through its package's exports.
const TSX_PACKAGE = createRequire(import.meta.url).resolve('tsx/package.json');
const TSX_API = pathToFileURL(
  join(
    dirname(TSX_PACKAGE),
    JSON.parse(readFileSync(TSX_PACKAGE, 'utf8')).exports['./esm/api'].import.default as string,
  ),
).href;
const EDGE_ROUTE = new URL('./edge-route.ts', import.meta.url).href;

function inWorker(body: string, timeout = 10_000): Promise<unknown> {
  const code = `import { parentPort } from 'node:worker_threads';
import { tsImport } from ${JSON.stringify(TSX_API)};
const { TakenSpace, placeTag } = await tsImport(${JSON.stringify(EDGE_ROUTE)}, ${JSON.stringify(EDGE_ROUTE)});
parentPort.postMessage(JSON.stringify((() => { ${body} })()));`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
  return new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running after ${timeout} ms`)), timeout);
    worker.once('message', (message: string) => resolve(JSON.parse(message)));
    worker.once('error', reject);
    worker.once('exit', () => clearTimeout(timer));
  }).finally(() => worker.terminate());
}

test('TakenSpace and placeTag answer at once for huge, infinite and NaN coordinates', async () => {
  const result = await inWorker(`
    const hostile = [
      { x: Infinity, y: 0, width: 40, height: 18 },
      { x: 0, y: -Infinity, width: 40, height: 18 },
      { x: 1e20, y: 1e20, width: 40, height: 18 },
      { x: -1e300, y: 0, width: 1e300, height: 18 },
      { x: 0, y: 0, width: Infinity, height: Infinity },
      { x: NaN, y: 0, width: 40, height: 18 },
      { x: 2 ** 60, y: 0, width: 40, height: 18 },
    ];
    const taken = new TakenSpace();
    taken.add({ x: 0, y: 0, width: 10, height: 10 });
    const hits = hostile.map((r) => taken.hits(r));
    for (const r of hostile) taken.add(r);
    const after = [taken.hits({ x: 5, y: 5, width: 1, height: 1 }), taken.hits({ x: 1e20 + 10, y: 1e20, width: 40, height: 18 })];
    const tag = placeTag([{ x: 0, y: 0 }, { x: Infinity, y: 0 }, { x: Infinity, y: 1e20 }], 40, 18, taken);
    const far = placeTag([{ x: 1e20, y: 1e20 }, { x: 1e20, y: 2e20 }], 40, 18, new TakenSpace());
    return { hits, after, tag: [typeof tag.x, typeof tag.y], far };
  `);
  expect(result).toEqual({
    // The infinitely wide and tall box at the origin overlaps the 10 × 10 card; the others do not.
    hits: [false, false, false, false, true, false, false],
    after: [true, true],
    tag: ['number', 'number'],
    far: { x: 1e20 - 20, y: 1.5e20 - 9 },
  });
});

describe('standbyRoute', () => {
  test('side by side: a straight line between the facing sides', () => {
    const backup = card(300, 0);
    const primary = card(0, 0);
    expect(standbyRoute(backup, primary, [backup, primary])).toEqual([
      { x: 300, y: 30 },
      { x: 200, y: 30 },
    ]);
    // Offset vertically but still overlapping by 12 px or more: the line runs in the overlap.
    expect(standbyRoute(card(300, 40), primary, [])).toEqual([
      { x: 300, y: 50 },
      { x: 200, y: 50 },
    ]);
  });

  test('a card between them: routed around it, orthogonal, from border to border', () => {
    const backup = card(0, 0);
    const primary = card(300, 0);
    const between = card(230, -40, 40, 140);
    const cards = [backup, primary, between, card(600, 400)];
    const route = standbyRoute(backup, primary, cards);
    expect(route.length).toBeGreaterThan(2);
    expectOrthogonal(route);
    expect(onBorder(backup, route[0] as Point)).toBe(true);
    expect(onBorder(primary, route[route.length - 1] as Point)).toBe(true);
    for (let i = 0; i + 1 < route.length; i += 1) {
      expect(entersInterior(route[i] as Point, route[i + 1] as Point, between)).toBe(false);
    }
  });

  test('one above the other: routed from the facing sides around the cards in between', () => {
    const backup = card(0, 0);
    const primary = card(0, 300);
    const between = card(-40, 140, 280, 40);
    const route = standbyRoute(backup, primary, [backup, primary, between]);
    expectOrthogonal(route);
    expect(route[0]).toEqual({ x: 100, y: 60 });
    expect(route[route.length - 1]).toEqual({ x: 100, y: 300 });
    for (let i = 0; i + 1 < route.length; i += 1) {
      expect(entersInterior(route[i] as Point, route[i + 1] as Point, between)).toBe(false);
    }
  });

  test('walled in: the straight line between the cards', () => {
    const backup = card(0, 0);
    const primary = card(400, 400);
    const ring = [
      card(340, 340, 320, 20),
      card(340, 500, 320, 20),
      card(340, 340, 20, 180),
      card(640, 340, 20, 180),
    ];
    const route = standbyRoute(backup, primary, [backup, primary, ...ring]);
    expect(route).toHaveLength(2);
    expect(onBorder(backup, route[0] as Point)).toBe(true);
    expect(onBorder(primary, route[1] as Point)).toBe(true);
  });
});
