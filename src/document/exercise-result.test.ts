import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { type Exercise, parseExercise } from './exercise';
import {
  canonicalJson,
  createResultFile,
  exerciseScore,
  gradeResult,
  resultChecksum,
} from './exercise-result';
import { parseDocument } from './parse';
import { sha256Hex } from './sha256';
import { validFile } from './testing/files';

const EXERCISE_TEXT = JSON.stringify({
  format: 'wfm-exercise',
  version: 2,
  id: 'pool',
  title: 'Add a Builder pool',
  summary: 'Give the WFM Server two WFM Builders.',
  instructions: ['Add a WFM Builder.'],
  start: validFile(),
  goals: [
    { id: 'two', text: 'Two Builders', check: { type: 'min-components', kind: 'builder', count: 2 } },
    { id: 'valid', text: 'No errors', check: { type: 'valid' } },
  ],
  hints: ['Click WFM Builder.', 'Connect it.'],
  hintPenalty: 15,
  quickFixes: false,
});

function exerciseOf(text: string): Exercise {
  const result = parseExercise(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.exercise;
}

const FACTS = {
  outcome: 'completed',
  startedAt: 1_700_000_000_000,
  endedAt: 1_700_000_125_400,
  hintsUsed: 1,
  steps: 7,
  checks: 2,
} as const;

test('SHA-256 agrees with node:crypto, for ASCII, non-ASCII and block-boundary lengths', () => {
  for (const text of ['', 'abc', 'é→✓ 𝄞', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'y'.repeat(1000)]) {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  }
});

test('canonical JSON sorts keys at every depth and drops nothing else', () => {
  expect(canonicalJson({ b: [{ d: 1, c: 'x' }], a: null })).toBe('{"a":null,"b":[{"c":"x","d":1}]}');
});

test('the score is the share of goals met less the penalty per hint, never below 0', () => {
  expect(exerciseScore({ met: 4, total: 4, hints: 2, penalty: 10 })).toBe(80);
  expect(exerciseScore({ met: 1, total: 2, hints: 0, penalty: 10 })).toBe(50);
  expect(exerciseScore({ met: 1, total: 4, hints: 3, penalty: 50 })).toBe(0);
});

test('a downloaded result records the attempt and grades as passed when the goals are met', () => {
  const exercise = exerciseOf(EXERCISE_TEXT);
  const text = createResultFile(exercise, exercise.start, FACTS);
  const record = JSON.parse(text);
  expect(record).toMatchObject({
    format: 'wfm-exercise-result',
    exercise: { id: 'pool', version: 2 },
    outcome: 'completed',
    seconds: 125,
    hintsUsed: 1,
    hintPenalty: 15,
    steps: 7,
    checks: 2,
    quickFixes: false,
    checksum: { algorithm: 'SHA-256' },
  });
  expect(record.checksum.value).toMatch(/^[0-9a-f]{64}$/);
  // The start has one Builder: not passed, but a usable, untampered record.
  const graded = gradeResult(text, exercise);
  expect(graded).toMatchObject({ kind: 'graded', passed: false });
});

test('a result whose document meets every goal passes', () => {
  const exercise = exerciseOf(
    EXERCISE_TEXT.replace(',{"id":"valid","text":"No errors","check":{"type":"valid"}}', ''),
  );
  expect(exercise.goals).toHaveLength(1);
  const start = validFile();
  const solved = parseDocument(
    JSON.stringify({
      ...start,
      components: [...start.components, { id: 'bld-2', kind: 'builder', name: 'WFM_Builder_2' }],
      connections: [
        ...start.connections,
        { id: 'c-x1', from: 'bld-2', to: 'srv-1' },
        { id: 'c-x2', from: 'srv-1', to: 'bld-2' },
      ],
    }),
  );
  if (!solved.ok) throw new Error(JSON.stringify(solved.error));
  const graded = gradeResult(createResultFile(exercise, solved.document, FACTS), exercise);
  if (graded.kind !== 'graded') throw new Error(graded.message);
  expect(graded).toMatchObject({ passed: true, score: 85, goals: [{ id: 'two', met: true }] });
});

test('a hand edit anywhere in the record, or another exercise, breaks the checksum', () => {
  const exercise = exerciseOf(EXERCISE_TEXT);
  const text = createResultFile(exercise, exercise.start, FACTS);
  // The record as JSON.parse gives it: the edits reach into it as a hand in an editor would.
  type Record = {
    hintsUsed: number;
    document: { components: { name: string }[] };
    goals: { met: boolean }[];
  };
  const edits: ((record: Record) => void)[] = [
    (r) => {
      r.hintsUsed = 0;
    },
    (r) => {
      (r.document.components[0] ?? { name: '' }).name = 'Renamed';
    },
    (r) => {
      (r.goals[0] ?? { met: false }).met = true;
    },
  ];
  for (const edit of edits) {
    const record = JSON.parse(text);
    edit(record);
    expect(gradeResult(JSON.stringify(record), exercise)).toMatchObject({
      kind: 'unusable',
      issues: [{ path: 'checksum.value' }],
    });
  }
  const harder = exerciseOf(EXERCISE_TEXT.replace('"count":2', '"count":1'));
  expect(gradeResult(text, harder)).toMatchObject({ kind: 'unusable', issues: [{ path: 'checksum.value' }] });
  // Layout and key order of the file do not matter: the checksum is over a canonical form.
  const { checksum } = JSON.parse(text);
  expect(resultChecksum(exercise, (({ checksum: _c, ...body }) => body)(JSON.parse(text)))).toBe(
    checksum.value,
  );
  expect(gradeResult(JSON.stringify(JSON.parse(text)), exercise).kind).toBe('graded');
});

test('a result of another exercise, or not a result at all, is unusable with a path', () => {
  const exercise = exerciseOf(EXERCISE_TEXT);
  const other = exerciseOf(EXERCISE_TEXT.replace('"id":"pool"', '"id":"other"'));
  const text = createResultFile(exercise, exercise.start, FACTS);
  expect(gradeResult(text, other)).toMatchObject({ kind: 'unusable', issues: [{ path: 'exercise.id' }] });
  expect(gradeResult('# notes', exercise)).toMatchObject({
    kind: 'unusable',
    message: 'The result is not JSON.',
  });
  expect(gradeResult('{"format":"wfm-topology"}', exercise)).toMatchObject({
    kind: 'unusable',
    issues: [{ path: 'format' }],
  });
  const record = JSON.parse(text);
  record.steps = -1;
  expect(gradeResult(JSON.stringify(record), exercise)).toMatchObject({
    kind: 'unusable',
    issues: [{ path: 'steps' }],
  });
});
