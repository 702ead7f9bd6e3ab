import { MAX_EXPORT_FILE_BYTES, type ParseError, parseDocument, type TopologyDocument } from '../document';
import { withLayout } from '../drawing/layout';
import { extractDocumentText } from './embedded';

export type ImportResult =
  | { readonly ok: true; readonly document: TopologyDocument }
  | {
      readonly ok: false;
      readonly fileName: string;
      readonly error: ParseError;
      /** Not a WFM topology file at all (decision 029), rather than one with something wrong in it. */
      readonly foreign: boolean;
    };

/** The topology format's envelope marker, as a file's text carries it even when cut short. */
const FORMAT_MARKER = /"format"\s*:\s*"wfm-topology"/;

/**
 * True when a refused file is not a WFM topology file at all (decision 029): not JSON, JSON that
 * is not an object, an object without `"format": "wfm-topology"`, or an SVG or PNG that carries no
 * document. A file that names the format (a damaged or hand-edited .wfm.json) is one of ours with
 * an error, and keeps its precise refusal. `text` is the file's text, when it is text.
 * @example isForeignFile({ kind: 'not-json', message: '…', issues: [] }, '# Notes') === true
 */
export function isForeignFile(error: ParseError, text: string | null): boolean {
  if (error.kind === 'not-topology') return true;
  if (error.kind !== 'not-json') return false;
  return text === null || !FORMAT_MARKER.test(text.slice(0, 1_000_000));
}

/** The largest file the designer exports: its SVG and PNG carry a drawing besides the document. */
const MAX_IMPORT_BYTES = MAX_EXPORT_FILE_BYTES;

/**
 * Reads a file the user picked or dropped: JSON, or an SVG or PNG this product exported. Everything
 * goes through `parseDocument`; components without a position are laid out by role.
 */
export async function importFile(file: Blob & { readonly name?: string }): Promise<ImportResult> {
  const fileName = file.name ?? 'the file';
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      fileName,
      foreign: false,
      error: {
        kind: 'too-large',
        message: `The file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the most a topology file or its SVG or PNG export may take.`,
        issues: [],
      },
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return importBytes(bytes, fileName);
}

/** Same as `importFile` for bytes already in memory. */
export function importBytes(bytes: Uint8Array, fileName: string): ImportResult {
  const embedded = extractDocumentText(bytes);
  if (!embedded.ok) {
    return {
      ok: false,
      fileName,
      foreign: true,
      error: { kind: 'not-topology', message: embedded.message, issues: [] },
    };
  }
  return importText(embedded.text, fileName);
}

/** Parses document text (from a file, a link or storage) and lays out what has no position. */
export function importText(text: string, fileName: string): ImportResult {
  const result = parseDocument(text);
  if (!result.ok)
    return { ok: false, fileName, error: result.error, foreign: isForeignFile(result.error, text) };
  return { ok: true, document: withLayout(result.document) };
}
