// Promises over IndexedDB's requests and transactions. A transaction stays active through the
// microtasks of a success callback, so `await request(...)` between two requests of one
// transaction keeps it open (every browser the designer supports, and fake-indexeddb in tests).

/** The value of a request, or its error. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException('The request failed.', 'UnknownError'));
  });
}

/** Resolves when the transaction has committed; rejects when it aborted (a quota error, a failed request). */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    const fail = () =>
      reject(transaction.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
    transaction.onerror = fail;
    transaction.onabort = fail;
  });
}

/**
 * Runs `work` in one transaction and returns its result once the transaction has committed, so a
 * caller never acts on a write that did not reach the disk. An exception in `work` aborts it.
 */
export async function inTransaction<T>(
  db: IDBDatabase,
  stores: readonly string[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => Promise<T>,
): Promise<T> {
  const transaction = db.transaction([...stores], mode);
  const done = committed(transaction);
  let result: T;
  try {
    result = await work(transaction);
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished or aborted: the error below is the one worth reporting.
    }
    done.catch(() => undefined);
    throw error;
  }
  await done;
  return result;
}

/** Opens (creating or upgrading) a database; `null` when IndexedDB is off or refuses. */
export function openDatabase(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, version);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = (event) => upgrade(req.result, event.oldVersion);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    // Another tab still holds an older version open: it is asked to close it (onversionchange).
    req.onblocked = () => undefined;
  });
}
