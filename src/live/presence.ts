// Presence (issue 16 item 3, decision 033): what each participant publishes in the room's
// awareness, read back defensively. Another client's awareness state is hostile input: anything
// in it may be missing, of the wrong type, huge or crafted, and none of it may crash the canvas or
// reach the page as anything but plain text and a colour of our own palette.

import { z } from 'zod';
import { HIDDEN_CHARACTERS } from '../collab/hidden-characters';
import type { PresenceState } from './session';

/** The longest name shown or published, in characters: a label over the canvas, not an essay. */
export const MAX_NAME_LENGTH = 40;
/** How many selected ids a participant publishes and others read (a select-all of 1,000 cards is cut). */
export const MAX_SELECTION = 500;
/** The longest id read from another participant's selection (ours are far shorter). */
const MAX_ID_LENGTH = 200;
/**
 * The most participants shown. One awareness message may carry states for any number of client
 * ids, so a hostile client could otherwise fill the People region and the canvas with thousands.
 */
export const MAX_PARTICIPANTS = 50;
/** Coordinates beyond this are not a diagram's: a crafted state, dropped. */
const MAX_COORDINATE = 1e7;

/**
 * The participants' colours: each at least 3:1 against the canvas in the light and the dark theme
 * (WCAG 1.4.11: a pointer and an outline are marks a user must see), and `ink` the text colour of
 * the name label drawn on it, at least 4.5:1 (presence-palette.test.ts measures both).
 */
export const PALETTE = [
  { colour: '#2165ed', ink: '#ffffff' },
  { colour: '#d41173', ink: '#ffffff' },
  { colour: '#0c996a', ink: '#111827' },
  { colour: '#d96512', ink: '#111827' },
  { colour: '#953bef', ink: '#ffffff' },
  { colour: '#0e92ac', ink: '#111827' },
  { colour: '#52970c', ink: '#111827' },
  { colour: '#c410c4', ink: '#ffffff' },
] as const;

export type PaletteColour = (typeof PALETTE)[number]['colour'];

/** The label text colour for a palette colour (white for anything unknown, which never reaches here). */
export function inkOf(colour: string): string {
  return PALETTE.find((entry) => entry.colour === colour)?.ink ?? '#ffffff';
}

/**
 * A name as it may be shown: control, bidi and invisible characters (hidden-characters.ts)
 * removed, spaces collapsed, trimmed, at most MAX_NAME_LENGTH characters (whole code points);
 * empty when nothing is left.
 * Example: cleanName('  Ana\u202E  Lopez ') === 'Ana Lopez'.
 */
export function cleanName(raw: string): string {
  const flat = raw.replace(HIDDEN_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  return [...flat].slice(0, MAX_NAME_LENGTH).join('').trim();
}

/** A small stable hash of a string (FNV-1a), for the colour a name prefers. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The palette colour of a participant whose published colour is not one of ours. */
export function fallbackColour(clientId: number): PaletteColour {
  return (PALETTE[Math.abs(Math.trunc(clientId)) % PALETTE.length] ?? PALETTE[0]).colour;
}

function isPaletteColour(value: string): value is PaletteColour {
  return PALETTE.some((entry) => entry.colour === value);
}

/**
 * My colour in a room: the one my name prefers, unless a participant with a smaller client id
 * already has it; then the next free one of the palette. Every client applies the same rule, so
 * two people who would share a colour end with two (the one with the larger id moves), and a
 * colour never changes because someone with a larger id arrives. With more people than colours,
 * the preferred one.
 * Example: chooseColour('Ana', 9, []) is always the same palette colour.
 */
export function chooseColour(
  name: string,
  myClientId: number,
  others: readonly { readonly clientId: number; readonly colour: string }[],
): PaletteColour {
  const taken = new Set(others.filter((o) => o.clientId < myClientId).map((o) => o.colour));
  const start = hashOf(name) % PALETTE.length;
  for (let step = 0; step < PALETTE.length; step += 1) {
    const entry = PALETTE[(start + step) % PALETTE.length];
    if (entry && !taken.has(entry.colour)) return entry.colour;
  }
  return (PALETTE[start] ?? PALETTE[0]).colour;
}

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const pointSchema = z.object({ x: coordinate, y: coordinate });
const size = z
  .number()
  .finite()
  .positive()
  .max(MAX_COORDINATE * 10);
const viewSchema = z.object({ x: coordinate, y: coordinate, width: size, height: size });
const userSchema = z.object({ name: z.string().max(1000), colour: z.string().max(100) });

/**
 * Another client's awareness state as a PresenceState, or `null` when it has no usable `user`
 * (a client that has not said who it is, or a malformed one: it is not listed). Each other field is
 * read on its own: a malformed pointer, selection or view is dropped and the rest kept. Unknown
 * fields are ignored (the session code may publish its own). A colour that is not of the palette
 * becomes the client's fallback colour, so no foreign string reaches a style.
 */
export function readPresence(clientId: number, state: unknown): PresenceState | null {
  if (typeof state !== 'object' || state === null) return null;
  const record = state as Record<string, unknown>;
  const user = userSchema.safeParse(record.user);
  if (!user.success) return null;
  const name = cleanName(user.data.name);
  if (name === '') return null;
  const colour = user.data.colour.toLowerCase();
  const presence: {
    user: { name: string; colour: string };
    pointer?: { x: number; y: number };
    selection?: string[];
    view?: { x: number; y: number; width: number; height: number };
  } = { user: { name, colour: isPaletteColour(colour) ? colour : fallbackColour(clientId) } };
  const pointer = pointSchema.safeParse(record.pointer);
  if (pointer.success) presence.pointer = { x: pointer.data.x, y: pointer.data.y };
  const view = viewSchema.safeParse(record.view);
  if (view.success) {
    const { x, y, width, height } = view.data;
    presence.view = { x, y, width, height };
  }
  if (Array.isArray(record.selection)) {
    presence.selection = record.selection
      .slice(0, MAX_SELECTION)
      .filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH);
  }
  return presence;
}

/** One person in the room, as the People region and the canvas show them. */
export interface Participant {
  readonly clientId: number;
  readonly isMe: boolean;
  readonly presence: PresenceState;
}

/**
 * Everyone in the room with a usable presence: me first, then the others by name (then client id),
 * so the list does not reorder as people move their pointers; at most MAX_PARTICIPANTS.
 */
export function participantsOf(states: ReadonlyMap<number, unknown>, myClientId: number): Participant[] {
  const list: Participant[] = [];
  for (const [clientId, state] of states) {
    let presence: PresenceState | null = null;
    try {
      presence = readPresence(clientId, state);
    } catch {
      // A state no reader expected (a getter that throws, a proxy): that participant is not shown.
      presence = null;
    }
    if (presence) list.push({ clientId, isMe: clientId === myClientId, presence });
  }
  return list
    .sort((a, b) => {
      if (a.isMe !== b.isMe) return a.isMe ? -1 : 1;
      const byName = a.presence.user.name.localeCompare(b.presence.user.name);
      return byName !== 0 ? byName : a.clientId - b.clientId;
    })
    .slice(0, MAX_PARTICIPANTS);
}
