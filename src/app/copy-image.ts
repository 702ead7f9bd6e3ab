import { scalePercent } from '../export/png-size';
import type { Derivations } from '../store/derived';
import type { DesignerStore } from '../store/store';

// "Copy image" (issue 14, item 6): the PNG of Export PNG, put on the clipboard to paste into a
// design document, a chat or a slide.

const USE_EXPORT = 'Use Export PNG to save the image instead.';

/** Why a copy failed, in words; `NotAllowedError` is the browser's refusal (no permission, no focus). */
function failure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') {
    return `The browser did not allow the image on the clipboard (permission denied). ${USE_EXPORT}`;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `The image could not be copied: ${reason} ${USE_EXPORT}`;
}

/**
 * Draws the document's PNG and writes it to the clipboard, and says how it went in the status line.
 * The clipboard is asked before the PNG is drawn, with a promise of it: Safari accepts a write only
 * while the click that asked for it is still being handled.
 */
export function copyImage(store: DesignerStore, derivations: Derivations): Promise<void> {
  const state = store.getState();
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (typeof clipboard?.write !== 'function' || typeof ClipboardItem === 'undefined') {
    state.notify(`This browser cannot put an image on the clipboard. ${USE_EXPORT}`, 'error');
    return Promise.resolve();
  }
  const { document, exportOutlineProblems } = state;
  const { problems } = derivations.problems(document);
  const drawn = import('./export-file').then(({ drawPngBlob }) =>
    drawPngBlob(document, { outlineProblems: exportOutlineProblems, problems }),
  );
  const written = clipboard.write([new ClipboardItem({ 'image/png': drawn.then(({ blob }) => blob) })]);
  return Promise.all([written, drawn]).then(
    ([, { readable, scale }]) => {
      const small = readable
        ? ''
        : ` It is drawn at ${scalePercent(scale)}, where the names may be too small to read: Export SVG keeps every detail.`;
      store.getState().notify(`Copied the diagram to the clipboard as a PNG image.${small}`, 'success');
    },
    (error: unknown) => store.getState().notify(failure(error), 'error'),
  );
}
