import { z } from 'zod';
import { serializeDocument, type TopologyDocument } from '../document';
import { importText } from './import-file';

/**
 * Browser storage of the open document (docs/security.md, decision 010). Two slots written in turn
 * and a head that names the newest: a crash or a quota error in the middle of a write leaves the
 * previous good save behind. An unreadable save is moved aside, never deleted.
 */
export const SLOT_KEYS = ['wfm-topology:document', 'wfm-topology:document:b'] as const;
export const HEAD_KEY = 'wfm-topology:document:head';
/** Where an unreadable saved document is moved aside. */
export const CORRUPT_KEY_PREFIX = 'wfm-topology:corrupt:';
/** Where a version that was replaced by a choice in another tab is kept. */
export const KEPT_KEY_PREFIX = 'wfm-topology:kept:';

const headSchema = z.strictObject({
  slot: z.union([z.literal(0), z.literal(1)]),
  rev: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  tab: z.string().max(64),
  // The save this one replaced (`saveKey`), so a tab can tell a save made on top of the one it
  // knows from one made beside it. Optional: heads written before it existed have none.
  base: z.string().max(100).optional(),
});
/** The head names the newest save: its slot, its revision, the tab that wrote it and what it replaced. */
export type StorageHead = z.infer<typeof headSchema>;

/** A save's identity: a revision alone is not one, since two tabs can write the same revision at once. */
export function saveKey(head: StorageHead | null): string {
  return head ? `${head.rev}:${head.tab}` : '';
}

/** True when both name the same save (or both none), whatever slot each reads it from. */
export function isSameSave(a: StorageHead | null, b: StorageHead | null): boolean {
  return saveKey(a) === saveKey(b);
}

/** A head from its stored text, or `null` when there is none or it cannot be read. */
export function parseHead(text: string | null): StorageHead | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = headSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The head, or `null` when there is none or it cannot be read (then slot 0 is the one to try). */
export function readHead(storage: Storage): StorageHead | null {
  try {
    return parseHead(storage.getItem(HEAD_KEY));
  } catch {
    return null;
  }
}

export interface Recovered {
  /** The key the unreadable text now lives under, or `null` when it could not be moved (it stayed put). */
  readonly movedTo: string | null;
  readonly reason: string;
}

export type LoadResult =
  | { readonly kind: 'empty'; readonly head: StorageHead | null; readonly recovered: readonly Recovered[] }
  | {
      readonly kind: 'loaded';
      readonly document: TopologyDocument;
      /** The head as this tab knows it; `slot` is the slot the document came from. */
      readonly head: StorageHead | null;
      readonly recovered: readonly Recovered[];
    };

function moveAside(storage: Storage, key: string, text: string, reason: string): Recovered {
  const movedTo = `${CORRUPT_KEY_PREFIX}${new Date().toISOString()}:${key}`;
  try {
    storage.setItem(movedTo, text);
    storage.removeItem(key);
    return { movedTo, reason };
  } catch {
    // Storage is full or off: leave the text where it is, so it is still not lost.
    return { movedTo: null, reason };
  }
}

/**
 * Reads the newest good save through the same pipeline as a file (`importText`). A slot that
 * cannot be read is moved aside and the other slot (the previous save) is tried.
 */
export function loadSavedDocument(storage: Storage): LoadResult {
  const head = readHead(storage);
  const order: readonly (0 | 1)[] = head?.slot === 1 ? [1, 0] : [0, 1];
  const recovered: Recovered[] = [];
  for (const slot of order) {
    const key = SLOT_KEYS[slot];
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      return { kind: 'empty', head, recovered };
    }
    if (text === null) continue;
    const result = importText(text, key);
    if (result.ok) {
      // The next save goes to the other slot, so the save that just opened is the one kept.
      return { kind: 'loaded', document: result.document, head: head && { ...head, slot }, recovered };
    }
    recovered.push(moveAside(storage, key, text, result.error.message));
  }
  return { kind: 'empty', head, recovered };
}

export type SaveResult =
  | { readonly kind: 'saved'; readonly head: StorageHead }
  | { readonly kind: 'conflict'; readonly head: StorageHead }
  | { readonly kind: 'failed'; readonly message: string };

export const QUOTA_MESSAGE =
  'Your browser’s storage is full, so the latest changes are not saved in this browser. Export the document to a file to keep them.';
export const STORAGE_OFF_MESSAGE =
  'This browser does not let the designer save (storage is off, perhaps a private window). Export the document to a file to keep your work.';

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22)
  );
}

/**
 * Saves into the slot `known` does not name, then moves the head. Refuses with `conflict` when
 * the head is no longer the save this tab knows (another tab saved since): nothing is overwritten
 * silently. A missing head (storage cleared) has nothing to overwrite.
 */
export function saveDocument(
  storage: Storage,
  document: TopologyDocument,
  tab: string,
  known: StorageHead | null,
): SaveResult {
  try {
    const current = readHead(storage);
    if (current && !isSameSave(current, known)) return { kind: 'conflict', head: current };
    const named = known ?? current;
    const slot: 0 | 1 = named ? (named.slot === 0 ? 1 : 0) : storage.getItem(SLOT_KEYS[0]) === null ? 0 : 1;
    const head: StorageHead = {
      slot,
      rev: Math.max(current?.rev ?? 0, known?.rev ?? 0) + 1,
      tab,
      base: saveKey(current),
    };
    storage.setItem(SLOT_KEYS[slot], serializeDocument(document));
    storage.setItem(HEAD_KEY, JSON.stringify(head));
    return { kind: 'saved', head };
  } catch (error) {
    return { kind: 'failed', message: isQuotaError(error) ? QUOTA_MESSAGE : STORAGE_OFF_MESSAGE };
  }
}

/** What a tab does when another tab moves the head. */
export type StorageChange = 'ignore' | 'follow' | 'conflict';

/**
 * Judges another tab's save. `incoming` is the head that save wrote (the storage event's new
 * value), `current` the head now. A tab follows only a save made on top of the one it knows, and
 * only while it has no unsaved edits; anything else (its edits, or a save that replaced its own
 * without seeing it) is the user's choice.
 * @example judgeStorageChange({ known, incoming: next, current: next, hasLocalEdits: false }) // 'follow'
 */
export function judgeStorageChange(change: {
  readonly known: StorageHead | null;
  readonly incoming: StorageHead | null;
  readonly current: StorageHead | null;
  readonly hasLocalEdits: boolean;
}): StorageChange {
  const { known, incoming, current, hasLocalEdits } = change;
  // No head (cleared, or unreadable): nothing to load; this tab's next save writes a new one.
  if (current === null) return 'ignore';
  // The save this tab knows is still the newest: the event was for a write that it replaced.
  if (isSameSave(current, known)) return 'ignore';
  const buildsOnKnown = incoming !== null && incoming.base === saveKey(known);
  return buildsOnKnown && !hasLocalEdits ? 'follow' : 'conflict';
}

/** Keeps a copy of a document that a choice in another tab replaces; returns its key, or null. */
export function keepCopy(
  storage: Storage,
  document: TopologyDocument,
  head: StorageHead | null,
): string | null {
  const key = `${KEPT_KEY_PREFIX}${new Date().toISOString()}:${saveKey(head) || 'unsaved'}`;
  try {
    storage.setItem(key, serializeDocument(document));
    return key;
  } catch {
    return null;
  }
}
