import {
  type ParseError,
  type ParseIssue,
  type ParseResult,
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

/**
 * A document read from a file, with the text it was parsed from: the file itself (`json`), or
 * the text an exported SVG or PNG carries, so a report can point at a place in it.
 */
export interface FileDocument {
  readonly ok: true;
  readonly document: TopologyDocument;
  readonly text: string;
  readonly source: 'json' | 'svg' | 'png';
}

export type FileResult = FileDocument | { readonly ok: false; readonly error: FileError };

function unreadable(message: string): FileResult {
  return { ok: false, error: { kind: 'unreadable', message, issues: [] } };
}

/** A refusal of the document layer as this file's result (its `refuse…` functions never say `ok`). */
function refused(result: ParseResult): FileResult {
  return result.ok ? unreadable('The file was refused without a reason.') : result;
}

/**
 * Reads and parses one topology file — JSON, or an SVG or PNG the designer exported — and never
 * throws. Only a regular file is read (a device, a FIFO or a link to one would never end), and no
 * further than the cap of its format.
 */
export function readDocumentFile(path: string): FileResult {
  let embedded: ReturnType<typeof extractDocumentText>;
  try {
    const read = readRegularFile(path, HEAD_BYTES, capForHead);
    if (!read.ok) {
      return read.reason === 'not-regular'
        ? unreadable('This is not a regular file (a device, FIFO, socket or directory): nothing was read.')
        : refused(refuseTooLarge(read.cap.bytes, read.cap.what));
    }
    embedded = extractDocumentText(read.bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unreadable(`Cannot read the file: ${reason}.`);
  }
  if (!embedded.ok)
    return { ok: false, error: { kind: 'not-topology', message: embedded.message, issues: [] } };
  const { text, source } = embedded;
  const parsed = parseDocument(text);
  return parsed.ok ? { ok: true, document: parsed.document, text, source } : parsed;
}
