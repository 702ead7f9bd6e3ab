import fc from 'fast-check';
import { expect, test } from 'vitest';
import { pngSize, scalePercent, svgDrawingSize } from './png-size';
import { serializeSvg } from './svg';

// The limits, written out here rather than read from the module, so a changed cap fails a test.
const PIXEL_CAP = 8_000_000;
const BROWSER_SIDE = 32_767;

test('a small diagram is drawn at twice its size', () => {
  expect(pngSize({ width: 882, height: 654 })).toEqual({
    scale: 2,
    width: 1764,
    height: 1308,
    readable: true,
  });
});

test('a thousand-card diagram is scaled to the 8-megapixel cap and stays readable', () => {
  const size = pngSize({ width: 11_404, height: 4_420 });
  expect(size.scale).toBeCloseTo(Math.sqrt(PIXEL_CAP / (11_404 * 4_420)), 10);
  expect(size.scale).toBeCloseTo(0.398, 3);
  expect(size.readable).toBe(true);
  expect(size.width * size.height).toBeLessThanOrEqual(PIXEL_CAP * 1.001);
});

test('a very wide diagram is scaled to the browsers’ longest canvas side, not only to the pixel cap', () => {
  // 5,000 cards in one row: the 8-megapixel cap alone gave a canvas 76,330 pixels wide.
  const size = pngSize({ width: 509_772, height: 700 });
  expect(size.width).toBe(BROWSER_SIDE);
  expect(size.scale).toBeCloseTo(BROWSER_SIDE / 509_772, 10);
  expect(size.height).toBe(Math.ceil(700 * size.scale));
  expect(size.readable).toBe(false);
});

test('a very tall diagram is scaled to the longest side the same way', () => {
  const size = pngSize({ width: 600, height: 100_000 });
  expect(size.height).toBe(BROWSER_SIDE);
  expect(size.width).toBe(Math.ceil(600 * (BROWSER_SIDE / 100_000)));
});

test('names stay readable down to 0.375 of the drawing’s size, and no further', () => {
  // Scales of 0.38 and 0.37 from the pixel cap: width × height = 8,000,000 / scale².
  expect(pngSize({ width: 10_000, height: PIXEL_CAP / 0.38 ** 2 / 10_000 }).readable).toBe(true);
  expect(pngSize({ width: 10_000, height: PIXEL_CAP / 0.37 ** 2 / 10_000 }).readable).toBe(false);
  // A wide strip that the pixel cap would leave readable is not once the side limit applies.
  expect(pngSize({ width: 90_000, height: 200 })).toMatchObject({ width: BROWSER_SIDE, readable: false });
});

test('whatever the drawing, the PNG fits the browsers and the cap, at the scale it reports', () => {
  const length = fc.double({ min: 1, max: 2_000_000, noNaN: true });
  fc.assert(
    fc.property(length, length, (width, height) => {
      const size = pngSize({ width, height });
      expect(size.scale).toBeLessThanOrEqual(2);
      expect(size.width).toBeLessThanOrEqual(BROWSER_SIDE);
      expect(size.height).toBeLessThanOrEqual(BROWSER_SIDE);
      expect(size.width).toBeGreaterThanOrEqual(1);
      expect(size.height).toBeGreaterThanOrEqual(1);
      // Rounding each side up adds at most one row and one column to the capped area.
      expect(size.width * size.height).toBeLessThanOrEqual(PIXEL_CAP + size.width + size.height + 1);
      expect(Math.abs(size.width - Math.max(1, width * size.scale))).toBeLessThanOrEqual(1);
      expect(size.readable).toBe(size.scale >= 0.375);
    }),
    { seed: 20_251_126, numRuns: 500 },
  );
});

test('a drawing without a usable size is taken as one pixel a side rather than failing', () => {
  expect(pngSize({ width: Number.NaN, height: 0 })).toEqual({
    scale: 2,
    width: 2,
    height: 2,
    readable: true,
  });
});

test('scales read as whole percentages, with one decimal under 10 %', () => {
  expect(scalePercent(2)).toBe('200 %');
  expect(scalePercent(0.2)).toBe('20 %');
  expect(scalePercent(0.1966)).toBe('20 %');
  expect(scalePercent(32_767 / 509_772)).toBe('6.4 %');
  expect(scalePercent(0.000_01)).toBe('0.1 %');
});

test('the drawing size is read from the root <svg> element the writer wrote', () => {
  const svg = serializeSvg({
    format: 'wfm-topology',
    version: 2,
    components: [{ id: 's', kind: 'server', name: 'S', position: { x: 0, y: 0 } }],
    connections: [],
  });
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  expect(svgDrawingSize(svg)).toEqual({ width, height: expect.any(Number) });
  expect(svgDrawingSize('<svg viewBox="0 0 1 1"/>')).toBeUndefined();
  expect(svgDrawingSize('not an svg')).toBeUndefined();
});
