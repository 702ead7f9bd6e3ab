import { expect, test } from 'vitest';
import { generateDocument, SIZES } from '../bench/generate';
import { validate } from '../src/domain';

// The guard of issue 6 in `npm test`: a full `validate` of the XL benchmark document (10,000
// components, 15,000 connections) within ten times the 10 ms target of docs/performance.md. The
// fastest of several runs counts. Three times the target was not generous: a CI run on a shared
// 2-core machine at load 12 measured 31.5 ms as the fastest. A regression to quadratic work (tens
// of thousands of times the work at this size) still fails it; `npm run bench` measures the budget.
const TARGET_MS = 10;
const CEILING_MS = 10 * TARGET_MS;

test(`full validate of the XL document (${SIZES.XL} components) takes under ${CEILING_MS} ms`, () => {
  const { document } = generateDocument(SIZES.XL);
  expect(document.components).toHaveLength(SIZES.XL);
  for (let i = 0; i < 5; i += 1) validate(document); // warm the JIT up
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 15; i += 1) {
    const start = performance.now();
    const problems = validate(document);
    fastest = Math.min(fastest, performance.now() - start);
    expect(problems.length).toBeGreaterThan(0); // the generator sprinkles faults in: the work was done
  }
  console.log(`validate, XL: fastest ${fastest.toFixed(1)} ms of 15 runs`);
  expect(fastest).toBeLessThan(CEILING_MS);
});
