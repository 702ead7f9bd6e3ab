/** True for a JSON object (not an array, not null); narrows without a cast. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An own property of a parsed object. `JSON.parse` makes `"__proto__"` an own key, while a plain
 * `object[key]` read falls back to the prototype chain; only own keys come from the file.
 */
export function ownValue(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A file as read from JSON, before the strict parse: all that is known is that it is an object. */
export type RawDocument = Readonly<Record<string, unknown>>;
