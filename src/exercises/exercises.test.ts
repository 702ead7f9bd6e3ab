import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { type Exercise, parseDocument, parseExercise } from '../document';
import { allGoalsMet, countBySeverity, evaluateGoals, validate } from '../domain';
import { BUILT_IN_EXERCISES, BUILT_IN_FAILURES } from './index';

// A scripted solution per exercise: `solutions/<exercise id>.wfm.json`, an ordinary topology file.
const SOLUTIONS: Readonly<Record<string, string>> = import.meta.glob('./solutions/*.wfm.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function solutionOf(exercise: Exercise) {
  const text = SOLUTIONS[`./solutions/${exercise.id}.wfm.json`];
  if (text === undefined) throw new Error(`no solutions/${exercise.id}.wfm.json`);
  const result = parseDocument(text);
  if (!result.ok) throw new Error(`solutions/${exercise.id}.wfm.json: ${result.error.message}`);
  return result.document;
}

const cases = BUILT_IN_EXERCISES.map((exercise) => [exercise.title, exercise] as const);

test('every built-in exercise file parses', () => {
  expect(BUILT_IN_FAILURES).toEqual([]);
});

test('there are at least five built-in exercises, with unique ids and titles', () => {
  expect(BUILT_IN_EXERCISES.length).toBeGreaterThanOrEqual(5);
  expect(new Set(BUILT_IN_EXERCISES.map((e) => e.id)).size).toBe(BUILT_IN_EXERCISES.length);
  expect(new Set(BUILT_IN_EXERCISES.map((e) => e.title)).size).toBe(BUILT_IN_EXERCISES.length);
});

test('the exercises the issue asks for are there, in order', () => {
  expect(BUILT_IN_EXERCISES.slice(0, 5).map((e) => e.title)).toEqual([
    'Build a minimal single site',
    'Fix a broken deployment',
    'Add scheduled reporting',
    'Add a Builder pool',
    'Enable the Management Layer',
  ]);
});

test.each(cases)('“%s” does not start solved', (_title, exercise) => {
  expect(allGoalsMet(evaluateGoals(exercise.start, exercise.goals))).toBe(false);
});

test.each(cases)('“%s” has hints and says what it teaches', (_title, exercise) => {
  expect(exercise.hints?.length ?? 0).toBeGreaterThan(0);
  expect(exercise.learned?.length ?? 0).toBeGreaterThan(0);
});

test.each(cases)('the scripted solution of “%s” meets every goal and has no errors', (_title, exercise) => {
  const solution = solutionOf(exercise);
  const results = evaluateGoals(solution, exercise.goals);
  expect(results.filter((r) => !r.met).map((r) => r.goal.id)).toEqual([]);
  expect(countBySeverity(validate(solution)).error).toBe(0);
});

test('every solution file belongs to an exercise', () => {
  const ids = new Set(BUILT_IN_EXERCISES.map((e) => `./solutions/${e.id}.wfm.json`));
  expect(Object.keys(SOLUTIONS).filter((file) => !ids.has(file))).toEqual([]);
});

test('the broken deployment starts with forbidden, duplicate and missing connections', () => {
  const broken = BUILT_IN_EXERCISES.find((e) => e.id === 'fix-a-broken-deployment');
  const codes = new Set(validate(broken?.start ?? { components: [], connections: [] }).map((p) => p.code));
  expect(codes).toEqual(new Set(['forbidden-connection', 'duplicate-connection', 'missing-connection']));
});

test('the Management Layer exercise starts with a management-layer-off warning', () => {
  const layer = BUILT_IN_EXERCISES.find((e) => e.id === 'enable-the-management-layer');
  expect(validate(layer?.start ?? { components: [], connections: [] }).map((p) => p.code)).toEqual([
    'management-layer-off',
  ]);
});

test('the complete example in the README is a valid exercise that does not start solved', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Writing exercises'), readme.indexOf('## For developers'));
  const example = /A complete small exercise:\s*```json\n([\s\S]*?)```/.exec(section)?.[1];
  const result = parseExercise(example ?? '');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(allGoalsMet(evaluateGoals(result.exercise.start, result.exercise.goals))).toBe(false);
});

function builtIn(id: string): Exercise {
  const exercise = BUILT_IN_EXERCISES.find((e) => e.id === id);
  if (!exercise) throw new Error(`no built-in exercise ${id}`);
  return exercise;
}

test('the exercises issue 15 asks for are there: an HA pair, hosts and ports, 8.5.1 to 8.5.2', () => {
  expect(BUILT_IN_EXERCISES.slice(7, 10).map((e) => e.title)).toEqual([
    'Give the WFM Server a warm standby',
    'Sort out hosts and port conflicts',
    'Move a design from 8.5.1 to 8.5.2',
  ]);
});

test('“Fix a broken deployment” is solved by hand: its quick fixes are off (issue 15)', () => {
  expect(builtIn('fix-a-broken-deployment').quickFixes).toBe(false);
});

test('the HA pair exercise starts clean and its solution puts the standby on another host', () => {
  const exercise = builtIn('make-the-wfm-server-highly-available');
  expect(validate(exercise.start)).toEqual([]);
  const solution = solutionOf(exercise);
  const backup = solution.components.find((c) => c.backupOf !== undefined);
  const primary = solution.components.find((c) => c.id === backup?.backupOf);
  expect(backup).toMatchObject({ kind: 'server', standby: 'warm' });
  expect(backup?.host).not.toBe(primary?.host);
});

test('the ports exercise starts with three port conflicts and nothing else', () => {
  const codes = validate(builtIn('resolve-port-conflicts').start).map((p) => p.code);
  expect(codes).toEqual(['port-conflict', 'port-conflict', 'port-conflict']);
});

test('the 8.5.2 exercise starts on 8.5.1, and its solution only passes under 8.5.2', () => {
  const exercise = builtIn('move-a-design-to-8-5-2');
  expect(exercise.start.ruleset).toBe('wfm-8.5.1');
  const solution = solutionOf(exercise);
  expect(solution.ruleset).toBe('wfm-8.5.2');
  // The same drawing judged by 8.5.1: the second Data Aggregator and the standby are refused.
  const on851 = { ...solution, ruleset: 'wfm-8.5.1' as const };
  const unmet = evaluateGoals(on851, exercise.goals).filter((r) => !r.met);
  expect(unmet.map((r) => r.goal.id)).toEqual(['ha-allowed', 'not-too-many', 'clean']);
});
