import { expect, test } from 'vitest';
import { PALETTE } from './presence';

// WCAG 2.1 contrast, computed here on its own (not with the app's code), against the theme colours
// of src/app/app.css the presence marks are drawn on: the canvas, and the panels of the People region.
const BACKGROUNDS = {
  'light canvas': '#fbfcfe',
  'light panel': '#ffffff',
  'light panel-2': '#f8fafc',
  'dark canvas': '#121821',
  'dark panel': '#171d26',
  'dark panel-2': '#1d2430',
} as const;

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((s) =>
    s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('every participant colour stands out 3:1 from the canvas and the panels in both themes', () => {
  for (const { colour } of PALETTE) {
    for (const [where, background] of Object.entries(BACKGROUNDS)) {
      expect(contrast(colour, background), `${colour} on the ${where}`).toBeGreaterThanOrEqual(3);
    }
  }
});

test('every name label is readable: 4.5:1 between its text and its colour', () => {
  for (const { colour, ink } of PALETTE) {
    expect(contrast(ink, colour), `${ink} on ${colour}`).toBeGreaterThanOrEqual(4.5);
  }
});

test('the palette has eight different colours', () => {
  expect(new Set(PALETTE.map((p) => p.colour)).size).toBe(8);
});
