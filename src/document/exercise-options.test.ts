import { expect, test } from 'vitest';
import { parseExercise } from './exercise';
import { EXERCISE_MIGRATIONS, EXERCISE_VERSION, migrateExercise } from './exercise-migrations';
import { validFile } from './testing/files';

// The trainer's options of exercise format version 2 (issue 15) and the migration from version 1.

function exercise(version: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'wfm-exercise',
    version,
    id: 'pool',
    title: 'Add a Builder pool',
    summary: 'Give the WFM Server three WFM Builders.',
    instructions: ['Add two more WFM Builders.'],
    start: validFile(),
    goals: [
      { id: 'three', text: 'Three Builders', check: { type: 'min-components', kind: 'builder', count: 3 } },
    ],
    ...extra,
  });
}

function issuesOf(text: string) {
  const result = parseExercise(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.error.issues;
}

test('the exercise format is at version 2, with one migration per version', () => {
  expect(EXERCISE_VERSION).toBe(2);
  expect(EXERCISE_MIGRATIONS).toHaveLength(EXERCISE_VERSION - 1);
});

test('a version-1 exercise migrates to version 2 and means what it meant: no options set', () => {
  const result = parseExercise(exercise(1));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(result.exercise.version).toBe(2);
  expect(result.exercise.quickFixes).toBeUndefined();
  expect(result.exercise.hintPenalty).toBeUndefined();
  expect(result.exercise.timeLimit).toBeUndefined();
  expect(result.exercise.liveGoals).toBeUndefined();
});

test('the migration is pure: it builds a new object', () => {
  const v1 = Object.freeze({ format: 'wfm-exercise', version: 1, id: 'x' });
  expect(migrateExercise(v1, 1)).toEqual({ format: 'wfm-exercise', version: 2, id: 'x' });
  expect(v1.version).toBe(1);
});

test('a version-2 exercise reads its options', () => {
  const result = parseExercise(
    exercise(2, { quickFixes: false, hintPenalty: 10, timeLimit: 900, liveGoals: false }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(result.exercise).toMatchObject({
    quickFixes: false,
    hintPenalty: 10,
    timeLimit: 900,
    liveGoals: false,
  });
});

test('a version-1 file with an option of version 2 is told to raise its version, at the key', () => {
  expect(issuesOf(exercise(1, { quickFixes: false }))).toEqual([
    { path: 'quickFixes', message: expect.stringContaining('set "version" to 2') },
  ]);
});

test.each([
  [{ quickFixes: 'no' }, 'quickFixes', ''],
  [{ hintPenalty: -1 }, 'hintPenalty', 'must be 0 or more'],
  [{ hintPenalty: 2.5 }, 'hintPenalty', 'whole number'],
  [{ hintPenalty: 101 }, 'hintPenalty', 'at most 100'],
  [{ timeLimit: 30 }, 'timeLimit', 'at least 60 seconds'],
  [{ timeLimit: 100000 }, 'timeLimit', 'at most 28800 seconds'],
  [{ timeLimit: '15 min' }, 'timeLimit', ''],
  [{ liveGoals: 0 }, 'liveGoals', ''],
  [{ hintPenalties: 5 }, 'hintPenalties', 'unknown key'],
])('a wrong option %j is refused at its path', (extra, path, message) => {
  expect(issuesOf(exercise(2, extra))).toContainEqual({ path, message: expect.stringContaining(message) });
});
