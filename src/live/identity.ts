// Who I am in a live room: a name I can change, remembered in this browser, and a colour chosen from
// it (presence.ts). The stored name is read like any foreign input: another script or an old
// version may have left anything under the key.

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { cleanName } from './presence';

const NAME_KEY = 'wfm-topology:live-name';

/** A guest's name until they choose one: "Guest 10" to "Guest 99", short and easy to say aloud. */
export function guestName(random: () => number = Math.random): string {
  return `Guest ${10 + Math.floor(random() * 90)}`;
}

/** The name stored in this browser, cleaned, or `null` when there is none usable. */
export function loadName(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): string | null {
  try {
    const raw = storage?.getItem(NAME_KEY);
    if (typeof raw !== 'string' || raw.length > 1000) return null;
    const name = cleanName(raw);
    return name === '' ? null : name;
  } catch {
    return null;
  }
}

function saveName(name: string, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(NAME_KEY, name);
  } catch {
    // Storage may be off or full: the name holds for this visit.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

interface IdentityState {
  readonly name: string;
}

/** My name in live rooms: the stored one, else a guest name (kept once I join a room: `keepName`). */
export const identityStore = createStore<IdentityState>(() => ({ name: loadName() ?? guestName() }));

/**
 * Remembers my guest name once I am in a room, so the others see the same guest after a reload;
 * a page that never joins one stores nothing.
 */
export function keepName(): void {
  if (loadName() === null) saveName(identityStore.getState().name);
}

/**
 * Changes my name; returns the name kept (cleaned), or `null` when nothing printable was left and
 * the name did not change.
 */
export function setMyName(raw: string): string | null {
  const name = cleanName(raw);
  if (name === '') return null;
  identityStore.setState({ name });
  saveName(name);
  return name;
}

/** A name `guestName` gives: kept once I join a room (`keepName`), but never chosen by me. */
const GUEST_NAME = /^Guest [1-9][0-9]$/;

/**
 * Takes `raw` as my name unless I chose one myself: a learner's name given when joining a class
 * becomes their name in their room (decision 037). A guest name kept from an earlier room was not
 * chosen, so it gives way. Returns the name taken, or `null` when mine stays.
 */
export function offerName(
  raw: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeStorage(),
): string | null {
  const stored = loadName(storage);
  if (stored !== null && !GUEST_NAME.test(stored)) return null;
  const name = cleanName(raw);
  if (name === '') return null;
  identityStore.setState({ name });
  saveName(name, storage);
  return name;
}

export function useMyName(): string {
  return useStore(identityStore, (state) => state.name);
}
