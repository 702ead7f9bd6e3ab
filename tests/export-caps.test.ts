import { afterAll, expect, test } from 'vitest';
import { createScratch, runCliBytes } from '../cli/testing/run-cli';
import {
  MAX_COMPONENT_NAME_LENGTH,
  MAX_COMPONENTS,
  MAX_CONNECTIONS,
  MAX_EXPORT_FILE_BYTES,
  MAX_FILE_BYTES,
  MAX_PNG_FILE_BYTES,
  MAX_SVG_FILE_BYTES,
  parseDocument,
} from '../src/document';
import { extractDocumentText, extractFromSvg } from '../src/export';
import { embeddedBytes, largestDocument, worstSvg } from './export-caps/largest-document';
import { largestPicture, largestPng, PNG_HEIGHT, PNG_WIDTH } from './export-caps/largest-png';

// Issue 11, item 7: every file the designer exports of a legal document is read back, by the
// import and by the real CLI, and no more than that is read. The caps of src/document/limits.ts are measured here on the worst case of the
// writers as they are, so a change that makes exports larger fails this test instead of making the
// designer write files it then refuses.

const MIB = 1024 * 1024;
const scratch = createScratch();
afterAll(() => scratch.remove());
/** The embedded text must fill the budget to within this, or the document is not the largest. */
const FULL = MAX_FILE_BYTES - 128 * 1024;

function report(what: string, bytes: number, cap: number): void {
  const mib = (value: number) => (value / MIB).toFixed(1);
  console.info(`${what}: ${bytes} bytes (${mib(bytes)} MiB) of a ${mib(cap)} MiB cap`);
}

/** Runs `validate --format json` on `content` written to a file: the CLI must read it through. */
function validateWithCli(name: string, content: string | Uint8Array): { valid: boolean } {
  const run = runCliBytes(['validate', scratch.write(name, content), '--format', 'json'], 170_000);
  expect(run.stderr.toString()).toBe('');
  expect(run.code === 0 || run.code === 1).toBe(true);
  return JSON.parse(run.stdout.toString());
}

test('the SVG export of the largest legal document, at its worst, is read back and stays under MAX_SVG_FILE_BYTES', () => {
  const document = largestDocument();
  expect(document.components).toHaveLength(MAX_COMPONENTS);
  expect(document.connections).toHaveLength(MAX_CONNECTIONS);
  for (const component of document.components) expect(component.name.length).toBe(MAX_COMPONENT_NAME_LENGTH);

  const svg = worstSvg(document);
  const embedded = embeddedBytes(svg);
  expect(embedded).toBeLessThanOrEqual(MAX_FILE_BYTES);
  expect(embedded).toBeGreaterThan(FULL);
  const extracted = extractFromSvg(svg);
  expect(extracted.ok && parseDocument(extracted.text).ok).toBe(true);

  const bytes = Buffer.byteLength(svg);
  report('largest SVG export', bytes, MAX_SVG_FILE_BYTES);
  expect(bytes).toBeGreaterThan(MAX_FILE_BYTES);
  expect(bytes).toBeLessThanOrEqual(MAX_SVG_FILE_BYTES);
  expect(validateWithCli('largest.svg', svg).valid).toBe(false);
}, 300_000);

test('the largest picture has every pixel the designer may draw, none of them compressed', () => {
  // 8,000,000 pixels, plus up to 3 a side for the rounding, on a canvas of at most 32,767 a side.
  expect(PNG_WIDTH * PNG_HEIGHT).toBeGreaterThanOrEqual(8_000_000 + 3 * (32_767 + 32_767) + 9);
  expect(largestPicture().length).toBeGreaterThan(PNG_WIDTH * PNG_HEIGHT * 4);
}, 60_000);

test('the largest PNG export is read back and stays under MAX_PNG_FILE_BYTES', () => {
  const png = largestPng();
  const extracted = extractDocumentText(png);
  if (!extracted.ok) throw new Error(extracted.message);
  expect(extracted.source).toBe('png');
  expect(extracted.text.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
  expect(extracted.text.length).toBeGreaterThan(FULL);
  expect(parseDocument(extracted.text).ok).toBe(true);

  report('largest PNG export', png.length, MAX_PNG_FILE_BYTES);
  expect(png.length).toBeLessThanOrEqual(MAX_PNG_FILE_BYTES);
  expect(validateWithCli('largest.png', png).valid).toBe(true);
}, 300_000);

test('the browser reads any export up to the largest of the caps', () => {
  expect(MAX_EXPORT_FILE_BYTES).toBe(Math.max(MAX_FILE_BYTES, MAX_SVG_FILE_BYTES, MAX_PNG_FILE_BYTES));
});
