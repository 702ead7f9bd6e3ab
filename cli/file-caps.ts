import { MAX_FILE_BYTES, MAX_PNG_FILE_BYTES, MAX_SVG_FILE_BYTES } from '../src/document';
import { isPng } from '../src/export';

/** How many bytes of a file of one format are read at most, and what the refusal calls it. */
export interface FileCap {
  readonly bytes: number;
  readonly what: string;
}

const CAPS = {
  json: { bytes: MAX_FILE_BYTES, what: 'a topology file' },
  svg: { bytes: MAX_SVG_FILE_BYTES, what: 'an SVG exported by the designer' },
  png: { bytes: MAX_PNG_FILE_BYTES, what: 'a PNG exported by the designer' },
} as const satisfies Record<string, FileCap>;

/** Enough of a file's start to tell its format: `extractDocumentText` looks at 2,048 characters. */
export const HEAD_BYTES = 2048 * 4;

/**
 * The cap for a file, from its first bytes, by the rule `extractDocumentText` reads it with: the
 * PNG signature, else a `<` before anything but white space (an SVG), else JSON, which keeps the
 * cap of the text `parseDocument` reads. Whatever the cap, the text found inside still meets
 * `parseDocument`'s own 10 MiB.
 */
export function capForHead(head: Uint8Array): FileCap {
  if (isPng(head)) return CAPS.png;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, HEAD_BYTES));
  return text.slice(0, 2048).trimStart().startsWith('<') ? CAPS.svg : CAPS.json;
}
