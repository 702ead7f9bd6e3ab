import { serializeDocument, type TopologyDocument } from '../document';
import { importText } from '../export/import-file';
import { applyImport } from '../store/import-actions';
import type { DesignerStore } from '../store/store';
import type { DrawnFormat, DrawOptions, ExportOutcome } from './export-file';
import { downloadFile, fileBaseName } from './file-io';

export type ExportFormat = 'json' | DrawnFormat;

let writers: Promise<typeof import('./export-file')> | undefined;

/**
 * The SVG and Markdown writers and the PNG rasteriser load on first use, so they stay out of the
 * JavaScript of the first screen (docs/performance.md). The Export menu starts the load when it
 * opens, so a click rarely waits for it; a failed load is tried again on the next export.
 */
export function loadExportWriters(): Promise<typeof import('./export-file')> {
  writers ??= import('./export-file').catch((error: unknown) => {
    writers = undefined;
    throw error;
  });
  return writers;
}

/** Writes the document in a format and offers it as a download; says what became of it. */
export async function exportDocument(
  document: TopologyDocument,
  format: ExportFormat,
  options: DrawOptions,
): Promise<ExportOutcome> {
  if (format !== 'json') return (await loadExportWriters()).exportDrawn(document, format, options);
  // JSON, the format that saves work, never waits for a module to load.
  const name = `${fileBaseName(document.name)}.wfm.json`;
  downloadFile(serializeDocument(document), name, 'application/json');
  return { kind: 'exported', name };
}

/**
 * Exports the open document as the user asked and says how it went in the status line. A PNG whose
 * names would be too small to read is not written: a dialog offers the SVG instead, or the PNG anyway.
 */
export async function exportAndReport(
  store: DesignerStore,
  format: ExportFormat,
  options: DrawOptions,
): Promise<void> {
  const state = store.getState();
  try {
    const outcome = await exportDocument(state.document, format, options);
    if (outcome.kind === 'png-unreadable') {
      state.openDialog({
        kind: 'png-unreadable',
        scale: outcome.scale,
        outlineProblems: options.outlineProblems,
      });
      return;
    }
    state.notify(`Exported ${outcome.name}.`, 'success');
  } catch (error) {
    state.notify(`The export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

/** Copies a link that carries the document; refuses links past the length that mail and chat keep. */
export async function copyShareLink(store: DesignerStore): Promise<void> {
  const state = store.getState();
  const { encodeShareFragment, MAX_SHARE_LINK_LENGTH } = await import('./share-link');
  const fragment = await encodeShareFragment(serializeDocument(state.document, { includeValidation: false }));
  const url = `${window.location.origin}${window.location.pathname}${fragment}`;
  if (url.length > MAX_SHARE_LINK_LENGTH) {
    state.notify(
      `This deployment is too large for a link (${url.length.toLocaleString('en')} characters, the limit is ${MAX_SHARE_LINK_LENGTH.toLocaleString('en')}). Use Export JSON and send the file instead.`,
      'refusal',
    );
    return;
  }
  try {
    await navigator.clipboard.writeText(url);
    state.notify(
      'Share link copied to the clipboard. Whoever opens it gets a copy of this deployment.',
      'success',
    );
  } catch {
    state.openDialog({ kind: 'share-link', url });
  }
}

/**
 * Opens the document a `#doc=` link carries, as a new document: the one that was open (saved or
 * not) stays in Open recent. Called once, at page load (issue 11: links only on the user's terms).
 */
export async function openSharedLink(store: DesignerStore, hash: string): Promise<void> {
  // The link code loads only for a page opened with a link: most start without one.
  const { decodeShareFragment } = await import('./share-link');
  const decoded = await decodeShareFragment(hash);
  if (!decoded.ok) {
    applyImport(
      store,
      { ok: false, fileName: 'the link', error: { kind: 'not-json', message: decoded.message, issues: [] } },
      'The link',
    );
    return;
  }
  applyImport(store, importText(decoded.text, 'the link'), 'the shared deployment', 'link');
}
