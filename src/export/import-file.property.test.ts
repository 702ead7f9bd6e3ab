import fc from 'fast-check';
import { expect, test } from 'vitest';
import { serializeDocument, type TopologyDocument } from '../document';
import { documentArbitrary } from '../document/testing/arbitraries';
import { expectWellFormed, PROPERTY_SEED } from '../document/testing/property';
import { validate } from '../domain';
import { addPngText, asciiJson, PNG_TEXT_KEYWORD, serializeSvg } from '.';
import { importBytes } from './import-file';

// Issue 7, item 5: the import pipeline the app runs on a picked, dropped or linked file (format
// detection, SVG and PNG extraction, parseDocument, layout) answers 10,000 byte-level mutations of
// valid JSON, SVG and PNG exports with a value, never an exception. The parse-only properties of
// src/document (about 14,000 runs of text and JSON) do not reach the detection and the extraction.

/** How many mutated files one `npm test` imports. */
const RUNS = 10_000;

/** A 1×1 RGBA PNG (IHDR, IDAT, IEND) as a browser's canvas writes it. */
const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

const encoder = new TextEncoder();

/** Valid exports of random documents, made once: the fuzzer spends its runs on mutations. */
const SEEDS: readonly { readonly format: string; readonly bytes: Uint8Array }[] = fc
  .sample(documentArbitrary, { seed: PROPERTY_SEED, numRuns: 24 })
  .flatMap((document: TopologyDocument) => {
    const json = serializeDocument(document);
    return [
      { format: 'json', bytes: encoder.encode(json) },
      { format: 'svg', bytes: encoder.encode(serializeSvg(document)) },
      { format: 'png', bytes: addPngText(PNG_1X1, PNG_TEXT_KEYWORD, asciiJson(json)) },
    ];
  });

/** Tokens that matter to one of the readers: JSON, XML entities, the metadata element, PNG chunks. */
const TOKENS = [
  '"__proto__":{"polluted":1},',
  '"constructor":{"prototype":{"polluted":1}},',
  '1e999',
  'NaN',
  '-0',
  '[[[[[[[[',
  '}}}}',
  '\\u0000',
  '\\ud800',
  '</metadata>',
  '<metadata id="wfm-topology-document">',
  '&#0;',
  '&#x110000;',
  '&#99999999999;',
  '&amp;',
  '<script>alert(1)</script>',
  'IEND',
  'tEXt',
  '\u0000',
  '\uFEFF',
].map((token) => encoder.encode(token));

type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'set'; readonly at: number; readonly value: number }
  | { readonly op: 'cut'; readonly at: number; readonly length: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'token'; readonly at: number; readonly token: number }
  | { readonly op: 'repeat'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly op: 'truncate'; readonly at: number };

const position = fc.nat({ max: 1 << 20 });
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip'), at: position, bit: fc.nat({ max: 7 }) }),
  fc.record({
    op: fc.constant('set'),
    at: position,
    value: fc.oneof(
      fc.constantFrom(0x00, 0x22, 0x5c, 0x7b, 0x7d, 0x3c, 0x3e, 0x26, 0x80, 0xff),
      fc.nat({ max: 255 }),
    ),
  }),
  fc.record({ op: fc.constant('cut'), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    op: fc.constant('insert'),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ op: fc.constant('token'), at: position, token: fc.nat({ max: TOKENS.length - 1 }) }),
  fc.record({
    op: fc.constant('repeat'),
    at: position,
    length: fc.integer({ min: 1, max: 32 }),
    times: fc.integer({ min: 2, max: 64 }),
  }),
  fc.record({ op: fc.constant('truncate'), at: position }),
);

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

function mutate(bytes: Uint8Array, mutation: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : mutation.at % bytes.length;
  switch (mutation.op) {
    case 'flip': {
      const out = bytes.slice();
      out[at] = (out[at] ?? 0) ^ (1 << mutation.bit);
      return out;
    }
    case 'set': {
      const out = bytes.slice();
      out[at] = mutation.value;
      return out;
    }
    case 'cut':
      return splice(bytes, at, Math.min(mutation.length, bytes.length - at), new Uint8Array());
    case 'insert':
      return splice(bytes, at, 0, mutation.bytes);
    case 'token':
      return splice(bytes, at, 0, TOKENS[mutation.token] ?? new Uint8Array());
    case 'repeat': {
      const piece = bytes.subarray(at, at + mutation.length);
      const repeated = new Uint8Array(piece.length * mutation.times);
      for (let index = 0; index < mutation.times; index += 1) repeated.set(piece, index * piece.length);
      return splice(bytes, at, 0, repeated);
    }
    case 'truncate':
      return bytes.subarray(0, at);
    default: {
      const unreachable: never = mutation;
      return unreachable;
    }
  }
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

test(`importBytes answers ${RUNS.toLocaleString('en')} byte-level mutations of JSON, SVG and PNG exports`, () => {
  const runs = { total: 0, accepted: 0, byFormat: new Map<string, number>() };
  const input = fc.record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
  });
  fc.assert(
    fc.property(input, ({ seed, mutations }) => {
      const original = SEEDS[seed];
      if (!original) throw new Error('no seed file');
      const bytes = mutations.reduce(mutate, original.bytes);
      runs.total += 1;
      runs.byFormat.set(original.format, (runs.byFormat.get(original.format) ?? 0) + 1);

      const result = importBytes(bytes, `fuzz.${original.format}`);
      if (!result.ok) {
        expect(result.fileName).toBe(`fuzz.${original.format}`);
        expectWellFormed(result);
        return;
      }
      runs.accepted += 1;
      // What the app accepts, the app can use: every component placed, the rules run, and it saves
      // and opens again unchanged.
      expect(result.document.components.every((component) => component.position)).toBe(true);
      validate(result.document);
      const saved = serializeDocument(result.document);
      const again = importBytes(encoder.encode(saved), 'again.json');
      expect(again.ok && serializeDocument(again.document)).toBe(saved);
    }),
    { seed: PROPERTY_SEED, numRuns: RUNS },
  );
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(runs.total).toBe(RUNS);
  // The mutations must leave some files readable, or only the refusal paths would be exercised.
  expect(runs.accepted).toBeGreaterThan(RUNS / 50);
  for (const format of ['json', 'svg', 'png']) expect(runs.byFormat.get(format)).toBeGreaterThan(RUNS / 4);
});
