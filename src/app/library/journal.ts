import { z } from 'zod';
import { importText } from '../../export/import-file';
import { DOCUMENT_ORIGINS } from '../../store/store';
import type { DocumentLibrary } from './library';
import { entryTitle } from './library';
import { readRecord, saveKey } from './records';

// IndexedDB writes are asynchronous: one started while the page is being left may never reach
// the disk. So when a tab is left with unsaved edits it also writes them, synchronously, to a
// journal entry in localStorage; the next start puts each entry back into its document (or beside
// it, when that document changed since), then removes it (decision 015).

export const JOURNAL_PREFIX = 'wfm-topology:journal:';

const journalSchema = z.looseObject({
  id: z.string().min(1).max(100),
  /** The save the edits were made on (`saveKey`), '' for a document never saved. */
  base: z.string().max(100),
  origin: z.enum(DOCUMENT_ORIGINS).catch('recovered'),
  savedAt: z.number().catch(0),
  text: z.string(),
});
type JournalEntry = z.infer<typeof journalSchema>;

/** Writes the unsaved version of a document; best effort (a full storage just has no journal). */
export function writeJournal(storage: Storage | null, tab: string, entry: JournalEntry): void {
  try {
    storage?.setItem(`${JOURNAL_PREFIX}${entry.id}:${tab}`, JSON.stringify(entry));
  } catch {
    // The IndexedDB save started beside it may still land.
  }
}

export function clearJournal(storage: Storage | null, id: string, tab: string): void {
  try {
    storage?.removeItem(`${JOURNAL_PREFIX}${id}:${tab}`);
  } catch {
    // Storage off: there is no journal to clear.
  }
}

function journalKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(JOURNAL_PREFIX)) keys.push(key);
  }
  return keys;
}

/**
 * Puts journal entries back into the library: as the next save of their document when it has not
 * changed since, as a document of its own ("(recovered)") when it has, and under "Unreadable
 * saves" when the entry cannot be read. Returns what the user should be told.
 */
export async function recoverJournals(storage: Storage | null, library: DocumentLibrary): Promise<string[]> {
  if (!storage) return [];
  const messages: string[] = [];
  let keys: string[];
  try {
    keys = journalKeys(storage);
  } catch {
    return [];
  }
  for (const key of keys) {
    const text = storage.getItem(key);
    let json: unknown;
    try {
      json = JSON.parse(text ?? 'null');
    } catch {
      json = null;
    }
    const entry = readRecord(journalSchema, json);
    const imported = entry ? importText(entry.text, 'unsaved changes') : null;
    if (!entry || !imported?.ok) {
      await library.keepUnreadable(
        'unsaved changes kept when a tab was closed',
        imported && !imported.ok ? imported.error.message : 'The record is damaged.',
        entry?.text ?? text ?? '',
      );
      messages.push(
        'Unsaved changes from a closed tab could not be read; their text is kept under “Unreadable saves” in Open recent.',
      );
      storage.removeItem(key);
      continue;
    }
    const head = await library.head(entry.id);
    const saved = head ? await library.load(entry.id) : null;
    const title = `“${entryTitle({ name: imported.document.name ?? '' })}”`;
    if (saved?.kind === 'loaded' && sameDocument(saved.document, imported.document)) {
      // The save begun when the tab closed did land.
    } else if (saveKey(head) === entry.base) {
      const result = await library.save(entry.id, imported.document, 'recovered', head, entry.origin);
      if (result.kind !== 'saved') continue;
      messages.push(`Recovered changes to ${title} that were not saved when its tab closed.`);
    } else {
      const kept = await library.add({
        document: imported.document,
        origin: 'recovered',
        name: `${entryTitle({ name: imported.document.name ?? '' })} (recovered)`,
      });
      messages.push(
        `Changes to ${title} that were not saved when a tab closed are kept as “${entryTitle(kept)}” in Open recent.`,
      );
    }
    storage.removeItem(key);
  }
  return messages;
}

function sameDocument(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
