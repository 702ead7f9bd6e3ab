import { useEffect } from 'react';
import type { DesignerStore } from '../store/store';
import { Modal } from './modal';
import type { Persistence } from './persistence';
import { keepCopy, loadSavedDocument, QUOTA_MESSAGE, saveDocument } from './storage';

const PAUSED_MESSAGE =
  'Saving is paused: another tab saved this deployment while this tab had changes. Export JSON to keep your version, or reload the page to load the other tab’s version.';

/** Another tab saved while this one had unsaved edits: the user chooses; nothing is overwritten silently. */
export function TabConflictDialog({
  store,
  persistence,
  onClose,
}: {
  store: DesignerStore;
  persistence: Persistence;
  onClose: () => void;
}) {
  const { storage, sync, tab } = persistence;

  // Replaced by another dialog (a link opened meanwhile) before the user chose: saving stays
  // paused, so say so rather than stop saving in silence.
  useEffect(
    () => () => {
      const state = store.getState();
      if (sync.paused && state.dialog?.kind !== 'tab-conflict' && state.saveError === null) {
        state.setSaveError(PAUSED_MESSAGE);
      }
    },
    [store, sync],
  );

  const reload = () => {
    const theirs = loadSavedDocument(storage);
    const state = store.getState();
    sync.head = theirs.head;
    sync.paused = false;
    if (theirs.kind === 'loaded') {
      state.replaceDocument(theirs.document);
      sync.document = store.getState().document;
      state.notify('Loaded the version saved in the other tab. Undo brings your version back.');
      state.setSaveError(null);
    } else {
      // Nothing readable was saved there (it was moved aside): this tab's version is the only one.
      const result = saveDocument(storage, state.document, tab, sync.head);
      if (result.kind === 'saved') {
        sync.head = result.head;
        sync.document = state.document;
      }
      state.setSaveError(result.kind === 'failed' ? result.message : null);
      state.notify('The other tab’s save could not be read, so your version stays open.');
    }
    onClose();
  };

  const keepMine = () => {
    const theirs = loadSavedDocument(storage);
    const keptAt = theirs.kind === 'loaded' ? keepCopy(storage, theirs.document, theirs.head) : null;
    const state = store.getState();
    onClose();
    if (theirs.kind === 'loaded' && keptAt === null) {
      // Saving mine now would start overwriting theirs, which could not be kept anywhere else.
      state.setSaveError(QUOTA_MESSAGE);
      state.notify(
        'The other tab’s version could not be kept, so yours was not saved. Export JSON to keep it.',
        'error',
      );
      return;
    }
    const name = `${state.document.name?.trim() || 'Untitled deployment'} (copy)`.slice(0, 200);
    state.setName(name);
    const mine = store.getState().document;
    const result = saveDocument(storage, mine, tab, theirs.head);
    if (result.kind === 'conflict') {
      // Yet another save came in meanwhile: ask again rather than write over it.
      store.getState().openDialog({ kind: 'tab-conflict' });
      return;
    }
    sync.paused = false;
    if (result.kind === 'failed') {
      state.setSaveError(result.message);
      return;
    }
    sync.head = result.head;
    sync.document = mine;
    state.setSaveError(null);
    state.notify(
      `Your version is saved as “${name}”.${keptAt ? ` The other tab’s version is kept in browser storage under “${keptAt}”.` : ''}`,
      'success',
    );
  };

  const dismiss = () => {
    if (sync.paused) store.getState().setSaveError(PAUSED_MESSAGE);
    onClose();
  };

  return (
    <Modal
      title="Another tab saved this deployment"
      onClose={dismiss}
      actions={
        <>
          <button type="button" className="button" onClick={reload}>
            Load the other tab’s version
          </button>
          <button type="button" className="button button--primary" onClick={keepMine}>
            Keep mine as a copy
          </button>
        </>
      }
    >
      <p>
        The deployment was changed and saved in another tab while this tab had changes of its own. Saving here
        is paused so that neither version is lost.
      </p>
      <ul>
        <li>
          <strong>Load the other tab’s version</strong>: your version stays one Undo away in this tab.
        </li>
        <li>
          <strong>Keep mine as a copy</strong>: your version is saved, renamed “(copy)”; the other tab’s
          version is kept in browser storage.
        </li>
      </ul>
    </Modal>
  );
}
