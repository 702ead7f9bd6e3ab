import * as Y from 'yjs';
import { serializeExercise } from '../../src/document';
import { BUILT_IN_EXERCISES } from '../../src/exercises';

// The adversarial corpus of the live work (issue 16): what another person can put in front of
// the designer besides a file. Hostile link fragments, other clients' awareness states, roster
// entries of a class, a class's exercise file and other clients' Yjs updates, each with the outcome
// it must come to. The expectations are written from decisions 031–036 and docs/security.md, not
// read back from the code: a change that alters an outcome must change this table too.
// `tests/adversarial-live.test.ts` feeds each to the real parsing function.

/** A 43-character base64url key, as the links carry (256 bits). */
export const KEY = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const KEY_2 = 'QPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba';
const KEY_3 = '0123456789-_0123456789-_0123456789-_0123456';
const KEY_4 = '_-9876543210_-9876543210_-9876543210_-98765';

/** What a fragment of the page's address comes to (decisions 032 and 035). */
export type LinkExpected =
  /** Not a live, view, class or trainer link: none of them is opened. */
  | { readonly outcome: 'ignored' }
  /** One of them, malformed: nothing opens and the page says the link is damaged. */
  | { readonly outcome: 'refused'; readonly reason: 'damaged' }
  /** Opened with exactly these keys. */
  | {
      readonly outcome: 'accepted';
      readonly kind: 'edit' | 'view' | 'class' | 'teach';
      readonly keys: readonly string[];
    };

export interface LinkCase {
  readonly about: string;
  readonly hash: string;
  readonly expected: LinkExpected;
}

const damaged: LinkExpected = { outcome: 'refused', reason: 'damaged' };
const ignored: LinkExpected = { outcome: 'ignored' };

export const LINK_CASES: readonly LinkCase[] = [
  {
    about: 'an edit link',
    hash: `#live=${KEY}`,
    expected: { outcome: 'accepted', kind: 'edit', keys: [KEY] },
  },
  {
    about: 'a view link',
    hash: `#view=${KEY}`,
    expected: { outcome: 'accepted', kind: 'view', keys: [KEY] },
  },
  {
    about: 'a class link',
    hash: `#class=${KEY}.${KEY_2}.${KEY_3}`,
    expected: { outcome: 'accepted', kind: 'class', keys: [KEY, KEY_2, KEY_3] },
  },
  {
    about: 'a trainer link',
    hash: `#teach=${KEY}.${KEY_2}.${KEY_3}.${KEY_4}`,
    expected: { outcome: 'accepted', kind: 'teach', keys: [KEY, KEY_2, KEY_3, KEY_4] },
  },
  // Keys that are not 43 base64url characters
  { about: 'an empty key', hash: '#live=', expected: damaged },
  { about: 'a key one character short (42)', hash: `#live=${KEY.slice(1)}`, expected: damaged },
  { about: 'a key one character long (44)', hash: `#view=${KEY}A`, expected: damaged },
  { about: 'a key in standard base64 (+ and /)', hash: `#live=${KEY.slice(2)}+/`, expected: damaged },
  { about: 'a key with base64 padding', hash: `#live=${KEY.slice(1)}=`, expected: damaged },
  { about: 'a key with a trailing newline', hash: `#live=${KEY}\n`, expected: damaged },
  { about: 'a key with a trailing space', hash: `#view=${KEY} `, expected: damaged },
  { about: 'a key of a million characters', hash: `#live=${'A'.repeat(1_000_000)}`, expected: damaged },
  { about: 'a key with markup', hash: `#live=<img src=x onerror=alert(1)>${KEY}`, expected: damaged },
  { about: 'a key with a bidi override', hash: `#live=\u202E${KEY.slice(1)}`, expected: damaged },
  { about: 'a key of full-width letters', hash: `#live=${'Ａ'.repeat(43)}`, expected: damaged },
  { about: 'a key with a NUL character', hash: `#view=${KEY.slice(1)}\u0000`, expected: damaged },
  // Several keys in one fragment
  { about: 'an edit and a view key joined by &', hash: `#live=${KEY}&view=${KEY_2}`, expected: damaged },
  { about: 'a view key, then a second fragment', hash: `#view=${KEY}#live=${KEY_2}`, expected: damaged },
  { about: 'an edit key and a share-link document', hash: `#live=${KEY}&doc=abc`, expected: damaged },
  { about: 'a share-link document, then an edit key', hash: `#doc=abc&live=${KEY}`, expected: ignored },
  { about: 'an edit key as a query in the fragment', hash: `#?live=${KEY}`, expected: ignored },
  // Percent-encoding: the fragment is read as written, never decoded
  {
    about: 'a percent-encoded key',
    hash: `#live=${[...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}`,
    expected: damaged,
  },
  { about: 'a key with one percent-encoded character', hash: `#live=%41${KEY.slice(1)}`, expected: damaged },
  { about: 'a percent-encoded prefix', hash: `#%6Cive=${KEY}`, expected: ignored },
  { about: 'a percent-encoded equals sign', hash: `#live%3D${KEY}`, expected: ignored },
  { about: 'a prefix in capitals', hash: `#LIVE=${KEY}`, expected: ignored },
  { about: 'no # at all', hash: `live=${KEY}`, expected: ignored },
  // Class and trainer links with the wrong number of parts
  { about: 'a class link with two parts', hash: `#class=${KEY}.${KEY_2}`, expected: damaged },
  {
    about: 'a class link with four parts (a private key in it)',
    hash: `#class=${KEY}.${KEY_2}.${KEY_3}.${KEY_4}`,
    expected: damaged,
  },
  { about: 'a trainer link with three parts', hash: `#teach=${KEY}.${KEY_2}.${KEY_3}`, expected: damaged },
  {
    about: 'a trainer link with five parts',
    hash: `#teach=${KEY}.${KEY}.${KEY}.${KEY}.${KEY}`,
    expected: damaged,
  },
  { about: 'a class link with an empty part', hash: `#class=${KEY}..${KEY_3}`, expected: damaged },
  { about: 'a class link ending in a dot', hash: `#class=${KEY}.${KEY_2}.${KEY_3}.`, expected: damaged },
  {
    about: 'a class link with a short coordinate',
    hash: `#class=${KEY}.${KEY_2.slice(1)}.${KEY_3}`,
    expected: damaged,
  },
  {
    about: 'a class link of 100,000 parts',
    hash: `#class=${Array(100_000).fill(KEY).join('.')}`,
    expected: damaged,
  },
  {
    about: 'a class link and an edit link in one',
    hash: `#class=${KEY}.${KEY_2}.${KEY_3}&live=${KEY}`,
    expected: damaged,
  },
  { about: 'an edit key named like a class', hash: `#classes=${KEY}`, expected: ignored },
];

/** What another client's awareness state comes to (decisions 033 and 036). */
export type PresenceExpected =
  /** Not listed: no usable user. */
  | { readonly outcome: 'ignored' }
  /** Listed as exactly this (with a colour of the palette). */
  | {
      readonly outcome: 'cleaned';
      readonly name: string;
      /** The colour it is shown in: `'fallback'` for the palette colour of its client id. */
      readonly colour: string;
      readonly pointer?: { readonly x: number; readonly y: number };
      readonly view?: {
        readonly x: number;
        readonly y: number;
        readonly width: number;
        readonly height: number;
      };
      /** The selection read, or how many ids it keeps when that is the point. */
      readonly selection?: readonly string[] | { readonly length: number };
    };

export interface PresenceCase {
  readonly about: string;
  /** The state as it travels (y-protocols sends awareness states as JSON). */
  readonly json: string;
  readonly expected: PresenceExpected;
}

/** The first palette colour (decision 033). */
const BLUE = '#2165ed';
const user = (name: string, colour: unknown = BLUE) => ({ name, colour });
const json = (value: unknown) => JSON.stringify(value);
const nested = (depth: number, leaf: string) => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;

export const PRESENCE_CASES: readonly PresenceCase[] = [
  {
    about: 'an honest state',
    json: json({
      user: user('Ana'),
      pointer: { x: 10, y: -20 },
      selection: ['srv-1'],
      view: { x: 0, y: 0, width: 800, height: 600 },
    }),
    expected: {
      outcome: 'cleaned',
      name: 'Ana',
      colour: BLUE,
      pointer: { x: 10, y: -20 },
      selection: ['srv-1'],
      view: { x: 0, y: 0, width: 800, height: 600 },
    },
  },
  // Who it is
  { about: 'no user', json: json({ pointer: { x: 1, y: 1 } }), expected: { outcome: 'ignored' } },
  { about: 'a user that is a number', json: json({ user: 12 }), expected: { outcome: 'ignored' } },
  { about: 'a user that is an array', json: json({ user: ['Ana', BLUE] }), expected: { outcome: 'ignored' } },
  { about: 'a state that is null', json: 'null', expected: { outcome: 'ignored' } },
  { about: 'a state that is a string', json: json('Ana'), expected: { outcome: 'ignored' } },
  {
    about: 'a name that is a number',
    json: json({ user: user(42 as unknown as string) }),
    expected: { outcome: 'ignored' },
  },
  { about: 'an empty name', json: json({ user: user('') }), expected: { outcome: 'ignored' } },
  {
    about: 'a name of control characters only',
    json: json({ user: user('\u0000\u0007\u001b\u202e') }),
    expected: { outcome: 'ignored' },
  },
  {
    about: 'markup in the name: kept as text',
    json: json({ user: user('<img src=x onerror=alert(1)>') }),
    expected: { outcome: 'cleaned', name: '<img src=x onerror=alert(1)>', colour: BLUE },
  },
  {
    about: 'bidi overrides and isolates in the name',
    json: json({ user: user('\u202EAna\u202C \u2066Lopez\u2069') }),
    expected: { outcome: 'cleaned', name: 'Ana Lopez', colour: BLUE },
  },
  {
    about: 'the bidi marks of docs/security.md (U+061C, U+200E, U+200F) in the name',
    json: json({ user: user('A\u061Cn\u200Ea\u200F') }),
    expected: { outcome: 'cleaned', name: 'Ana', colour: BLUE },
  },
  {
    about: 'control characters, an escape sequence and a newline in the name',
    json: json({ user: user('Ana\u001b[31m\nLopez\u0085') }),
    expected: { outcome: 'cleaned', name: 'Ana[31mLopez', colour: BLUE },
  },
  {
    about: 'a name of 1,000 characters: cut to 40',
    json: json({ user: user('N'.repeat(1000)) }),
    expected: { outcome: 'cleaned', name: 'N'.repeat(40), colour: BLUE },
  },
  {
    about: 'a name over 1,000 characters: no usable user (decision 036)',
    json: json({ user: user('N'.repeat(1_000_001)) }),
    expected: { outcome: 'ignored' },
  },
  {
    about: 'a name called __proto__ is just a name',
    json: json({ user: user('__proto__') }),
    expected: { outcome: 'cleaned', name: '__proto__', colour: BLUE },
  },
  {
    about: 'a user under a __proto__ key is no user',
    json: `{"__proto__":{"user":{"name":"Eve","colour":"${BLUE}"}}}`,
    expected: { outcome: 'ignored' },
  },
  {
    about: 'a __proto__ key inside the user is ignored',
    json: `{"user":{"name":"Eve","colour":"${BLUE}","__proto__":{"polluted":true}},"__proto__":{"polluted":true}}`,
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE },
  },
  // Its colour
  {
    about: 'a colour that is script in a CSS url',
    json: json({ user: user('Eve', 'url(javascript:alert(1))') }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: 'fallback' },
  },
  {
    about: 'a colour in capitals of the palette',
    json: json({ user: user('Eve', BLUE.toUpperCase()) }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE },
  },
  {
    about: 'a colour not of the palette',
    json: json({ user: user('Eve', '#000000') }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: 'fallback' },
  },
  {
    about: 'a colour that is not a string: no usable user (decision 036)',
    json: json({ user: user('Eve', 7) }),
    expected: { outcome: 'ignored' },
  },
  // Where it points, what it sees, what it selects
  {
    about: 'a pointer with strings, null and NaN: dropped alone',
    json: '{"user":{"name":"Eve","colour":"#2165ed"},"pointer":{"x":"NaN","y":null}}',
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE },
  },
  {
    about: 'absurd coordinates: dropped',
    json: json({
      user: user('Eve'),
      pointer: { x: 1e300, y: 0 },
      view: { x: 0, y: -1e12, width: 10, height: 10 },
    }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE },
  },
  {
    about: 'a view of negative size: dropped',
    json: json({ user: user('Eve'), view: { x: 0, y: 0, width: -1, height: 1 } }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE },
  },
  {
    about: 'a pointer nested 100,000 arrays deep: dropped',
    json: `{"user":{"name":"Eve","colour":"#2165ed"},"pointer":{"x":${nested(100_000, '1')},"y":0}}`,
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE },
  },
  {
    about: 'a name nested 100,000 arrays deep: no usable user',
    json: `{"user":{"name":${nested(100_000, '"Eve"')},"colour":"#2165ed"}}`,
    expected: { outcome: 'ignored' },
  },
  {
    about: 'a selection that is not an array: dropped',
    json: json({ user: user('Eve'), selection: { 0: 'srv-1', length: 1 } }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE },
  },
  {
    about: 'selected ids of the wrong type or absurd length: those ids dropped',
    json: json({ user: user('Eve'), selection: [{}, 42, null, '', 'x'.repeat(10_000), 'srv-1', ['bld-1']] }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE, selection: ['srv-1'] },
  },
  {
    about: '20,000 selected ids: at most 500 read',
    json: json({ user: user('Eve'), selection: Array.from({ length: 20_000 }, (_, i) => `ghost-${i}`) }),
    expected: { outcome: 'cleaned', name: 'Eve', colour: BLUE, selection: { length: 500 } },
  },
];

/** How many participants the People region shows at most (decision 033). */
export const MAX_PARTICIPANTS_SHOWN = 50;

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

const ENTRY_KEY = 'learner:0123456789abcdefABCDEF';
/** A well-formed entry's fields (decision 035): x, y of 43, iv of 16, box of 79 base64url characters. */
const entry = (fields: Record<string, unknown> = {}) =>
  json({
    name: 'Ada',
    x: KEY,
    y: KEY_2,
    iv: 'abcdefghijklmnop',
    box: `${KEY}${KEY_2}abcdefghi`.slice(0, 79),
    ...fields,
  });
const refusedEntry = { outcome: 'refused', reason: 'invalid roster entry' } as const;

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
  {
    about: 'a name of 61 characters',
    key: ENTRY_KEY,
    json: entry({ name: 'N'.repeat(61) }),
    expected: refusedEntry,
  },
  {
    about: 'a name of a million characters',
    key: ENTRY_KEY,
    json: entry({ name: 'N'.repeat(1_000_000) }),
    expected: refusedEntry,
  },
  { about: 'an empty name', key: ENTRY_KEY, json: entry({ name: '' }), expected: refusedEntry },
  { about: 'a name of spaces', key: ENTRY_KEY, json: entry({ name: '   ' }), expected: refusedEntry },
  { about: 'a NUL in the name', key: ENTRY_KEY, json: entry({ name: 'Ada\u0000' }), expected: refusedEntry },
  {
    about: 'an escape sequence in the name',
    key: ENTRY_KEY,
    json: entry({ name: 'Ada\u001b[2J' }),
    expected: refusedEntry,
  },
  {
    about: 'a newline in the name',
    key: ENTRY_KEY,
    json: entry({ name: 'Ada\nTrainer: all done' }),
    expected: refusedEntry,
  },
  {
    about: 'a bidi override in the name (decision 036)',
    key: ENTRY_KEY,
    json: entry({ name: 'Ada\u202Egnp.exe' }),
    expected: refusedEntry,
  },
  {
    about: 'a bidi isolate in the name (decision 036)',
    key: ENTRY_KEY,
    json: entry({ name: '\u2067Ada' }),
    expected: refusedEntry,
  },
  {
    about: 'an Arabic letter mark in the name (decision 036)',
    key: ENTRY_KEY,
    json: entry({ name: 'Ada\u061C' }),
    expected: refusedEntry,
  },
  {
    about: 'a zero-width space in the name (decision 036)',
    key: ENTRY_KEY,
    json: entry({ name: 'A\u200Bda' }),
    expected: refusedEntry,
  },
  { about: 'a name that is a number', key: ENTRY_KEY, json: entry({ name: 7 }), expected: refusedEntry },
  {
    about: 'a name nested in arrays',
    key: ENTRY_KEY,
    json: entry({ name: ['Ada'] }),
    expected: refusedEntry,
  },
  { about: 'an extra field', key: ENTRY_KEY, json: entry({ admin: true }), expected: refusedEntry },
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
  {
    about: 'a coordinate of 42 characters',
    key: ENTRY_KEY,
    json: entry({ x: KEY.slice(1) }),
    expected: refusedEntry,
  },
  {
    about: 'a coordinate in standard base64',
    key: ENTRY_KEY,
    json: entry({ y: `${KEY.slice(2)}+/` }),
    expected: refusedEntry,
  },
  {
    about: 'a nonce of 17 characters',
    key: ENTRY_KEY,
    json: entry({ iv: 'abcdefghijklmnopq' }),
    expected: refusedEntry,
  },
  {
    about: 'a box of a megabyte',
    key: ENTRY_KEY,
    json: entry({ box: 'b'.repeat(1_000_000) }),
    expected: refusedEntry,
  },
  { about: 'an entry that is an array', key: ENTRY_KEY, json: json([entry()]), expected: refusedEntry },
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
const VALID_EXERCISE_ID = 'trainers-own-exercise';
const VALID_EXERCISE_TEXT = serializeExercise({ ...BUILT_IN, id: VALID_EXERCISE_ID });

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

/** Another client's Yjs update (decision 031): what the server's guard says of it. */
export interface UpdateCase {
  readonly about: string;
  /** Writes the hostile change into a peer's document (the update sent is its whole state). */
  readonly write: (doc: Y.Doc) => void;
  /** `accepted`, or a part of the reason its sender is closed with. */
  readonly expected: 'accepted' | { readonly refused: string };
}

const componentMap = (fields: Record<string, unknown>) =>
  new Y.Map<unknown>(Object.entries({ kind: 'server', name: 'WFM_Server', '@order': 1, ...fields }));
const addComponent = (doc: Y.Doc, id: string, fields: Record<string, unknown> = {}) =>
  doc.getMap('components').set(id, componentMap(fields));

/** `count` well-formed roster entries, in one transaction. */
function writeRoster(doc: Y.Doc, count: number): void {
  const root = doc.getMap('classroom');
  doc.transact(() => {
    for (let i = 0; i < count; i += 1)
      root.set(`learner:${String(i).padStart(22, '0')}`, JSON.parse(entry({ name: `Learner ${i}` })));
  });
}

export const UPDATE_CASES: readonly UpdateCase[] = [
  { about: 'an honest component', write: (doc) => addComponent(doc, 'srv-1'), expected: 'accepted' },
  {
    about: 'markup in a component’s name: text',
    write: (doc) => addComponent(doc, 'srv-1', { name: '<script>alert(1)</script>' }),
    expected: 'accepted',
  },
  {
    about: 'an unknown root',
    write: (doc) => doc.getMap('junk').set('x', 1),
    expected: { refused: 'unknown root' },
  },
  {
    about: 'a root called __proto__',
    write: (doc) => doc.getMap('__proto__').set('x', 1),
    expected: { refused: 'unknown root' },
  },
  {
    about: 'an unknown field on a component',
    write: (doc) => addComponent(doc, 'srv-1', { script: '<x>' }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a __proto__ field on a component',
    write: (doc) => addComponent(doc, 'srv-1', { ['__proto__']: { polluted: true } }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a component id of 65 characters',
    write: (doc) => addComponent(doc, 'c'.repeat(65)),
    expected: { refused: 'id too long' },
  },
  {
    about: 'a component that is a plain object, not a map',
    write: (doc) => doc.getMap('components').set('srv-1', { kind: 'server', name: 'x', '@order': 1 }),
    expected: { refused: 'not a map' },
  },
  {
    about: 'a component with no order',
    write: (doc) =>
      doc.getMap('components').set(
        'srv-1',
        new Y.Map<unknown>([
          ['kind', 'server'],
          ['name', 'x'],
        ]),
      ),
    expected: { refused: 'no order' },
  },
  {
    about: 'a component name of 300 characters',
    write: (doc) => addComponent(doc, 'srv-1', { name: 'N'.repeat(300) }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a component name that is a number',
    write: (doc) => addComponent(doc, 'srv-1', { name: 42 }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a position nested 1,000 objects deep',
    write: (doc) => {
      let deep: unknown = 1;
      for (let i = 0; i < 1000; i += 1) deep = { x: deep };
      addComponent(doc, 'srv-1', { position: deep });
    },
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a shared type nested in a component',
    write: (doc) => addComponent(doc, 'srv-1', { notes: new Y.Text('x') }),
    expected: { refused: 'nested shared type' },
  },
  {
    about: 'a document name of 201 characters',
    write: (doc) => doc.getMap('meta').set('name', 'N'.repeat(201)),
    expected: { refused: 'invalid document field name' },
  },
  {
    about: 'an unknown document field',
    write: (doc) => doc.getMap('meta').set('__proto__', { polluted: true }),
    expected: { refused: 'unknown document field __proto__' },
  },
  {
    about: 'a zone list past its cap (501)',
    write: (doc) => {
      const zones = doc.getMap('zones');
      doc.transact(() => {
        for (let i = 0; i < 501; i += 1)
          zones.set(
            `z-${i}`,
            new Y.Map<unknown>([
              ['name', `Zone ${i}`],
              ['@order', i],
            ]),
          );
      });
    },
    expected: { refused: 'more than 500 zones' },
  },
  {
    about: 'a roster of 101 learners',
    write: (doc) => writeRoster(doc, 101),
    expected: { refused: 'more than 100 learners' },
  },
  {
    about: 'a class of a trainer’s file with 100 learners',
    write: (doc) => {
      doc.getMap('classroom').set('exercise', VALID_EXERCISE_ID);
      doc.getMap('classroom').set('exerciseFile', VALID_EXERCISE_TEXT);
      writeRoster(doc, 100);
    },
    expected: 'accepted',
  },
  {
    about: 'a roster entry that is a shared type',
    write: (doc) => doc.getMap('classroom').set(ENTRY_KEY, new Y.Map()),
    expected: { refused: 'nested shared type' },
  },
];

/** Bytes that are no Yjs update at all (decision 031: `malformed update` closes the sender). */
export const GARBAGE_UPDATES: readonly { readonly about: string; readonly bytes: Uint8Array }[] = [
  { about: 'one byte of 255', bytes: new Uint8Array([255]) },
  { about: 'a claimed length of 2^53', bytes: new Uint8Array([1, 255, 255, 255, 255, 255, 255, 255, 15]) },
  { about: 'text', bytes: new TextEncoder().encode('<script>alert(1)</script>') },
];
