import { useEffect, useRef } from 'react';
import { Modal } from '../ui/modal';
import type { LibrarySession } from './library/session';

/**
 * Another tab saved the open document while this one had unsaved edits: the user chooses, and
 * nothing is overwritten silently (decisions 010 and 015).
 */
export function TabConflictDialog({ session, onClose }: { session: LibrarySession; onClose: () => void }) {
  // Replaced by another dialog before the user chose: saving stays paused, so say so rather than
  // stop saving in silence.
  const chosen = useRef(false);
  useEffect(
    () => () => {
      if (!chosen.current) session.dismissConflict();
    },
    [session],
  );
  const choose = (choice: () => Promise<void>) => {
    chosen.current = true;
    onClose();
    void choice();
  };
  return (
    <Modal
      title="Another tab saved this deployment"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={() => choose(() => session.loadTheirs())}>
            Load the other tab’s version
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => choose(() => session.keepMineAsCopy())}
          >
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
          <strong>Keep mine as a copy</strong>: your version goes on as a new document, named “(copy)”; the
          other tab’s version stays under its name in Open recent.
        </li>
      </ul>
    </Modal>
  );
}
