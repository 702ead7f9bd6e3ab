import { expect, test } from 'vitest';
import { createResultFile, parseExercise, type ResultFile } from '../document';
import { BUILT_IN_EXERCISES } from '../exercises';
import { exerciseFileText } from './exercises-resume';
import { summaryPage } from './exercises-summary-page';

const POOL = BUILT_IN_EXERCISES.find((e) => e.id === 'add-a-builder-pool');

test('the printable summary shows the record’s numbers, goals and checksum, with names escaped', () => {
  if (!POOL) throw new Error('no pool exercise');
  const parsed = parseExercise(exerciseFileText({ ...POOL, title: 'Pool <script>alert(1)</script>' }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const record = JSON.parse(
    createResultFile(parsed.exercise, parsed.exercise.start, {
      outcome: 'time-up',
      startedAt: 0,
      endedAt: 125_000,
      hintsUsed: 2,
      steps: 4,
      checks: 3,
    }),
  ) as ResultFile;
  const page = summaryPage(record);
  expect(page).toContain('<h1>Exercise result</h1>');
  expect(page).toContain('Pool &lt;script&gt;alert(1)&lt;/script&gt;');
  expect(page).not.toContain('<script>');
  expect(page).toContain('Ended at the time limit');
  expect(page).toContain('2 min 05 s');
  expect(page).toContain('✗ not met</span> At least three WFM Builders');
  expect(page).toContain(record.checksum.value);
  expect(page).toContain('tamper-evident');
});

test('a penalty of one point a hint is written in the singular', () => {
  if (!POOL) throw new Error('no pool exercise');
  const parsed = parseExercise(exerciseFileText({ ...POOL, hintPenalty: 1 }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const record = JSON.parse(
    createResultFile(parsed.exercise, parsed.exercise.start, {
      outcome: 'time-up',
      startedAt: 0,
      endedAt: 1000,
      hintsUsed: 1,
      steps: 1,
      checks: 1,
    }),
  ) as ResultFile;
  const page = summaryPage(record);
  expect(page).toContain('(1 point less per hint)');
  expect(page).not.toContain('1 points');
});
