import { serializeExercise } from '../../src/document';
import { BUILT_IN_EXERCISES } from '../../src/exercises';
import { json, KEY, KEY_2, nested } from './live-manifest';

// The live corpus (live-manifest.ts), continued: a class's roster values and its exercise file
// (decision 035), with the outcome each must come to, written from the decisions, not the code.

/** A roster value's fate: on the server (`classValueProblem`) and on the trainer's page (`readClass`). */
export type RosterExpected =
  | { readonly outcome: 'accepted' }
  /** The server refuses it, with a reason containing `reason`; the trainer's page skips it. */
  | { readonly outcome: 'refused'; readonly reason: string };

export interface RosterCase {
  readonly about: string;
  readonly key: string;
  /** The value as JSON (Yjs carries a map's plain values as JSON-like data). */
  readonly json: string;
  readonly expected: RosterExpected;
}

export const ENTRY_KEY = 'learner:0123456789abcdefABCDEF';
/** A well-formed entry's fields (decision 035): x, y of 43, iv of 16, box of 79 base64url characters. */
export const entry = (fields: Record<string, unknown> = {}) =>
  json({
    name: 'Ada',
    x: KEY,
    y: KEY_2,
    iv: 'abcdefghijklmnop',
    box: `${KEY}${KEY_2}abcdefghi`.slice(0, 79),
    ...fields,
  });
const refusedEntry = { outcome: 'refused', reason: 'invalid roster entry' } as const;
/** A well-formed entry but for `fields`: the server refuses it, the trainer's page skips it. */
const badEntry = (about: string, fields: Record<string, unknown>): RosterCase => ({
  about,
  key: ENTRY_KEY,
  json: entry(fields),
  expected: refusedEntry,
});

export const ROSTER_CASES: readonly RosterCase[] = [
  { about: 'a well-formed entry', key: ENTRY_KEY, json: entry(), expected: { outcome: 'accepted' } },
  {
    about: 'markup in the name: a name is text',
    key: ENTRY_KEY,
    json: entry({ name: '<script>alert(1)</script>' }),
    expected: { outcome: 'accepted' },
  },
  {
    about: 'a name of 60 characters',
    key: ENTRY_KEY,
    json: entry({ name: 'N'.repeat(60) }),
    expected: { outcome: 'accepted' },
  },
  badEntry('a name of 61 characters', { name: 'N'.repeat(61) }),
  badEntry('a name of a million characters', { name: 'N'.repeat(1_000_000) }),
  badEntry('an empty name', { name: '' }),
  badEntry('a name of spaces', { name: '   ' }),
  badEntry('a NUL in the name', { name: 'Ada\u0000' }),
  badEntry('an escape sequence in the name', { name: 'Ada\u001b[2J' }),
  badEntry('a newline in the name', { name: 'Ada\nTrainer: all done' }),
  badEntry('a bidi override in the name (decision 036)', { name: 'Ada\u202Egnp.exe' }),
  badEntry('a bidi isolate in the name (decision 036)', { name: '\u2067Ada' }),
  badEntry('an Arabic letter mark in the name (decision 036)', { name: 'Ada\u061C' }),
  badEntry('a zero-width space in the name (decision 036)', { name: 'A\u200Bda' }),
  badEntry('a name that is a number', { name: 7 }),
  badEntry('a name nested in arrays', { name: ['Ada'] }),
  badEntry('an extra field', { admin: true }),
  {
    about: 'a __proto__ field',
    key: ENTRY_KEY,
    json: entry().replace('{', '{"__proto__":{"admin":true},'),
    expected: refusedEntry,
  },
  {
    about: 'a missing sealed box',
    key: ENTRY_KEY,
    json: json({ name: 'Ada', x: KEY, y: KEY, iv: 'abcdefghijklmnop' }),
    expected: refusedEntry,
  },
  badEntry('a coordinate of 42 characters', { x: KEY.slice(1) }),
  badEntry('a coordinate in standard base64', { y: `${KEY.slice(2)}+/` }),
  badEntry('a nonce of 17 characters', { iv: 'abcdefghijklmnopq' }),
  badEntry('a box of a megabyte', { box: 'b'.repeat(1_000_000) }),
  { about: 'an entry that is an array', key: ENTRY_KEY, json: `[${entry()}]`, expected: refusedEntry },
  { about: 'an entry that is null', key: ENTRY_KEY, json: 'null', expected: refusedEntry },
  {
    about: 'an entry nested 100,000 arrays deep',
    key: ENTRY_KEY,
    json: nested(100_000, entry()),
    expected: refusedEntry,
  },
  // Keys of the class root
  {
    about: 'an entry key one character short',
    key: ENTRY_KEY.slice(0, -1),
    json: entry(),
    expected: { outcome: 'refused', reason: 'unknown class field' },
  },
  {
    about: 'an entry under __proto__',
    key: '__proto__',
    json: entry(),
    expected: { outcome: 'refused', reason: 'unknown class field' },
  },
  {
    about: 'an entry under learner:__proto__',
    key: 'learner:__proto__',
    json: entry(),
    expected: { outcome: 'refused', reason: 'unknown class field' },
  },
  {
    about: 'an entry under constructor',
    key: 'constructor',
    json: entry(),
    expected: { outcome: 'refused', reason: 'unknown class field' },
  },
  {
    about: 'a key of a megabyte (the reason quotes 40 characters of it)',
    key: `admin${'k'.repeat(1_000_000)}`,
    json: entry(),
    expected: { outcome: 'refused', reason: `unknown class field admin${'k'.repeat(35)}` },
  },
  {
    about: 'an exercise id',
    key: 'exercise',
    json: json('01-minimal-single-site'),
    expected: { outcome: 'accepted' },
  },
  {
    about: 'an exercise id that is a path',
    key: 'exercise',
    json: json('../../etc/passwd'),
    expected: { outcome: 'refused', reason: 'invalid exercise' },
  },
  {
    about: 'an exercise id with markup',
    key: 'exercise',
    json: json('<b>x</b>'),
    expected: { outcome: 'refused', reason: 'invalid exercise' },
  },
  {
    about: 'an exercise id that is an object',
    key: 'exercise',
    json: json({ id: 'x' }),
    expected: { outcome: 'refused', reason: 'invalid exercise' },
  },
  {
    about: 'an exercise id of 65 characters',
    key: 'exercise',
    json: json('a'.repeat(65)),
    expected: { outcome: 'refused', reason: 'invalid exercise' },
  },
];

/** A valid exercise file, as a trainer's class carries it (a built-in exercise renamed, serialised). */
const BUILT_IN = BUILT_IN_EXERCISES[0];
if (!BUILT_IN) throw new Error('no built-in exercise');
/** Not a built-in exercise's id: a page can find this exercise in the file only. */
export const VALID_EXERCISE_ID = 'trainers-own-exercise';
export const VALID_EXERCISE_TEXT = serializeExercise({ ...BUILT_IN, id: VALID_EXERCISE_ID });

/** A class's exercise file (decision 035): the server's check, and whether a learner's page uses it. */
export interface ExerciseFileCase {
  readonly about: string;
  /** The class's exercise id: the valid file's own, or another. */
  readonly exerciseId: string;
  /** The value under `exerciseFile` (text, or a value of another type). */
  readonly file: unknown;
  /** `refused`: the server closes its sender (`invalid exercise file`). */
  readonly server: 'accepted' | 'refused';
  /** `used`: a learner's page opens that exercise; `ignored`: it opens none. */
  readonly page: 'used' | 'ignored';
}

export const EXERCISE_FILE_CASES: readonly ExerciseFileCase[] = [
  {
    about: 'a valid file of the class’s exercise',
    exerciseId: VALID_EXERCISE_ID,
    file: VALID_EXERCISE_TEXT,
    server: 'accepted',
    page: 'used',
  },
  {
    about: 'a valid file of another exercise than the class names',
    exerciseId: 'another-exercise',
    file: VALID_EXERCISE_TEXT,
    server: 'accepted',
    page: 'ignored',
  },
  {
    about: 'markup in the exercise’s title: text',
    exerciseId: VALID_EXERCISE_ID,
    file: VALID_EXERCISE_TEXT.replace(/"title":"[^"]*"/, '"title":"<img src=x onerror=alert(1)>"'),
    server: 'accepted',
    page: 'used',
  },
  {
    about: 'a file that is not JSON',
    exerciseId: VALID_EXERCISE_ID,
    file: '<html>',
    server: 'refused',
    page: 'ignored',
  },
  {
    about: 'a file that is a number',
    exerciseId: VALID_EXERCISE_ID,
    file: 42,
    server: 'refused',
    page: 'ignored',
  },
  {
    about: 'a file that is an object, not text',
    exerciseId: VALID_EXERCISE_ID,
    file: JSON.parse(VALID_EXERCISE_TEXT),
    server: 'refused',
    page: 'ignored',
  },
  {
    about: 'a file with a __proto__ key',
    exerciseId: VALID_EXERCISE_ID,
    file: VALID_EXERCISE_TEXT.replace('{', '{"__proto__":{"polluted":true},'),
    server: 'refused',
    page: 'ignored',
  },
  {
    about: 'a file over 1 MiB',
    exerciseId: VALID_EXERCISE_ID,
    file: `${VALID_EXERCISE_TEXT}${' '.repeat(1024 * 1024)}`,
    server: 'refused',
    page: 'ignored',
  },
  {
    about: 'a file nested 100,000 arrays deep',
    exerciseId: VALID_EXERCISE_ID,
    file: nested(100_000, '1'),
    server: 'refused',
    page: 'ignored',
  },
];
