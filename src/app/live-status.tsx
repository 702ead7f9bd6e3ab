import { useLiveSession } from '../live/session';
import './live.css';

// The live session's connection, in the top bar beside "Share live" while a document is shared
// (issue 16): connecting, connected or offline, and whether this person can edit. Edits made
// offline are kept and sent on reconnect, so "Offline" is news, not an alarm. A named image (the
// dot and "Live"), not a second `status` region: the status line stays the page's one status, for
// refusals; "Share live" beside it shows the session's links again.

const WORDS = { connecting: 'Connecting', connected: 'Connected', offline: 'Offline' } as const;

/** The connection status of the live session, or nothing when the document is not shared. */
export function LiveStatusBadge() {
  const session = useLiveSession();
  if (!session) return null;
  const words = WORDS[session.status];
  const access = session.access === 'view' ? 'view only' : 'can edit';
  const name = `Live session: ${words.toLowerCase()}, ${access}`;
  const title =
    session.status === 'offline'
      ? `${name}. Your edits are kept in this browser and sent when the connection is back.`
      : `${name}.`;
  return (
    <span role="img" aria-label={name} className={`live-status live-status--${session.status}`} title={title}>
      <span className="live-status__dot" aria-hidden="true" />
      <span className="live-status__words" aria-hidden="true">
        Live · {words}
        {session.access === 'view' ? ' · View only' : ''}
      </span>
    </span>
  );
}
