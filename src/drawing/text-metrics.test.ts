import { expect, test } from 'vitest';
import { estimateTextWidth, fitText } from './text-metrics';

test('wider characters take more room than narrow ones, bold more than regular', () => {
  expect(estimateTextWidth('WWWW', 12)).toBeGreaterThan(estimateTextWidth('iiii', 12));
  expect(estimateTextWidth('Server', 12, true)).toBeGreaterThan(estimateTextWidth('Server', 12));
  expect(estimateTextWidth('', 12)).toBe(0);
});

test('width grows with the font size', () => {
  expect(estimateTextWidth('WFM_Server', 26)).toBeCloseTo(estimateTextWidth('WFM_Server', 13) * 2);
});

test('an emoji counts as one character, not two UTF-16 units', () => {
  expect(estimateTextWidth('😀', 10)).toBe(estimateTextWidth('a', 10));
});

test('fitText keeps text that fits', () => {
  expect(fitText('WFM_Server', 13, 200, true)).toBe('WFM_Server');
});

test('fitText cuts long text with an ellipsis so that it fits', () => {
  const text = 'WFM_Server_in_the_primary_data_centre_of_the_north_region';
  const fitted = fitText(text, 13, 120, true);
  expect(fitted.endsWith('…')).toBe(true);
  expect(text.startsWith(fitted.slice(0, -1))).toBe(true);
  expect(estimateTextWidth(fitted, 13, true)).toBeLessThanOrEqual(120);
});

test('fitText never cuts an emoji in half', () => {
  const fitted = fitText('😀'.repeat(50), 13, 60);
  expect(fitted).toMatch(/^(😀)+…$/u);
});

test('fitText keeps at least one character when nothing fits', () => {
  expect(fitText('WFM_Server', 13, 1)).toBe('W…');
});
