import { expect } from 'vitest';

// Whether a crafted input reached a built-in prototype: the corpus tests (files, and the live
// work's links, presence, rosters and updates) check it after each case.

/** The own property names of the built-in prototypes a crafted input could try to reach. */
function prototypeShape(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).sort().join(','),
  );
}
const PRISTINE = prototypeShape();

/** Fails when a built-in prototype gained or lost a property, or a plain object reads `polluted`. */
export function expectPrototypesUntouched(): void {
  expect(prototypeShape()).toEqual(PRISTINE);
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}
