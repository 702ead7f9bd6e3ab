import {
  type Exercise,
  parseDocument,
  parseExercise,
  resultChecksumOfExercise,
  serializeDocument,
} from '../document';
import { BUILT_IN_EXERCISES } from '../exercises';
import type { AttemptIdentity, AttemptRead, ExerciseSource, StoredAttempt } from './exercises-storage';

// What it takes to trust a stored attempt (decision 027): its exercise, found again and checked by
// its SHA-256, and numbers the exercise allows. Loaded only when a record is there, or by the
// Exercises panel: the built-in exercises and the exercise schema stay off the first screen's path.

/** The identity an attempt stores of its exercise: its checksum, and a trainer's exercise as a file. */
export function attemptIdentity(exercise: Exercise, source: ExerciseSource): AttemptIdentity {
  return {
    exerciseSum: resultChecksumOfExercise(exercise),
    ...(source === 'file' ? { exerciseFile: exerciseFileText(exercise) } : {}),
  };
}

/** An exercise as the text of a version-2 exercise file. */
export function exerciseFileText(exercise: Exercise): string {
  // The start document in the form the designer writes files, which `parseExercise` reads back.
  const start: unknown = JSON.parse(serializeDocument(exercise.start, { includeValidation: false }));
  return JSON.stringify({ ...exercise, start });
}

function refused(reason: string): AttemptRead {
  return { kind: 'refused', reason };
}

function exerciseOf(record: StoredAttempt): Exercise | null {
  if (record.source === 'built-in') return BUILT_IN_EXERCISES.find((e) => e.id === record.exerciseId) ?? null;
  if (record.exerciseFile === undefined) return null;
  const parsed = parseExercise(record.exerciseFile);
  return parsed.ok ? parsed.exercise : null;
}

/**
 * A stored attempt checked against what it claims: its exercise (a built-in one must still be the
 * same exercise), counts the exercise allows, times not in the future, a readable end document.
 */
export function resolveAttempt(record: StoredAttempt, now: number): AttemptRead {
  const exercise = exerciseOf(record);
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
  let ended: Extract<AttemptRead, { kind: 'ok' }>['attempt']['ended'] = null;
  if (record.ended) {
    const document = parseDocument(record.ended.document);
    if (!document.ok) return refused('the document it kept at the end cannot be read');
    ended = { at: record.ended.at, outcome: record.ended.outcome, document: document.document };
  }
  return {
    kind: 'ok',
    attempt: {
      documentId: record.documentId,
      source: record.source,
      exercise,
      exerciseSum: record.exerciseSum,
      ...(record.exerciseFile !== undefined ? { exerciseFile: record.exerciseFile } : {}),
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
