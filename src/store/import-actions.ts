import { counted } from '../domain';
import { type ImportResult, importFile } from '../export/import-file';
import type { DesignerStore, DocumentOrigin } from './store';

/** What a refused import that is not a topology file says first (issue 15; the UI contract). */
export const NOT_A_TOPOLOGY_FILE =
  'This is not a WFM topology file: import a .wfm.json, or an SVG/PNG exported by the designer';

/**
 * Opens an accepted import as a new document of the library (issue 11: it never replaces
 * another), or shows the refusal and changes nothing.
 */
export function applyImport(
  store: DesignerStore,
  result: ImportResult,
  what: string,
  origin: DocumentOrigin = 'import',
): void {
  const state = store.getState();
  if (!result.ok) {
    const { fileName, error, foreign } = result;
    state.openDialog({ kind: 'import-error', fileName, error, foreign });
    const why = foreign ? `${NOT_A_TOPOLOGY_FILE}.` : error.message;
    state.notify(`${what} was refused: ${why} Your document is unchanged.`, 'refusal');
    return;
  }
  state.openNewDocument(
    result.document,
    origin,
    `Opened ${result.document.name?.trim() ? `“${result.document.name.trim()}”` : what} (${counted(result.document.components.length, 'component')}) as a new document.`,
  );
}

export async function importUserFile(store: DesignerStore, file: File): Promise<void> {
  applyImport(store, await importFile(file), `“${file.name}”`);
}
