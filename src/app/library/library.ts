import { serializeDocument, type TopologyDocument } from '../../document';
import { importText } from '../../export/import-file';
import { newDocumentId } from '../../store/document-id';
import { openLibraryDatabase, STORES } from './database';
import { inTransaction, request } from './idb';
import {
  entrySchema,
  type Head,
  headSchema,
  isSameSave,
  type LibraryEntry,
  type Origin,
  readRecord,
  type SlotRecord,
  saveKey,
  slotRecordSchema,
  type UnreadableRecord,
  unreadableSchema,
} from './records';

export { DATABASE_NAME, STORES } from './database';

/**
 * The library of documents in IndexedDB (issue 11, decision 015). Every document the user opens,
 * imports, receives by link or creates has an entry (what "Open recent" lists), a head and two
 * slots: a save goes into the slot the head does not name, and the head moves in the same
 * transaction, so the previous save stays whole beside the newest. An unreadable save is moved
 * aside, never deleted.
 */
const DOCUMENT_STORES = [STORES.entries, STORES.heads, STORES.slots, STORES.unreadable] as const;

export const QUOTA_MESSAGE =
  'Your browser’s storage is full, so the latest changes are not saved in this browser. Export the document to a file to keep them.';
export const STORAGE_OFF_MESSAGE =
  'This browser does not let the designer save (storage is off, perhaps a private window). Export the document to a file to keep your work.';

export type LoadOutcome =
  | {
      readonly kind: 'loaded';
      readonly document: TopologyDocument;
      /** The head as this tab now knows it; its `slot` is where the document came from. */
      readonly head: Head;
      /** What the user must be told: a save moved aside, another kept as a document of its own. */
      readonly messages: readonly string[];
    }
  | { readonly kind: 'empty'; readonly messages: readonly string[] };

export type SaveResult =
  | { readonly kind: 'saved'; readonly head: Head; readonly entry: LibraryEntry }
  | { readonly kind: 'conflict'; readonly head: Head }
  | { readonly kind: 'failed'; readonly message: string };

export interface NewDocument {
  readonly document: TopologyDocument;
  readonly origin: Origin;
  /** Shown in "Open recent" instead of the document's own name (e.g. "Site A (older save)"). */
  readonly name?: string;
}

const UNTITLED = 'Untitled deployment';

export function entryTitle(entry: Pick<LibraryEntry, 'name'>): string {
  return entry.name.trim() || UNTITLED;
}

function slotKey(id: string, slot: 0 | 1): [string, number] {
  return [id, slot];
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** The head a slot record stands for when the stored head is lost. */
function headOf(slot: 0 | 1, record: SlotRecord): Head {
  return record.base === undefined
    ? { slot, rev: record.rev, tab: record.tab }
    : { slot, rev: record.rev, tab: record.tab, base: record.base };
}

/** The readable slots, newest revision first. */
function slotsByRevision(records: readonly [SlotRecord | null, SlotRecord | null]): (0 | 1)[] {
  const slots: (0 | 1)[] = [];
  if (records[0]) slots.push(0);
  if (records[1]) slots.push(1);
  return slots.sort((a, b) => (records[b]?.rev ?? 0) - (records[a]?.rev ?? 0));
}

export class DocumentLibrary {
  private constructor(private readonly db: IDBDatabase) {
    // A newer version of the designer in another tab upgrades the database: let it.
    db.onversionchange = () => db.close();
  }

  /** Opens the library, or `null` when this browser keeps no IndexedDB (storage off). */
  static async open(factory: IDBFactory | undefined): Promise<DocumentLibrary | null> {
    return DocumentLibrary.over(openLibraryDatabase(factory));
  }

  /** The library over its database, whose opening the page started early (src/app/open-early.ts). */
  static async over(opening: Promise<IDBDatabase | null>): Promise<DocumentLibrary | null> {
    const db = await opening;
    return db ? new DocumentLibrary(db) : null;
  }

  close(): void {
    this.db.close();
  }

  /** Every entry, newest first, deleted ones included (the dialog shows them apart). */
  async list(): Promise<LibraryEntry[]> {
    const raw = await inTransaction(this.db, [STORES.entries], 'readonly', (tx) =>
      request(tx.objectStore(STORES.entries).getAll()),
    );
    return raw
      .flatMap((value) => {
        const entry = readRecord(entrySchema, value);
        return entry ? [entry] : [];
      })
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async entry(id: string): Promise<LibraryEntry | null> {
    const raw = await inTransaction(this.db, [STORES.entries], 'readonly', (tx) =>
      request(tx.objectStore(STORES.entries).get(id)),
    );
    return readRecord(entrySchema, raw);
  }

  /** Saves that could not be read, oldest first. */
  async unreadable(): Promise<UnreadableRecord[]> {
    const raw = await inTransaction(this.db, [STORES.unreadable], 'readonly', (tx) =>
      request(tx.objectStore(STORES.unreadable).getAll()),
    );
    return raw.flatMap((value) => {
      const record = readRecord(unreadableSchema, value);
      return record ? [record] : [];
    });
  }

  async discardUnreadable(key: number): Promise<void> {
    await inTransaction(this.db, [STORES.unreadable], 'readwrite', (tx) =>
      request(tx.objectStore(STORES.unreadable).delete(key)),
    );
  }

  /** Keeps text that could not be read (a legacy save, a broken journal) where the user can find it. */
  async keepUnreadable(source: string, reason: string, text: string): Promise<void> {
    await inTransaction(this.db, [STORES.unreadable], 'readwrite', (tx) =>
      request(tx.objectStore(STORES.unreadable).add({ at: Date.now(), source, reason, text })),
    );
  }

  /** The newest save's head, rebuilt from the slots when the stored one cannot be read. */
  async head(id: string): Promise<Head | null> {
    return inTransaction(this.db, [STORES.heads, STORES.slots], 'readonly', async (tx) => {
      const stored = readRecord(headSchema, await request(tx.objectStore(STORES.heads).get(id)));
      if (stored) return stored;
      const records = await this.readSlots(tx, id);
      const [newest] = slotsByRevision(records);
      const record = newest === undefined ? null : records[newest];
      return newest === undefined || !record ? null : headOf(newest, record);
    });
  }

  private async readSlots(tx: IDBTransaction, id: string): Promise<[SlotRecord | null, SlotRecord | null]> {
    const slots = tx.objectStore(STORES.slots);
    const [a, b] = await Promise.all([
      request(slots.get(slotKey(id, 0))),
      request(slots.get(slotKey(id, 1))),
    ]);
    return [readRecord(slotRecordSchema, a), readRecord(slotRecordSchema, b)];
  }

  /**
   * Opens a document's newest readable save. A save that cannot be read is moved aside and the
   * other slot (the previous save) is opened. When the head itself cannot be read, the newest
   * readable slot by the revision it carries is opened and the other one is kept as a document of
   * its own, so neither is lost. The head is repaired in the same transaction.
   */
  async load(id: string): Promise<LoadOutcome> {
    return inTransaction(this.db, DOCUMENT_STORES, 'readwrite', async (tx) => {
      const heads = tx.objectStore(STORES.heads);
      const slots = tx.objectStore(STORES.slots);
      const rawHead = await request(heads.get(id));
      const entry = readRecord(entrySchema, await request(tx.objectStore(STORES.entries).get(id)));
      const title = `“${entry ? entryTitle(entry) : UNTITLED}”`;
      const rawSlots = await Promise.all([
        request(slots.get(slotKey(id, 0))),
        request(slots.get(slotKey(id, 1))),
      ]);
      const records: [SlotRecord | null, SlotRecord | null] = [
        readRecord(slotRecordSchema, rawSlots[0]),
        readRecord(slotRecordSchema, rawSlots[1]),
      ];
      const messages: string[] = [];
      const moveAside = (slot: 0 | 1, reason: string) => {
        const raw = rawSlots[slot];
        const text = records[slot]?.text ?? safeStringify(raw);
        tx.objectStore(STORES.unreadable).add({ at: Date.now(), source: `a save of ${title}`, reason, text });
        slots.delete(slotKey(id, slot));
        records[slot] = null;
        messages.push(
          `A save of ${title} could not be read (${reason.replace(/\.$/, '')}). Its text is kept under “Unreadable saves” in Open recent.`,
        );
      };
      for (const slot of [0, 1] as const) {
        if (rawSlots[slot] !== undefined && records[slot] === null) moveAside(slot, 'its record is damaged');
      }
      const head = readRecord(headSchema, rawHead);
      const headLost = rawHead !== undefined && head === null;
      const order: (0 | 1)[] = head ? [head.slot, head.slot === 0 ? 1 : 0] : slotsByRevision(records);
      for (const slot of order) {
        const record = records[slot];
        if (!record) continue;
        const result = importText(record.text, title);
        if (!result.ok) {
          moveAside(slot, result.error.message);
          continue;
        }
        const opened: Head = head && head.slot === slot ? head : headOf(slot, record);
        if (!head || head.slot !== slot) {
          heads.put(opened, id);
          if (head) messages.push(`The newest save of ${title} was missing, so the save before it is open.`);
        }
        const other = records[slot === 0 ? 1 : 0];
        const otherResult =
          !head && other && other.text !== record.text ? importText(other.text, title) : null;
        if (otherResult?.ok) {
          // Without a head, which slot is newest rests on the revisions the slots carry: keep the
          // other one as a document of its own rather than overwrite it with the next save.
          const kept = await this.addDocument(tx, {
            document: otherResult.document,
            origin: 'recovered',
            name: `${entry ? entryTitle(entry) : UNTITLED} (other save)`,
          });
          messages.push(
            `The record that names the newest save of ${title} ${headLost ? 'could not be read' : 'was missing'}. The newest save (revision ${record.rev}) is open; the other save is kept as “${entryTitle(kept)}” in Open recent.`,
          );
        }
        return { kind: 'loaded', document: result.document, head: opened, messages };
      }
      return { kind: 'empty', messages };
    });
  }

  /**
   * Saves into the slot the known head does not name, then moves the head, in one transaction.
   * Refuses with `conflict` when the head is no longer the save this tab knows (another tab saved
   * since): nothing is overwritten silently. A deleted document that is saved again is back in
   * the library.
   */
  async save(
    id: string,
    document: TopologyDocument,
    tab: string,
    known: Head | null,
    origin: Origin,
  ): Promise<SaveResult> {
    const text = serializeDocument(document);
    try {
      return await inTransaction(
        this.db,
        [STORES.entries, STORES.heads, STORES.slots],
        'readwrite',
        async (tx) => {
          const heads = tx.objectStore(STORES.heads);
          const stored = readRecord(headSchema, await request(heads.get(id)));
          const records = stored ? null : await this.readSlots(tx, id);
          const newest = records ? slotsByRevision(records)[0] : undefined;
          const newestRecord = records && newest !== undefined ? records[newest] : null;
          const current =
            stored ?? (newest !== undefined && newestRecord ? headOf(newest, newestRecord) : null);
          if (current && !isSameSave(current, known)) return { kind: 'conflict', head: current };
          const named = known ?? current;
          const slot: 0 | 1 = named ? (named.slot === 0 ? 1 : 0) : 0;
          const rev = Math.max(current?.rev ?? 0, known?.rev ?? 0) + 1;
          const head: Head = { slot, rev, tab, base: saveKey(current) };
          const now = Date.now();
          const record: SlotRecord = { rev, tab, base: head.base, savedAt: now, text };
          tx.objectStore(STORES.slots).put(record, slotKey(id, slot));
          heads.put(head, id);
          const entries = tx.objectStore(STORES.entries);
          const previous = readRecord(entrySchema, await request(entries.get(id)));
          const entry: LibraryEntry = {
            id,
            name: document.name ?? '',
            origin: previous?.origin ?? origin,
            createdAt: previous?.createdAt ?? now,
            updatedAt: now,
            bytes: utf8Length(text),
            components: document.components.length,
            deletedAt: null,
          };
          entries.put(entry);
          return { kind: 'saved', head, entry };
        },
      );
    } catch (error) {
      return { kind: 'failed', message: isQuotaError(error) ? QUOTA_MESSAGE : STORAGE_OFF_MESSAGE };
    }
  }

  /** Adds a document of its own (a kept copy, a migrated save); returns its entry. */
  async add(item: NewDocument): Promise<LibraryEntry> {
    return inTransaction(this.db, [STORES.entries, STORES.heads, STORES.slots], 'readwrite', (tx) =>
      this.addDocument(tx, item),
    );
  }

  private async addDocument(tx: IDBTransaction, item: NewDocument): Promise<LibraryEntry> {
    const id = newDocumentId();
    const text = serializeDocument(item.document);
    const now = Date.now();
    const head: Head = { slot: 0, rev: 1, tab: 'library', base: '' };
    tx.objectStore(STORES.slots).put(
      { rev: 1, tab: head.tab, base: '', savedAt: now, text } satisfies SlotRecord,
      slotKey(id, 0),
    );
    tx.objectStore(STORES.heads).put(head, id);
    const entry: LibraryEntry = {
      id,
      name: item.name ?? item.document.name ?? '',
      origin: item.origin,
      createdAt: now,
      updatedAt: now,
      bytes: utf8Length(text),
      components: item.document.components.length,
      deletedAt: null,
    };
    tx.objectStore(STORES.entries).put(entry);
    return entry;
  }

  /** Marks a document deleted; it stays restorable until `purgeDeleted` removes it. */
  async remove(id: string, at = Date.now()): Promise<void> {
    await this.setDeleted(id, at);
  }

  async restore(id: string): Promise<void> {
    await this.setDeleted(id, null);
  }

  private async setDeleted(id: string, deletedAt: number | null): Promise<void> {
    await inTransaction(this.db, [STORES.entries], 'readwrite', async (tx) => {
      const entries = tx.objectStore(STORES.entries);
      const entry = readRecord(entrySchema, await request(entries.get(id)));
      if (entry) entries.put({ ...entry, deletedAt });
    });
  }

  /** Removes for good the documents deleted before `before`; returns how many. */
  async purgeDeleted(before: number): Promise<number> {
    return inTransaction(this.db, [STORES.entries, STORES.heads, STORES.slots], 'readwrite', async (tx) => {
      const entries = tx.objectStore(STORES.entries);
      const all = await request(entries.getAll());
      let purged = 0;
      for (const value of all) {
        const entry = readRecord(entrySchema, value);
        if (!entry || entry.deletedAt === null || entry.deletedAt >= before) continue;
        entries.delete(entry.id);
        tx.objectStore(STORES.heads).delete(entry.id);
        tx.objectStore(STORES.slots).delete(slotKey(entry.id, 0));
        tx.objectStore(STORES.slots).delete(slotKey(entry.id, 1));
        purged += 1;
      }
      return purged;
    });
  }
}

function safeStringify(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  } catch {
    return '';
  }
}
