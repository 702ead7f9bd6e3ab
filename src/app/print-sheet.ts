import { exportFormat, type FormatWriter } from '../export/formats';
import { svgDrawingSize } from '../export/png-size';
import type { Derivations } from '../store/derived';
import type { DesignerStore } from '../store/store';

// Printing (issue 14, item 6; decision 025): the page prints the diagram alone, as the SVG export
// draws it with its title and legend, fitted to the paper. The drawing goes into a sheet outside
// the app that only print media shows (print.css); the app is hidden while a sheet is there. The
// SVG is shown as an image, not inline: the Content-Security-Policy refuses the <style> it carries
// in the page, and an image keeps the app's styles and the drawing's apart.

const SHEET_CLASS = 'print-sheet';

/** The SVG writer once loaded: the browser's own print (its menu) gives no time to load it. */
let svgWriter: FormatWriter | null = null;

/** Loads the SVG writer (the Export menu's own), once. */
export async function loadPrintWriter(): Promise<FormatWriter> {
  const format = exportFormat('svg');
  if (!format.headless) throw new Error('the SVG format has no writer');
  svgWriter ??= await format.writer();
  return svgWriter;
}

/** The print sheet now in the page, if any. */
export function printSheet(): HTMLElement | null {
  return window.document.querySelector<HTMLElement>(`body > .${SHEET_CLASS}`);
}

/** Takes the sheet out of the page (after printing), and frees its image. */
export function removePrintSheet(): void {
  const sheet = printSheet();
  if (!sheet) return;
  const image = sheet.querySelector('img');
  if (image?.src.startsWith('blob:')) URL.revokeObjectURL(image.src);
  sheet.remove();
}

/** Puts the document's drawing on a new sheet; returns its image, which may still be loading. */
function placeSheet(store: DesignerStore, derivations: Derivations, write: FormatWriter): HTMLImageElement {
  removePrintSheet();
  const { document, exportOutlineProblems } = store.getState();
  const { problems } = derivations.problems(document);
  const svg = write(document, { outlineProblems: exportOutlineProblems, problems });
  const size = svgDrawingSize(svg);
  const sheet = window.document.createElement('div');
  sheet.className = SHEET_CLASS;
  // Named pages in print.css turn the paper to landscape for a drawing wider than tall.
  sheet.dataset.orientation = size && size.width > size.height ? 'landscape' : 'portrait';
  const image = window.document.createElement('img');
  image.alt = document.name?.trim() || 'Untitled deployment';
  image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  sheet.append(image);
  window.document.body.append(sheet);
  return image;
}

/** Puts the drawing on the print sheet and waits until it is ready to print. */
export async function preparePrint(store: DesignerStore, derivations: Derivations): Promise<void> {
  const write = await loadPrintWriter();
  await placeSheet(store, derivations, write).decode();
}

/** The Print command: the sheet, then the browser's print dialog; the sheet goes after printing. */
export async function printDiagram(store: DesignerStore, derivations: Derivations): Promise<void> {
  try {
    await preparePrint(store, derivations);
  } catch (error) {
    removePrintSheet();
    const reason = error instanceof Error ? error.message : String(error);
    store.getState().notify(`The diagram could not be prepared for printing: ${reason}`, 'error');
    return;
  }
  window.print();
}

/**
 * Makes the browser's own print (its menu, or Ctrl+P typed in a text field) print the diagram too:
 * on `beforeprint` the sheet is placed at once when the SVG writer is loaded (the page loads it
 * when idle), and `afterprint` takes it away. Returns what undoes it.
 */
export function installPrintHandlers(store: DesignerStore, derivations: Derivations): () => void {
  const before = () => {
    if (printSheet()) return;
    if (svgWriter) placeSheet(store, derivations, svgWriter);
    // Without the writer the page prints as it is shown (print.css hides the app only for a sheet).
    else void loadPrintWriter().catch(() => undefined);
  };
  const after = () => removePrintSheet();
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    removePrintSheet();
  };
}
