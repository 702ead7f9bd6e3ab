/**
 * An object with one property per key, each made by `make`: `Object.fromEntries` typed for a
 * list of keys the compiler knows, so tables keyed by kind can be derived rather than spelt out.
 * @example recordOf(['a', 'b'], (key) => key.toUpperCase()) // { a: 'A', b: 'B' }
 */
export function recordOf<K extends string, V>(
  keys: readonly K[],
  make: (key: K) => V,
): { readonly [P in K]: V } {
  // Every key of the list gets its property below, which is what the type promises.
  const record = {} as { [P in K]: V };
  for (const key of keys) record[key] = make(key);
  return record;
}
