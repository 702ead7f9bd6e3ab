import type fc from 'fast-check';
import { expect } from 'vitest';
import type { ParseResult } from '../index';
import { MAX_REPORTED_ISSUES } from '../limits';

/** Every property test runs from this seed, so a run is repeatable and a failure reproducible. */
export const PROPERTY_SEED = 20_251_126;

/** fast-check parameters: `fc.assert(property, fixedSeed(2000))`. */
export function fixedSeed(numRuns: number): fc.Parameters<unknown> {
  return { seed: PROPERTY_SEED, numRuns };
}

const KINDS = ['not-json', 'not-topology', 'newer-version', 'invalid', 'too-large'];

/** A parse result is always one of the two shapes, with at most 20 issues that name a path. */
export function expectWellFormed(result: ParseResult): void {
  if (result.ok) return;
  expect(KINDS).toContain(result.error.kind);
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(result.error.issues.length).toBeLessThanOrEqual(MAX_REPORTED_ISSUES);
  for (const issue of result.error.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}
