import { useLiveSession } from '../live/session';
import { useDesignerStore } from '../store/react';
import { shareLiveCommand } from './live-actions';
import './live.css';

// The live session's connection, in the top bar while a document is shared (issue 16): connecting,
// connected or offline, and whether this person can edit. Edits made offline are kept and sent on
// reconnect, so "Offline" is news, not an alarm. A button (it shows the session's links again), not
// a second `status` region: the status line stays the page's one status, for refusals.

const WORDS = { connecting: 'Connecting', connected: 'Connected', offline: 'Offline' } as const;

/** The connection status of the live session, or nothing when the document is not shared. */
export function LiveStatusBadge() {
  const session = useLiveSession();
  const store = useDesignerStore();
  if (!session) return null;
  const words = WORDS[session.status];
  const access = session.access === 'view' ? 'view only' : 'can edit';
  const title =
    session.status === 'offline'
      ? 'Live session: offline. Your edits are kept in this browser and sent when the connection is back.'
      : `Live session: ${words.toLowerCase()}, ${access}. Show the links of this session.`;
  return (
    <button
      type="button"
      aria-label={`Live session: ${words.toLowerCase()}, ${access}`}
      className={`live-status live-status--${session.status}`}
      title={title}
      onClick={() => void shareLiveCommand(store)}
    >
      <span className="live-status__dot" aria-hidden="true" />
      <span aria-hidden="true">
        Live
        <span className="live-status__words">
          {' · '}
          {words}
          {session.access === 'view' ? ' · View only' : ''}
        </span>
      </span>
    </button>
  );
}
