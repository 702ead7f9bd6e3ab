import { describe, expect, test } from 'vitest';
import { CARD, cardCornerAt, fitsInView, freeSlotNear, snapToGrid, type VisibleArea } from './placement';

const view: VisibleArea = { pane: { left: 0, top: 0, right: 1200, bottom: 600 }, covered: [] };

describe('freeSlotNear', () => {
  test('an empty canvas takes the card at its centre, on the grid', () => {
    const spot = freeSlotNear({ x: 600, y: 300 }, [], view);
    expect(spot.x % 8).toBe(0);
    expect(spot.y % 8).toBe(0);
    expect(Math.abs(spot.x + CARD.width / 2 - 600)).toBeLessThanOrEqual(160);
    expect(Math.abs(spot.y + CARD.height / 2 - 300)).toBeLessThanOrEqual(56);
  });

  test('a second card never lands on the first', () => {
    const first = freeSlotNear({ x: 600, y: 300 }, [], view);
    const second = freeSlotNear({ x: 600, y: 300 }, [first], view);
    expect(second).not.toEqual(first);
    expect(Math.abs(second.x - first.x) >= 320 || Math.abs(second.y - first.y) >= 112).toBe(true);
  });

  test('a free slot the user can see wins over a nearer one that is off screen', () => {
    // The centre sits near the left edge: the nearest lattice slots to its left are off screen.
    const narrow: VisibleArea = { pane: { left: 100, top: 0, right: 700, bottom: 600 }, covered: [] };
    const spots: { x: number; y: number }[] = [];
    for (let i = 0; i < 4; i += 1) spots.push(freeSlotNear({ x: 200, y: 300 }, spots, narrow));
    for (const spot of spots) expect(fitsInView(spot, narrow)).toBe(true);
  });

  test('a slot under an overlay (the overview map, a side panel) is passed over', () => {
    const first = freeSlotNear({ x: 600, y: 300 }, [], view);
    const covered: VisibleArea = {
      ...view,
      covered: [{ left: first.x, top: first.y, right: first.x + 10, bottom: first.y + 10 }],
    };
    const spot = freeSlotNear({ x: 600, y: 300 }, [], covered);
    expect(spot).not.toEqual(first);
    expect(fitsInView(spot, covered)).toBe(true);
  });

  test('when the view is full, the nearest free slot outside it is used', () => {
    const tiny: VisibleArea = { pane: { left: 0, top: 0, right: 300, bottom: 100 }, covered: [] };
    const first = freeSlotNear({ x: 150, y: 50 }, [], tiny);
    const second = freeSlotNear({ x: 150, y: 50 }, [first], tiny);
    expect(fitsInView(second, tiny)).toBe(false);
    expect(Math.max(Math.abs(second.x - first.x) / 320, Math.abs(second.y - first.y) / 112)).toBe(1);
  });

  test('without a view, the nearest free slot is used', () => {
    const first = freeSlotNear({ x: 0, y: 0 }, []);
    expect(freeSlotNear({ x: 0, y: 0 }, [first])).not.toEqual(first);
  });
});

test('snapToGrid rounds to the 8 px grid', () => {
  expect(snapToGrid(3)).toBe(0);
  expect(snapToGrid(5)).toBe(8);
  expect(snapToGrid(-13)).toBe(-16);
});

test('a card dropped at a point has its centre there, on the grid (issue 15: drops land where dropped)', () => {
  expect(cardCornerAt({ x: 300, y: 200 })).toEqual({ x: 200, y: 168 });
  const corner = cardCornerAt({ x: 1234.5, y: -77.25 });
  expect(Math.abs(corner.x + CARD.width / 2 - 1234.5)).toBeLessThanOrEqual(4);
  expect(Math.abs(corner.y + CARD.height / 2 + 77.25)).toBeLessThanOrEqual(4);
  expect(corner.x % 8).toBe(0);
});
