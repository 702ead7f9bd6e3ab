import { useEffect } from 'react';
import type { DesignerStore } from '../store/store';
import { saveDocument } from './storage';

const DELAY_MS = 400;

/** Saves the document shortly after each change, and at once when the tab is hidden. */
export function useAutosave(store: DesignerStore, storage: Storage | null): void {
  useEffect(() => {
    if (!storage) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let saved = store.getState().document;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const { document, gestureBase, setSaveError } = store.getState();
      if (document === saved || gestureBase) return;
      setSaveError(saveDocument(storage, document));
      saved = document;
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document === previous.document && state.gestureBase === previous.gestureBase) return;
      clearTimeout(timer);
      timer = setTimeout(flush, DELAY_MS);
    });
    const onHidden = () => {
      if (window.document.visibilityState === 'hidden') flush();
    };
    window.document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      flush();
      window.document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
    };
  }, [store, storage]);
}
