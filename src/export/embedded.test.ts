import { expect, test } from 'vitest';
import { parseDocument, serializeDocument, type TopologyDocument } from '../document';
import { extractDocumentText, extractFromPng, extractFromSvg } from './embedded';
import { addPngText, asciiJson, PNG_TEXT_KEYWORD } from './png-metadata';
import { SVG_METADATA_ID, serializeSvg } from './svg';

/** A 1×1 RGBA PNG (IHDR, IDAT, IEND) as a browser's canvas would write it. */
const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

const DOCUMENT: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  name: 'Lab <1> & "2"',
  ruleset: 'wfm-8.5.2',
  zones: [],
  hosts: [],
  components: [
    { id: 'srv-1', kind: 'server', name: 'WFM_Server', position: { x: 0, y: 0 } },
    { id: 'bld-1', kind: 'builder', name: "O'Brien & <Sons>", position: { x: 0, y: -150 } },
  ],
  connections: [{ id: 'c-1', from: 'bld-1', to: 'srv-1', security: 'tls' }],
  annotations: [],
};

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

test('JSON bytes come out as their text, marked as JSON', () => {
  const text = serializeDocument(DOCUMENT);
  expect(extractDocumentText(utf8(text))).toEqual({ ok: true, text, source: 'json' });
});

test('a UTF-8 byte-order mark before JSON is dropped', () => {
  const text = serializeDocument(DOCUMENT);
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
  expect(extractDocumentText(bytes)).toEqual({ ok: true, text, source: 'json' });
});

test('an exported SVG gives the document text it embeds, marked as SVG', () => {
  const result = extractDocumentText(utf8(serializeSvg(DOCUMENT)));
  expect(result.ok && result.source).toBe('svg');
  expect(result.ok && parseDocument(result.text)).toEqual({ ok: true, document: DOCUMENT });
});

test('an exported SVG embeds its document as one line of JSON without the validation block', () => {
  const result = extractDocumentText(utf8(serializeSvg(DOCUMENT)));
  expect(result.ok && result.text).not.toContain('\n');
  expect(result.ok && result.text).not.toContain('"validation"');
});

test('an SVG with white space before its XML declaration is still read as SVG', () => {
  const result = extractDocumentText(utf8(`\n  \t${serializeSvg(DOCUMENT)}`));
  expect(result.ok && result.source).toBe('svg');
});

test('an SVG that some other tool wrote is refused: it was not exported by WFM Topology Designer', () => {
  const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><metadata>{}</metadata></svg>';
  const result = extractDocumentText(utf8(svg));
  expect(result).toEqual({
    ok: false,
    message: expect.stringContaining('not exported by WFM Topology Designer'),
  });
  expect(result.ok || result.message).toMatch(/^This SVG /);
});

test('metadata that another XML tool rewrote with character references is still read', () => {
  const json = '{"format":"wfm-topology","version":1,"name":"a<b","components":[],"connections":[]}';
  const rewritten = json.replace(/"/g, '&#34;').replace('<', '&#x3C;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"><metadata class="x" id="${SVG_METADATA_ID}">${rewritten}</metadata></svg>`;
  expect(extractFromSvg(svg)).toEqual({ ok: true, text: json, source: 'svg' });
});

test('an exported PNG gives the document text of its tEXt chunk, marked as PNG', () => {
  const text = asciiJson(serializeDocument(DOCUMENT));
  const result = extractDocumentText(addPngText(PNG_1X1, PNG_TEXT_KEYWORD, text));
  expect(result).toEqual({ ok: true, text, source: 'png' });
  expect(result.ok && parseDocument(result.text)).toEqual({ ok: true, document: DOCUMENT });
});

test('a PNG without the chunk is refused: it was not exported by WFM Topology Designer', () => {
  const result = extractDocumentText(PNG_1X1);
  expect(result).toEqual({
    ok: false,
    message: 'This PNG was not exported by WFM Topology Designer: it carries no document.',
  });
});

test('a PNG whose text chunk has another keyword is refused the same way', () => {
  const result = extractFromPng(addPngText(PNG_1X1, 'Software', serializeDocument(DOCUMENT)));
  expect(result.ok || result.message).toContain('not exported by WFM Topology Designer');
});

test('a PNG whose text chunk fails its CRC check is refused as damaged, naming the chunk', () => {
  const png = addPngText(PNG_1X1, PNG_TEXT_KEYWORD, asciiJson(serializeDocument(DOCUMENT)));
  const inText = 33 + 8 + PNG_TEXT_KEYWORD.length + 5;
  png[inText] = (png[inText] ?? 0) ^ 0x01;
  expect(extractDocumentText(png)).toEqual({
    ok: false,
    message: 'This PNG is damaged: its tEXt chunk at byte 33 fails its CRC check.',
  });
});

test('bytes that are neither PNG nor SVG are handed on as JSON text, for the parser to judge', () => {
  const result = extractDocumentText(Uint8Array.of(0, 159, 146, 150, 255));
  expect(result.ok && result.source).toBe('json');
});
