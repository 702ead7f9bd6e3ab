import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { follow, useFollowing } from '../live/follow';
import { setMyName, useMyName } from '../live/identity';
import { MAX_NAME_LENGTH, type Participant } from '../live/presence';
import { useParticipants, usePublishIdentity } from '../live/presence-hooks';
import type { LiveSession } from '../live/session';
import { useDesignerStore } from '../store/react';
import './people-region.css';

// "People" (issue 16 item 3, UI contract: a region "People" lists the participants by name while a
// document is shared). Me first, with my name editable in place; each other participant with their
// colour and a "Follow" toggle. It also publishes my name and colour in the room.

/** Who is in the room: a strip under the Diagram toolbar while the document is shared. */
export function PeopleRegion({ session }: { session: LiveSession }) {
  usePublishIdentity(session.awareness);
  const participants = useParticipants(session.awareness);
  const headingId = useId();
  return (
    <section className="people" aria-labelledby={headingId}>
      <h2 id={headingId} className="people__title">
        People
      </h2>
      <ul className="people__list">
        {participants.map((p) =>
          p.isMe ? (
            <MyEntry key={p.clientId} participant={p} />
          ) : (
            <OtherEntry key={p.clientId} participant={p} />
          ),
        )}
      </ul>
    </section>
  );
}

function Swatch({ colour }: { colour: string }) {
  return <span className="people__swatch" style={{ background: colour }} aria-hidden="true" />;
}

/** My entry: my colour and my name, which I can change (Enter or leaving the field keeps it). */
function MyEntry({ participant }: { participant: Participant }) {
  const store = useDesignerStore();
  const name = useMyName();
  const [draft, setDraft] = useState(name);
  const id = useId();
  useEffect(() => setDraft(name), [name]);
  const commit = () => {
    if (draft === name) return;
    const kept = setMyName(draft);
    if (kept === null) {
      setDraft(name);
      store.getState().notify('A name needs at least one letter; your name is unchanged.', 'refusal');
    } else {
      setDraft(kept);
      store.getState().notify(`The others now see you as ${kept}.`);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(name);
    }
  };
  return (
    <li className="people__person people__person--me">
      <Swatch colour={participant.presence.user.colour} />
      <label className="visually-hidden" htmlFor={id}>
        Your name
      </label>
      <input
        id={id}
        className="people__name-input"
        type="text"
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        size={Math.max(6, Math.min(MAX_NAME_LENGTH, [...draft].length + 1))}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        autoComplete="nickname"
        spellCheck={false}
      />
      <span className="people__you">(you)</span>
    </li>
  );
}

/** Another participant: colour, name, and the toggle that makes my view follow theirs. */
function OtherEntry({ participant }: { participant: Participant }) {
  const store = useDesignerStore();
  const following = useFollowing() === participant.clientId;
  const { name, colour } = participant.presence.user;
  const toggle = () => {
    if (following) {
      follow(null);
      store.getState().notify(`Stopped following ${name}.`);
    } else {
      follow(participant.clientId);
      store
        .getState()
        .notify(`Following ${name}: your view shows theirs. Pan, zoom or press Escape to stop.`);
    }
  };
  return (
    <li className="people__person">
      <Swatch colour={colour} />
      <span className="people__name">{name}</span>
      <button
        type="button"
        className="button people__follow"
        aria-pressed={following}
        aria-label={`Follow ${name}`}
        onClick={toggle}
      >
        Follow
      </button>
    </li>
  );
}
