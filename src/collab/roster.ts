import { z } from 'zod';
import { MAX_EXERCISE_BYTES, parseExercise } from '../document';
import { KEY_PATTERN } from './capability';
import { HIDDEN_CHARACTER_CLASS, HIDDEN_CHARACTERS } from './hidden-characters';

// The class room of a classroom (issue 16 item 8, decision 035): an ordinary room whose only root
// is `classroom`, a map holding the exercise of the class and its roster. Each learner writes one
// entry: a name and their own room's edit key sealed to the trainer's public key (class-crypto.ts),
// so the room's other readers (every learner holds the class link) learn names, never keys. Every
// value is hostile: whoever has the class link can write here. The server checks the shape and the
// counts (check.ts), the trainer's page checks them again before it reads anything.

/** The one root of a class room; the server refuses a class room that carries anything else. */
export const CLASS_ROOT = 'classroom';

/** The key of the exercise's id in the class root. */
export const EXERCISE_KEY = 'exercise';
/**
 * The key of a trainer's own exercise file in the class root (absent for a built-in exercise): the
 * file's text, which learners read with `parseExercise` like any exercise file.
 */
export const EXERCISE_FILE_KEY = 'exerciseFile';

/** Entries' keys: `learner:` and 22 base64url characters (16 random bytes). */
export const ENTRY_KEY_PATTERN = /^learner:[A-Za-z0-9_-]{22}$/;

/** More learners than any class has; the server refuses the roster beyond it. */
export const MAX_LEARNERS = 100;
export const MAX_LEARNER_NAME_LENGTH = 60;
/** The built-in exercises' ids: lowercase words and digits. */
export const EXERCISE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const base64url = (length: number) =>
  z
    .string()
    .length(length)
    .regex(/^[A-Za-z0-9_-]+$/);

/**
 * A roster entry as written: the learner's name, the learner's one-off ECDH public key (x and y,
 * base64url of 32 bytes each), the AES-GCM nonce (12 bytes) and the sealed edit key (its 43 characters and
 * the 16-byte tag).
 */
export const rosterEntrySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(MAX_LEARNER_NAME_LENGTH)
    // No control, bidi or invisible characters: a name is shown as text, on one line, as it reads
    // (decision 036). A learner's page takes them out before it writes the entry (learnerName).
    .regex(new RegExp(`^[^${HIDDEN_CHARACTER_CLASS}]+$`, 'u')),
  x: base64url(43),
  y: base64url(43),
  iv: base64url(16),
  box: base64url(79),
});

export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/**
 * A learner's name as their roster entry carries it: hidden characters taken out, spaces
 * collapsed, trimmed, at most MAX_LEARNER_NAME_LENGTH UTF-16 units (no character cut in half).
 * Example: learnerName(' Ada\u202E  Lovelace ') === 'Ada Lovelace'.
 */
export function learnerName(raw: string): string {
  const flat = raw.replace(HIDDEN_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  // Cut in UTF-16 units, as the schema counts, but never between the halves of a character.
  const cut = flat.slice(0, MAX_LEARNER_NAME_LENGTH);
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut).trim();
}

export const exerciseIdSchema = z.string().regex(EXERCISE_ID_PATTERN);

/** Why `value` cannot be the class root's `key`, or undefined when it can (the server's check). */
export function classValueProblem(key: string, value: unknown): string | undefined {
  if (key === EXERCISE_KEY) return exerciseIdSchema.safeParse(value).success ? undefined : 'invalid exercise';
  if (key === EXERCISE_FILE_KEY) return exerciseFileProblem(value);
  if (!ENTRY_KEY_PATTERN.test(key)) return `unknown class field ${key.slice(0, 40)}`;
  return rosterEntrySchema.safeParse(value).success ? undefined : `invalid roster entry ${key}`;
}

/** Why `value` cannot be the class's exercise file, or undefined when it is a valid one. */
function exerciseFileProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_EXERCISE_BYTES) return 'invalid exercise file';
  return parseExercise(value).ok ? undefined : 'invalid exercise file';
}

/** A roster entry read back: its key in the root and its checked contents. */
export interface Learner extends RosterEntry {
  readonly id: string;
}

/**
 * The class root's contents as the trainer's page reads them: the exercise id (undefined when it
 * is missing or malformed) and the well-formed entries, at most MAX_LEARNERS, in key order.
 * Malformed entries are skipped, never thrown on.
 */
export function readClass(entries: Iterable<[string, unknown]>): {
  exerciseId: string | undefined;
  /** A trainer's own exercise file (its text, not yet read), when the class is of one. */
  exerciseFile: string | undefined;
  learners: Learner[];
} {
  let exerciseId: string | undefined;
  let exerciseFile: string | undefined;
  const learners: Learner[] = [];
  for (const [key, value] of entries) {
    if (key === EXERCISE_KEY) {
      const parsed = exerciseIdSchema.safeParse(value);
      if (parsed.success) exerciseId = parsed.data;
      continue;
    }
    if (key === EXERCISE_FILE_KEY) {
      if (typeof value === 'string' && value.length <= MAX_EXERCISE_BYTES) exerciseFile = value;
      continue;
    }
    if (!ENTRY_KEY_PATTERN.test(key)) continue;
    const parsed = rosterEntrySchema.safeParse(value);
    if (parsed.success) learners.push({ id: key, ...parsed.data });
  }
  learners.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { exerciseId, exerciseFile, learners: learners.slice(0, MAX_LEARNERS) };
}

/** The class link's fragment: `#class=<class room edit key>.<trainer key x>.<trainer key y>`. */
export const CLASS_PREFIX = '#class=';
/** The trainer's link: the class link's parts and the private key `d`; never to be shared. */
export const TEACH_PREFIX = '#teach=';

export interface ClassLink {
  readonly classKey: string;
  readonly x: string;
  readonly y: string;
}

export interface TeachLink extends ClassLink {
  readonly d: string;
}

/** The class or trainer link in `hash`, `'damaged'` when it is one but malformed, else null. */
export function parseClassHash(
  hash: string,
): { learner: ClassLink } | { trainer: TeachLink } | 'damaged' | null {
  const prefix = hash.startsWith(CLASS_PREFIX)
    ? CLASS_PREFIX
    : hash.startsWith(TEACH_PREFIX)
      ? TEACH_PREFIX
      : null;
  if (!prefix) return null;
  const parts = hash.slice(prefix.length).split('.');
  if (!parts.every((part) => KEY_PATTERN.test(part))) return 'damaged';
  const [classKey, x, y, d] = parts as [string, string, string, string?];
  if (prefix === CLASS_PREFIX) return parts.length === 3 ? { learner: { classKey, x, y } } : 'damaged';
  return parts.length === 4 && d ? { trainer: { classKey, x, y, d } } : 'damaged';
}

export function classHash(link: ClassLink): string {
  return `${CLASS_PREFIX}${link.classKey}.${link.x}.${link.y}`;
}

export function teachHash(link: TeachLink): string {
  return `${TEACH_PREFIX}${link.classKey}.${link.x}.${link.y}.${link.d}`;
}
