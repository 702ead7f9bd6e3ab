import { useLiveSession } from '../live/session';
import './live.css';

// The live session's connection, in the top bar while a document is shared (issue 16): connecting,
// connected or offline, and whether this person can edit. Edits made offline are kept and sent on
// reconnect, so "Offline" is news, not an alarm.

const WORDS = { connecting: 'Connecting', connected: 'Connected', offline: 'Offline' } as const;

/** The connection status of the live session, or nothing when the document is not shared. */
export function LiveStatusBadge() {
  const session = useLiveSession();
  if (!session) return null;
  const words = WORDS[session.status];
  const access = session.access === 'view' ? 'view only' : 'can edit';
  const title =
    session.status === 'offline'
      ? 'Not connected: your edits are kept in this browser and sent when the connection is back.'
      : undefined;
  return (
    <span
      role="status"
      aria-label={`Live session: ${words.toLowerCase()}, ${access}`}
      className={`live-status live-status--${session.status}`}
      title={title}
    >
      <span className="live-status__dot" aria-hidden="true" />
      <span aria-hidden="true">
        Live · {words}
        {session.access === 'view' ? ' · View only' : ''}
      </span>
    </span>
  );
}
