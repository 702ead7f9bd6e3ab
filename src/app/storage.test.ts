import { expect, test } from 'vitest';
import { parseDocument, serializeDocument, type TopologyDocument } from '../document';
import {
  CORRUPT_KEY_PREFIX,
  HEAD_KEY,
  isSameSave,
  judgeStorageChange,
  KEPT_KEY_PREFIX,
  keepCopy,
  loadSavedDocument,
  QUOTA_MESSAGE,
  readHead,
  SLOT_KEYS,
  STORAGE_OFF_MESSAGE,
  type StorageHead,
  saveDocument,
} from './storage';

// Browser storage as the designer uses it (decision 007): two slots and a head, unreadable saves
// moved aside, and saves of several tabs told apart. `MemoryStorage` stands in for localStorage.

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  /** Keys whose next `setItem` throws a quota error, as a full localStorage does. */
  readonly full = new Set<string>();
  off = false;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    if (this.off) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.off) throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.full.has(key) || this.full.has('*')) {
      throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
    }
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  keysStartingWith(prefix: string): string[] {
    return [...this.items.keys()].filter((key) => key.startsWith(prefix));
  }
}

function documentNamed(name: string): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 1,
    name,
    components: [{ id: 'srv-1', kind: 'server', name: 'WFM_Server', position: { x: 0, y: 0 } }],
    connections: [],
  };
}

function loadedName(storage: Storage): string | undefined {
  const loaded = loadSavedDocument(storage);
  return loaded.kind === 'loaded' ? loaded.document.name : undefined;
}

function expectSaved(result: ReturnType<typeof saveDocument>): StorageHead {
  if (result.kind !== 'saved') throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result.head;
}

test('a save opens again, and saves alternate between the two slots', () => {
  const storage = new MemoryStorage();
  const first = expectSaved(saveDocument(storage, documentNamed('One'), 'tab-a', null));
  const second = expectSaved(saveDocument(storage, documentNamed('Two'), 'tab-a', first));
  expect(first.slot).not.toBe(second.slot);
  expect(second.rev).toBe(first.rev + 1);
  expect(loadedName(storage)).toBe('Two');
  // The previous save is still whole in the other slot.
  expect(parseDocument(storage.getItem(SLOT_KEYS[first.slot]) ?? '').ok).toBe(true);
});

test('a corrupt newest slot is moved aside, kept, and the previous save opens', () => {
  const storage = new MemoryStorage();
  const first = expectSaved(saveDocument(storage, documentNamed('Good'), 'tab-a', null));
  const second = expectSaved(saveDocument(storage, documentNamed('Newer'), 'tab-a', first));
  storage.setItem(SLOT_KEYS[second.slot], '{"format":"wfm-topology", garbage');

  const loaded = loadSavedDocument(storage);
  expect(loaded.kind).toBe('loaded');
  expect(loaded.kind === 'loaded' && loaded.document.name).toBe('Good');
  expect(loaded.recovered).toHaveLength(1);
  const [moved] = storage.keysStartingWith(CORRUPT_KEY_PREFIX);
  expect(loaded.recovered[0]?.movedTo).toBe(moved);
  expect(storage.getItem(moved ?? '')).toBe('{"format":"wfm-topology", garbage');
  expect(storage.getItem(SLOT_KEYS[second.slot])).toBeNull();
});

test('after opening the previous save, the next save goes to the emptied slot and keeps the one opened', () => {
  const storage = new MemoryStorage();
  const first = expectSaved(saveDocument(storage, documentNamed('Good'), 'tab-a', null));
  const second = expectSaved(saveDocument(storage, documentNamed('Newer'), 'tab-a', first));
  storage.setItem(SLOT_KEYS[second.slot], 'not json');
  const loaded = loadSavedDocument(storage);
  const third = expectSaved(saveDocument(storage, documentNamed('Edited'), 'tab-b', loaded.head));
  expect(third.slot).toBe(second.slot);
  expect(JSON.parse(storage.getItem(SLOT_KEYS[first.slot]) ?? '{}').name).toBe('Good');
});

test('two unreadable slots are both kept and a new document opens', () => {
  const storage = new MemoryStorage();
  storage.setItem(SLOT_KEYS[0], 'garbage');
  storage.setItem(SLOT_KEYS[1], '{"format":"wfm-topology","version":99}');
  const loaded = loadSavedDocument(storage);
  expect(loaded.kind).toBe('empty');
  expect(loaded.recovered.map((r) => r.reason)).toEqual([
    expect.stringContaining('not JSON'),
    expect.stringContaining('newer version'),
  ]);
  expect(
    storage
      .keysStartingWith(CORRUPT_KEY_PREFIX)
      .map((key) => storage.getItem(key))
      .sort(),
  ).toEqual(['garbage', '{"format":"wfm-topology","version":99}'].sort());
});

test('an unreadable save that cannot be moved aside (storage full) stays where it is', () => {
  const storage = new MemoryStorage();
  storage.setItem(SLOT_KEYS[0], 'garbage');
  storage.full.add('*');
  const loaded = loadSavedDocument(storage);
  expect(loaded.recovered).toEqual([{ movedTo: null, reason: expect.stringContaining('not JSON') }]);
  expect(storage.getItem(SLOT_KEYS[0])).toBe('garbage');
});

test('a saved document with a __proto__ key is moved aside and pollutes nothing', () => {
  const storage = new MemoryStorage();
  const text = serializeDocument(documentNamed('X')).replace('{', '{"__proto__":{"polluted":true},');
  storage.setItem(SLOT_KEYS[0], text);
  const loaded = loadSavedDocument(storage);
  expect(loaded.kind).toBe('empty');
  expect(loaded.recovered[0]?.reason).toContain('not a valid topology document');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('a saved document goes through the file pipeline: a component without a position is laid out', () => {
  const storage = new MemoryStorage();
  storage.setItem(
    SLOT_KEYS[0],
    '{"format":"wfm-topology","version":1,"components":[{"id":"a","kind":"server","name":"S"}],"connections":[]}',
  );
  const loaded = loadSavedDocument(storage);
  expect(loaded.kind === 'loaded' && loaded.document.components[0]?.position).toEqual({
    x: expect.any(Number),
    y: expect.any(Number),
  });
});

test('a document saved before the head existed opens, and the first save keeps it in the other slot', () => {
  const storage = new MemoryStorage();
  storage.setItem(SLOT_KEYS[0], serializeDocument(documentNamed('Legacy')));
  const loaded = loadSavedDocument(storage);
  expect(loaded.kind === 'loaded' && loaded.document.name).toBe('Legacy');
  const head = expectSaved(saveDocument(storage, documentNamed('New'), 'tab-a', loaded.head));
  expect(head.slot).toBe(1);
  expect(JSON.parse(storage.getItem(SLOT_KEYS[0]) ?? '{}').name).toBe('Legacy');
});

test('a quota error while saving is reported and leaves the previous save as the one that opens', () => {
  const storage = new MemoryStorage();
  const first = expectSaved(saveDocument(storage, documentNamed('Kept'), 'tab-a', null));
  storage.full.add(SLOT_KEYS[first.slot === 0 ? 1 : 0]);
  expect(saveDocument(storage, documentNamed('Lost'), 'tab-a', first)).toEqual({
    kind: 'failed',
    message: QUOTA_MESSAGE,
  });
  expect(readHead(storage)).toEqual(first);
  expect(loadedName(storage)).toBe('Kept');
});

test('storage that is switched off is reported, and reads as empty', () => {
  const storage = new MemoryStorage();
  storage.off = true;
  expect(loadSavedDocument(storage)).toEqual({ kind: 'empty', head: null, recovered: [] });
  expect(saveDocument(storage, documentNamed('X'), 'tab-a', null)).toEqual({
    kind: 'failed',
    message: STORAGE_OFF_MESSAGE,
  });
});

test('a save refuses to overwrite a save another tab made since', () => {
  const storage = new MemoryStorage();
  const known = expectSaved(saveDocument(storage, documentNamed('Mine'), 'tab-a', null));
  const theirs = expectSaved(saveDocument(storage, documentNamed('Theirs'), 'tab-b', known));
  expect(saveDocument(storage, documentNamed('Mine again'), 'tab-a', known)).toEqual({
    kind: 'conflict',
    head: theirs,
  });
  expect(loadedName(storage)).toBe('Theirs');
});

test('after storage was cleared, a save writes a new head instead of asking forever', () => {
  const storage = new MemoryStorage();
  const known = expectSaved(saveDocument(storage, documentNamed('Mine'), 'tab-a', null));
  storage.clear();
  expect(saveDocument(storage, documentNamed('Mine'), 'tab-a', known).kind).toBe('saved');
  expect(loadedName(storage)).toBe('Mine');
});

test('a save records the save it replaced, so other tabs can tell a successor from a rival', () => {
  const storage = new MemoryStorage();
  const first = expectSaved(saveDocument(storage, documentNamed('One'), 'tab-a', null));
  const second = expectSaved(saveDocument(storage, documentNamed('Two'), 'tab-b', first));
  expect(first.base).toBe('');
  expect(second.base).toBe(`${first.rev}:tab-a`);
});

const KNOWN: StorageHead = { slot: 0, rev: 5, tab: 'tab-a', base: '4:tab-a' };
const NEXT: StorageHead = { slot: 1, rev: 6, tab: 'tab-b', base: '5:tab-a' };

test('a tab with no unsaved edits follows a save made on top of the one it knows', () => {
  expect(judgeStorageChange({ known: KNOWN, incoming: NEXT, current: NEXT, hasLocalEdits: false })).toBe(
    'follow',
  );
});

test('a tab with unsaved edits is asked, never overwritten', () => {
  expect(judgeStorageChange({ known: KNOWN, incoming: NEXT, current: NEXT, hasLocalEdits: true })).toBe(
    'conflict',
  );
});

test('a save of the same revision by another tab (a race) is a conflict, not ignored', () => {
  // Both tabs saved revision 6 on top of revision 5 at once: the later write replaced the earlier.
  const mine: StorageHead = { slot: 1, rev: 6, tab: 'tab-a', base: '5:tab-x' };
  const rival: StorageHead = { slot: 1, rev: 6, tab: 'tab-b', base: '5:tab-x' };
  expect(judgeStorageChange({ known: mine, incoming: rival, current: rival, hasLocalEdits: false })).toBe(
    'conflict',
  );
  // The winner ignores the event of the write it replaced.
  expect(judgeStorageChange({ known: rival, incoming: mine, current: rival, hasLocalEdits: false })).toBe(
    'ignore',
  );
});

test('a tab follows a chain of saves it read only the end of', () => {
  const after: StorageHead = { slot: 0, rev: 7, tab: 'tab-b', base: '6:tab-b' };
  expect(judgeStorageChange({ known: KNOWN, incoming: NEXT, current: after, hasLocalEdits: false })).toBe(
    'follow',
  );
  // The event of the second save comes next and finds the tab already there.
  expect(judgeStorageChange({ known: after, incoming: after, current: after, hasLocalEdits: false })).toBe(
    'ignore',
  );
});

test('a removed or unreadable head is ignored; a head from before `base` existed is asked about', () => {
  expect(judgeStorageChange({ known: KNOWN, incoming: null, current: null, hasLocalEdits: true })).toBe(
    'ignore',
  );
  const legacy: StorageHead = { slot: 1, rev: 6, tab: 'tab-b' };
  expect(judgeStorageChange({ known: KNOWN, incoming: legacy, current: legacy, hasLocalEdits: false })).toBe(
    'conflict',
  );
});

test('a first save follows in a tab that knew of no save', () => {
  const first: StorageHead = { slot: 0, rev: 1, tab: 'tab-b', base: '' };
  expect(judgeStorageChange({ known: null, incoming: first, current: first, hasLocalEdits: false })).toBe(
    'follow',
  );
});

test('saves are the same when revision and tab agree, whatever the slot', () => {
  expect(isSameSave(KNOWN, { ...KNOWN, slot: 1 })).toBe(true);
  expect(isSameSave(KNOWN, { ...KNOWN, tab: 'tab-b' })).toBe(false);
  expect(isSameSave(null, null)).toBe(true);
});

test('an unreadable head falls back to slot 0', () => {
  const storage = new MemoryStorage();
  storage.setItem(SLOT_KEYS[0], serializeDocument(documentNamed('Zero')));
  for (const head of ['{', '{"slot":2,"rev":1,"tab":"x"}', '{"slot":0,"rev":1,"tab":"x","extra":1}']) {
    storage.setItem(HEAD_KEY, head);
    expect(readHead(storage)).toBeNull();
    expect(loadedName(storage)).toBe('Zero');
  }
});

test('a kept copy is a whole document under its own key', () => {
  const storage = new MemoryStorage();
  const key = keepCopy(storage, documentNamed('Theirs'), KNOWN);
  expect(key?.startsWith(KEPT_KEY_PREFIX)).toBe(true);
  const result = parseDocument(storage.getItem(key ?? '') ?? '');
  expect(result.ok && result.document.name).toBe('Theirs');
  storage.full.add('*');
  expect(keepCopy(storage, documentNamed('Theirs'), KNOWN)).toBeNull();
});
