import { formatParseIssue, type ValidationBlock } from '../src/document';
import { counted } from '../src/domain';
import type { FileDocument, FileError } from './read-document-file';

/** The outcome of one file: its validation and what it was read from, or why it could not be validated. */
export type FileReport =
  | {
      readonly file: string;
      readonly ok: true;
      readonly validation: ValidationBlock;
      readonly parsed: FileDocument;
    }
  | { readonly file: string; readonly ok: false; readonly error: FileError };

/** Linter-style lines for stdout: one per problem, then the file's counts and the rule set used. */
export function reportLines(report: FileReport & { ok: true }): string[] {
  const { file, validation } = report;
  const lines = validation.problems.map(
    (problem) => `${file}: ${problem.severity} ${problem.code} ${problem.message}`,
  );
  const { error, warning, info } = validation.counts;
  lines.push(
    `${file}: ${counted(error, 'error')}, ${counted(warning, 'warning')}, ${counted(info, 'info')} (${validation.ruleset})`,
  );
  return lines;
}

/** Lines for stderr, each starting with the file so a reader of a long log knows which one. */
export function fileErrorLines(file: string, error: FileError): string[] {
  return [error.message, ...error.issues.map(formatParseIssue)].map((line) => `${file}: ${line}`);
}

/**
 * The JSON entry of one file: `{ file, valid, ruleset, counts, problems }` (rules.md section 6).
 * A file that gave no document has `{ file, valid: false, error: { kind, message, issues } }`
 * instead, so a script reading the array still gets one entry per file, in order.
 */
export function toJsonEntry(report: FileReport) {
  if (!report.ok) {
    const { kind, message, issues } = report.error;
    return { file: report.file, valid: false, error: { kind, message, issues } };
  }
  const { ruleset, valid, counts, problems } = report.validation;
  return { file: report.file, valid, ruleset, counts, problems };
}
