import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  createResultFile,
  type Exercise,
  parseDocument,
  parseExercise,
  serializeExercise,
  type TopologyDocument,
} from '../src/document';
import { createScratch, ROOT, runCli } from './testing/run-cli';

// `wfm-topology grade RESULT EXERCISE` as a real process over real files (issue 15): the results
// are made by the module the designer's "Download result" uses.

const EXERCISE_FILE = `${ROOT}src/exercises/04-add-a-builder-pool.wfm-exercise.json`;
const SOLUTION_FILE = `${ROOT}src/exercises/solutions/add-a-builder-pool.wfm.json`;
const FACTS = {
  outcome: 'completed',
  startedAt: Date.parse('2026-03-02T09:00:00Z'),
  endedAt: Date.parse('2026-03-02T09:04:05Z'),
  hintsUsed: 1,
  steps: 9,
  checks: 1,
} as const;

function exercise(): Exercise {
  const result = parseExercise(readFileSync(EXERCISE_FILE, 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.exercise;
}

function solution(): TopologyDocument {
  const result = parseDocument(readFileSync(SOLUTION_FILE, 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

let scratch: ReturnType<typeof createScratch>;
beforeEach(() => {
  scratch = createScratch();
});
afterEach(() => scratch.remove());

test('a result whose final document meets every goal passes: exit 0 and the goals listed', () => {
  const result = scratch.write('result.json', createResultFile(exercise(), solution(), FACTS));
  const run = runCli(['grade', result, EXERCISE_FILE]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('PASSED “Add a Builder pool” (add-a-builder-pool)');
  expect(run.stdout).toContain('✓ met      At least three WFM Builders');
  expect(run.stdout).toContain('Goals met: 4 of 4');
  expect(run.stdout).toContain('Time: 245 s');
  expect(run.stdout).toContain('Checksum: matches');
});

test('a penalty of one point a hint is written in the singular', () => {
  const onePoint: Exercise = { ...exercise(), hintPenalty: 1 };
  const exerciseFile = scratch.write('one-point.wfm-exercise.json', serializeExercise(onePoint));
  const result = scratch.write('result.json', createResultFile(onePoint, solution(), FACTS));
  const run = runCli(['grade', result, exerciseFile]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('(hints used 1 of 3, 1 point each)');
});

test('a result that misses a goal fails: exit 1, naming the goal not met', () => {
  const result = scratch.write(
    'result.json',
    createResultFile(exercise(), exercise().start, { ...FACTS, outcome: 'time-up' }),
  );
  const run = runCli(['grade', result, EXERCISE_FILE]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('FAILED');
  expect(run.stdout).toContain('✗ not met  At least three WFM Builders');
  expect(run.stdout).toContain('ended at the time limit');
});

test('a result edited by hand is unusable: exit 2, naming the checksum and the file', () => {
  const record = JSON.parse(createResultFile(exercise(), exercise().start, FACTS));
  record.document.components.push({ id: 'bld-9', kind: 'builder', name: 'WFM_Builder_9' });
  const result = scratch.write('edited.json', JSON.stringify(record, null, 2));
  const run = runCli(['grade', result, EXERCISE_FILE]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`${result}: The checksum does not match`);
  expect(run.stderr).toContain(`${result}: checksum.value: does not match the result and the exercise`);
});

test('a result graded against another exercise, or an edited exercise, is unusable', () => {
  const result = scratch.write('result.json', createResultFile(exercise(), solution(), FACTS));
  const other = `${ROOT}src/exercises/01-minimal-single-site.wfm-exercise.json`;
  const wrong = runCli(['grade', result, other]);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('exercise.id: must be "minimal-single-site"');

  const easier = scratch.write(
    'easier.wfm-exercise.json',
    readFileSync(EXERCISE_FILE, 'utf8').replace('"count": 3', '"count": 2'),
  );
  expect(readFileSync(easier, 'utf8')).not.toBe(readFileSync(EXERCISE_FILE, 'utf8'));
  const edited = runCli(['grade', result, easier]);
  expect(edited.code).toBe(2);
  expect(edited.stderr).toContain('The checksum does not match');
});

test('unreadable and invalid files are unusable, with the problem and its path', () => {
  const result = scratch.write('result.json', createResultFile(exercise(), solution(), FACTS));
  const missing = runCli(['grade', `${scratch.folder}/none.json`, EXERCISE_FILE]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain(`${scratch.folder}/none.json: Cannot read the file`);

  const notes = scratch.write('notes.md', '# My result\n');
  expect(runCli(['grade', notes, EXERCISE_FILE])).toMatchObject({
    code: 2,
    stderr: `${notes}: The result is not JSON.\n`,
  });

  const badExercise = scratch.write(
    'bad.wfm-exercise.json',
    JSON.stringify({ format: 'wfm-exercise', version: 2 }),
  );
  const bad = runCli(['grade', result, badExercise]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain(`${badExercise}: The file is not a valid exercise`);
  expect(bad.stderr).toContain(`${badExercise}: id:`);

  const record = JSON.parse(readFileSync(result, 'utf8'));
  record.hintsUsed = 'none';
  const invalid = scratch.write('invalid.json', JSON.stringify(record));
  expect(runCli(['grade', invalid, EXERCISE_FILE]).stderr).toContain(`${invalid}: hintsUsed:`);
});

test('grade needs two files, and --help gives its exit codes', () => {
  expect(runCli(['grade', 'only-one.json']).code).toBe(2);
  const help = runCli(['grade', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: wfm-topology grade RESULT EXERCISE/);
  expect(help.stdout).toContain('1  failed: at least one goal is not met');
  expect(runCli(['--help']).stdout).toContain('grade RESULT EXERCISE');
});
