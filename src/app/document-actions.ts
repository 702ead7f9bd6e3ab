import { serializeDocument, type TopologyDocument } from '../document';
import { EXPORT_FORMATS, type ExportFormatId, exportFormat } from '../export/formats';
import { importText } from '../export/import-file';
import { applyImport } from '../store/import-actions';
import type { DesignerStore } from '../store/store';
import type { DrawOptions, ExportOutcome, Written } from './export-file';
import { downloadFile, fileBaseName } from './file-io';

let browserWriters: Promise<typeof import('./export-file')> | undefined;

/** The writers only a browser runs (PNG), loaded on first use; a failed load is tried again next time. */
function loadBrowserWriters(): Promise<typeof import('./export-file')> {
  browserWriters ??= import('./export-file').catch((error: unknown) => {
    browserWriters = undefined;
    throw error;
  });
  return browserWriters;
}

/**
 * The SVG and Markdown writers and the PNG rasteriser load on first use, so they stay out of the
 * JavaScript of the first screen (docs/performance.md). The Export menu starts the load when it
 * opens, so a click rarely waits for it; a failed load is tried again on the next export.
 */
export async function loadExportWriters(): Promise<void> {
  await Promise.all([loadBrowserWriters(), ...EXPORT_FORMATS.map((format) => format.writer?.())]);
}

/** The writer of a format: the list's own, or the app's for a format only a browser writes. */
async function loadWriter(
  id: ExportFormatId,
): Promise<(document: TopologyDocument, options: DrawOptions) => Written | Promise<Written>> {
  const format = exportFormat(id);
  if (!format.headless) return (await loadBrowserWriters()).BROWSER_WRITERS[format.id];
  const write = await format.writer();
  return (document, options) => ({ kind: 'file', data: write(document, options) });
}

/** Writes the document in a format and offers it as a download; says what became of it. */
export async function exportDocument(
  document: TopologyDocument,
  id: ExportFormatId,
  options: DrawOptions,
): Promise<ExportOutcome> {
  const write = await loadWriter(id);
  // User Timing, so `npm run bench` times the export in the production build: the file written,
  // and then handed to the browser as a download.
  const mark = `wfm:export-${id}`;
  performance.mark(`${mark}:start`);
  const file = await write(document, options);
  if (file.kind === 'png-unreadable') return file;
  performance.measure(`${mark}:write`, `${mark}:start`);
  const format = exportFormat(id);
  const name = `${fileBaseName(document.name)}${format.extension}`;
  downloadFile(file.data, name, format.mimeType);
  performance.measure(mark, `${mark}:start`);
  return { kind: 'exported', name };
}

/**
 * Exports the open document as the user asked and says how it went in the status line. A PNG whose
 * names would be too small to read is not written: a dialog offers the SVG instead, or the PNG anyway.
 */
export async function exportAndReport(
  store: DesignerStore,
  format: ExportFormatId,
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
      {
        ok: false,
        fileName: 'the link',
        foreign: false,
        error: { kind: 'not-json', message: decoded.message, issues: [] },
      },
      'The link',
    );
    return;
  }
  applyImport(store, importText(decoded.text, 'the link'), 'the shared deployment', 'link');
}
