import { z } from 'zod';
import {
  type Exercise,
  parseDocument,
  parseExercise,
  resultChecksumOfExercise,
  serializeDocument,
  type TopologyDocument,
} from '../document';
import { BUILT_IN_EXERCISES } from '../exercises';

// An exercise attempt's progress, kept beside the document it belongs to (issue 15, decision 027):
// one record per attempt, keyed by the library document the exercise opened, so a reload (which
// reopens the tab's document, decision 015) resumes it, and Open recent brings it back with its
// document. Written synchronously to `localStorage` on every change, as the library's journal is:
// an IndexedDB write started as the page goes may never land, and a step lost is a step uncounted.
// Read as untrusted input, like every record of the library: a record another version, an
// extension or a hand wrote is refused when it does not fit, and left where it is, never deleted.

export const ATTEMPT_KEY_PREFIX = 'wfm-topology:exercise-attempt:';

/** The web storage the progress lives in; a test hands in its own. */
export type AttemptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type ExerciseSource = 'built-in' | 'file';

/** What an attempt keeps; the panel's state is built from it. */
export interface AttemptRecord {
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
  /** The exercise's checksum: a built-in exercise changed by a newer version makes the record stale. */
  exerciseSum: z.string().regex(/^[0-9a-f]{64}$/),
  /** A trainer's exercise as an exercise file; built-in ones are found by id. */
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

function keyOf(documentId: string): string {
  return `${ATTEMPT_KEY_PREFIX}${documentId}`;
}

/** An exercise as the text of a version-2 exercise file: a trainer's exercise is kept as that. */
export function exerciseFileText(exercise: Exercise): string {
  return JSON.stringify({
    ...exercise,
    start: JSON.parse(serializeDocument(exercise.start, { includeValidation: false })),
  });
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
    exerciseSum: resultChecksumOfExercise(attempt.exercise),
    ...(attempt.source === 'file' ? { exerciseFile: exerciseFileText(attempt.exercise) } : {}),
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

function refused(reason: string): AttemptRead {
  return { kind: 'refused', reason };
}

/**
 * The attempt kept for a document, read through its schema and checked against what it claims:
 * its key, its exercise (a built-in one must still be the same exercise), counts the exercise
 * allows, times not in the future.
 */
export function loadAttempt(storage: AttemptStorage | null, documentId: string, now: number): AttemptRead {
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
    return refused('it is not JSON');
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) return refused('it does not have the shape of exercise progress');
  const record = parsed.data;
  if (record.documentId !== documentId) return refused('it belongs to another document');
  const exercise = exerciseOfRecord(record);
  if (!exercise) return refused('its exercise cannot be read');
  if (exercise.id !== record.exerciseId || resultChecksumOfExercise(exercise) !== record.exerciseSum)
    return refused('its exercise has changed since it was started');
  const hints = exercise.hints?.length ?? 0;
  const times = [record.startedAt, record.lastCheck?.at, record.finish?.at, record.ended?.at];
  if (times.some((at) => at !== undefined && at > now + 60_000)) return refused('it is dated in the future');
  if (record.hintsShown > hints || (record.finish && record.finish.hintsShown > hints))
    return refused('it counts more hints than the exercise has');
  if (record.lastCheck && record.lastCheck.met.length !== exercise.goals.length)
    return refused('its check does not match the exercise’s goals');
  let ended: AttemptRecord['ended'] = null;
  if (record.ended) {
    const document = parseDocument(record.ended.document);
    if (!document.ok) return refused('the document it kept at the end cannot be read');
    ended = { at: record.ended.at, outcome: record.ended.outcome, document: document.document };
  }
  return {
    kind: 'ok',
    attempt: {
      documentId,
      source: record.source,
      exercise,
      startedAt: record.startedAt,
      hintsShown: record.hintsShown,
      steps: record.steps,
      checks: record.checks,
      lastCheck: record.lastCheck,
      finish: record.finish,
      ended,
    },
  };
}

function exerciseOfRecord(record: z.infer<typeof recordSchema>): Exercise | null {
  if (record.source === 'built-in') return BUILT_IN_EXERCISES.find((e) => e.id === record.exerciseId) ?? null;
  if (record.exerciseFile === undefined) return null;
  const parsed = parseExercise(record.exerciseFile);
  return parsed.ok ? parsed.exercise : null;
}
