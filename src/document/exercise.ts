import './zod-config';
import { z } from 'zod';
import {
  COMPONENT_KINDS,
  type ComponentKind,
  displayName,
  GOAL_CHECK_TYPES,
  type GoalCheck,
  matrixCell,
  OPTION_CATALOG,
  PROBLEM_CODES,
  STANDBY_MODES,
} from '../domain';
import { FORMAT } from './envelope';
import { EXERCISE_VERSION, exerciseKeysAddedLater, migrateExercise } from './exercise-migrations';
import { isJsonObject, ownValue } from './json';
import { describeJsonSyntaxError } from './json-syntax-error';
import { MAX_COMPONENTS, MAX_REPORTED_ISSUES } from './limits';
import { parseDocument } from './parse';
import type { ParseError, ParseIssue, ParseResult } from './parse-error';
import type { TopologyDocument } from './schema';
import { exceedsUtf8Bytes } from './utf8';
import { describeIssue, toParseIssues } from './zod-issues';

/** The `format` every exercise file carries. */
export const EXERCISE_FORMAT = 'wfm-exercise';
export { EXERCISE_VERSION };

/** Largest exercise file, in UTF-8 bytes (1 MiB): an exercise is a lesson, not a data centre. */
export const MAX_EXERCISE_BYTES = 1024 * 1024;
export const MAX_EXERCISE_ID_LENGTH = 64;
export const MAX_EXERCISE_TITLE_LENGTH = 100;
export const MAX_EXERCISE_SUMMARY_LENGTH = 300;
export const MAX_PARAGRAPHS = 20;
export const MAX_PARAGRAPH_LENGTH = 2000;
export const MAX_GOALS = 20;
export const MAX_GOAL_TEXT_LENGTH = 300;
export const MAX_HINTS = 20;
/** The most points a hint may cost: the score is out of 100. */
export const MAX_HINT_PENALTY = 100;
/** Shortest and longest time limit, in seconds: a minute to a working day. */
export const MIN_TIME_LIMIT = 60;
export const MAX_TIME_LIMIT = 8 * 60 * 60;

const BYTE_ORDER_MARK = '\uFEFF';

const text = (max: number) =>
  z
    .string()
    .refine((value) => value.trim().length > 0, { error: 'must not be empty or only spaces' })
    .refine((value) => value.length <= max, { error: `must be at most ${max} characters` });

const paragraphs = (max: number, what: string) =>
  z.array(text(MAX_PARAGRAPH_LENGTH)).max(max, { error: `must have at most ${max} ${what}` });

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: 'must be lowercase letters, digits and dashes, starting with a letter or digit',
  })
  .max(MAX_EXERCISE_ID_LENGTH, { error: `must be at most ${MAX_EXERCISE_ID_LENGTH} characters` });

const kindSchema = z.enum(COMPONENT_KINDS);
const countSchema = z
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be 0 or more' })
  .max(MAX_COMPONENTS, { error: `must be at most ${MAX_COMPONENTS}` });
const kindListSchema = z
  .array(kindSchema)
  .min(1, { error: 'must name at least one kind' })
  .max(COMPONENT_KINDS.length, { error: `must have at most ${COMPONENT_KINDS.length} kinds` });

// One strict object per goal type: strictness does not inherit, and a typo such as "cout" must be
// reported at its path rather than silently ignored.
const goalCheckSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('valid') }),
  z.strictObject({ type: z.literal('no-problems') }),
  z.strictObject({ type: z.literal('min-components'), kind: kindSchema, count: countSchema }),
  z.strictObject({ type: z.literal('max-components'), kind: kindSchema, count: countSchema }),
  z.strictObject({
    type: z.literal('connection'),
    from: kindSchema,
    to: kindSchema,
    min: countSchema.exactOptional(),
    max: countSchema.exactOptional(),
  }),
  z.strictObject({
    type: z.literal('option'),
    key: z.enum(OPTION_CATALOG.map((option) => option.key)),
    value: z.boolean(),
  }),
  z.strictObject({ type: z.literal('no-problem'), code: z.enum(PROBLEM_CODES) }),
  z.strictObject({ type: z.literal('every-component-connects'), kinds: kindListSchema, to: kindSchema }),
  z.strictObject({ type: z.literal('every-component-reached'), kinds: kindListSchema, from: kindSchema }),
  z.strictObject({
    type: z.literal('host'),
    kind: kindSchema,
    lca: z.boolean().exactOptional(),
    certificate: z.boolean().exactOptional(),
  }),
  z.strictObject({ type: z.literal('backup'), kind: kindSchema, standby: z.enum(STANDBY_MODES) }),
]);

const goalSchema = z.strictObject({
  id: idSchema,
  text: text(MAX_GOAL_TEXT_LENGTH),
  check: goalCheckSchema,
});

const exerciseFileSchema = z.strictObject({
  format: z.literal(EXERCISE_FORMAT),
  version: z.literal(EXERCISE_VERSION),
  id: idSchema,
  title: text(MAX_EXERCISE_TITLE_LENGTH),
  summary: text(MAX_EXERCISE_SUMMARY_LENGTH),
  instructions: paragraphs(MAX_PARAGRAPHS, 'paragraphs').min(1, {
    error: 'must have at least one paragraph',
  }),
  // Checked by parseDocument after this schema, so a start document gets every rule of a topology file.
  start: z.unknown(),
  goals: z
    .array(goalSchema)
    .min(1, { error: 'must have at least one goal' })
    .max(MAX_GOALS, { error: `must have at most ${MAX_GOALS} goals` }),
  hints: paragraphs(MAX_HINTS, 'hints').exactOptional(),
  learned: paragraphs(MAX_PARAGRAPHS, 'items').exactOptional(),
  // The trainer's options (exercise format version 2; the README's "Exercise options").
  quickFixes: z.boolean().exactOptional(),
  hintPenalty: z
    .int({ error: 'must be a whole number of points' })
    .min(0, { error: 'must be 0 or more' })
    .max(MAX_HINT_PENALTY, { error: `must be at most ${MAX_HINT_PENALTY} (the score is out of 100)` })
    .exactOptional(),
  timeLimit: z
    .int({ error: 'must be a whole number of seconds' })
    .min(MIN_TIME_LIMIT, { error: `must be at least ${MIN_TIME_LIMIT} seconds` })
    .max(MAX_TIME_LIMIT, { error: `must be at most ${MAX_TIME_LIMIT} seconds (8 hours)` })
    .exactOptional(),
  liveGoals: z.boolean().exactOptional(),
});

export type ExerciseGoal = z.infer<typeof goalSchema>;

/** An exercise as the app holds it: its start document parsed and checked like any topology file. */
export type Exercise = Omit<z.infer<typeof exerciseFileSchema>, 'start'> & {
  readonly start: TopologyDocument;
};

type Expect<T extends true> = T;
/** Compile-time proof that the schema's goal checks are the domain's: `evaluateGoal` takes them as they are. */
export type GoalSchemaIsDomain = Expect<
  z.infer<typeof goalCheckSchema> extends GoalCheck
    ? GoalCheck['type'] extends z.infer<typeof goalCheckSchema>['type']
      ? true
      : false
    : false
>;

/** Why an exercise file was refused; the panel switches over it. */
export type ExerciseParseErrorKind = 'not-json' | 'not-exercise' | 'newer-version' | 'invalid' | 'too-large';

export interface ExerciseParseError {
  readonly kind: ExerciseParseErrorKind;
  /** One sentence on why the file was refused. */
  readonly message: string;
  /** Paths such as `goals[1].check.count` or `start.connections[0].to`, in file order. */
  readonly issues: readonly ParseIssue[];
}

export type ExerciseParseResult =
  | { readonly ok: true; readonly exercise: Exercise }
  | { readonly ok: false; readonly error: ExerciseParseError };

function refuse(
  kind: ExerciseParseErrorKind,
  message: string,
  issues: readonly ParseIssue[] = [],
): ExerciseParseResult {
  return { ok: false, error: { kind, message, issues: issues.slice(0, MAX_REPORTED_ISSUES) } };
}

function refuseInvalid(issues: readonly ParseIssue[]): ExerciseParseResult {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const listed = issues.length > MAX_REPORTED_ISSUES ? `, the first ${MAX_REPORTED_ISSUES} listed` : '';
  return refuse('invalid', `The file is not a valid exercise (${count}${listed}).`, issues);
}

/** The refusal of a file over `MAX_EXERCISE_BYTES`; the panel uses it to refuse a big file unread. */
export function exerciseTooLarge(): ExerciseParseError {
  return {
    kind: 'too-large',
    message: `The file is larger than ${MAX_EXERCISE_BYTES / (1024 * 1024)} MB, the most an exercise may take.`,
    issues: [],
  };
}

/**
 * Reads an exercise file (`wfm-exercise`, version 1 or 2; the README's "Writing exercises"); a
 * version-1 file is migrated to version 2 first (exercise-migrations.ts). Never
 * throws: a refusal is a value with the paths of what is wrong, as `parseDocument` gives.
 * @example parseExercise(text).ok === false && parseExercise(text).error.issues[0].path === 'start.connections[0].to'
 */
export function parseExercise(fileText: string): ExerciseParseResult {
  if (exceedsUtf8Bytes(fileText, MAX_EXERCISE_BYTES)) return { ok: false, error: exerciseTooLarge() };
  let json: unknown;
  try {
    json = JSON.parse(fileText.startsWith(BYTE_ORDER_MARK) ? fileText.slice(1) : fileText);
  } catch (error) {
    return refuse('not-json', describeJsonSyntaxError(error, fileText));
  }
  if (isJsonObject(json) && ownValue(json, 'format') === FORMAT) {
    return refuse(
      'not-exercise',
      `This is a topology document, not an exercise: open it with Import, or put it in an exercise's "start".`,
      [{ path: 'format', message: `must be "${EXERCISE_FORMAT}"` }],
    );
  }
  if (!isJsonObject(json) || ownValue(json, 'format') !== EXERCISE_FORMAT) {
    return refuse('not-exercise', `This is not an exercise file: "format" is not "${EXERCISE_FORMAT}".`, [
      { path: 'format', message: `must be "${EXERCISE_FORMAT}"` },
    ]);
  }
  const version = ownValue(json, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuseInvalid([{ path: 'version', message: 'must be a whole number, 1 or higher' }]);
  }
  if (version > EXERCISE_VERSION) {
    return refuse(
      'newer-version',
      `This exercise was made by a newer version of the WFM Topology Designer (exercise format version ${version}); this version opens exercise format version ${EXERCISE_VERSION}.`,
    );
  }

  const addedLater = exerciseKeysAddedLater(json, version);
  if (addedLater.length > 0) return refuseInvalid(addedLater);
  const migrated = migrateExercise(json, version);

  // The start document is read even when the rest is refused, so a trainer sees every issue at once.
  const parsed = exerciseFileSchema.safeParse(migrated, { error: describeExerciseIssue });
  const startResult = parseStart(ownValue(migrated, 'start'));
  const startIssues = startResult.ok ? [] : startIssuesOf(startResult.error);
  if (!parsed.success) return refuseInvalid([...toParseIssues(parsed.error.issues), ...startIssues]);
  const { start: _checkedAbove, ...exercise } = parsed.data;
  const issues = [...startIssues, ...findGoalIssues(exercise.goals)];
  if (issues.length > 0 || !startResult.ok) return refuseInvalid(issues);
  return { ok: true, exercise: { ...exercise, start: startResult.document } };
}

/** A refusal of the start document as issues under `start`. */
function startIssuesOf(error: ParseError): ParseIssue[] {
  if (error.issues.length === 0) return [{ path: 'start', message: error.message }];
  return error.issues.map((issue) => ({
    path: issue.path ? `start.${issue.path}` : 'start',
    message: issue.message,
  }));
}

/** The embedded start document, read by `parseDocument` so it meets every rule of a topology file. */
function parseStart(start: unknown): ParseResult {
  if (start === undefined) {
    return refuseDocument('missing: expected a "wfm-topology" document');
  }
  let startText: string;
  try {
    startText = JSON.stringify(start);
  } catch {
    return refuseDocument('cannot be read: it is nested too deeply');
  }
  return parseDocument(startText);
}

function refuseDocument(message: string): ParseResult {
  return { ok: false, error: { kind: 'invalid', message, issues: [] } };
}

/** What the schema cannot see: repeated goal ids, and goals the matrix makes impossible to meet. */
function findGoalIssues(goals: readonly ExerciseGoal[]): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const seen = new Set<string>();
  goals.forEach((goal, index) => {
    if (seen.has(goal.id))
      issues.push({ path: `goals[${index}].id`, message: `duplicate id ${JSON.stringify(goal.id)}` });
    seen.add(goal.id);
    const { check } = goal;
    const at = `goals[${index}].check`;
    if (check.type === 'connection') {
      if ((check.min ?? 1) > 0 && !matrixCell(check.from, check.to)) {
        issues.push({ path: `${at}.to`, message: impossible(check.from, check.to) });
      }
      if (check.max !== undefined && check.max < (check.min ?? 1)) {
        issues.push({ path: `${at}.max`, message: `must be at least min (${check.min ?? 1})` });
      }
    } else if (check.type === 'every-component-connects') {
      check.kinds.forEach((kind, k) => {
        if (!matrixCell(kind, check.to))
          issues.push({ path: `${at}.kinds[${k}]`, message: impossible(kind, check.to) });
      });
    } else if (check.type === 'every-component-reached') {
      check.kinds.forEach((kind, k) => {
        if (!matrixCell(check.from, kind))
          issues.push({ path: `${at}.kinds[${k}]`, message: impossible(check.from, kind) });
      });
    }
  });
  return issues;
}

function impossible(from: ComponentKind, to: ComponentKind): string {
  return `the matrix has no ${displayName(from)} → ${displayName(to)} connection, so this goal could never be met`;
}

/** `describeIssue`, plus the words for an unknown goal type (zod reports it as a union issue). */
function describeExerciseIssue(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'invalid_union' && issue.path?.at(-1) === 'type') {
    // zod hands over the whole goal check as the input, not its `type`.
    const type = isJsonObject(issue.input) ? ownValue(issue.input, 'type') : issue.input;
    const got =
      typeof type === 'string'
        ? `got ${JSON.stringify(type.length > 40 ? `${type.slice(0, 40)}…` : type)}`
        : type === undefined
          ? 'missing'
          : `got ${typeof type}`;
    return `must be one of ${GOAL_CHECK_TYPES.map((type) => JSON.stringify(type)).join(', ')}; ${got}`;
  }
  return describeIssue(issue);
}
