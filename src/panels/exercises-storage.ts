import { z } from 'zod';
import { type Exercise, serializeDocument, type TopologyDocument } from '../document';

// An exercise attempt's progress, kept beside the document it belongs to (issue 15, decision 027):
// one record per attempt, keyed by the library document the exercise opened, so a reload (which
// reopens the tab's document, decision 015) resumes it, and Open recent brings it back with its
// document. Written synchronously to `localStorage` on every change, as the library's journal is:
// an IndexedDB write started as the page goes may never land, and a step lost is a step uncounted.
// Read as untrusted input, like every record of the library: a record another version, an
// extension or a hand wrote is refused when it does not fit, and left where it is, never deleted.
// This module is on the first screen's path (the progress is wired at start), so it only reads the
// record's shape; finding and checking its exercise is exercises-resume.ts, loaded when a record
// is there.

export const ATTEMPT_KEY_PREFIX = 'wfm-topology:exercise-attempt:';

/** The web storage the progress lives in; a test hands in its own. */
export type AttemptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type ExerciseSource = 'built-in' | 'file';

/** Which exercise an attempt is of, as it is stored: worked out once, when the attempt starts. */
export interface AttemptIdentity {
  /** SHA-256 of the exercise in canonical form: a built-in exercise changed since makes the record stale. */
  readonly exerciseSum: string;
  /** A trainer's exercise as a version-2 exercise file, so it can be read back; built-in ones are found by id. */
  readonly exerciseFile?: string;
}

/** What an attempt keeps; the panel's state is built from it. */
export interface AttemptRecord extends AttemptIdentity {
  readonly documentId: string;
  readonly source: ExerciseSource;
  readonly exercise: Exercise;
  readonly startedAt: number;
  readonly hintsShown: number;
  readonly steps: number;
  readonly checks: number;
  /** The goals as "Check my work" last marked them, in the exercise's order. */
  readonly lastCheck: { readonly at: number; readonly met: readonly boolean[] } | null;
  readonly finish: { readonly at: number; readonly steps: number; readonly hintsShown: number } | null;
  /**
   * Set when the time limit ended the attempt, or the learner handed it in before meeting every
   * goal: the document as it was then is the result.
   */
  readonly ended: {
    readonly at: number;
    readonly outcome: 'time-up' | 'handed-in';
    readonly document: TopologyDocument;
  } | null;
}

const count = z.int().min(0).max(1_000_000_000);
const time = z.number().finite().min(0).max(8.64e15);

const recordSchema = z.looseObject({
  v: z.literal(1),
  documentId: z.string().min(1).max(100),
  source: z.enum(['built-in', 'file']),
  exerciseId: z.string().min(1).max(64),
  exerciseSum: z.string().regex(/^[0-9a-f]{64}$/),
  exerciseFile: z
    .string()
    .max(1024 * 1024 + 1024)
    .optional(),
  startedAt: time,
  hintsShown: count,
  steps: count,
  checks: count,
  lastCheck: z.object({ at: time, met: z.array(z.boolean()).max(20) }).nullable(),
  finish: z.object({ at: time, steps: count, hintsShown: count }).nullable(),
  ended: z
    .object({
      at: time,
      outcome: z.enum(['time-up', 'handed-in']),
      document: z.string().max(10 * 1024 * 1024),
    })
    .nullable(),
});

/** A stored record whose shape is right; its exercise and numbers are not checked yet. */
export type StoredAttempt = z.infer<typeof recordSchema>;

function keyOf(documentId: string): string {
  return `${ATTEMPT_KEY_PREFIX}${documentId}`;
}

/** The local storage of the page, or `null` where it is off (a policy, an opaque origin). */
export function pageStorage(): AttemptStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Writes an attempt; `false` when storage is off or full (the attempt goes on, unsaved). */
export function saveAttempt(storage: AttemptStorage | null, attempt: AttemptRecord): boolean {
  if (!storage) return false;
  const record: z.input<typeof recordSchema> = {
    v: 1,
    documentId: attempt.documentId,
    source: attempt.source,
    exerciseId: attempt.exercise.id,
    exerciseSum: attempt.exerciseSum,
    ...(attempt.exerciseFile !== undefined ? { exerciseFile: attempt.exerciseFile } : {}),
    startedAt: attempt.startedAt,
    hintsShown: attempt.hintsShown,
    steps: attempt.steps,
    checks: attempt.checks,
    lastCheck: attempt.lastCheck && { at: attempt.lastCheck.at, met: [...attempt.lastCheck.met] },
    finish: attempt.finish,
    ended: attempt.ended && {
      at: attempt.ended.at,
      outcome: attempt.ended.outcome,
      document: serializeDocument(attempt.ended.document, { includeValidation: false, compact: true }),
    },
  };
  try {
    storage.setItem(keyOf(attempt.documentId), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Forgets an attempt the learner left. */
export function removeAttempt(storage: AttemptStorage | null, documentId: string): void {
  try {
    storage?.removeItem(keyOf(documentId));
  } catch {
    // Storage went away: there is nothing left to forget.
  }
}

export type AttemptRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly attempt: AttemptRecord }
  /** A record that is there but cannot be trusted; it stays in storage untouched. */
  | { readonly kind: 'refused'; readonly reason: string };

export type StoredRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'stored'; readonly record: StoredAttempt }
  | { readonly kind: 'refused'; readonly reason: string };

/** The record kept for a document, read through its schema; its exercise is checked by `resolveAttempt`. */
export function readStoredAttempt(storage: AttemptStorage | null, documentId: string): StoredRead {
  let text: string | null;
  try {
    text = storage?.getItem(keyOf(documentId)) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'refused', reason: 'it is not JSON' };
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) return { kind: 'refused', reason: 'it does not have the shape of exercise progress' };
  if (parsed.data.documentId !== documentId)
    return { kind: 'refused', reason: 'it belongs to another document' };
  return { kind: 'stored', record: parsed.data };
}
