import { useEffect } from 'react';
import type { DesignerStore } from '../store/store';
import type { Persistence } from './persistence';
import {
  HEAD_KEY,
  judgeStorageChange,
  loadSavedDocument,
  parseHead,
  readHead,
  saveDocument,
} from './storage';

const DELAY_MS = 400;

/**
 * Saves the document shortly after each change and at once when the tab is hidden; follows saves
 * of other tabs while this one has no unsaved edits, and asks the user when it has. Leaving the
 * page with edits that could not be saved asks the user first.
 */
export function useAutosave(store: DesignerStore, persistence: Persistence | null): void {
  useEffect(() => {
    if (!persistence) return;
    const { storage, sync, tab } = persistence;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const askUser = () => {
      clearTimeout(timer);
      timer = undefined;
      sync.paused = true;
      store.getState().openDialog({ kind: 'tab-conflict' });
    };

    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const { document, gestureBase, setSaveError } = store.getState();
      if (document === sync.document || gestureBase || sync.paused) return;
      const result = saveDocument(storage, document, tab, sync.head);
      if (result.kind === 'saved') {
        sync.head = result.head;
        sync.document = document;
        setSaveError(null);
      } else if (result.kind === 'conflict') {
        askUser();
      } else {
        setSaveError(result.message);
      }
    };

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document === previous.document && state.gestureBase === previous.gestureBase) return;
      clearTimeout(timer);
      timer = setTimeout(flush, DELAY_MS);
    });

    /** This tab has edits that are not in storage yet (or a drag under way). */
    const hasLocalEdits = () => {
      const state = store.getState();
      return state.document !== sync.document || state.gestureBase !== null;
    };

    const onStorage = (event: StorageEvent) => {
      if (event.storageArea !== storage || event.key !== HEAD_KEY || sync.paused) return;
      const state = store.getState();
      const verdict = judgeStorageChange({
        known: sync.head,
        incoming: parseHead(event.newValue),
        current: readHead(storage),
        hasLocalEdits: hasLocalEdits(),
      });
      if (verdict === 'conflict') {
        askUser();
        return;
      }
      if (verdict === 'ignore') return;
      const theirs = loadSavedDocument(storage);
      if (theirs.kind !== 'loaded') return;
      sync.head = theirs.head;
      state.replaceDocument(theirs.document);
      // The replacement is now the synced document: it is not an edit of this tab's to save back.
      sync.document = store.getState().document;
      state.notify('Updated with the changes saved in another tab. Undo brings back the previous version.');
    };

    const onHidden = () => {
      if (window.document.visibilityState === 'hidden') flush();
    };
    // Edits that could not be saved (a conflict waiting for the user's choice, a full storage)
    // exist only in this tab: leaving asks first, as the browser's "Leave site?" prompt.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      flush();
      if (hasLocalEdits() && (sync.paused || store.getState().saveError !== null)) event.preventDefault();
    };
    window.addEventListener('storage', onStorage);
    window.document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('storage', onStorage);
      window.document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [store, persistence]);
}
