import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseDocument, type TopologyDocument } from '../../document';
import { countBySeverity, evaluateGoal, type GoalCheck, validate } from '../../domain';
import {
  type BackupGoalCheck,
  type HostGoalCheck,
  meetsBackupGoal,
  meetsHostGoal,
} from '../host-backup-goals';

// TODO(issue 13): this exercise uses the `host` and `backup` goal checks, which `parseExercise`
// reads only once src/domain/goals.ts and src/document/exercise.ts have them. Then move the file
// and its solution up one folder (it becomes built-in) and delete this folder and test.

const FILE = '07-make-the-data-aggregator-highly-available.wfm-exercise.json';
const exercise = JSON.parse(readFileSync(new URL(FILE, import.meta.url), 'utf8'));
type Check = GoalCheck | HostGoalCheck | BackupGoalCheck;

function document(json: unknown): TopologyDocument {
  const result = parseDocument(JSON.stringify(json));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

function met(topology: TopologyDocument, check: Check): boolean {
  if (check.type === 'host') return meetsHostGoal(topology, check);
  if (check.type === 'backup') return meetsBackupGoal(topology, check);
  return evaluateGoal(topology, check);
}

const goals: { id: string; check: Check }[] = exercise.goals;
const solution = document(
  JSON.parse(
    readFileSync(
      new URL('solutions/make-the-data-aggregator-highly-available.wfm.json', import.meta.url),
      'utf8',
    ),
  ),
);

test('“Make the Data Aggregator highly available” does not start solved: it has no backup yet', () => {
  const start = document(exercise.start);
  expect(goals.filter((g) => !met(start, g.check)).map((g) => g.id)).toEqual(['backup', 'two']);
});

test('its scripted solution meets every goal', () => {
  expect(goals.filter((g) => !met(solution, g.check)).map((g) => g.id)).toEqual([]);
});

test('its scripted solution has no errors and no warnings', () => {
  const counts = countBySeverity(validate(solution));
  expect([counts.error, counts.warning]).toEqual([0, 0]);
});
