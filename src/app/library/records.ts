import { z } from 'zod';
import { MAX_DOCUMENT_NAME_LENGTH } from '../../document';
import { DOCUMENT_ORIGINS, type DocumentOrigin } from '../../store/store';

// What the library keeps in IndexedDB, read as untrusted input (docs/security.md): another tab,
// an older or newer version of the designer, an extension or a failing disk may have written it.
// Records are loose objects: a newer version may add fields, and this one must still read them
// rather than treat the newest save as unreadable (issue 11, observation 4).

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const time = z.number().finite().min(0);

export const headSchema = z.looseObject({
  slot: z.union([z.literal(0), z.literal(1)]),
  rev: count,
  tab: z.string().max(64),
  // The save this one replaced (`saveKey`), so a tab can tell a save made on top of the one it
  // knows from one made beside it.
  base: z.string().max(100).optional(),
});
/** Names a document's newest save: its slot, its revision, the tab that wrote it and what it replaced. */
export type Head = z.infer<typeof headSchema>;

/** One of a document's two saves. It carries its own revision, so a lost head can be rebuilt. */
export const slotRecordSchema = z.looseObject({
  rev: count,
  tab: z.string().max(64),
  base: z.string().max(100).optional(),
  savedAt: time,
  text: z.string(),
});
export type SlotRecord = z.infer<typeof slotRecordSchema>;

/** Where a document came from, as the library lists it. */
export type Origin = DocumentOrigin;

/** What "Open recent" lists: kept beside the saves so listing never parses a document. */
export const entrySchema = z.looseObject({
  id: z.string().min(1).max(100),
  name: z.string().max(MAX_DOCUMENT_NAME_LENGTH).catch(''),
  origin: z.enum(DOCUMENT_ORIGINS).catch('new'),
  createdAt: time.catch(0),
  updatedAt: time.catch(0),
  bytes: count.catch(0),
  components: count.catch(0),
  /** When it was deleted; `null` while it is in the library. Deleted documents are kept for a while. */
  deletedAt: time.nullable().catch(null),
});
export type LibraryEntry = z.infer<typeof entrySchema>;

/** A save that could not be read, kept so the user can still download its text. */
export const unreadableSchema = z.looseObject({
  key: z.number().int(),
  at: time.catch(0),
  /** Where it was found, in words ("the newest save of “Site A”"). */
  source: z.string().max(300).catch('an earlier save'),
  reason: z.string().max(2000).catch('It could not be read.'),
  text: z.string().catch(''),
});
export type UnreadableRecord = z.infer<typeof unreadableSchema>;

/** A save's identity: a revision alone is not one, since two tabs can write the same revision at once. */
export function saveKey(head: Pick<Head, 'rev' | 'tab'> | null): string {
  return head ? `${head.rev}:${head.tab}` : '';
}

/** True when both name the same save (or both none), whatever slot each reads it from. */
export function isSameSave(a: Head | null, b: Head | null): boolean {
  return saveKey(a) === saveKey(b);
}

/** A record read through its schema, or `null` when it is absent or unreadable. */
export function readRecord<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === undefined || value === null) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What a tab does when another tab saves the document it has open. */
export type RivalSave = 'ignore' | 'follow' | 'conflict';

/**
 * Judges another tab's save of the open document. `incoming` is the head that save wrote,
 * `current` the head now. A tab follows only a save made on top of the one it knows, and only
 * while it has no unsaved edits; anything else is the user's choice.
 * @example judgeRivalSave({ known, incoming: next, current: next, hasLocalEdits: false }) // 'follow'
 */
export function judgeRivalSave(change: {
  readonly known: Head | null;
  readonly incoming: Head | null;
  readonly current: Head | null;
  readonly hasLocalEdits: boolean;
}): RivalSave {
  const { known, incoming, current, hasLocalEdits } = change;
  // Nothing readable is saved: this tab's next save writes a new head.
  if (current === null) return 'ignore';
  // The save this tab knows is still the newest: the message was for a write that it replaced.
  if (isSameSave(current, known)) return 'ignore';
  const buildsOnKnown = incoming !== null && incoming.base === saveKey(known);
  return buildsOnKnown && !hasLocalEdits ? 'follow' : 'conflict';
}
