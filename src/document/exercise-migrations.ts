import type { RawDocument } from './json';
import type { ParseIssue } from './parse-error';

// Exercise files carry their own format version (`wfm-exercise`), apart from the topology
// format's: an exercise's start document is migrated by the topology migrations when it is read.
// Version 2 (issue 15) added the trainer's options; a version-1 file had none of them, so it
// migrates by its version number alone and means what it always meant: quick fixes shown, no
// hint penalty, no time limit, goals ticked live.

/** The exercise format version this build reads and writes. */
export const EXERCISE_VERSION = 2;

/** Turns an exercise file of version k into one of version k + 1, `version` included. Pure. */
export type ExerciseMigration = (file: RawDocument) => RawDocument;

/** `EXERCISE_MIGRATIONS[k - 1]` turns version k into version k + 1. */
export const EXERCISE_MIGRATIONS: readonly ExerciseMigration[] = [(file) => ({ ...file, version: 2 })];

/** `ADDED_KEYS[k - 1]`: the top-level keys version k + 1 added, unknown to a file of version k. */
const ADDED_KEYS: readonly (readonly string[])[] = [['quickFixes', 'hintPenalty', 'timeLimit', 'liveGoals']];

/** Brings an exercise file of `fromVersion` (1 ≤ fromVersion ≤ EXERCISE_VERSION) to `EXERCISE_VERSION`. */
export function migrateExercise(file: RawDocument, fromVersion: number): RawDocument {
  return EXERCISE_MIGRATIONS.slice(fromVersion - 1, EXERCISE_VERSION - 1).reduce(
    (migrated, migration) => migration(migrated),
    file,
  );
}

/**
 * Top-level keys an exercise file of `fromVersion` could not have had: refused at their path
 * rather than read as the later version means them, so a trainer who forgot to raise `version`
 * is told so.
 * @example exerciseKeysAddedLater({ version: 1, quickFixes: false }, 1)[0].path === 'quickFixes'
 */
export function exerciseKeysAddedLater(file: RawDocument, fromVersion: number): ParseIssue[] {
  return ADDED_KEYS.slice(fromVersion - 1, EXERCISE_VERSION - 1).flatMap((keys, step) =>
    keys
      .filter((key) => Object.hasOwn(file, key))
      .map((key) => ({
        path: key,
        message: `unknown key in a version-${fromVersion} exercise: it came with exercise format version ${fromVersion + step + 1}; set "version" to ${fromVersion + step + 1}`,
      })),
  );
}
