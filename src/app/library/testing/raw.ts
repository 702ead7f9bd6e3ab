import { DATABASE_NAME } from '../library';

/** The library's database opened directly, to write what another version or a failing disk might. */
export function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Puts a raw value into one of the library's stores. */
export async function rawPut(
  factory: IDBFactory,
  store: string,
  value: unknown,
  key?: IDBValidKey,
): Promise<void> {
  const db = await openRaw(factory);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    if (key === undefined) tx.objectStore(store).put(value);
    else tx.objectStore(store).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Reads a raw value from one of the library's stores. */
export async function rawGet(factory: IDBFactory, store: string, key: IDBValidKey): Promise<unknown> {
  const db = await openRaw(factory);
  const value = await new Promise<unknown>((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return value;
}
