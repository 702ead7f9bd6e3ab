import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_EXERCISE_BYTES } from '../document';
import { applyAndCheck } from './check';
import {
  CLASS_ROOT,
  classHash,
  classValueProblem,
  EXERCISE_FILE_KEY,
  EXERCISE_KEY,
  learnerName,
  MAX_LEARNER_NAME_LENGTH,
  MAX_LEARNERS,
  parseClassHash,
  readClass,
  teachHash,
} from './roster';

const K = 'a'.repeat(43);
const entry = { name: 'Ada', x: K, y: K, iv: 'i'.repeat(16), box: 'b'.repeat(79) };
const entryKey = (n: number) => `learner:${String(n).padStart(22, '0')}`;

/** A trainer's own exercise file, as a class of it carries it. */
const file = readFileSync(
  fileURLToPath(new URL('../exercises/04-add-a-builder-pool.wfm-exercise.json', import.meta.url)),
  'utf8',
);

/** An update made by a peer writing `write` into a class room. */
function updateOf(write: (root: Y.Map<unknown>, ydoc: Y.Doc) => void): Uint8Array {
  const ydoc = new Y.Doc();
  write(ydoc.getMap(CLASS_ROOT), ydoc);
  return Y.encodeStateAsUpdate(ydoc);
}

describe('the class roster', () => {
  it('accepts the exercise and well-formed entries', () => {
    expect(classValueProblem(EXERCISE_KEY, '01-minimal-single-site')).toBeUndefined();
    expect(classValueProblem(entryKey(1), entry)).toBeUndefined();
  });

  it('refuses garbage: unknown keys, extra fields, long or control-character names, wrong sizes', () => {
    expect(classValueProblem('admin', 'x')).toBeDefined();
    expect(classValueProblem(EXERCISE_KEY, '../../etc')).toBeDefined();
    expect(classValueProblem(EXERCISE_KEY, { id: 1 })).toBeDefined();
    expect(classValueProblem(entryKey(1), { ...entry, extra: 1 })).toBeDefined();
    expect(classValueProblem(entryKey(1), { ...entry, name: 'x'.repeat(61) })).toBeDefined();
    expect(classValueProblem(entryKey(1), { ...entry, name: 'a\u0000b' })).toBeDefined();
    expect(classValueProblem(entryKey(1), { ...entry, name: '   ' })).toBeDefined();
    expect(classValueProblem(entryKey(1), { ...entry, box: 'b'.repeat(80) })).toBeDefined();
    expect(classValueProblem(entryKey(1), { ...entry, iv: '+'.repeat(16) })).toBeDefined();
    expect(classValueProblem(entryKey(1), null)).toBeDefined();
    expect(classValueProblem(entryKey(1), 'a string')).toBeDefined();
  });

  it('reads back only the well-formed entries, in order, capped, without throwing', () => {
    const garbage: [string, unknown][] = [
      [EXERCISE_KEY, 42],
      ['learner:short', entry],
      [entryKey(2), { ...entry, name: 7 }],
      [entryKey(3), entry],
      [entryKey(1), { ...entry, name: 'Bob' }],
      ['__proto__', entry],
    ];
    const read = readClass(garbage);
    expect(read.exerciseId).toBeUndefined();
    expect(read.learners.map((l) => [l.id, l.name])).toEqual([
      [entryKey(1), 'Bob'],
      [entryKey(3), 'Ada'],
    ]);
    const many = Array.from({ length: MAX_LEARNERS + 20 }, (_, n): [string, unknown] => [entryKey(n), entry]);
    expect(readClass(many).learners).toHaveLength(MAX_LEARNERS);
  });

  it('is checked by the server: a good roster passes, garbage and other roots are refused', () => {
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => {
          root.set(EXERCISE_KEY, '01-minimal-single-site');
          root.set(entryKey(1), entry);
        }),
      ),
    ).toBeUndefined();
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => root.set(entryKey(1), { ...entry, box: 1 })),
      ),
    ).toMatch(/invalid roster entry/);
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => root.set('secret', 'x')),
      ),
    ).toMatch(/unknown class field/);
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => root.set(entryKey(1), new Y.Map())),
      ),
    ).toMatch(/nested/);
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => {
          for (let n = 0; n <= MAX_LEARNERS + 1; n++) root.set(entryKey(n), entry);
        }),
      ),
    ).toMatch(/more than/);
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((_, ydoc) => ydoc.getMap('roster').set('a', 1)),
      ),
    ).toMatch(/unknown root/);
  });
});

describe('learners’ names and the roster’s size (decision 036)', () => {
  it('refuses a name with bidi controls or invisible characters, and a learner’s page takes them out', () => {
    for (const name of ['Ada\u202Egnp.exe', '\u2067Ada', 'Ada\u061C', 'A\u200Bda', 'A\uFEFFda']) {
      expect(classValueProblem(entryKey(1), { ...entry, name })).toBe(`invalid roster entry ${entryKey(1)}`);
      expect(classValueProblem(entryKey(1), { ...entry, name: learnerName(name) })).toBeUndefined();
    }
    expect(learnerName('  Ada\u202E   Lovelace\u200B ')).toBe('Ada Lovelace');
    expect(learnerName('N'.repeat(100))).toHaveLength(MAX_LEARNER_NAME_LENGTH);
    expect(learnerName(`${'N'.repeat(59)}🙂`)).toBe('N'.repeat(59));
  });

  it('counts learners, not the exercise and its file: 100 learners in a class of a file, never 101', () => {
    const learners = (count: number) => (root: Y.Map<unknown>) => {
      for (let n = 0; n < count; n++) root.set(entryKey(n), entry);
    };
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => {
          root.set(EXERCISE_KEY, 'add-a-builder-pool');
          root.set(EXERCISE_FILE_KEY, file);
          learners(MAX_LEARNERS)(root);
        }),
      ),
    ).toBeUndefined();
    expect(applyAndCheck(new Y.Doc(), updateOf(learners(MAX_LEARNERS + 1)))).toBe(
      `more than ${MAX_LEARNERS} learners`,
    );
  });
});

describe("a trainer's own exercise file in the class", () => {
  it('is accepted when it is a valid exercise file, refused otherwise', () => {
    expect(classValueProblem(EXERCISE_FILE_KEY, file)).toBeUndefined();
    expect(classValueProblem(EXERCISE_FILE_KEY, '{"format":"wfm-exercise"}')).toBe('invalid exercise file');
    expect(classValueProblem(EXERCISE_FILE_KEY, 'not json')).toBe('invalid exercise file');
    expect(classValueProblem(EXERCISE_FILE_KEY, { format: 'wfm-exercise' })).toBe('invalid exercise file');
    expect(classValueProblem(EXERCISE_FILE_KEY, ' '.repeat(MAX_EXERCISE_BYTES + 1))).toBe(
      'invalid exercise file',
    );
  });

  it('is checked by the server like the roster', () => {
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => {
          root.set(EXERCISE_KEY, 'add-a-builder-pool');
          root.set(EXERCISE_FILE_KEY, file);
        }),
      ),
    ).toBeUndefined();
    expect(
      applyAndCheck(
        new Y.Doc(),
        updateOf((root) => root.set(EXERCISE_FILE_KEY, file.replace('"goals"', '"gaols"'))),
      ),
    ).toMatch(/invalid exercise file/);
  });

  it('is read back as text (to be parsed like any file), and left out when it is not text', () => {
    expect(readClass([[EXERCISE_FILE_KEY, file]]).exerciseFile).toBe(file);
    expect(readClass([[EXERCISE_FILE_KEY, 42]]).exerciseFile).toBeUndefined();
    expect(readClass([]).exerciseFile).toBeUndefined();
  });
});

describe('class links', () => {
  it('round-trips the class and trainer links and calls malformed ones damaged', () => {
    const link = { classKey: K, x: 'x'.repeat(43), y: 'y'.repeat(43) };
    expect(parseClassHash(classHash(link))).toEqual({ learner: link });
    expect(parseClassHash(teachHash({ ...link, d: 'd'.repeat(43) }))).toEqual({
      trainer: { ...link, d: 'd'.repeat(43) },
    });
    expect(parseClassHash(`${classHash(link)}.${K}`)).toBe('damaged');
    expect(parseClassHash('#class=abc')).toBe('damaged');
    expect(parseClassHash(`#teach=${K}.${K}.${K}`)).toBe('damaged');
    expect(parseClassHash('#live=abc')).toBeNull();
  });
});
