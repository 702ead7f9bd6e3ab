import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { createResultFile, type Exercise, parseExercise, resultChecksum } from '../src/document';
import { interpretedCharacters } from './testing/interpreted-bytes';
import { createScratch, ROOT, runCliBytes } from './testing/run-cli';

// Hostile exercise and result files given to `wfm-topology grade` as a real process (issue 15's
// files, the quality bar's "every input that crosses a boundary is hostile"): each is refused with
// exit 2 and a message naming the file, nothing crashes, and nothing a terminal acts on reaches
// the output — whatever the trainer's or the learner's file carries.

const scratch = createScratch();
afterAll(() => scratch.remove());

const EXERCISE_FILE = `${ROOT}src/exercises/04-add-a-builder-pool.wfm-exercise.json`;
const EXERCISE_TEXT = readFileSync(EXERCISE_FILE, 'utf8');
const FACTS = {
  outcome: 'completed',
  startedAt: Date.parse('2026-03-02T09:00:00Z'),
  endedAt: Date.parse('2026-03-02T09:04:05Z'),
  hintsUsed: 0,
  steps: 3,
  checks: 0,
} as const;
const ESCAPES = '\u001b[2J\u001b[H\u001b]52;c;cm0gLXJmIH4K\u0007\u202e';

function exerciseFrom(text: string): Exercise {
  const result = parseExercise(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.exercise;
}

function grade(result: string, exercise: string) {
  const run = runCliBytes(['grade', result, exercise]);
  expect(interpretedCharacters(run.stdout)).toEqual([]);
  expect(interpretedCharacters(run.stderr)).toEqual([]);
  expect(run.signal).toBeNull();
  return { code: run.code, stdout: run.stdout.toString(), stderr: run.stderr.toString() };
}

/** A result made by the designer's own module, for the exercise as written in the file. */
function honestResult(exerciseText = EXERCISE_TEXT): string {
  const exercise = exerciseFrom(exerciseText);
  return scratch.write(
    `result-${Math.random().toString(36).slice(2)}.json`,
    createResultFile(exercise, exercise.start, FACTS),
  );
}

test('escape sequences and bidi controls in an exercise and its result are shown made visible', () => {
  const exercise = JSON.parse(EXERCISE_TEXT);
  exercise.title = `Pool${ESCAPES}\nPASSED forged line`;
  exercise.goals[0].text = `Builders${ESCAPES}`;
  const text = JSON.stringify(exercise);
  const file = scratch.write('escapes.wfm-exercise.json', text);
  const run = grade(honestResult(text), file);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('Pool<U+001B>[2J');
  // The forged "PASSED" line is not a line of its own.
  expect(run.stdout.split('\n').filter((line) => line.startsWith('PASSED'))).toEqual([]);
});

test('__proto__ and constructor keys in a result and an exercise are refused or ignored, never obeyed', () => {
  const record = JSON.parse(readFileSync(honestResult(), 'utf8'));
  const polluted = `{"__proto__": {"polluted": true}, ${JSON.stringify(record).slice(1)}`;
  const run = grade(scratch.write('proto-result.json', polluted), EXERCISE_FILE);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('proto-result.json');

  const exercise = `{"constructor": {"prototype": {"polluted": true}}, ${EXERCISE_TEXT.trim().slice(1)}`;
  const exerciseRun = grade(honestResult(), scratch.write('proto.wfm-exercise.json', exercise));
  expect(exerciseRun.code).toBe(2);
  expect(exerciseRun.stderr).toContain('proto.wfm-exercise.json');
});

test('deep nesting, huge numbers and a file far over the size cap are refused without a crash', () => {
  const deep = scratch.write('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
  const deepRun = grade(deep, EXERCISE_FILE);
  expect(deepRun.code).toBe(2);
  expect(deepRun.stderr).toContain('deep.json');

  const record = JSON.parse(readFileSync(honestResult(), 'utf8'));
  const huge = JSON.stringify(record).replace(/"steps":\d+/, '"steps":1e400');
  const hugeRun = grade(scratch.write('huge-number.json', huge), EXERCISE_FILE);
  expect(hugeRun.code).toBe(2);
  expect(hugeRun.stderr).toContain('huge-number.json');

  const big = scratch.write('big.wfm-exercise.json', `${EXERCISE_TEXT}${' '.repeat(40 * 1024 * 1024)}`);
  const bigRun = grade(honestResult(), big);
  expect(bigRun.code).toBe(2);
  expect(bigRun.stderr).toContain('big.wfm-exercise.json');
});

test('a result whose final document breaks the format is refused with the path inside it', () => {
  const record = JSON.parse(readFileSync(honestResult(), 'utf8'));
  record.document.connections = [{ id: 'c-x', from: 'nobody', to: 'nothing' }];
  const edited = grade(scratch.write('dangling.json', JSON.stringify(record)), EXERCISE_FILE);
  expect(edited.code).toBe(2);
  expect(edited.stderr).toContain('dangling.json: The checksum does not match');

  // The checksum is tamper-evident, not tamper-proof: whoever recomputes it still meets the format.
  const { checksum, ...body } = record;
  checksum.value = resultChecksum(exerciseFrom(EXERCISE_TEXT), body);
  const forged = grade(scratch.write('forged.json', JSON.stringify({ ...body, checksum })), EXERCISE_FILE);
  expect(forged.code).toBe(2);
  expect(forged.stderr).toContain(
    "forged.json: The result's final document is not a valid topology document",
  );
  expect(forged.stderr).toMatch(/forged\.json: document\.connections\[0\]\.from: /);
});

test('a result of a future version and a result that is an array are refused, naming what is wrong', () => {
  const record = JSON.parse(readFileSync(honestResult(), 'utf8'));
  record.version = 99;
  const future = grade(scratch.write('future.json', JSON.stringify(record)), EXERCISE_FILE);
  expect(future.code).toBe(2);
  expect(future.stderr).toMatch(/future\.json: .*version/);

  const array = grade(scratch.write('array.json', '[]'), EXERCISE_FILE);
  expect(array.code).toBe(2);
  expect(array.stderr).toContain('array.json');
});
