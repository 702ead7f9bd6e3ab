// The room's awareness, read by React: who is here (for the People region, which re-renders only
// when someone arrives, leaves, is renamed or recoloured) and where they point and what they
// select (for the canvas's presence layer, which re-renders on every change).

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { keepName, useMyName } from './identity';
import { chooseColour, type Participant, participantsOf } from './presence';

/** What an awareness store gives React: the current list, and a way to hear of changes. */
interface ParticipantsSource {
  subscribe(listener: () => void): () => void;
  snapshot(): readonly Participant[];
}

/**
 * Which states the awareness holds and at which clock: every change of a state bumps its clock,
 * and a client that leaves leaves the list, so an equal version means equal states.
 */
function versionOf(awareness: Awareness): string {
  let version = '';
  for (const clientId of awareness.getStates().keys()) {
    version += `${clientId}:${awareness.meta.get(clientId)?.clock ?? -1},`;
  }
  return version;
}

/**
 * A source over `awareness`. The snapshot is read again whenever the states' version changed, so
 * a change made before React subscribed is not missed. With `sameWhen`, a new list replaces the
 * last only when they differ by it, so a reader of names does not re-render as pointers move.
 */
export function createParticipantsSource(
  awareness: Awareness,
  sameWhen?: (p: Participant) => string,
): ParticipantsSource {
  let current: readonly Participant[] = [];
  let version: string | null = null;
  let key = '';
  return {
    subscribe(listener) {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    snapshot() {
      const now = versionOf(awareness);
      if (now === version) return current;
      version = now;
      const next = participantsOf(awareness.getStates(), awareness.clientID);
      if (sameWhen) {
        const nextKey = next.map(sameWhen).join('\n');
        if (nextKey === key && current.length === next.length) return current;
        key = nextKey;
      }
      current = next;
      return current;
    },
  };
}

const NO_PARTICIPANTS: readonly Participant[] = [];
const noSubscription = () => () => undefined;
const none = () => NO_PARTICIPANTS;

function useSource(source: ParticipantsSource | null): readonly Participant[] {
  return useSyncExternalStore(source?.subscribe ?? noSubscription, source?.snapshot ?? none, none);
}

/** Who is in the room (me first), changing only when someone arrives, leaves or changes name or colour. */
export function useParticipants(awareness: Awareness | null): readonly Participant[] {
  const source = useMemo(
    () =>
      awareness &&
      createParticipantsSource(
        awareness,
        (p) => `${p.clientId} ${p.isMe} ${p.presence.user.colour} ${p.presence.user.name}`,
      ),
    [awareness],
  );
  return useSource(source);
}

/** Everyone's full presence (pointer, selection, view), changing with every awareness change. */
export function usePresence(awareness: Awareness | null): readonly Participant[] {
  const source = useMemo(() => awareness && createParticipantsSource(awareness), [awareness]);
  return useSource(source);
}

/**
 * Publishes my name and colour in the room, and keeps the colour apart from the others' (the rule
 * of `chooseColour`) as people arrive and leave.
 */
export function usePublishIdentity(awareness: Awareness | null): void {
  const name = useMyName();
  const participants = useParticipants(awareness);
  useEffect(() => {
    if (!awareness) return;
    keepName();
    const others = participants
      .filter((p) => !p.isMe)
      .map((p) => ({ clientId: p.clientId, colour: p.presence.user.colour }));
    const colour = chooseColour(name, awareness.clientID, others);
    const user = awareness.getLocalState()?.user as { name?: unknown; colour?: unknown } | undefined;
    if (user?.name !== name || user?.colour !== colour)
      awareness.setLocalStateField('user', { name, colour });
  }, [awareness, name, participants]);
}
