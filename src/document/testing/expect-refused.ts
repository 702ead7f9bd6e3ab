import { expect } from 'vitest';
import { type ParseError, type ParseErrorKind, parseDocument } from '../index';

/** Parses `text`, expects a refusal of `kind`, and returns the error for further checks. */
export function expectRefused(text: string, kind: ParseErrorKind): ParseError {
  const result = parseDocument(text);
  if (result.ok) throw new Error(`expected a '${kind}' refusal, but the file was accepted`);
  expect(result.error.kind).toBe(kind);
  return result.error;
}

/** Expects an 'invalid' refusal whose issues include one at `path` whose message contains `message`. */
export function expectIssue(text: string, path: string, message = ''): void {
  const error = expectRefused(text, 'invalid');
  expect(error.issues).toContainEqual({ path, message: expect.stringContaining(message) });
}
