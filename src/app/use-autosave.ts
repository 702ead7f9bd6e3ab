import { useEffect } from 'react';
import type { TopologyDocument } from '../document';
import type { DesignerStore } from '../store/store';
import type { Persistence } from './persistence';
import { HEAD_KEY, readHead, readHeadDocument, saveDocument } from './storage';

const DELAY_MS = 400;

/** What this tab knows of storage: the revision it last saved or loaded, and that document. */
export interface SyncState {
  rev: number;
  document: TopologyDocument;
  /** Saving stops while a conflict with another tab waits for the user's choice. */
  paused: boolean;
}

/**
 * Saves the document shortly after each change and at once when the tab is hidden; follows saves
 * of other tabs while this one has no unsaved edits, and asks the user when it has.
 */
export function useAutosave(store: DesignerStore, persistence: Persistence | null): void {
  useEffect(() => {
    if (!persistence) return;
    const { storage, sync, tab } = persistence;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const { document, gestureBase, setSaveError } = store.getState();
      if (document === sync.document || gestureBase || sync.paused) return;
      const result = saveDocument(storage, document, tab, sync.rev);
      if (result.kind === 'saved') {
        sync.rev = result.rev;
        sync.document = document;
        setSaveError(null);
      } else if (result.kind === 'conflict') {
        sync.paused = true;
        store.getState().openDialog({ kind: 'tab-conflict' });
      } else {
        setSaveError(result.message);
      }
    };

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document === previous.document && state.gestureBase === previous.gestureBase) return;
      clearTimeout(timer);
      timer = setTimeout(flush, DELAY_MS);
    });

    const onStorage = (event: StorageEvent) => {
      if (event.storageArea !== storage || event.key !== HEAD_KEY) return;
      const head = readHead(storage);
      if (!head || head.rev === sync.rev || sync.paused) return;
      const state = store.getState();
      if (state.document === sync.document && !state.gestureBase) {
        const theirs = readHeadDocument(storage);
        if (!theirs) return;
        sync.rev = head.rev;
        sync.document = theirs;
        state.replaceDocument(theirs);
        // replaceDocument made a new object only if it differed; keep the one now open as synced.
        sync.document = store.getState().document;
        state.notify('Updated with the changes saved in another tab. Undo brings back the previous version.');
      } else {
        clearTimeout(timer);
        sync.paused = true;
        state.openDialog({ kind: 'tab-conflict' });
      }
    };

    const onHidden = () => {
      if (window.document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('storage', onStorage);
    window.document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('storage', onStorage);
      window.document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
    };
  }, [store, persistence]);
}
