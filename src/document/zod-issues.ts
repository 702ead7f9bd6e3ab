import type { z } from 'zod';
import { counted } from '../domain';
import type { ParseIssue } from './parse-error';
import { visibleJson } from './visible-text';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A string from the file as a JSON literal, with control and bidi characters as `\u` escapes: a
 * message that quotes a key or a value shows it, and no terminal or dialog acts on it.
 */
export function quote(text: string): string {
  return visibleJson(JSON.stringify(text));
}

/** A zod path in JS notation: `['components', 2, 'port']` is `components[2].port`; the root is `''`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${quote(String(key))}]`;
  }
  return text;
}

/**
 * zod's issues as the file's reader should see them. An unrecognized-keys issue lists several keys
 * on the object's path; it becomes one issue per key, at the key's own path.
 */
export function toParseIssues(issues: readonly z.core.$ZodIssue[]): ParseIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown key' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/**
 * The message of an issue that the schema does not word itself; passed to `safeParse` as its
 * error map. It never serialises the input whole: the input may be nested a million levels deep.
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `missing: expected ${typeName(issue.expected)}`
        : `expected ${typeName(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? issue.minimum === 1
          ? 'must not be empty'
          : `must be at least ${issue.minimum} characters`
        : issue.origin === 'array'
          ? `must have at least ${counted(Number(issue.minimum), 'item')}`
          : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must have at most ${counted(Number(issue.maximum), 'item')}`
          : `must be at most ${issue.maximum}`;
    case 'invalid_value': {
      const expected = issue.values.map(describeValue).join(', ');
      const got = issue.input === undefined ? 'missing' : `got ${describeValue(issue.input)}`;
      return issue.values.length === 1 ? `must be ${expected}, ${got}` : `must be one of ${expected}; ${got}`;
    }
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return 'is not valid';
  }
}

const TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['string', 'a string'],
  ['number', 'a number'],
  ['int', 'an integer'],
  ['boolean', 'true or false'],
  ['array', 'an array'],
  ['object', 'an object'],
]);

function typeName(expected: string): string {
  return TYPE_NAMES.get(expected) ?? expected;
}

const MAX_QUOTED = 40;

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return quote(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);
  }
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
