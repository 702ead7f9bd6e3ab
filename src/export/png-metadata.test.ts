import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addPngText, asciiJson, findPngText, isPng, PNG_TEXT_KEYWORD, readPngText } from './png-metadata';

// PNGs are built here chunk by chunk, with node:zlib's CRC as the independent check, so a test can
// bend exactly one chunk: a foreign keyword, a truncated length, a chunk after IEND.

const PROPERTY = { seed: 20_251_126, numRuns: 200 } as const;
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

/** One chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat(ascii(type), data);
  return concat(uint32(data.length), typeAndData, uint32(crc32(typeAndData)));
}

function textChunk(keyword: string, text: string): Uint8Array {
  return chunk('tEXt', ascii(`${keyword}\u0000${text}`));
}

/** IHDR of a 1×1 8-bit RGBA image. */
const IHDR = chunk('IHDR', concat(uint32(1), uint32(1), Uint8Array.of(8, 6, 0, 0, 0)));
/** One scanline: filter byte 0, then one opaque white pixel. */
const IDAT = chunk('IDAT', deflateSync(Uint8Array.of(0, 255, 255, 255, 255)));
const IEND = chunk('IEND', new Uint8Array(0));

/** A minimal valid PNG, with `extra` chunks placed between IHDR and IDAT. */
function png(...extra: readonly Uint8Array[]): Uint8Array {
  return concat(Uint8Array.from(SIGNATURE), IHDR, ...extra, IDAT, IEND);
}

interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
  readonly crcOk: boolean;
}

/** An independent chunk walker, to check what `addPngText` wrote. */
function chunks(bytes: Uint8Array): Chunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Chunk[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = view.getUint32(offset);
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    out.push({
      type: String.fromCharCode(...typeAndData.subarray(0, 4)),
      data: typeAndData.subarray(4),
      crcOk: view.getUint32(offset + 8 + length) === crc32(typeAndData),
    });
    offset += 12 + length;
  }
  return out;
}

test('the test PNG is a PNG', () => {
  expect(isPng(png())).toBe(true);
  expect(chunks(png()).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
});

test('addPngText inserts one tEXt chunk right after IHDR, with a correct CRC', () => {
  const original = png();
  const written = addPngText(original, PNG_TEXT_KEYWORD, '{"a":1}');
  const list = chunks(written);
  expect(list.map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
  expect(list.every((c) => c.crcOk)).toBe(true);
  expect(list[1]?.data).toEqual(ascii('wfm-topology\u0000{"a":1}'));
});

test('addPngText leaves every byte of the image as it was', () => {
  const original = png();
  const written = addPngText(original, PNG_TEXT_KEYWORD, 'text');
  const added = 12 + PNG_TEXT_KEYWORD.length + 1 + 'text'.length;
  const ihdrEnd = 8 + IHDR.length;
  expect(written.length).toBe(original.length + added);
  expect(written.subarray(0, ihdrEnd)).toEqual(original.subarray(0, ihdrEnd));
  expect(written.subarray(ihdrEnd + added)).toEqual(original.subarray(ihdrEnd));
});

test('addPngText works on a PNG that is a view into a larger buffer', () => {
  const backing = concat(Uint8Array.of(1, 2, 3), png(), Uint8Array.of(9));
  const view = backing.subarray(3, backing.length - 1);
  expect(readPngText(addPngText(view, PNG_TEXT_KEYWORD, 'x'), PNG_TEXT_KEYWORD)).toBe('x');
});

test('addPngText refuses bytes that are not a PNG', () => {
  expect(() => addPngText(ascii('GIF89a'), PNG_TEXT_KEYWORD, 'x')).toThrow('not a PNG file');
});

test('readPngText reads back what addPngText wrote', () => {
  const text = '{\n  "format": "wfm-topology"\n}\n';
  expect(readPngText(addPngText(png(), PNG_TEXT_KEYWORD, text), PNG_TEXT_KEYWORD)).toBe(text);
});

test('readPngText ignores tEXt chunks with another keyword', () => {
  const file = png(
    textChunk('Software', 'a browser'),
    textChunk('wfm-topology-old', 'not this'),
    textChunk('wfm', 'nor this'),
    textChunk(PNG_TEXT_KEYWORD, 'this one'),
  );
  expect(readPngText(file, PNG_TEXT_KEYWORD)).toBe('this one');
  expect(readPngText(png(textChunk('Software', 'a browser')), PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('readPngText takes the first chunk with the keyword', () => {
  const file = png(textChunk(PNG_TEXT_KEYWORD, 'first'), textChunk(PNG_TEXT_KEYWORD, 'second'));
  expect(readPngText(file, PNG_TEXT_KEYWORD)).toBe('first');
});

test('readPngText reads only tEXt, not other chunk types that carry the keyword', () => {
  const zTXt = chunk('zTXt', ascii(`${PNG_TEXT_KEYWORD}\u0000\u0000compressed`));
  const iTXt = chunk('iTXt', ascii(`${PNG_TEXT_KEYWORD}\u0000\u0000\u0000\u0000\u0000text`));
  expect(readPngText(png(zTXt, iTXt), PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('readPngText ignores a tEXt chunk without a keyword separator or with an empty keyword', () => {
  const noSeparator = chunk('tEXt', ascii(`${PNG_TEXT_KEYWORD}text`));
  const emptyKeyword = chunk('tEXt', ascii('\u0000text'));
  expect(readPngText(png(noSeparator, emptyKeyword), PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('readPngText gives an empty string for a chunk with the keyword and no text', () => {
  expect(readPngText(png(textChunk(PNG_TEXT_KEYWORD, '')), PNG_TEXT_KEYWORD)).toBe('');
});

test('readPngText stops at IEND: a chunk after the end of the image is not read', () => {
  const file = concat(png(), textChunk(PNG_TEXT_KEYWORD, 'after the end'));
  expect(readPngText(file, PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('readPngText stops at a chunk whose length runs past the end of the file', () => {
  const lying = concat(uint32(1_000_000), ascii('tEXt'), ascii(`${PNG_TEXT_KEYWORD}\u0000short`));
  const file = concat(Uint8Array.from(SIGNATURE), IHDR, lying);
  expect(readPngText(file, PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('readPngText stops at a length of 2^32 - 1 without throwing', () => {
  const file = concat(Uint8Array.from(SIGNATURE), uint32(0xffffffff), ascii('tEXt'), new Uint8Array(16));
  expect(readPngText(file, PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('readPngText never throws on a PNG cut short at any byte', () => {
  const file = addPngText(png(), PNG_TEXT_KEYWORD, 'the document');
  const textEnd = 8 + IHDR.length + 12 + PNG_TEXT_KEYWORD.length + 1 + 'the document'.length;
  for (let length = 0; length <= file.length; length += 1) {
    const text = readPngText(file.subarray(0, length), PNG_TEXT_KEYWORD);
    expect(text).toBe(length >= textEnd ? 'the document' : undefined);
  }
});

test('readPngText never throws on random bytes after a PNG signature', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
      const text = readPngText(concat(Uint8Array.from(SIGNATURE), tail), PNG_TEXT_KEYWORD);
      expect(text === undefined || typeof text === 'string').toBe(true);
    }),
    PROPERTY,
  );
});

/** A copy of `bytes` with the byte at `at` changed. */
function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

/** Where the chunk of `type` starts in `bytes` (the first one). */
function chunkAt(bytes: Uint8Array, type: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 8; offset < bytes.length; offset += 12 + view.getUint32(offset)) {
    if (String.fromCharCode(...bytes.subarray(offset + 4, offset + 8)) === type) return offset;
  }
  throw new Error(`no ${type} chunk`);
}

const WITH_TEXT = addPngText(png(), PNG_TEXT_KEYWORD, '{"format":"wfm-topology"}');
const TEXT_AT = chunkAt(WITH_TEXT, 'tEXt');

test('findPngText finds the text of a PNG whose chunks all pass their CRC check', () => {
  expect(TEXT_AT).toBe(33);
  expect(findPngText(WITH_TEXT, PNG_TEXT_KEYWORD)).toEqual({
    kind: 'found',
    text: '{"format":"wfm-topology"}',
  });
});

test('a PNG whose tEXt chunk fails its CRC check is refused, naming the chunk', () => {
  const result = findPngText(flipped(WITH_TEXT, TEXT_AT + 8 + PNG_TEXT_KEYWORD.length + 3), PNG_TEXT_KEYWORD);
  expect(result).toEqual({
    kind: 'damaged',
    message: 'This PNG is damaged: its tEXt chunk at byte 33 fails its CRC check.',
  });
});

test('a changed CRC is refused as well as changed text', () => {
  const length = new DataView(WITH_TEXT.buffer).getUint32(TEXT_AT);
  const result = findPngText(flipped(WITH_TEXT, TEXT_AT + 8 + length + 3), PNG_TEXT_KEYWORD);
  expect(result.kind === 'damaged' && result.message).toContain('tEXt chunk at byte 33 fails its CRC check');
  expect(readPngText(flipped(WITH_TEXT, TEXT_AT + 8 + length), PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('every chunk walked before the text is checked: a bad IHDR is refused, naming IHDR', () => {
  const result = findPngText(flipped(WITH_TEXT, 8 + 8), PNG_TEXT_KEYWORD);
  expect(result).toEqual({
    kind: 'damaged',
    message: 'This PNG is damaged: its IHDR chunk at byte 8 fails its CRC check.',
  });
});

test('looking for a keyword the PNG lacks walks every chunk, so a bad IDAT is refused, naming IDAT', () => {
  const file = png(textChunk('Software', 'a browser'));
  const idat = chunkAt(file, 'IDAT');
  expect(findPngText(file, PNG_TEXT_KEYWORD)).toEqual({ kind: 'absent' });
  expect(findPngText(flipped(file, idat + 9), PNG_TEXT_KEYWORD)).toEqual({
    kind: 'damaged',
    message: `This PNG is damaged: its IDAT chunk at byte ${idat} fails its CRC check.`,
  });
});

test('a chunk after the text is not walked, so damage there does not refuse the document', () => {
  const idat = chunkAt(WITH_TEXT, 'IDAT');
  expect(findPngText(flipped(WITH_TEXT, idat + 9), PNG_TEXT_KEYWORD)).toEqual({
    kind: 'found',
    text: '{"format":"wfm-topology"}',
  });
});

test('a chunk that claims more bytes than the file has is refused, naming the chunk', () => {
  const lying = concat(uint32(1_000_000), ascii('tEXt'), ascii(`${PNG_TEXT_KEYWORD}\u0000short`));
  const file = concat(Uint8Array.from(SIGNATURE), IHDR, lying);
  expect(findPngText(file, PNG_TEXT_KEYWORD)).toEqual({
    kind: 'damaged',
    message: 'This PNG is damaged: its tEXt chunk at byte 33 claims 1000000 bytes, past the end of the file.',
  });
});

test('a PNG cut short between chunks is refused: it ends before its IEND chunk', () => {
  const file = WITH_TEXT.subarray(0, TEXT_AT);
  expect(findPngText(file, PNG_TEXT_KEYWORD)).toEqual({
    kind: 'damaged',
    message: 'This PNG is damaged: the file ends at byte 33, before its IEND chunk.',
  });
});

test('a chunk whose type is not four letters is refused', () => {
  const file = concat(Uint8Array.from(SIGNATURE), IHDR, chunk('t3Xt', ascii('x')), IDAT, IEND);
  expect(findPngText(file, PNG_TEXT_KEYWORD)).toEqual({
    kind: 'damaged',
    message: 'This PNG is damaged: the chunk at byte 33 has no valid type.',
  });
});

test('no single-bit change in the chunks walked to the text goes unnoticed: such a file never yields it', () => {
  const textEnd = TEXT_AT + 12 + new DataView(WITH_TEXT.buffer).getUint32(TEXT_AT);
  for (let at = 8; at < textEnd; at += 1) {
    const result = findPngText(flipped(WITH_TEXT, at), PNG_TEXT_KEYWORD);
    expect(result.kind, `byte ${at}`).not.toBe('found');
  }
});

test('readPngText gives undefined for bytes that are not a PNG', () => {
  expect(readPngText(new Uint8Array(0), PNG_TEXT_KEYWORD)).toBeUndefined();
  expect(readPngText(ascii('<svg/>'), PNG_TEXT_KEYWORD)).toBeUndefined();
  expect(readPngText(Uint8Array.from(SIGNATURE.slice(0, 7)), PNG_TEXT_KEYWORD)).toBeUndefined();
});

test('isPng looks at the eight signature bytes', () => {
  expect(isPng(Uint8Array.from(SIGNATURE))).toBe(true);
  expect(isPng(Uint8Array.from([...SIGNATURE.slice(0, 7), 0]))).toBe(false);
  expect(isPng(ascii('{"format":"wfm-topology"}'))).toBe(false);
});

test('asciiJson writes only printable ASCII and line feeds', () => {
  const json = JSON.stringify({ name: 'é 中文 😀 \u0000 \u007f \u2028 \ud800' }, null, 2);
  expect(asciiJson(json)).toMatch(/^[\x20-\x7e\n]*$/);
  expect(asciiJson(json)).toContain('\\ud83d\\ude00');
});

test('asciiJson leaves JSON meaning the same for any string', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      (a, b) => {
        const json = JSON.stringify({ a, b, list: [a, b] }, null, 2);
        const escaped = asciiJson(json);
        expect(escaped).toMatch(/^[\x20-\x7e\n]*$/);
        expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
      },
    ),
    PROPERTY,
  );
});

test('asciiJson leaves ASCII JSON byte for byte as it was', () => {
  const json = '{\n  "name": "WFM_Server \\"1\\" \\\\ \\u0041"\n}\n';
  expect(asciiJson(json)).toBe(json);
});
