/**
 * PNG `tEXt` chunks, so an exported PNG carries its document and can be imported again.
 * Pure bytes: runs in the browser and in Node.
 */
export const PNG_TEXT_KEYWORD = 'wfm-topology';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  // An indexed loop: an import checks the CRC of the whole document chunk, up to 10 MB.
  for (let i = 0; i < bytes.length; i += 1) {
    crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** tEXt is Latin-1: anything else is written as a JSON `\uXXXX` escape, which JSON reads back. */
export function asciiJson(json: string): string {
  return json.replace(/[^\x20-\x7e\n]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Inserts a `tEXt` chunk with `keyword` and `text` (ASCII) right after the IHDR chunk. */
export function addPngText(png: Uint8Array, keyword: string, text: string): Uint8Array<ArrayBuffer> {
  if (!isPng(png)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdrLength = view.getUint32(8);
  const insertAt = 8 + 12 + ihdrLength;
  const data = new TextEncoder().encode(`${keyword}\u0000${text}`);
  const chunk = new Uint8Array(12 + data.length);
  const chunkView = new DataView(chunk.buffer);
  chunkView.setUint32(0, data.length);
  chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
  chunk.set(data, 8);
  chunkView.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, insertAt), 0);
  out.set(chunk, insertAt);
  out.set(png.subarray(insertAt), insertAt + chunk.length);
  return out;
}

/** What a PNG holds under a keyword: its text, nothing, or damage that makes the file untrustworthy. */
export type PngText =
  | { readonly kind: 'found'; readonly text: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'damaged'; readonly message: string };

/** A chunk type is four ASCII letters (PNG specification, 5.4). */
function isChunkType(bytes: Uint8Array): boolean {
  return bytes.length === 4 && bytes.every((b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}

function damaged(message: string): PngText {
  return { kind: 'damaged', message: `This PNG is damaged: ${message}` };
}

/**
 * The text of the first `tEXt` chunk with `keyword`. Every chunk walked to reach it is checked:
 * its length must stay inside the file, its type must be four letters and its CRC must match, so
 * a bit flipped in transit or an edited chunk is refused with the chunk named, never read.
 * The walk stops at the chunk found or at IEND: nothing after either is read.
 */
export function findPngText(png: Uint8Array, keyword: string): PngText {
  if (!isPng(png)) return { kind: 'absent' };
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const decoder = new TextDecoder('latin1');
  let offset = 8;
  for (;;) {
    if (offset + 12 > png.length) {
      return damaged(`the file ends at byte ${png.length}, before its IEND chunk.`);
    }
    const length = view.getUint32(offset);
    const typeBytes = png.subarray(offset + 4, offset + 8);
    if (!isChunkType(typeBytes)) return damaged(`the chunk at byte ${offset} has no valid type.`);
    const type = decoder.decode(typeBytes);
    const end = offset + 12 + length;
    if (end > png.length) {
      return damaged(
        `its ${type} chunk at byte ${offset} claims ${length} ${length === 1 ? 'byte' : 'bytes'}, past the end of the file.`,
      );
    }
    const crc = view.getUint32(offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== crc) {
      return damaged(`its ${type} chunk at byte ${offset} fails its CRC check.`);
    }
    if (type === 'tEXt') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      const zero = data.indexOf(0);
      if (zero > 0 && decoder.decode(data.subarray(0, zero)) === keyword) {
        return { kind: 'found', text: decoder.decode(data.subarray(zero + 1)) };
      }
    }
    if (type === 'IEND') return { kind: 'absent' };
    offset = end;
  }
}

/** The text of the first `tEXt` chunk with `keyword`, or `undefined` when it is absent or the file damaged. */
export function readPngText(png: Uint8Array, keyword: string): string | undefined {
  const found = findPngText(png, keyword);
  return found.kind === 'found' ? found.text : undefined;
}
