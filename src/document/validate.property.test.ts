import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isValid, PROBLEM_CATALOG, validate } from '../domain';
import { createValidationBlock, parseDocument, serializeDocument } from './index';
import { documentArbitrary, topologyArbitrary } from './testing/arbitraries';
import { fixedSeed } from './testing/property';

// The domain's own tests pin each rule; these check, over random designs, what a file reader
// relies on: validate never throws and always gives the same answer for the same design.

test('validate never throws and is deterministic, even on designs that break every rule', () => {
  fc.assert(
    fc.property(topologyArbitrary, (topology) => {
      const problems = validate(topology);
      expect(validate(structuredClone(topology))).toEqual(problems);
      for (const problem of problems) expect(PROBLEM_CATALOG[problem.code].severity).toBe(problem.severity);
    }),
    fixedSeed(1500),
  );
});

test('the validation block written in a file is what validate says of the document', () => {
  fc.assert(
    fc.property(documentArbitrary, (document) => {
      const written: unknown = JSON.parse(serializeDocument(document));
      const block = createValidationBlock(document);
      expect(written).toMatchObject({ validation: JSON.parse(JSON.stringify(block)) });
      expect(block.valid).toBe(isValid(validate(document)));
      const reopened = parseDocument(serializeDocument(document));
      expect(reopened.ok && validate(reopened.document)).toEqual(validate(document));
    }),
    fixedSeed(500),
  );
});
