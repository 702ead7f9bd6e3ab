import { MAX_FILE_BYTES, MAX_REPORTED_ISSUES } from './limits';
import type { TopologyDocument } from './schema';

/** Why a file was refused; the UI and the CLI switch over it. */
export type ParseErrorKind = 'not-json' | 'not-topology' | 'newer-version' | 'invalid' | 'too-large';

/** One thing wrong inside the file, at a JS-style path such as `components[2].port`; `''` is the whole file. */
export interface ParseIssue {
  readonly path: string;
  readonly message: string;
}

export interface ParseError {
  readonly kind: ParseErrorKind;
  /** One sentence on why the file was refused. */
  readonly message: string;
  /** At most the first `MAX_REPORTED_ISSUES` issues, in file order. */
  readonly issues: readonly ParseIssue[];
}

export type ParseResult =
  | { readonly ok: true; readonly document: TopologyDocument }
  | { readonly ok: false; readonly error: ParseError };

/** A refusal as a value; keeps only the first issues so a file with 60,000 bad rows stays readable. */
export function refuse(
  kind: ParseErrorKind,
  message: string,
  issues: readonly ParseIssue[] = [],
): ParseResult {
  return { ok: false, error: { kind, message, issues: issues.slice(0, MAX_REPORTED_ISSUES) } };
}

/**
 * The refusal of a file over its cap: `MAX_FILE_BYTES` for a topology file. The CLI uses it too,
 * with the cap of the format it found, to refuse a file it stopped reading.
 * @example refuseTooLarge(MAX_PNG_FILE_BYTES, 'a PNG exported by the designer')
 */
export function refuseTooLarge(limit = MAX_FILE_BYTES, what = 'a topology file'): ParseResult {
  return refuse(
    'too-large',
    `The file is larger than ${limit / (1024 * 1024)} MB, the most ${what} may take.`,
  );
}

/** An issue as one line: `components[2].port: must be an integer from 1 to 65535`. */
export function formatParseIssue(issue: ParseIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/**
 * A refusal in plain text: the reason on the first line, then one line per issue.
 * @example formatParseError(error) // 'The file is not a valid topology document (1 issue).\nconnections[3].to: no component with id "srv-9"'
 */
export function formatParseError(error: ParseError): string {
  return [error.message, ...error.issues.map(formatParseIssue)].join('\n');
}
