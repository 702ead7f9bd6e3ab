import { z } from 'zod';
import { importText } from '../../export/import-file';
import type { DocumentLibrary } from './library';
import { entryTitle } from './library';
import { readRecord } from './records';

// Before the library, the designer kept one document in localStorage (decision 010): two slots, a
// head naming the newest, and copies kept aside under `kept:` and `corrupt:` keys. At start every
// such save moves into the library, then its keys are removed. A tab still running the old
// version may write them again: the next start moves that save in as well.

export const LEGACY_SLOT_KEYS = ['wfm-topology:document', 'wfm-topology:document:b'] as const;
export const LEGACY_HEAD_KEY = 'wfm-topology:document:head';
export const LEGACY_CORRUPT_PREFIX = 'wfm-topology:corrupt:';
export const LEGACY_KEPT_PREFIX = 'wfm-topology:kept:';

const legacyHeadSchema = z.looseObject({
  slot: z.union([z.literal(0), z.literal(1)]),
  rev: z.number().int().min(0),
  tab: z.string(),
});

export interface Migration {
  /** The document that was open before the upgrade, to open now; `null` when there was none. */
  readonly openId: string | null;
  readonly messages: readonly string[];
}

function keysWith(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Moves every save of the one-slot designer into the library; removes a key only once it is in. */
export async function migrateLegacyStorage(
  storage: Storage | null,
  library: DocumentLibrary,
): Promise<Migration> {
  if (!storage) return { openId: null, messages: [] };
  const messages: string[] = [];
  let openId: string | null = null;
  let openText: string | null = null;
  const done: string[] = [];
  try {
    const texts = LEGACY_SLOT_KEYS.map((key) => storage.getItem(key));
    let headJson: unknown = null;
    try {
      headJson = JSON.parse(storage.getItem(LEGACY_HEAD_KEY) ?? 'null');
    } catch {
      headJson = null;
    }
    const head = readRecord(legacyHeadSchema, headJson);
    // With a readable head, its slot is the newest save and the other the one before (replaced
    // by it, as every save replaces the previous). Without one, which is newest is unknown: both
    // readable saves become documents, so neither is lost.
    const order: (0 | 1)[] = head ? [head.slot, head.slot === 0 ? 1 : 0] : [0, 1];
    for (const slot of order) {
      const text = texts[slot];
      const key = LEGACY_SLOT_KEYS[slot];
      if (text === null || text === undefined) continue;
      if ((head && openId !== null) || text === openText) {
        done.push(key);
        continue;
      }
      const result = importText(text, 'the saved document');
      if (!result.ok) {
        await library.keepUnreadable(
          'a save of an earlier version of the designer',
          result.error.message,
          text,
        );
        done.push(key);
        continue;
      }
      const entry = await library.add({
        document: result.document,
        origin: 'migrated',
        ...(openId === null
          ? {}
          : { name: `${entryTitle({ name: result.document.name ?? '' })} (other save)` }),
      });
      if (openId === null) {
        openId = entry.id;
        openText = text;
      }
      done.push(key);
    }
    if (texts.some((text) => text !== null) || storage.getItem(LEGACY_HEAD_KEY) !== null)
      done.push(LEGACY_HEAD_KEY);
    for (const key of keysWith(storage, LEGACY_KEPT_PREFIX)) {
      const text = storage.getItem(key) ?? '';
      const result = importText(text, 'a kept copy');
      if (result.ok) {
        await library.add({
          document: result.document,
          origin: 'recovered',
          name: `${entryTitle({ name: result.document.name ?? '' })} (kept copy)`,
        });
      } else {
        await library.keepUnreadable(
          'a copy kept by an earlier version of the designer',
          result.error.message,
          text,
        );
      }
      done.push(key);
    }
    for (const key of keysWith(storage, LEGACY_CORRUPT_PREFIX)) {
      await library.keepUnreadable(
        'a save an earlier version of the designer could not read',
        'It was moved aside by an earlier version because it could not be read.',
        storage.getItem(key) ?? '',
      );
      done.push(key);
    }
  } catch {
    messages.push(
      'Some documents saved by an earlier version could not be moved into Open recent; they stay where they were and are tried again at the next start.',
    );
  }
  for (const key of done) {
    try {
      storage.removeItem(key);
    } catch {
      // Left in place: moved again (as a copy) at the next start, never lost.
    }
  }
  return { openId, messages };
}
