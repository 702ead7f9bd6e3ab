import { expect, test } from 'vitest';
import { type Box, FIT_OPTIONS, type FitInput, fitViewport, onScreen, overlaps, READABLE_ZOOM } from './fit';

// Small builders: a card of the usual size at a point, a pane of a size, the overview map and the
// zoom controls where the canvas draws them (bottom right and bottom left, 15 px from the edges).
const card = (x: number, y: number): Box => ({ x, y, width: 200, height: 60 });
const pane = (width: number, height: number): Box => ({ x: 0, y: 0, width, height });
const minimapOf = (area: Box): Box => ({
  x: area.x + area.width - 183,
  y: area.y + area.height - 127,
  width: 168,
  height: 112,
});
const controlsOf = (area: Box): Box => ({ x: 15, y: area.y + area.height - 122, width: 28, height: 107 });

/** A diagram of `columns` × `rows` cards, 260 px apart across and 140 px down. */
function grid(columns: number, rows: number): Box[] {
  const cards: Box[] = [];
  for (let row = 0; row < rows; row += 1)
    for (let column = 0; column < columns; column += 1) cards.push(card(column * 260, row * 140));
  return cards;
}

function viewOf(input: FitInput) {
  const viewport = fitViewport(input);
  if (!viewport) throw new Error('no viewport');
  return viewport;
}

function expectAllVisible(input: FitInput, viewport = viewOf(input)): void {
  const { area } = input;
  for (const item of input.items) {
    const box = onScreen(item, viewport);
    expect(box.x).toBeGreaterThanOrEqual(area.x - 1e-6);
    expect(box.y).toBeGreaterThanOrEqual(area.y - 1e-6);
    expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width + 1e-6);
    expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 1e-6);
    for (const obstacle of input.obstacles) expect(overlaps(box, obstacle)).toBe(false);
  }
}

test('an empty diagram has nothing to fit', () => {
  expect(fitViewport({ items: [], area: pane(800, 600), obstacles: [] })).toBeNull();
});

test('a single card is centred and never zoomed in past the cap', () => {
  const viewport = viewOf({ items: [card(0, 0)], area: pane(800, 600), obstacles: [] });
  expect(viewport).toEqual({ x: 280, y: 264, zoom: FIT_OPTIONS.maxZoom });
});

test('a diagram larger than the area is scaled to fit inside its padding', () => {
  const input = { items: grid(8, 4), area: pane(1000, 500), obstacles: [] };
  const viewport = viewOf(input);
  // 8 columns: 7 × 260 + 200 = 2020 px wide; 4 rows: 3 × 140 + 60 = 480 px high.
  expect(viewport.zoom).toBeCloseTo(Math.min((1000 - 64) / 2020, (500 - 64) / 480), 6);
  expectAllVisible(input, viewport);
});

test('the fit is centred in the visible area, not the whole pane, when a side panel covers the right', () => {
  const visible = { x: 0, y: 0, width: 600, height: 600 };
  const viewport = viewOf({ items: [card(0, 0)], area: visible, obstacles: [] });
  const box = onScreen(card(0, 0), viewport);
  expect(box.x + box.width / 2).toBeCloseTo(300, 6);
});

test('an overlay over an empty corner of the diagram costs no zoom', () => {
  // An L of cards: the bottom-right corner of its box is empty, where the minimap sits.
  const items = [card(0, 0), card(260, 0), card(520, 0), card(0, 140), card(0, 280)];
  const area = pane(880, 420);
  const free = viewOf({ items, area, obstacles: [] });
  const input = { items, area, obstacles: [minimapOf(area), controlsOf(area)] };
  const viewport = viewOf(input);
  expect(viewport.zoom).toBeCloseTo(free.zoom, 6);
  expectAllVisible(input, viewport);
});

test('no card lies under the minimap or the zoom controls after fitting', () => {
  for (const [columns, rows] of [
    [1, 1],
    [3, 2],
    [4, 4],
    [8, 3],
    [2, 8],
    [12, 12],
  ] as const) {
    for (const area of [pane(730, 400), pane(1370, 690), pane(400, 900)]) {
      const input = { items: grid(columns, rows), area, obstacles: [minimapOf(area), controlsOf(area)] };
      expectAllVisible(input);
    }
  }
});

test('a diagram smaller than the area steps aside from the minimap rather than shrink', () => {
  // A full grid, centred, puts its bottom-right card under the map; against the top it does not.
  const items = grid(3, 3);
  const area = pane(900, 600);
  const minimap = minimapOf(area);
  const plain = viewOf({ items, area, obstacles: [] });
  expect(items.some((item) => overlaps(onScreen(item, plain), minimap))).toBe(true);
  const input = { items, area, obstacles: [minimap] };
  const viewport = viewOf(input);
  expectAllVisible(input, viewport);
  expect(viewport.zoom).toBeCloseTo(plain.zoom, 6);
});

test('a diagram that steps aside from the minimap moves only as far as it must, not against the edge', () => {
  // 3 × 3 cards fill the height of 1100 × 404 at 100 %; centred, the last column's right edge is
  // 1 px inside the minimap's clearance. One step aside (an eighth of the 316 px of slack) clears it.
  const items = grid(3, 3);
  const area = pane(1100, 404);
  const input = { items, area, obstacles: [minimapOf(area)] };
  const plain = viewOf({ items, area, obstacles: [] });
  const viewport = viewOf(input);
  expectAllVisible(input, viewport);
  expect(viewport.zoom).toBeCloseTo(plain.zoom, 6);
  expect(plain.x - viewport.x).toBeCloseTo(316 / 8, 6);
});

test('a diagram that fills the area shrinks only as far as keeping its cards clear of the minimap needs', () => {
  // 5 × 5 cards fill a square area: each side is against the edges, the corner card under the map.
  const items = grid(5, 5);
  const area = pane(1224, 700);
  const input = { items, area, obstacles: [minimapOf(area)] };
  const plain = viewOf({ items, area, obstacles: [] });
  const viewport = viewOf(input);
  expectAllVisible(input, viewport);
  expect(viewport.zoom).toBeLessThan(plain.zoom);
  // Still larger than fitting into the band above the map or the band beside it.
  const above = Math.min((1224 - 64) / 1240, (700 - 127 - 8 - 64) / 620);
  const beside = Math.min((1224 - 183 - 8 - 64) / 1240, (700 - 64) / 620);
  expect(viewport.zoom).toBeGreaterThan(Math.max(above, beside));
});

test('a diagram that fits at the readable zoom beside the overlays opens at least that large', () => {
  // 4 × 3 cards: 980 × 340 px; at 0.6 that is 588 × 204 px, well inside 1370 × 690 less the map.
  const area = pane(1370, 690);
  const viewport = viewOf({ items: grid(4, 3), area, obstacles: [minimapOf(area), controlsOf(area)] });
  expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
});

test('a diagram too large for the readable zoom is still shown whole, below it', () => {
  const area = pane(730, 400);
  const input = { items: grid(10, 6), area, obstacles: [minimapOf(area), controlsOf(area)] };
  const viewport = viewOf(input);
  expect(viewport.zoom).toBeLessThan(READABLE_ZOOM);
  expectAllVisible(input, viewport);
});

test('the zoom never goes below the smallest the user may reach, even when the diagram is then cut', () => {
  const viewport = viewOf({ items: grid(200, 200), area: pane(800, 600), obstacles: [] });
  expect(viewport.zoom).toBe(FIT_OPTIONS.minZoom);
});

test('an area too small for the padding still gets a viewport', () => {
  const viewport = viewOf({ items: [card(0, 0)], area: pane(40, 40), obstacles: [] });
  expect(viewport.zoom).toBeGreaterThan(0);
});

test('a diagram as high as the area stays centred when the minimap is beside it, not under it', () => {
  // Three rows fill the height; the map's corner is left of nothing: the band beside it fits as
  // large, but the diagram is centred in the whole area, not in that band.
  const items = grid(3, 3);
  const area = pane(1400, 404);
  const input = { items, area, obstacles: [minimapOf(area)] };
  const viewport = viewOf(input);
  expect(viewport).toEqual(viewOf({ items, area, obstacles: [] }));
});

test('overlays outside the area are ignored', () => {
  const area = pane(800, 600);
  const outside = { x: 900, y: 0, width: 100, height: 100 };
  expect(viewOf({ items: grid(3, 3), area, obstacles: [outside] })).toEqual(
    viewOf({ items: grid(3, 3), area, obstacles: [] }),
  );
});
