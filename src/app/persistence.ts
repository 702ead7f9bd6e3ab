import type { TopologyDocument } from '../document';
import type { SyncState } from './use-autosave';

/** Everything the app needs to keep the document in browser storage; `null` when storage is off. */
export interface Persistence {
  readonly storage: Storage;
  readonly sync: SyncState;
  /** This page load's id, written in the storage head so tabs can tell their saves apart. */
  readonly tab: string;
}

export function createPersistence(storage: Storage, document: TopologyDocument, rev: number): Persistence {
  const tab = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2);
  return { storage, tab, sync: { rev, document, paused: false } };
}
