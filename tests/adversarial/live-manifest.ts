// The adversarial corpus of the live work (issue 16): what another person can put in front of
// the designer besides a file. Hostile link fragments, other clients' awareness states, roster
// entries of a class, a class's exercise file and other clients' Yjs updates, each with the outcome
// it must come to. The expectations are written from decisions 031–036 and docs/security.md, not
// read back from the code: a change that alters an outcome must change this table too.
// `tests/adversarial-live.test.ts` feeds each to the real parsing function. This file: links and
// awareness states; `class-manifest.ts`: rosters and exercise files; `update-manifest.ts`: updates.

/** A 43-character base64url key, as the links carry (256 bits). */
export const KEY = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
export const KEY_2 = 'QPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba';
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
/** A value as the JSON it travels as. */
export const json = (value: unknown) => JSON.stringify(value);
/** `leaf` inside `depth` arrays, as JSON text. */
export const nested = (depth: number, leaf: string) => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;

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
