import { parseDocument, serializeDocument, type TopologyDocument } from '../document';

/** Where the open document is kept between visits. */
export const DOCUMENT_KEY = 'wfm-topology:document';
/** Where an unreadable saved document is moved aside, never deleted. */
export const CORRUPT_KEY_PREFIX = 'wfm-topology:corrupt:';

export type LoadResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'loaded'; readonly document: TopologyDocument }
  | { readonly kind: 'corrupt'; readonly movedTo: string | null; readonly reason: string };

/** Reads the saved document through the same pipeline as a file. */
export function loadSavedDocument(storage: Storage): LoadResult {
  let text: string | null;
  try {
    text = storage.getItem(DOCUMENT_KEY);
  } catch {
    return { kind: 'empty' };
  }
  if (text === null) return { kind: 'empty' };
  const result = parseDocument(text);
  if (result.ok) return { kind: 'loaded', document: result.document };
  const movedTo = `${CORRUPT_KEY_PREFIX}${new Date().toISOString()}`;
  try {
    storage.setItem(movedTo, text);
    storage.removeItem(DOCUMENT_KEY);
    return { kind: 'corrupt', movedTo, reason: result.error.message };
  } catch {
    return { kind: 'corrupt', movedTo: null, reason: result.error.message };
  }
}

/** Saves the document; returns an error message when the browser refuses (quota, private mode). */
export function saveDocument(storage: Storage, document: TopologyDocument): string | null {
  try {
    storage.setItem(DOCUMENT_KEY, serializeDocument(document));
    return null;
  } catch (error) {
    const quota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return quota
      ? 'Your browser’s storage is full, so the latest changes are not saved in this browser. Export the document to a file to keep them.'
      : 'This browser does not let the designer save (storage is off, perhaps a private window). Export the document to a file to keep your work.';
  }
}
