import { expect, test } from 'vitest';
import type { Rect } from '../drawing';
import { type AlignEdge, type ArrangeItem, alignRects, distributeRects } from './arrange-geometry';

const box = (id: string, x: number, y: number, width = 100, height = 50, bounds?: Rect): ArrangeItem => ({
  id,
  rect: { x, y, width, height },
  bounds,
});

// Three boxes of different sizes: a (0,0 100×50), b (300,80 200×50), c (120,200 100×100).
const THREE = [box('a', 0, 0), box('b', 300, 80, 200), box('c', 120, 200, 100, 100)];
const placed = (moves: Map<string, { x: number; y: number }>) => Object.fromEntries(moves);

// An independent expectation table: the box around all three is x 0–500, y 0–300.
const ALIGNED: readonly (readonly [AlignEdge, Record<string, { x: number; y: number }>])[] = [
  ['left', { a: { x: 0, y: 0 }, b: { x: 0, y: 80 }, c: { x: 0, y: 200 } }],
  ['centre', { a: { x: 200, y: 0 }, b: { x: 150, y: 80 }, c: { x: 200, y: 200 } }],
  ['right', { a: { x: 400, y: 0 }, b: { x: 300, y: 80 }, c: { x: 400, y: 200 } }],
  ['top', { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 120, y: 0 } }],
  ['middle', { a: { x: 0, y: 125 }, b: { x: 300, y: 125 }, c: { x: 120, y: 100 } }],
  ['bottom', { a: { x: 0, y: 250 }, b: { x: 300, y: 250 }, c: { x: 120, y: 200 } }],
];

test.each(ALIGNED)('align %s lines the boxes up on that line of the box around them', (edge, expected) => {
  expect(placed(alignRects(THREE, edge))).toEqual(expected);
});

test('aligning needs two boxes: one box does not move', () => {
  expect(alignRects([box('a', 10, 10)], 'left').size).toBe(0);
});

test('a box with bounds stays inside them: cards on another host line up as far as the host allows', () => {
  const host = { x: 200, y: 0, width: 300, height: 200 };
  const moves = alignRects([box('a', 0, 0), box('b', 300, 60, 100, 50, host)], 'left');
  expect(placed(moves)).toEqual({ a: { x: 0, y: 0 }, b: { x: 200, y: 60 } });
});

test('a box larger than its bounds keeps to their left and top edge', () => {
  const narrow = { x: 50, y: 50, width: 40, height: 40 };
  const moves = alignRects([box('a', 0, 0), box('b', 300, 300, 100, 50, narrow)], 'right');
  expect(moves.get('b')).toEqual({ x: 50, y: 50 });
});

test('distribute horizontally makes the gaps between neighbours equal, the outer boxes stay', () => {
  // Left to right by centre: a (0–100), c (120–220), b (300–500): 500 wide, 400 filled, gap 50.
  const moves = distributeRects(THREE, 'horizontally');
  expect(placed(moves)).toEqual({ a: { x: 0, y: 0 }, c: { x: 150, y: 200 }, b: { x: 300, y: 80 } });
});

test('distribute vertically makes the vertical gaps equal, in the order of the boxes’ centres', () => {
  // Top to bottom: a (0–50), b (80–130), c (200–300): 300 tall, 200 filled, gap 50.
  const moves = distributeRects(THREE, 'vertically');
  expect(placed(moves)).toEqual({ a: { x: 0, y: 0 }, b: { x: 300, y: 100 }, c: { x: 120, y: 200 } });
});

test('distributing needs three boxes', () => {
  expect(distributeRects([box('a', 0, 0), box('b', 500, 0)], 'horizontally').size).toBe(0);
});

test('boxes with the same centre keep their order, and positions are whole pixels', () => {
  const moves = distributeRects([box('a', 0, 0), box('b', 0, 0), box('c', 101, 0)], 'horizontally');
  // 201 wide, 300 filled: the gap is -49.5, rounded.
  expect(placed(moves)).toEqual({ a: { x: 0, y: 0 }, b: { x: 51, y: 0 }, c: { x: 101, y: 0 } });
});
