import { randomFillSync } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { MAX_FILE_BYTES, serializeDocument, type TopologyDocument } from '../../src/document';
import { addPngText, asciiJson, PNG_TEXT_KEYWORD } from '../../src/export';

// The largest PNG the designer can export and read back. Its pixels are drawn by the browser, so
// they are made here to the same bounds: the designer scales a picture to at most 8,000,000
// pixels (MAX_PNG_PIXELS in src/app/export-file.ts) and rounds each side up, adding at most three
// pixels a side at 2×, and Chromium's canvas is at most 32,767 pixels a side, so a picture has at
// most 8,000,000 + 3 × (32,767 + 32,767) + 9 = 8,196,613 pixels. Made here: 32,767 × 251 pixels
// (8,224,517), RGBA, 4 bytes each, random so nothing compresses, stored (deflate level 0), in
// IDAT chunks of 4 KiB (libpng, which Chromium's encoder uses, writes 8 KiB: twice the chunk
// overhead is allowed for). Then the document in a tEXt chunk as the designer writes it, as long
// as the importer reads back: MAX_FILE_BYTES of ASCII JSON.

export const PNG_WIDTH = 32_767;
export const PNG_HEIGHT = 251;
const IDAT_BYTES = 4096;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG of the most pixels the designer draws, none of them compressible, without a document. */
export function largestPicture(): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(PNG_WIDTH, 0);
  header.writeUInt32BE(PNG_HEIGHT, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const scanline = 1 + 4 * PNG_WIDTH;
  const raw = randomFillSync(Buffer.alloc(scanline * PNG_HEIGHT));
  for (let row = 0; row < PNG_HEIGHT; row += 1) raw[row * scanline] = 0; // filter type None
  const stream = deflateSync(raw, { level: 0 });
  const idat: Buffer[] = [];
  for (let at = 0; at < stream.length; at += IDAT_BYTES) {
    idat.push(chunk('IDAT', stream.subarray(at, at + IDAT_BYTES)));
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), ...idat, chunk('IEND', new Uint8Array())]);
}

function documentOf(components: number, notes: number): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    components: Array.from({ length: components }, (_, index) => ({
      id: `dap-${index}`,
      kind: 'dap',
      name: `DAP_${index}`,
      notes: 'é'.repeat(notes),
    })),
    connections: [],
  };
}

/** What the designer writes in the tEXt chunk for `document`. */
export function pngText(document: TopologyDocument): string {
  return asciiJson(serializeDocument(document));
}

/**
 * The text of a document that the designer writes in a PNG's tEXt chunk, as long as the importer
 * reads back (a little under MAX_FILE_BYTES): DAPs with notes of `é`, which the chunk's ASCII JSON
 * writes as six bytes each (`\u00e9`).
 */
export function largestPngText(): string {
  const notes = 2000;
  const one = pngText(documentOf(1, notes)).length;
  const perComponent = pngText(documentOf(2, notes)).length - one;
  let components = Math.floor((MAX_FILE_BYTES - (one - perComponent)) / perComponent);
  for (;;) {
    const text = pngText(documentOf(components, notes));
    if (text.length <= MAX_FILE_BYTES) return text;
    components -= 1;
  }
}

/** The largest PNG export: the most pixels, and the longest document text read back. */
export function largestPng(): Uint8Array {
  return addPngText(largestPicture(), PNG_TEXT_KEYWORD, largestPngText());
}
