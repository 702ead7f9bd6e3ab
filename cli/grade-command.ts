import { z } from 'zod';
import {
  type Exercise,
  exerciseTooLarge,
  formatParseIssue,
  type GradeOutcome,
  gradeResult,
  MAX_EXERCISE_BYTES,
  MAX_FILE_BYTES,
  parseExercise,
} from '../src/document';
import { counted } from '../src/domain';
import { defineCommand } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliOutput } from './io';
import { readRegularFile } from './read-regular-file';

// `grade` (issue 15): a trainer re-checks a learner's "Download result" record against the
// exercise file. The record's final document is judged again by the goal checker the designer
// uses, so a result is graded by the exercise the trainer holds, not by what the record claims;
// the checksum and the exercise's id and format version must match first (docs/decisions/027).

/** A result carries a whole document: its cap, plus room for the record around it. */
const MAX_RESULT_BYTES = MAX_FILE_BYTES + 1024 * 1024;

type TextRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly lines: string[] };

/** A regular file's text, capped; never throws. */
function readText(path: string, cap: number, tooLarge: string): TextRead {
  try {
    const read = readRegularFile(path, 4096, () => ({ bytes: cap }));
    if (!read.ok) {
      return {
        ok: false,
        lines: [
          `${path}: ${read.reason === 'not-regular' ? 'This is not a regular file (a device, FIFO, socket or directory): nothing was read.' : tooLarge}`,
        ],
      };
    }
    return { ok: true, text: new TextDecoder().decode(read.bytes) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, lines: [`${path}: Cannot read the file: ${reason}.`] };
  }
}

function readExercise(path: string): { ok: true; exercise: Exercise } | { ok: false; lines: string[] } {
  const read = readText(path, MAX_EXERCISE_BYTES, exerciseTooLarge().message);
  if (!read.ok) return read;
  const parsed = parseExercise(read.text);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    lines: [parsed.error.message, ...parsed.error.issues.map(formatParseIssue)].map(
      (line) => `${path}: ${line}`,
    ),
  };
}

const OUTCOME_WORDS = {
  completed: 'completed',
  'time-up': 'ended at the time limit',
  'handed-in': 'handed in before the end',
} as const;

function gradeLines(resultPath: string, outcome: GradeOutcome & { kind: 'graded' }): string[] {
  const { result, goals, score, passed } = outcome;
  const met = goals.filter((g) => g.met).length;
  return [
    `${resultPath}: ${passed ? 'PASSED' : 'FAILED'} “${result.exercise.title}” (${result.exercise.id})`,
    ...goals.map((goal) => `  ${goal.met ? '✓ met    ' : '✗ not met'}  ${goal.text}`),
    `  Goals met: ${met} of ${goals.length}`,
    `  Score: ${score} of 100 (hints used ${result.hintsUsed} of ${result.hintsAvailable}, ${counted(result.hintPenalty, 'point')} each)`,
    `  Time: ${result.seconds} s${result.timeLimit === null ? '' : ` of ${result.timeLimit} s`} (${OUTCOME_WORDS[result.outcome]}); steps ${result.steps}; Check my work ${result.checks}×`,
    '  Checksum: matches the result and the exercise',
  ];
}

export const gradeCommand = defineCommand({
  name: 'grade',
  synopsis: 'grade RESULT EXERCISE',
  summary: 'Re-check a learner’s exercise result against the exercise file.',
  details: [
    'RESULT is the JSON record the designer’s “Download result” gives at the end of an exercise;',
    'EXERCISE is the exercise file (.wfm-exercise.json) it was made with. The result’s exercise id',
    'and exercise format version must match, and its SHA-256 checksum (over the exercise and the',
    'result) must hold: a result edited by hand is refused. Then its final document is checked',
    'against the exercise’s goals, with the goal checker the designer uses.',
    'The checksum is tamper-evident, not tamper-proof: it shows a hand edit, not a forgery.',
    '',
    'Exit codes:',
    '  0  passed: every goal is met',
    '  1  failed: at least one goal is not met',
    '  2  unusable: a file could not be read, is not a valid result or exercise, belongs to another',
    '     exercise, or its checksum does not match',
  ],
  options: {},
  input: z.strictObject({
    positionals: z.tuple([z.string(), z.string()], { error: 'grade needs a RESULT and an EXERCISE file' }),
  }),
  run: ({ positionals: [resultPath, exercisePath] }, output) => grade(resultPath, exercisePath, output),
});

function grade(resultPath: string, exercisePath: string, output: CliOutput): ExitCode {
  const exercise = readExercise(exercisePath);
  const result = readText(
    resultPath,
    MAX_RESULT_BYTES,
    `The file is larger than ${MAX_RESULT_BYTES / (1024 * 1024)} MB, the most a result may take.`,
  );
  if (!exercise.ok || !result.ok) {
    output.printError([...(result.ok ? [] : result.lines), ...(exercise.ok ? [] : exercise.lines)]);
    return EXIT_CODES.unusable;
  }
  const outcome = gradeResult(result.text, exercise.exercise);
  if (outcome.kind === 'unusable') {
    output.printError(
      [outcome.message, ...outcome.issues.map(formatParseIssue)].map((line) => `${resultPath}: ${line}`),
    );
    return EXIT_CODES.unusable;
  }
  output.print(gradeLines(resultPath, outcome));
  return outcome.passed ? EXIT_CODES.valid : EXIT_CODES.problems;
}
