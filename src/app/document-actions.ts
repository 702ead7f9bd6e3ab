import { serializeDocument, type TopologyDocument } from '../document';
import { serializeMarkdown, serializeSvg } from '../export';
import type { DesignerStore } from '../store/store';
import { downloadFile, fileBaseName } from './file-io';
import { type ImportResult, importFile, importText } from './import-file';
import { svgToPng } from './png-export';
import { decodeShareFragment, encodeShareFragment, MAX_SHARE_LINK_LENGTH, SHARE_PREFIX } from './share-link';

/** Replaces the document with an accepted import (one undo step), or shows the refusal. */
export function applyImport(store: DesignerStore, result: ImportResult, what: string): void {
  const state = store.getState();
  if (!result.ok) {
    state.openDialog({ kind: 'import-error', fileName: result.fileName, error: result.error });
    state.notify(`${what} was refused: ${result.error.message} Your document is unchanged.`, 'refusal');
    return;
  }
  state.replaceDocument(result.document);
  const name = result.document.name?.trim();
  state.notify(
    `Opened ${name ? `“${name}”` : what} (${result.document.components.length} components). Undo brings back the previous document.`,
    'success',
  );
}

export async function importUserFile(store: DesignerStore, file: File): Promise<void> {
  applyImport(store, await importFile(file), `“${file.name}”`);
}

export type ExportFormat = 'json' | 'svg' | 'png' | 'markdown';

/** Writes the document in a format and offers it as a download. */
export async function exportDocument(
  document: TopologyDocument,
  format: ExportFormat,
  options: { outlineProblems: boolean },
): Promise<string> {
  const base = fileBaseName(document.name);
  switch (format) {
    case 'json': {
      downloadFile(serializeDocument(document), `${base}.wfm.json`, 'application/json');
      return `${base}.wfm.json`;
    }
    case 'svg': {
      downloadFile(serializeSvg(document, options), `${base}.svg`, 'image/svg+xml');
      return `${base}.svg`;
    }
    case 'png': {
      const png = await svgToPng(serializeSvg(document, options), serializeDocument(document));
      downloadFile(png, `${base}.png`, 'image/png');
      return `${base}.png`;
    }
    case 'markdown': {
      downloadFile(serializeMarkdown(document), `${base}.md`, 'text/markdown');
      return `${base}.md`;
    }
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/** Copies a link that carries the document; refuses links past the length that mail and chat keep. */
export async function copyShareLink(store: DesignerStore): Promise<void> {
  const state = store.getState();
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

/** Opens the document a `#doc=` link carries; the document that was open stays one undo step away. */
export async function openSharedLink(store: DesignerStore, hash: string): Promise<void> {
  if (!hash.startsWith(SHARE_PREFIX)) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  const decoded = await decodeShareFragment(hash);
  if (!decoded.ok) {
    applyImport(
      store,
      { ok: false, fileName: 'the link', error: { kind: 'not-json', message: decoded.message, issues: [] } },
      'The link',
    );
    return;
  }
  applyImport(store, importText(decoded.text, 'the link'), 'the shared link');
}
