import { useEffect, useRef, useState } from 'react';
import { counted } from '../domain';
import { useDesigner, useDesignerStore } from '../store/react';
import { Modal } from '../ui/modal';
import { downloadFile } from './file-io';
import { entryTitle } from './library/library';
import type { LibraryEntry, UnreadableRecord } from './library/records';
import { DELETED_KEPT_MS, type LibrarySession } from './library/session';
import './open-recent-dialog.css';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "5 minutes ago", "yesterday", "on 3 Dec 2026": when a document was last saved. */
export function savedWhen(at: number, now = Date.now()): string {
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return relative.format(days, 'day');
  return `on ${absolute.format(at)}`;
}

/** "812 bytes", "3.2 kB", "1.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return counted(bytes, 'byte');
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

interface Contents {
  readonly entries: readonly LibraryEntry[];
  readonly unreadable: readonly UnreadableRecord[];
}

/** The library's contents, read again whenever it changes here or in another tab. */
function useLibraryContents(session: LibrarySession | null): Contents | null {
  const [contents, setContents] = useState<Contents | null>(null);
  useEffect(() => {
    if (!session) return;
    let live = true;
    const read = async () => {
      try {
        const [entries, unreadable] = await Promise.all([session.list(), session.library.unreadable()]);
        if (live) setContents({ entries, unreadable });
      } catch {
        if (live) setContents({ entries: [], unreadable: [] });
      }
    };
    void read();
    const unwatch = session.watch(() => void read());
    return () => {
      live = false;
      unwatch();
    };
  }, [session]);
  return contents;
}

/** A button that asks in place before it acts: "Delete" becomes "Delete? [Delete] [Cancel]". */
function ConfirmButton({
  label,
  what,
  onConfirm,
}: {
  label: string;
  /** Names the thing, for the accessible names: "Delete Site A", "Delete Site A?". */
  what: string;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
    else if (wasConfirming.current) ask.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!confirming) {
    return (
      <button
        ref={ask}
        type="button"
        className="button open-recent__delete"
        aria-label={`${label} ${what}`}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset
    <span className="open-recent__confirm" role="group" aria-label={`${label} ${what}?`}>
      <span>{label}?</span>
      <button
        ref={confirm}
        type="button"
        className="button button--danger"
        onClick={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        {label}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}

function DocumentRow({
  entry,
  isOpen,
  onOpen,
  onDelete,
}: {
  entry: LibraryEntry;
  isOpen: boolean;
  onOpen: () => void;
  onDelete: () => void;
}) {
  const name = entryTitle(entry);
  return (
    <li className="open-recent__row">
      <button
        type="button"
        className="open-recent__open"
        onClick={onOpen}
        aria-current={isOpen ? 'true' : undefined}
        title={`Saved ${absolute.format(entry.updatedAt)}`}
      >
        <span className="open-recent__name">{name}</span>
        <span className="open-recent__meta">
          {counted(entry.components, 'component')} · {sizeText(entry.bytes)} · saved{' '}
          {savedWhen(entry.updatedAt)}
          {isOpen ? ' · open in this tab' : ''}
        </span>
      </button>
      <ConfirmButton label="Delete" what={name} onConfirm={onDelete} />
    </li>
  );
}

/**
 * "Open recent": every document of this browser's library (issue 11), newest first, with its size
 * and when it was saved. Deleting asks first and can be undone (Restore) for a week; saves that
 * could not be read are listed with their text to download.
 */
export function OpenRecentDialog({
  session,
  onClose,
}: {
  session: LibrarySession | null;
  onClose: () => void;
}) {
  const store = useDesignerStore();
  const openId = useDesigner((s) => s.documentId);
  const contents = useLibraryContents(session);
  if (!session) {
    return (
      <Modal title="Open recent" onClose={onClose}>
        <p>
          This browser keeps no documents for the designer (its storage is off, perhaps a private window).
          Export your work to a file to keep it.
        </p>
      </Modal>
    );
  }
  const alive = contents?.entries.filter((entry) => entry.deletedAt === null) ?? [];
  const deleted = contents?.entries.filter((entry) => entry.deletedAt !== null) ?? [];
  const open = async (id: string) => {
    onClose();
    await session.open(id);
  };
  const remove = async (entry: LibraryEntry) => {
    await session.remove(entry.id);
    store
      .getState()
      .notify(
        `Deleted “${entryTitle(entry)}”. Restore it under “Recently deleted” in Open recent.`,
        'success',
      );
  };
  const discard = async (key: number) => {
    await session.library.discardUnreadable(key);
    session.announceLibraryChange();
    store.getState().notify('Discarded the unreadable save.', 'success');
  };
  const restore = async (entry: LibraryEntry) => {
    await session.restore(entry.id);
    store.getState().notify(`Restored “${entryTitle(entry)}”.`, 'success');
  };
  return (
    <Modal title="Open recent" onClose={onClose} className="open-recent">
      {contents === null ? (
        <p className="open-recent__note">Reading the documents saved in this browser…</p>
      ) : alive.length === 0 ? (
        <p className="open-recent__note">
          No documents are saved yet. Every deployment you create, import or open from a link is kept here.
        </p>
      ) : (
        <ul className="open-recent__list" aria-label="Saved documents">
          {alive.map((entry) => (
            <DocumentRow
              key={entry.id}
              entry={entry}
              isOpen={entry.id === openId}
              onOpen={() => void open(entry.id)}
              onDelete={() => void remove(entry)}
            />
          ))}
        </ul>
      )}
      {deleted.length > 0 && (
        <section aria-labelledby="open-recent-deleted">
          <h3 id="open-recent-deleted">Recently deleted</h3>
          <p className="open-recent__note">
            Kept for {Math.round(DELETED_KEPT_MS / 86_400_000)} days after they were deleted.
          </p>
          <ul className="open-recent__list">
            {deleted.map((entry) => (
              <li key={entry.id} className="open-recent__row">
                <span className="open-recent__deleted">
                  <span className="open-recent__name">{entryTitle(entry)}</span>
                  <span className="open-recent__meta">
                    {counted(entry.components, 'component')} · deleted {savedWhen(entry.deletedAt ?? 0)}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={`Restore ${entryTitle(entry)}`}
                  onClick={() => void restore(entry)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {contents && contents.unreadable.length > 0 && (
        <section aria-labelledby="open-recent-unreadable">
          <h3 id="open-recent-unreadable">Unreadable saves</h3>
          <p className="open-recent__note">
            Saves that could not be read. Their text is kept so that nothing is lost: download it to repair
            it.
          </p>
          <ul className="open-recent__list">
            {contents.unreadable.map((record) => (
              <li key={record.key} className="open-recent__row">
                <span className="open-recent__deleted">
                  <span className="open-recent__name">{record.source}</span>
                  <span className="open-recent__meta">
                    {record.reason} · {sizeText(record.text.length)} · found {savedWhen(record.at)}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={`Download unreadable save ${record.key}`}
                  onClick={() => downloadFile(record.text, `unreadable-save-${record.key}.txt`, 'text/plain')}
                >
                  Download
                </button>
                <ConfirmButton
                  label="Discard"
                  what={`unreadable save ${record.key}`}
                  onConfirm={() => void discard(record.key)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  );
}
