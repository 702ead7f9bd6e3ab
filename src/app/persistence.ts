import type { TopologyDocument } from '../document';
import type { StorageHead } from './storage';

/** What this tab knows of storage: the save it last wrote or loaded, and that document. */
export interface SyncState {
  /** The head of that save (`null`: nothing was saved yet); its `slot` is where the document is. */
  head: StorageHead | null;
  document: TopologyDocument;
  /**
   * Saving and following stop while a conflict with another tab waits for the user's choice, or
   * when saving could overwrite a save that could not be moved aside.
   */
  paused: boolean;
}

/** Everything the app needs to keep the document in browser storage; `null` when storage is off. */
export interface Persistence {
  readonly storage: Storage;
  readonly sync: SyncState;
  /** This page load's id, written in the storage head so tabs can tell their saves apart. */
  readonly tab: string;
}

export function createPersistence(
  storage: Storage,
  document: TopologyDocument,
  head: StorageHead | null,
): Persistence {
  const tab = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2);
  return { storage, tab, sync: { head, document, paused: false } };
}
