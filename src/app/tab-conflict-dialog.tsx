import type { DesignerStore } from '../store/store';
import { Modal } from './modal';
import type { Persistence } from './persistence';
import { keepCopy, readHead, readHeadDocument, saveDocument } from './storage';

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

  const reload = () => {
    const head = readHead(storage);
    const theirs = readHeadDocument(storage);
    if (head && theirs) {
      store.getState().replaceDocument(theirs);
      sync.rev = head.rev;
      sync.document = store.getState().document;
      store.getState().notify('Loaded the version saved in the other tab. Undo brings your version back.');
    }
    sync.paused = false;
    onClose();
  };

  const keepMine = () => {
    const head = readHead(storage);
    const theirs = readHeadDocument(storage);
    const keptAt = theirs ? keepCopy(storage, theirs) : null;
    const state = store.getState();
    const name = `${state.document.name?.trim() || 'Untitled deployment'} (copy)`.slice(0, 200);
    state.setName(name);
    sync.rev = head?.rev ?? sync.rev;
    sync.paused = false;
    const result = saveDocument(storage, store.getState().document, tab, sync.rev);
    if (result.kind === 'saved') {
      sync.rev = result.rev;
      sync.document = store.getState().document;
    }
    state.notify(
      `Your version is saved as “${name}”.${keptAt ? ` The other tab’s version is kept in browser storage under “${keptAt}”.` : ''}`,
      'success',
    );
    onClose();
  };

  const dismiss = () => {
    if (sync.paused) {
      store
        .getState()
        .setSaveError(
          'Saving is paused: another tab saved this deployment while this tab had changes. Export JSON to keep your version, or reload the page to load the other tab’s version.',
        );
    }
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
