import { readFileSync, statSync } from 'node:fs';
import {
  MAX_FILE_BYTES,
  type ParseError,
  type ParseIssue,
  parseDocument,
  refuseTooLarge,
  type TopologyDocument,
} from '../src/document';
import { extractDocumentText } from '../src/export';

/** Why a file gave no document: a parse refusal, or `unreadable` when the file system said no. */
export interface FileError {
  readonly kind: ParseError['kind'] | 'unreadable';
  readonly message: string;
  readonly issues: readonly ParseIssue[];
}

export type FileResult =
  | { readonly ok: true; readonly document: TopologyDocument }
  | { readonly ok: false; readonly error: FileError };

/**
 * Reads and parses one topology file — JSON, or an SVG or PNG the designer exported — and never
 * throws. A file over the size cap is refused unread.
 */
export function readDocumentFile(path: string): FileResult {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return refuseTooLarge();
    const embedded = extractDocumentText(readFileSync(path));
    if (!embedded.ok)
      return { ok: false, error: { kind: 'not-topology', message: embedded.message, issues: [] } };
    text = embedded.text;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { kind: 'unreadable', message: `Cannot read the file: ${reason}.`, issues: [] },
    };
  }
  return parseDocument(text);
}
