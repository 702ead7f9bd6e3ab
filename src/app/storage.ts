import { z } from 'zod';
import { parseDocument, serializeDocument, type TopologyDocument } from '../document';

/**
 * Browser storage of the open document (docs/security.md, decision 007). Two slots written in turn
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
});
export type StorageHead = z.infer<typeof headSchema>;

/** The head, or `null` when there is none or it cannot be read (then slot 0 is the one to try). */
export function readHead(storage: Storage): StorageHead | null {
  let text: string | null;
  try {
    text = storage.getItem(HEAD_KEY);
  } catch {
    return null;
  }
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

export interface Recovered {
  readonly movedTo: string | null;
  readonly reason: string;
}

export type LoadResult =
  | { readonly kind: 'empty'; readonly rev: number; readonly recovered: readonly Recovered[] }
  | {
      readonly kind: 'loaded';
      readonly document: TopologyDocument;
      readonly rev: number;
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
 * Reads the newest good save through the same pipeline as a file. A slot that cannot be read is
 * moved aside and the other slot (the previous save) is tried.
 */
export function loadSavedDocument(storage: Storage): LoadResult {
  const head = readHead(storage);
  const order: readonly (0 | 1)[] = head?.slot === 1 ? [1, 0] : [0, 1];
  const rev = head?.rev ?? 0;
  const recovered: Recovered[] = [];
  for (const slot of order) {
    const key = SLOT_KEYS[slot];
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      return { kind: 'empty', rev, recovered };
    }
    if (text === null) continue;
    const result = parseDocument(text);
    if (result.ok) return { kind: 'loaded', document: result.document, rev, recovered };
    recovered.push(moveAside(storage, key, text, result.error.message));
  }
  return { kind: 'empty', rev, recovered };
}

/** Reads the document the head names, for a tab that follows another tab's save. */
export function readHeadDocument(storage: Storage): TopologyDocument | null {
  const loaded = loadSavedDocument(storage);
  return loaded.kind === 'loaded' ? loaded.document : null;
}

export type SaveResult =
  | { readonly kind: 'saved'; readonly rev: number }
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
 * Saves into the slot the head does not name, then moves the head. Refuses with `conflict` when
 * another tab saved since `expectedRev`: nothing is overwritten silently.
 */
export function saveDocument(
  storage: Storage,
  document: TopologyDocument,
  tab: string,
  expectedRev: number,
): SaveResult {
  try {
    const head = readHead(storage);
    if (head && head.rev !== expectedRev) return { kind: 'conflict', head };
    const slot: 0 | 1 = head ? (head.slot === 0 ? 1 : 0) : storage.getItem(SLOT_KEYS[0]) === null ? 0 : 1;
    const rev = (head?.rev ?? 0) + 1;
    storage.setItem(SLOT_KEYS[slot], serializeDocument(document));
    storage.setItem(HEAD_KEY, JSON.stringify({ slot, rev, tab } satisfies StorageHead));
    return { kind: 'saved', rev };
  } catch (error) {
    return { kind: 'failed', message: isQuotaError(error) ? QUOTA_MESSAGE : STORAGE_OFF_MESSAGE };
  }
}

/** Keeps a copy of a document that a choice in another tab replaces; returns its key, or null. */
export function keepCopy(storage: Storage, document: TopologyDocument): string | null {
  const key = `${KEPT_KEY_PREFIX}${new Date().toISOString()}`;
  try {
    storage.setItem(key, serializeDocument(document));
    return key;
  } catch {
    return null;
  }
}
