import { expect, test } from 'vitest';
import { MAX_FILE_BYTES, MAX_PNG_FILE_BYTES, MAX_SVG_FILE_BYTES } from '../src/document';
import { extractDocumentText } from '../src/export';
import { capForHead } from './file-caps';

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const HEADS: readonly (readonly [string, Uint8Array, number])[] = [
  ['a JSON document', new TextEncoder().encode('{"format":"wfm-topology"}'), MAX_FILE_BYTES],
  ['an SVG', new TextEncoder().encode('<?xml version="1.0"?><svg/>'), MAX_SVG_FILE_BYTES],
  [
    'an SVG after white space and a byte-order mark',
    new TextEncoder().encode('\ufeff \n\t<svg/>'),
    MAX_SVG_FILE_BYTES,
  ],
  ['a PNG', Uint8Array.from([...PNG_SIGNATURE, 0, 0, 0, 13]), MAX_PNG_FILE_BYTES],
  ['text', new TextEncoder().encode('WFM_Server <b>'), MAX_FILE_BYTES],
  ['nothing', new Uint8Array(), MAX_FILE_BYTES],
];

test.each(HEADS)('%s gets the cap of its format', (_, head, cap) => {
  expect(capForHead(head).bytes).toBe(cap);
});

test.each(HEADS)('%s is read as the format its cap was chosen for', (_, head, cap) => {
  const embedded = extractDocumentText(head);
  // A head alone carries no document: a refusal says which format it was read as.
  const source = embedded.ok ? embedded.source : embedded.message.includes('This PNG') ? 'png' : 'svg';
  const capOf = { json: MAX_FILE_BYTES, svg: MAX_SVG_FILE_BYTES, png: MAX_PNG_FILE_BYTES } as const;
  expect(capOf[source]).toBe(cap);
});
