import { z } from 'zod';
import { createValidationBlock } from '../src/document';
import { RULESET_IDS, type RulesetId } from '../src/domain';
import { defineCommand } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliOutput } from './io';
import { readDocumentFile } from './read-document-file';
import { type FileReport, fileErrorLines, reportLines, toJsonEntry } from './validate-report';
import { toSarif } from './validate-sarif';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** The unknown rule set is named back only as a choice of the known ones: it is CLI input. */
const RULESET_ERROR = `--ruleset must be ${RULESET_IDS.slice(0, -1).join(', ')} or ${RULESET_IDS.at(-1)}`;

export const validateCommand = defineCommand({
  name: 'validate',
  synopsis: `validate FILE... [--format text|json|sarif] [--ruleset ${RULESET_IDS.join('|')}]`,
  summary: 'Check topology files against the WFM connection rules of the release each names.',
  details: [
    'FILE is a topology JSON file of format version 1 or 2, or an SVG or PNG exported by the designer.',
    '',
    'Options:',
    '  --format text   one line per problem, then the counts of each file (default)',
    '  --format json   { file, valid, ruleset, counts, problems } for one file, an array of them for several;',
    '                  a file that cannot be read has { file, valid: false, error } and its message on stderr',
    '  --format sarif  a SARIF 2.1.0 log for code scanning: one result per problem, at the line of its',
    '                  component or connection; a file that cannot be read is a tool execution notification',
    '                  and its message on stderr',
    `  --ruleset ID    judge every file under release ID (${RULESET_IDS.join(', ')}) instead of the one`,
    '                  the file names in "ruleset" (wfm-8.5.2 when it names none), to see what an upgrade or',
    '                  downgrade breaks; the files are not changed. Every format reports the rule set used.',
    '',
    'Exit codes:',
    '  0  every file is valid (warnings and infos allowed)',
    '  1  at least one file has a problem of severity error',
    '  2  a file could not be read or is not a valid topology document (details on stderr)',
  ],
  options: { format: { type: 'string' }, ruleset: { type: 'string' } },
  input: z.strictObject({
    positionals: z.array(z.string()).min(1, { error: 'validate needs at least one FILE' }),
    format: z.enum(FORMATS, { error: '--format must be text, json or sarif' }).default('text'),
    ruleset: z.enum(RULESET_IDS, { error: RULESET_ERROR }).optional(),
  }),
  run: ({ positionals, format, ruleset }, output) => validateFiles(positionals, format, ruleset, output),
});

function validateFiles(
  files: readonly string[],
  format: Format,
  ruleset: RulesetId | undefined,
  output: CliOutput,
): ExitCode {
  // Every file is checked even after a bad one: one run reports everything to fix.
  const reports = files.map((file) => checkFile(file, ruleset));
  for (const report of reports) {
    if (!report.ok) output.printError(fileErrorLines(report.file, report.error));
    else if (format === 'text') output.print(reportLines(report));
  }
  const exitCode = worstExitCode(reports);
  if (format === 'json') {
    const entries = reports.map(toJsonEntry);
    output.printJson(entries.length === 1 ? entries[0] : entries);
  } else if (format === 'sarif') {
    output.printJson(toSarif(reports, exitCode));
  }
  return exitCode;
}

/** `ruleset`, when given, replaces the one the document names: the domain reads `topology.ruleset`. */
function checkFile(file: string, ruleset: RulesetId | undefined): FileReport {
  const result = readDocumentFile(file);
  if (!result.ok) return { file, ok: false, error: result.error };
  const topology = ruleset === undefined ? result.document : { ...result.document, ruleset };
  return { file, ok: true, validation: createValidationBlock(topology), parsed: result };
}

/** The highest exit code any file earns: an unusable file outranks one with errors. */
function worstExitCode(reports: readonly FileReport[]): ExitCode {
  if (reports.some((report) => !report.ok)) return EXIT_CODES.unusable;
  if (reports.some((report) => report.ok && !report.validation.valid)) return EXIT_CODES.problems;
  return EXIT_CODES.valid;
}
