import { openDatabase } from './idb';

// The library's database and how it is opened, in a module that imports nothing heavy: the page
// starts opening it before the rest of its script is evaluated (src/app/open-early.ts).

export const DATABASE_NAME = 'wfm-topology';
const DATABASE_VERSION = 1;
export const STORES = {
  entries: 'documents',
  heads: 'heads',
  slots: 'slots',
  unreadable: 'unreadable',
} as const;

/** Opens (creating or upgrading) the library's database; `null` without IndexedDB or when it refuses. */
export function openLibraryDatabase(factory: IDBFactory | undefined): Promise<IDBDatabase | null> {
  if (!factory) return Promise.resolve(null);
  return openDatabase(factory, DATABASE_NAME, DATABASE_VERSION, (database) => {
    if (!database.objectStoreNames.contains(STORES.entries))
      database.createObjectStore(STORES.entries, { keyPath: 'id' });
    if (!database.objectStoreNames.contains(STORES.heads)) database.createObjectStore(STORES.heads);
    if (!database.objectStoreNames.contains(STORES.slots)) database.createObjectStore(STORES.slots);
    if (!database.objectStoreNames.contains(STORES.unreadable))
      database.createObjectStore(STORES.unreadable, { keyPath: 'key', autoIncrement: true });
  });
}
