import { importUserFile } from '../store/import-actions';
import { useDesignerStore } from '../store/react';

// The file input stays in the page, hidden, as browsers expect of a picker: the Import command
// opens it, and whatever is chosen is imported from its change event.

const IMPORT_INPUT_ID = 'import-file-input';

/** Opens the file picker of the Import command. */
export function openImportPicker(): void {
  window.document.getElementById(IMPORT_INPUT_ID)?.click();
}

/** The hidden picker: JSON, or an SVG or PNG this product exported. */
export function ImportFileInput() {
  const store = useDesignerStore();
  return (
    <input
      id={IMPORT_INPUT_ID}
      type="file"
      accept=".json,.svg,.png,application/json,image/svg+xml,image/png"
      hidden
      tabIndex={-1}
      aria-hidden="true"
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) void importUserFile(store, file);
      }}
    />
  );
}
