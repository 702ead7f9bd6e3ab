import {
  type ParseError,
  type ParseIssue,
  parseDocument,
  refuseTooLarge,
  type TopologyDocument,
} from '../src/document';
import { extractDocumentText } from '../src/export';
import { capForHead, HEAD_BYTES } from './file-caps';
import { readRegularFile } from './read-regular-file';

/** Why a file gave no document: a parse refusal, or `unreadable` when the file system said no. */
export interface FileError {
  readonly kind: ParseError['kind'] | 'unreadable';
  readonly message: string;
  readonly issues: readonly ParseIssue[];
}

export type FileResult =
  | { readonly ok: true; readonly document: TopologyDocument }
  | { readonly ok: false; readonly error: FileError };

function unreadable(message: string): FileResult {
  return { ok: false, error: { kind: 'unreadable', message, issues: [] } };
}

/**
 * Reads and parses one topology file — JSON, or an SVG or PNG the designer exported — and never
 * throws. Only a regular file is read (a device, a FIFO or a link to one would never end), and no
 * further than the cap of its format.
 */
export function readDocumentFile(path: string): FileResult {
  let text: string;
  try {
    const read = readRegularFile(path, HEAD_BYTES, capForHead);
    if (!read.ok) {
      return read.reason === 'not-regular'
        ? unreadable('This is not a regular file (a device, FIFO, socket or directory): nothing was read.')
        : refuseTooLarge(read.cap.bytes, read.cap.what);
    }
    const embedded = extractDocumentText(read.bytes);
    if (!embedded.ok)
      return { ok: false, error: { kind: 'not-topology', message: embedded.message, issues: [] } };
    text = embedded.text;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unreadable(`Cannot read the file: ${reason}.`);
  }
  return parseDocument(text);
}
