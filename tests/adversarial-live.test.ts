import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { classExercise } from '../src/app/class-actions';
import { applyAndCheck } from '../src/collab/check';
import { CLASS_ROOT, classValueProblem, parseClassHash, readClass } from '../src/collab/roster';
import { parseLiveHash } from '../src/live/links';
import { PALETTE, participantsOf, readPresence } from '../src/live/presence';
import { EXERCISE_FILE_CASES, ROSTER_CASES } from './adversarial/class-manifest';
import {
  LINK_CASES,
  type LinkExpected,
  MAX_PARTICIPANTS_SHOWN,
  PRESENCE_CASES,
  type PresenceExpected,
} from './adversarial/live-manifest';
import { expectPrototypesUntouched } from './adversarial/prototypes';
import { GARBAGE_UPDATES, UPDATE_CASES } from './adversarial/update-manifest';

// Issue 16's inputs from other people (tests/adversarial/live-manifest.ts and the two after it): each hostile link
// fragment, awareness state, roster value, exercise file and Yjs update goes through the function
// the page or the server reads it with, and comes to the outcome the manifest gives it; none
// throws, and no built-in prototype changes.

/** What the page makes of a fragment: the live link first, then the class link (src/main.tsx). */
function readLink(hash: string): LinkExpected {
  const live = parseLiveHash(hash);
  const classLink = parseClassHash(hash);
  // A fragment is one kind of link or none: never read as two.
  if (live !== null) expect(classLink).toBeNull();
  if (live === 'damaged' || classLink === 'damaged') return { outcome: 'refused', reason: 'damaged' };
  if (live) return { outcome: 'accepted', kind: live.access, keys: [live.key] };
  if (!classLink) return { outcome: 'ignored' };
  if ('learner' in classLink) {
    const { classKey, x, y } = classLink.learner;
    return { outcome: 'accepted', kind: 'class', keys: [classKey, x, y] };
  }
  const { classKey, x, y, d } = classLink.trainer;
  return { outcome: 'accepted', kind: 'teach', keys: [classKey, x, y, d] };
}

describe('live link fragments', () => {
  test.each(LINK_CASES.map((c) => [c.about, c] as const))('%s', (_, { hash, expected }) => {
    expect(readLink(hash)).toEqual(expected);
    expectPrototypesUntouched();
  });
});

const CLIENT = 7;
const ME = 1;

/** The presence `expected` describes, as readPresence gives it (absent fields absent). */
function presenceOf(expected: Extract<PresenceExpected, { outcome: 'cleaned' }>) {
  const colour = expected.colour === 'fallback' ? PALETTE[CLIENT % PALETTE.length]?.colour : expected.colour;
  return {
    user: { name: expected.name, colour },
    ...(expected.pointer ? { pointer: expected.pointer } : {}),
    ...(expected.view ? { view: expected.view } : {}),
    ...(Array.isArray(expected.selection) ? { selection: expected.selection } : {}),
  };
}

describe('other clients’ awareness states', () => {
  test.each(PRESENCE_CASES.map((c) => [c.about, c] as const))('%s', (_, { json, expected }) => {
    const state: unknown = JSON.parse(json);
    const read = readPresence(CLIENT, state);
    const listed = participantsOf(new Map([[CLIENT, state]]), ME);
    if (expected.outcome === 'ignored') {
      expect(read).toBeNull();
      expect(listed).toEqual([]);
    } else if (expected.selection && !Array.isArray(expected.selection)) {
      const { selection, ...rest } = read ?? {};
      expect(rest).toEqual(presenceOf(expected));
      expect(selection).toHaveLength(expected.selection.length);
    } else {
      expect(read).toEqual(presenceOf(expected));
      expect(listed).toEqual([{ clientId: CLIENT, isMe: false, presence: read }]);
    }
    expectPrototypesUntouched();
  });

  test('one message naming 10,000 participants shows at most 50', () => {
    const states = new Map(
      Array.from({ length: 10_000 }, (_, i) => [i + 2, { user: { name: `Guest ${i}`, colour: '#2165ed' } }]),
    );
    expect(participantsOf(states, ME)).toHaveLength(MAX_PARTICIPANTS_SHOWN);
  });

  test('a state whose fields throw when read hides that participant only', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    const listed = participantsOf(
      new Map<number, unknown>([
        [CLIENT, trap],
        [8, { user: { name: 'Ana', colour: '#2165ed' } }],
      ]),
      ME,
    );
    expect(listed.map((p) => p.presence.user.name)).toEqual(['Ana']);
  });
});

/** The update a peer sends after writing `write` into its own copy of a room. */
function updateOf(write: (doc: Y.Doc) => void): Uint8Array {
  const peer = new Y.Doc();
  write(peer);
  return Y.encodeStateAsUpdate(peer);
}

describe('class roster values', () => {
  test.each(ROSTER_CASES.map((c) => [c.about, c] as const))('%s', (_, { key, json, expected }) => {
    const value: unknown = JSON.parse(json);
    const server = classValueProblem(key, value);
    const page = readClass([[key, value]]);
    if (expected.outcome === 'accepted') {
      expect(server).toBeUndefined();
      if (key === 'exercise') expect(page.exerciseId).toBe(value);
      else expect(page.learners.map((learner) => learner.id)).toEqual([key]);
    } else {
      expect(server).toContain(expected.reason);
      expect(page).toEqual({ exerciseId: undefined, exerciseFile: undefined, learners: [] });
    }
    expectPrototypesUntouched();
  });

  test.each(ROSTER_CASES.filter((c) => c.json.length < 100_000).map((c) => [c.about, c] as const))(
    'as a Yjs update to the server: %s',
    (_, { key, json, expected }) => {
      const update = updateOf((doc) => doc.getMap(CLASS_ROOT).set(key, JSON.parse(json)));
      const problem = applyAndCheck(new Y.Doc(), update);
      if (expected.outcome === 'accepted') expect(problem).toBeUndefined();
      else expect(problem).toContain(expected.reason);
      expectPrototypesUntouched();
    },
  );

  test('a roster of 10,000 entries is read without throwing, at most 100 learners', () => {
    const entries: [string, unknown][] = Array.from({ length: 10_000 }, (_, i) => {
      const [first] = ROSTER_CASES;
      return [`learner:${String(i).padStart(22, '0')}`, JSON.parse(first?.json ?? 'null')];
    });
    expect(readClass(entries).learners).toHaveLength(100);
  });
});

describe('a class’s exercise file', () => {
  test.each(EXERCISE_FILE_CASES.map((c) => [c.about, c] as const))('%s', (_, c) => {
    expect(classValueProblem('exerciseFile', c.file)).toEqual(
      c.server === 'accepted' ? undefined : 'invalid exercise file',
    );
    const read = readClass([
      ['exercise', c.exerciseId],
      ['exerciseFile', c.file],
    ]);
    const found = classExercise(read.exerciseId, read.exerciseFile);
    if (c.page === 'used') {
      expect(found?.source).toBe('file');
      expect(found?.exercise.id).toBe(c.exerciseId);
    } else expect(found).toBeUndefined();
    expectPrototypesUntouched();
  });
});

describe('other clients’ Yjs updates, as the server checks them', () => {
  test.each(UPDATE_CASES.map((c) => [c.about, c] as const))('%s', (_, { write, expected }) => {
    const problem = applyAndCheck(new Y.Doc(), updateOf(write));
    if (expected === 'accepted') expect(problem).toBeUndefined();
    else expect(problem).toContain(expected.refused);
    expectPrototypesUntouched();
  });

  test.each(GARBAGE_UPDATES.map((c) => [c.about, c] as const))(
    'bytes that are no update: %s',
    (_, { bytes }) => {
      const shadow = new Y.Doc();
      expect(applyAndCheck(shadow, bytes)).toBeDefined();
      expectPrototypesUntouched();
    },
  );
});
