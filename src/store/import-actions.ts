import { counted } from '../domain';
import { type ImportResult, importFile } from '../export/import-file';
import type { DesignerStore, DocumentOrigin } from './store';

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
    state.openDialog({ kind: 'import-error', fileName: result.fileName, error: result.error });
    state.notify(`${what} was refused: ${result.error.message} Your document is unchanged.`, 'refusal');
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
