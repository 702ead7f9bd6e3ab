import { z } from 'zod';
import { roomIdOf, viewKeyOf } from '../collab/capability';
import { type ClassLink, ENTRY_KEY_PATTERN, rosterEntrySchema } from '../collab/roster';

// A learner's seat in a class, kept in this browser (decision 037): the key of their roster entry
// and the name they gave, under the class room's id. Joining the same class again (the class link
// opened again, or reloaded) writes the same entry, so the trainer's dashboard shows this browser
// once. No key is kept: the entry's key only names a roster slot, which every holder of the class
// link can read anyway. What storage holds is hostile input like a file: another script, an old
// version or a hand may have written it, so it is read through a strict schema and a size cap.

const SEAT_PREFIX = 'wfm-topology:class-seat:';
/** More than any seat takes: a longer value is not read at all. */
const MAX_SEAT_CHARS = 1000;

const seatSchema = z.strictObject({
  entry: z.string().regex(ENTRY_KEY_PATTERN),
  name: rosterEntrySchema.shape.name,
});

export type Seat = z.infer<typeof seatSchema>;

type SeatStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Where the seat of the class of `link` is kept: its class room's id (no key of the class). */
export async function seatKey(link: Pick<ClassLink, 'classKey'>): Promise<string> {
  return `${SEAT_PREFIX}${await roomIdOf(await viewKeyOf(link.classKey))}`;
}

/** The seat kept under `key`, or `null` when there is none usable. */
export function readSeat(storage: SeatStorage | null, key: string): Seat | null {
  try {
    const raw = storage?.getItem(key);
    if (typeof raw !== 'string' || raw.length > MAX_SEAT_CHARS) return null;
    const parsed = seatSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the seat; storage off or full keeps nothing (joining again then makes a new entry). */
export function writeSeat(storage: SeatStorage | null, key: string, seat: Seat): void {
  try {
    storage?.setItem(key, JSON.stringify(seat));
  } catch {
    // Nothing to do: the class is joined all the same.
  }
}

/** This page's localStorage, or `null` when it is off. */
export function seatStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
