import { expect, type Page } from '@playwright/test';
import type { Head, LibraryEntry, SlotRecord, UnreadableRecord } from '../src/app/library/records';

// The designer's library as the browser stores it (decision 015), read and written from the page
// the way another tab, another version of the designer or a failing disk would: straight through
// IndexedDB. The names are written out here rather than imported, so a test notices when the
// stored layout changes under the users' saved documents.

const DATABASE = 'wfm-topology';
const STORES = ['documents', 'heads', 'slots', 'unreadable'] as const;
export type StoreName = (typeof STORES)[number];
/** sessionStorage: the document this tab has open (it survives a reload of the tab). */
const OPEN_DOCUMENT_KEY = 'wfm-topology:open-document';

/** Every record of the library as stored, read in one transaction. */
export interface LibrarySnapshot {
  readonly entries: LibraryEntry[];
  /** Raw heads by document id: a test may have written one the designer cannot read. */
  readonly heads: Record<string, unknown>;
  /** Raw slots by document id, slot 0 and slot 1 (`undefined` where there is none). */
  readonly slots: Record<string, [unknown, unknown]>;
  readonly unreadable: UnreadableRecord[];
}

export interface SavedDocument {
  name?: string;
  components: {
    id: string;
    kind: string;
    name: string;
    notes?: string;
    position?: { x: number; y: number };
  }[];
  connections: unknown[];
  options?: { managementLayer?: boolean; scheduledReporting?: boolean };
}

type Operation =
  | { readonly kind: 'read' }
  | { readonly kind: 'put'; readonly store: StoreName; readonly value: unknown; readonly key?: IDBValidKey }
  | { readonly kind: 'clear' };

interface DatabaseArgument {
  readonly name: string;
  readonly stores: readonly StoreName[];
  readonly operation: Operation;
}

interface RawSnapshot {
  readonly stores: Record<StoreName, { key: IDBValidKey; value: unknown }[]>;
}

/**
 * Runs one operation on the library's database from inside the page. A database the designer has
 * not created yet is not created by reading it (the upgrade is aborted): it reads as empty.
 */
function inDatabase(page: Page, operation: Operation): Promise<RawSnapshot | null> {
  // Passed as JSON text: Playwright's argument types recurse without end over `IDBValidKey`.
  const arg = JSON.stringify({ name: DATABASE, stores: STORES, operation } satisfies DatabaseArgument);
  return page.evaluate<RawSnapshot | null, string>(async (json) => {
    const { name, stores, operation } = JSON.parse(json) as DatabaseArgument;
    const db = await new Promise<IDBDatabase | null>((resolve) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    });
    if (!db) return null;
    try {
      const names = stores.filter((store) => db.objectStoreNames.contains(store));
      if (operation.kind === 'put') {
        const tx = db.transaction(operation.store, 'readwrite');
        const store = tx.objectStore(operation.store);
        if (operation.key === undefined) store.put(operation.value);
        else store.put(operation.value, operation.key);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error);
        });
        return null;
      }
      const tx = db.transaction(names, operation.kind === 'clear' ? 'readwrite' : 'readonly');
      const result = Object.fromEntries(stores.map((store) => [store, [] as unknown[]]));
      await Promise.all(
        names.map(
          (store) =>
            new Promise<void>((resolve, reject) => {
              const cursor = tx.objectStore(store).openCursor();
              cursor.onsuccess = () => {
                const current = cursor.result;
                if (!current) return resolve();
                result[store]?.push({ key: current.key, value: current.value });
                if (operation.kind === 'clear') current.delete();
                current.continue();
              };
              cursor.onerror = () => reject(cursor.error);
            }),
        ),
      );
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
      return { stores: result } as unknown as RawSnapshot;
    } finally {
      db.close();
    }
  }, arg);
}

/** The library's records as stored now. */
export async function readLibrary(page: Page): Promise<LibrarySnapshot> {
  const raw = await inDatabase(page, { kind: 'read' });
  const snapshot: LibrarySnapshot = { entries: [], heads: {}, slots: {}, unreadable: [] };
  if (!raw) return snapshot;
  for (const { value } of raw.stores.documents) snapshot.entries.push(value as LibraryEntry);
  for (const { key, value } of raw.stores.heads) snapshot.heads[String(key)] = value;
  for (const { key, value } of raw.stores.slots) {
    const [id, slot] = key as [string, 0 | 1];
    const pair = snapshot.slots[id] ?? [undefined, undefined];
    pair[slot] = value;
    snapshot.slots[id] = pair;
  }
  for (const { value } of raw.stores.unreadable) snapshot.unreadable.push(value as UnreadableRecord);
  return snapshot;
}

/** Writes one raw record, as another version of the designer or a failing disk might. */
export async function putRecord(
  page: Page,
  store: StoreName,
  value: unknown,
  key?: IDBValidKey,
): Promise<void> {
  await inDatabase(
    page,
    key === undefined ? { kind: 'put', store, value } : { kind: 'put', store, value, key },
  );
}

/** Empties every store of the library; returns how many records there were. */
export async function clearLibrary(page: Page): Promise<number> {
  const raw = await inDatabase(page, { kind: 'clear' });
  return raw ? Object.values(raw.stores).reduce((sum, records) => sum + records.length, 0) : 0;
}

/**
 * Keeps the library busy from this page, as another tab in the middle of a long write does: a
 * read-write transaction over every store stays open (a request from each request's success)
 * until the returned function releases it. Saves of every other tab wait behind it.
 */
export async function holdLibrary(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    async ({ name, stores }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(stores, 'readwrite');
      tx.oncomplete = () => db.close();
      const store = tx.objectStore(stores[0] ?? '');
      const holder = window as unknown as { __releaseLibrary?: () => void };
      let held = true;
      holder.__releaseLibrary = () => {
        held = false;
      };
      const spin = () => {
        if (held) store.get('held').onsuccess = spin;
      };
      // Resolves once the transaction has started: from then on it holds the stores.
      await new Promise<void>((resolve) => {
        store.get('held').onsuccess = () => {
          resolve();
          spin();
        };
      });
    },
    { name: DATABASE, stores: [...STORES] },
  );
  return async () => {
    await page.evaluate(() => (window as unknown as { __releaseLibrary?: () => void }).__releaseLibrary?.());
  };
}

/** The id of the document this tab has open. */
export async function openDocumentId(page: Page): Promise<string> {
  const id = await page.evaluate((key) => window.sessionStorage.getItem(key), OPEN_DOCUMENT_KEY);
  if (id === null) throw new Error('the tab names no open document');
  return id;
}

/** The live (not deleted) entry whose name is `name`. */
export function entryNamed(snapshot: LibrarySnapshot, name: string): LibraryEntry | undefined {
  return snapshot.entries.find((entry) => entry.name === name && entry.deletedAt === null);
}

/** The newest save of a document (of the tab's open document by default): its head and its record. */
export async function newestSave(
  page: Page,
  id?: string,
): Promise<{ head: Head; record: SlotRecord; other: SlotRecord | null } | null> {
  const documentId = id ?? (await openDocumentId(page));
  const snapshot = await readLibrary(page);
  const head = snapshot.heads[documentId] as Head | undefined;
  const slots = snapshot.slots[documentId];
  if (!head || !slots) return null;
  const record = slots[head.slot] as SlotRecord | undefined;
  if (!record) return null;
  return { head, record, other: (slots[head.slot === 0 ? 1 : 0] as SlotRecord | undefined) ?? null };
}

/** The document of the newest save, parsed (`null` when nothing is saved). */
export async function savedDocument(page: Page, id?: string): Promise<SavedDocument | null> {
  const save = await newestSave(page, id);
  return save ? (JSON.parse(save.record.text) as SavedDocument) : null;
}

export function componentNames(document: SavedDocument | null): string[] {
  return (document?.components ?? []).map((component) => component.name).sort();
}

/** Waits until autosave (400 ms after the last change) has saved the open document with these components. */
export async function expectSaved(page: Page, names: readonly string[], id?: string): Promise<void> {
  await expect
    .poll(async () => componentNames(await savedDocument(page, id)), {
      message: 'the newest save holds these components',
      timeout: 10_000,
    })
    .toEqual([...names].sort());
}
