import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseDocument, serializeDocument } from './index';
import { documentArbitrary } from './testing/arbitraries';
import { fixedSeed } from './testing/property';

test('every valid document opens again as it was written', () => {
  fc.assert(
    fc.property(documentArbitrary, (document) => {
      expect(parseDocument(serializeDocument(document))).toEqual({ ok: true, document });
    }),
    fixedSeed(1500),
  );
});

test('writing is byte-stable: writing what was read gives the same text', () => {
  fc.assert(
    fc.property(documentArbitrary, fc.boolean(), (document, includeValidation) => {
      const text = serializeDocument(document, { includeValidation });
      const result = parseDocument(text);
      expect(result.ok && serializeDocument(result.document, { includeValidation })).toBe(text);
    }),
    fixedSeed(1000),
  );
});
