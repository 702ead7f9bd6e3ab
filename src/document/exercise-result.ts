import './zod-config';
import { z } from 'zod';
import { allGoalsMet, evaluateGoals } from '../domain';
import type { Exercise } from './exercise';
import { EXERCISE_VERSION } from './exercise-migrations';
import { isJsonObject } from './json';
import { parseDocument } from './parse';
import type { ParseIssue } from './parse-error';
import type { TopologyDocument } from './schema';
import { serializeDocument } from './serialize';
import { sha256Hex } from './sha256';
import { toParseIssues } from './zod-issues';

// The record a learner hands in at the end of an exercise ("Download result", issue 15) and that
// `wfm-topology grade` re-checks. Its checksum is SHA-256 over a canonical serialization of the
// exercise and of the record itself (everything but the checksum), so a trainer sees a record
// edited by hand, or graded against another exercise. Tamper-evident, not tamper-proof: the
// algorithm is public, so someone who reads this file can recompute it (the README says so).

export const RESULT_FORMAT = 'wfm-exercise-result';
export const RESULT_VERSION = 1;
export const CHECKSUM_ALGORITHM = 'SHA-256';

/** How an attempt ended: every goal met, the time limit reached, handed in before either. */
export const RESULT_OUTCOMES = ['completed', 'time-up', 'handed-in'] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];

const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const isoTime = z.iso.datetime({ error: 'must be a date and time such as 2026-01-31T09:00:00.000Z' });

const resultBodySchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  exercise: z.strictObject({
    id: z.string().min(1).max(64),
    version: z.int().min(1),
    title: z.string().max(100),
  }),
  outcome: z.enum(RESULT_OUTCOMES),
  goals: z
    .array(z.strictObject({ id: z.string().max(64), text: z.string().max(300), met: z.boolean() }))
    .max(20),
  goalsMet: count,
  goalsTotal: count,
  startedAt: isoTime,
  endedAt: isoTime,
  seconds: count,
  timeLimit: count.nullable(),
  hintsUsed: count,
  hintsAvailable: count,
  hintPenalty: count,
  score: z.int().min(0).max(100),
  steps: count,
  checks: count,
  quickFixes: z.boolean(),
  // Read by `parseDocument` after this schema, so the final document meets every rule of a file.
  document: z.unknown(),
});

const resultFileSchema = resultBodySchema.extend({
  checksum: z.strictObject({
    algorithm: z.literal(CHECKSUM_ALGORITHM),
    value: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex digits' }),
  }),
});

export type ResultFile = z.infer<typeof resultFileSchema>;
export type ResultBody = z.infer<typeof resultBodySchema>;

/**
 * JSON with object keys sorted (by UTF-16 code units) and no spaces: the same value gives the same
 * text whatever the key order or layout of the file it was read from.
 * @example canonicalJson({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** An exercise as plain JSON, its start document written as the designer writes files. */
function exerciseValue(exercise: Exercise): unknown {
  const start: unknown = JSON.parse(serializeDocument(exercise.start, { includeValidation: false }));
  return { ...exercise, start };
}

/**
 * An exercise as the text of an exercise file, its start document written as the designer writes
 * files: `parseExercise` reads it back to the same exercise (a class carries a trainer's file this way).
 */
export function serializeExercise(exercise: Exercise): string {
  return JSON.stringify(exerciseValue(exercise));
}

/** The SHA-256 of an exercise alone, in canonical form: tells whether two copies are the same exercise. */
export function resultChecksumOfExercise(exercise: Exercise): string {
  return sha256Hex(canonicalJson(exerciseValue(exercise)));
}

/** The checksum of a record's body together with the exercise it is a result of. */
export function resultChecksum(exercise: Exercise, body: ResultBody): string {
  return sha256Hex(canonicalJson({ exercise: exerciseValue(exercise), result: body }));
}

/**
 * The score out of 100: the share of goals met, less the hint penalty per hint shown, never below 0.
 * @example exerciseScore({ met: 4, total: 4, hints: 2, penalty: 10 }) === 80
 */
export function exerciseScore({
  met,
  total,
  hints,
  penalty,
}: {
  met: number;
  total: number;
  hints: number;
  penalty: number;
}): number {
  const share = total === 0 ? 0 : Math.round((100 * met) / total);
  return Math.max(0, share - hints * penalty);
}

export interface AttemptFacts {
  readonly outcome: ResultOutcome;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly hintsUsed: number;
  readonly steps: number;
  readonly checks: number;
}

/** The record of an attempt, checksum included, as the text of the file the learner downloads. */
export function createResultFile(
  exercise: Exercise,
  document: TopologyDocument,
  facts: AttemptFacts,
): string {
  const results = evaluateGoals(document, exercise.goals);
  const goalsMet = results.filter((r) => r.met).length;
  const penalty = exercise.hintPenalty ?? 0;
  const body: ResultBody = {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    exercise: { id: exercise.id, version: EXERCISE_VERSION, title: exercise.title },
    outcome: facts.outcome,
    goals: results.map(({ goal, met }) => ({ id: goal.id, text: goal.text, met })),
    goalsMet,
    goalsTotal: results.length,
    startedAt: new Date(facts.startedAt).toISOString(),
    endedAt: new Date(facts.endedAt).toISOString(),
    seconds: Math.max(0, Math.round((facts.endedAt - facts.startedAt) / 1000)),
    timeLimit: exercise.timeLimit ?? null,
    hintsUsed: facts.hintsUsed,
    hintsAvailable: exercise.hints?.length ?? 0,
    hintPenalty: penalty,
    score: exerciseScore({ met: goalsMet, total: results.length, hints: facts.hintsUsed, penalty }),
    steps: facts.steps,
    checks: facts.checks,
    quickFixes: exercise.quickFixes ?? true,
    document: JSON.parse(serializeDocument(document, { includeValidation: false })),
  };
  const file = {
    ...body,
    checksum: { algorithm: CHECKSUM_ALGORITHM, value: resultChecksum(exercise, body) },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type GradeOutcome =
  | {
      readonly kind: 'graded';
      readonly passed: boolean;
      readonly result: ResultFile;
      /** The goals as re-checked now, against the exercise's goals, in its order. */
      readonly goals: readonly { readonly id: string; readonly text: string; readonly met: boolean }[];
      readonly score: number;
    }
  | { readonly kind: 'unusable'; readonly message: string; readonly issues: readonly ParseIssue[] };

function unusable(message: string, issues: readonly ParseIssue[] = []): GradeOutcome {
  return { kind: 'unusable', message, issues };
}

/**
 * Re-checks a result record against the exercise it claims to be a result of: the record's shape,
 * the exercise's id and format version, the checksum, then the final document against the
 * exercise's goals with the same goal checker the designer uses. `passed` when every goal is met.
 */
export function gradeResult(resultText: string, exercise: Exercise): GradeOutcome {
  let json: unknown;
  try {
    json = JSON.parse(resultText.startsWith('\uFEFF') ? resultText.slice(1) : resultText);
  } catch {
    return unusable('The result is not JSON.');
  }
  if (!isJsonObject(json) || json.format !== RESULT_FORMAT) {
    return unusable(`This is not an exercise result: "format" is not "${RESULT_FORMAT}".`, [
      { path: 'format', message: `must be "${RESULT_FORMAT}"` },
    ]);
  }
  const parsed = resultFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = toParseIssues(parsed.error.issues);
    return unusable(
      `The result is not a valid exercise result (${issues.length === 1 ? '1 issue' : `${issues.length} issues`}).`,
      issues,
    );
  }
  const result = parsed.data;
  if (result.exercise.id !== exercise.id) {
    return unusable(
      `The result is for the exercise ${JSON.stringify(result.exercise.id)}, not ${JSON.stringify(exercise.id)}.`,
      [{ path: 'exercise.id', message: `must be ${JSON.stringify(exercise.id)}` }],
    );
  }
  if (result.exercise.version !== EXERCISE_VERSION) {
    return unusable(
      `The result was made with exercise format version ${result.exercise.version}; this version grades version ${EXERCISE_VERSION}.`,
      [{ path: 'exercise.version', message: `must be ${EXERCISE_VERSION}` }],
    );
  }
  const { checksum, ...body } = result;
  if (resultChecksum(exercise, body) !== checksum.value) {
    return unusable(
      'The checksum does not match: the result was edited after it was downloaded, or it belongs to another version of this exercise.',
      [{ path: 'checksum.value', message: 'does not match the result and the exercise' }],
    );
  }
  const documentResult = parseDocument(JSON.stringify(result.document));
  if (!documentResult.ok) {
    return unusable(
      `The result's final document is not a valid topology document: ${documentResult.error.message}`,
      documentResult.error.issues.map((issue) => ({
        ...issue,
        path: issue.path ? `document.${issue.path}` : 'document',
      })),
    );
  }
  const checked = evaluateGoals(documentResult.document, exercise.goals);
  const goals = checked.map(({ goal, met }) => ({ id: goal.id, text: goal.text, met }));
  const met = goals.filter((g) => g.met).length;
  return {
    kind: 'graded',
    passed: allGoalsMet(checked),
    result,
    goals,
    score: exerciseScore({
      met,
      total: goals.length,
      hints: result.hintsUsed,
      penalty: exercise.hintPenalty ?? 0,
    }),
  };
}
