import { z } from 'zod';
import { createValidationBlock } from '../src/document';
import { defineCommand } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliOutput } from './io';
import { readDocumentFile } from './read-document-file';
import { type FileReport, fileErrorLines, reportLines, toJsonEntry } from './validate-report';
import { toSarif } from './validate-sarif';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const validateCommand = defineCommand({
  name: 'validate',
  synopsis: 'validate FILE... [--format text|json|sarif]',
  summary: 'Check topology files against the WFM 8.5.2 connection rules.',
  details: [
    'Options:',
    '  --format text   one line per problem, then the counts of each file (default)',
    '  --format json   { file, valid, ruleset, counts, problems } for one file, an array of them for several;',
    '                  a file that cannot be read has { file, valid: false, error } and its message on stderr',
    '  --format sarif  a SARIF 2.1.0 log for code scanning: one result per problem, at the line of its',
    '                  component or connection; a file that cannot be read is a tool execution notification',
    '                  and its message on stderr',
    '',
    'Exit codes:',
    '  0  every file is valid (warnings and infos allowed)',
    '  1  at least one file has a problem of severity error',
    '  2  a file could not be read or is not a valid topology document (details on stderr)',
  ],
  options: { format: { type: 'string' } },
  input: z.strictObject({
    positionals: z.array(z.string()).min(1, { error: 'validate needs at least one FILE' }),
    format: z.enum(FORMATS, { error: '--format must be text, json or sarif' }).default('text'),
  }),
  run: ({ positionals, format }, output) => validateFiles(positionals, format, output),
});

function validateFiles(files: readonly string[], format: Format, output: CliOutput): ExitCode {
  // Every file is checked even after a bad one: one run reports everything to fix.
  const reports = files.map(checkFile);
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

function checkFile(file: string): FileReport {
  const result = readDocumentFile(file);
  return result.ok
    ? { file, ok: true, validation: createValidationBlock(result.document), parsed: result }
    : { file, ok: false, error: result.error };
}

/** The highest exit code any file earns: an unusable file outranks one with errors. */
function worstExitCode(reports: readonly FileReport[]): ExitCode {
  if (reports.some((report) => !report.ok)) return EXIT_CODES.unusable;
  if (reports.some((report) => report.ok && !report.validation.valid)) return EXIT_CODES.problems;
  return EXIT_CODES.valid;
}
