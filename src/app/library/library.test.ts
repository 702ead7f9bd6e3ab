import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { serializeDocument, type TopologyDocument } from '../../document';
import { DocumentLibrary, QUOTA_MESSAGE, STORES } from './library';
import { rawGet, rawPut } from './testing/raw';

// The library of documents (decision 015) over a spec-conforming in-memory IndexedDB: each
// document has its own head and two slots, saves are compare-and-swap in one transaction, and
// nothing unreadable is ever deleted.

function documentNamed(name: string, components = 1): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    name,
    ruleset: 'wfm-8.5.2',
    zones: [],
    hosts: [],
    components: Array.from({ length: components }, (_, i) => ({
      id: `srv-${i}`,
      kind: 'server' as const,
      name: `${name}_Server_${i}`,
      position: { x: i * 240, y: 0 },
    })),
    connections: [],
    annotations: [],
  };
}

async function openLibrary(
  factory = new IDBFactory(),
): Promise<{ library: DocumentLibrary; factory: IDBFactory }> {
  const library = await DocumentLibrary.open(factory);
  if (!library) throw new Error('the library did not open');
  return { library, factory };
}

async function loaded(library: DocumentLibrary, id: string) {
  const outcome = await library.load(id);
  if (outcome.kind !== 'loaded') throw new Error(`${id} did not load: ${outcome.messages.join(' ')}`);
  return outcome;
}

test('a saved document loads back exactly, and each save goes to the other slot', async () => {
  const { library } = await openLibrary();
  const first = await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'new');
  expect(first).toMatchObject({ kind: 'saved', head: { slot: 0, rev: 1, tab: 'tab-1', base: '' } });
  if (first.kind !== 'saved') return;
  const second = await library.save('doc-a', documentNamed('Site A', 2), 'tab-1', first.head, 'new');
  expect(second).toMatchObject({ kind: 'saved', head: { slot: 1, rev: 2, base: '1:tab-1' } });
  const outcome = await loaded(library, 'doc-a');
  expect(outcome.document).toEqual(documentNamed('Site A', 2));
  expect(outcome.messages).toEqual([]);
});

test('the library lists each document with its name, size and time, newest first', async () => {
  const { library } = await openLibrary();
  await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'import');
  await new Promise((resolve) => setTimeout(resolve, 5));
  await library.save('doc-b', documentNamed('Site B', 3), 'tab-1', null, 'link');
  const entries = await library.list();
  expect(entries.map((entry) => [entry.name, entry.components, entry.origin])).toEqual([
    ['Site B', 3, 'link'],
    ['Site A', 1, 'import'],
  ]);
  expect(entries[0]?.bytes).toBe(
    new TextEncoder().encode(serializeDocument(documentNamed('Site B', 3))).length,
  );
  expect(entries[0]?.updatedAt).toBeGreaterThan(entries[1]?.updatedAt ?? Number.POSITIVE_INFINITY);
});

test('saving one document never touches another', async () => {
  const { library } = await openLibrary();
  await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'new');
  for (let i = 0; i < 5; i += 1) {
    const head = await library.head('doc-b');
    await library.save('doc-b', documentNamed('Site B', i + 1), 'tab-2', head, 'link');
  }
  expect((await loaded(library, 'doc-a')).document).toEqual(documentNamed('Site A'));
});

test('a save on top of a save this tab does not know is refused as a conflict, and nothing is written', async () => {
  const { library } = await openLibrary();
  const mine = await library.save('doc-a', documentNamed('Mine'), 'tab-1', null, 'new');
  if (mine.kind !== 'saved') throw new Error('not saved');
  const theirs = await library.save('doc-a', documentNamed('Theirs'), 'tab-2', mine.head, 'new');
  expect(theirs.kind).toBe('saved');
  // Tab 1 still believes its own save is the newest.
  const again = await library.save('doc-a', documentNamed('Mine, edited'), 'tab-1', mine.head, 'new');
  expect(again).toMatchObject({ kind: 'conflict', head: { rev: 2, tab: 'tab-2' } });
  expect((await loaded(library, 'doc-a')).document.name).toBe('Theirs');
});

test('two tabs that both read revision 1 cannot both write revision 2 unseen', async () => {
  const { library } = await openLibrary();
  const base = await library.save('doc-a', documentNamed('Base'), 'tab-1', null, 'new');
  if (base.kind !== 'saved') throw new Error('not saved');
  const [a, b] = await Promise.all([
    library.save('doc-a', documentNamed('A'), 'tab-1', base.head, 'new'),
    library.save('doc-a', documentNamed('B'), 'tab-2', base.head, 'new'),
  ]);
  expect([a.kind, b.kind].sort()).toEqual(['conflict', 'saved']);
});

test('an unreadable newest save is moved aside, the previous save opens, and the user is told', async () => {
  const { library, factory } = await openLibrary();
  const first = await library.save('doc-a', documentNamed('Good'), 'tab-1', null, 'new');
  if (first.kind !== 'saved') throw new Error('not saved');
  await library.save('doc-a', documentNamed('Newest'), 'tab-1', first.head, 'new');
  await rawPut(
    factory,
    STORES.slots,
    { rev: 2, tab: 'tab-1', savedAt: 1, text: '{"format":"wfm-topology", garbage' },
    ['doc-a', 1],
  );
  const outcome = await loaded(library, 'doc-a');
  expect(outcome.document.name).toBe('Good');
  expect(outcome.messages.join(' ')).toMatch(/could not be read.*Unreadable saves/);
  const kept = await library.unreadable();
  expect(kept).toHaveLength(1);
  expect(kept[0]?.text).toBe('{"format":"wfm-topology", garbage');
  // The head now names the save that opened: the next save is no conflict.
  const next = await library.save('doc-a', documentNamed('Next'), 'tab-1', outcome.head, 'new');
  expect(next.kind).toBe('saved');
});

test('an unreadable head opens the newest save by revision and keeps the other as a document of its own', async () => {
  const { library, factory } = await openLibrary();
  const old = await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'new');
  if (old.kind !== 'saved') throw new Error('not saved');
  await library.save('doc-a', documentNamed('Site A', 4), 'tab-1', old.head, 'new');
  // Observation 4 of issue 11: slot a OLD, slot b NEW, a head nobody can read.
  await rawPut(factory, STORES.heads, { slot: 1, rev: 'x' }, 'doc-a');
  const outcome = await loaded(library, 'doc-a');
  expect(outcome.document.components).toHaveLength(4);
  expect(outcome.head).toMatchObject({ slot: 1, rev: 2 });
  expect(outcome.messages.join(' ')).toContain('could not be read. The newest save (revision 2) is open');
  const names = (await library.list()).map((entry) => entry.name).sort();
  expect(names).toEqual(['Site A', 'Site A (other save)']);
  const kept = (await library.list()).find((entry) => entry.name === 'Site A (other save)');
  expect(kept?.components).toBe(1);
  // The next edit goes into the old slot, so the newest save is not overwritten.
  const next = await library.save('doc-a', documentNamed('Site A', 5), 'tab-1', outcome.head, 'new');
  expect(next).toMatchObject({ kind: 'saved', head: { slot: 0, rev: 3 } });
  expect(await rawGet(factory, STORES.slots, ['doc-a', 1])).toMatchObject({ rev: 2 });
});

test('a head from a newer version with fields this one does not know is still read', async () => {
  const { library, factory } = await openLibrary();
  const saved = await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'new');
  if (saved.kind !== 'saved') throw new Error('not saved');
  await rawPut(factory, STORES.heads, { ...saved.head, checksum: 'abc', generation: 7 }, 'doc-a');
  const outcome = await loaded(library, 'doc-a');
  expect(outcome.messages).toEqual([]);
  expect(outcome.head).toMatchObject({ rev: 1, checksum: 'abc' });
  expect((await library.save('doc-a', documentNamed('Next'), 'tab-1', outcome.head, 'new')).kind).toBe(
    'saved',
  );
});

test('a head naming a slot that holds nothing opens the other slot and is repaired', async () => {
  const { library, factory } = await openLibrary();
  await library.save('doc-a', documentNamed('Only save'), 'tab-1', null, 'new');
  await rawPut(factory, STORES.heads, { slot: 1, rev: 9, tab: 'tab-x' }, 'doc-a');
  const outcome = await loaded(library, 'doc-a');
  expect(outcome.document.name).toBe('Only save');
  expect(outcome.messages.join(' ')).toContain('was missing');
  expect(await rawGet(factory, STORES.heads, 'doc-a')).toMatchObject({ slot: 0, rev: 1 });
});

test('a failed write leaves the previous save whole and says why', async () => {
  const { library } = await openLibrary();
  const saved = await library.save('doc-a', documentNamed('Kept'), 'tab-1', null, 'new');
  if (saved.kind !== 'saved') throw new Error('not saved');
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === STORES.slots)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
  try {
    const failed = await library.save('doc-a', documentNamed('Lost?'), 'tab-1', saved.head, 'new');
    expect(failed).toEqual({ kind: 'failed', message: QUOTA_MESSAGE });
  } finally {
    IDBObjectStore.prototype.put = put;
  }
  expect((await loaded(library, 'doc-a')).document.name).toBe('Kept');
});

test('a deleted document stays restorable until it is purged', async () => {
  const { library } = await openLibrary();
  await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'new');
  await library.remove('doc-a', 1000);
  expect((await library.list())[0]?.deletedAt).toBe(1000);
  await library.restore('doc-a');
  expect((await library.list())[0]?.deletedAt).toBeNull();
  await library.remove('doc-a', 1000);
  expect(await library.purgeDeleted(999)).toBe(0);
  expect(await library.purgeDeleted(1001)).toBe(1);
  expect(await library.list()).toEqual([]);
  expect(await library.load('doc-a')).toEqual({ kind: 'empty', messages: [] });
});

test('a deleted document that a tab saves again is back in the library', async () => {
  const { library } = await openLibrary();
  const saved = await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'new');
  if (saved.kind !== 'saved') throw new Error('not saved');
  await library.remove('doc-a');
  await library.save('doc-a', documentNamed('Site A', 2), 'tab-2', saved.head, 'new');
  expect((await library.list())[0]).toMatchObject({ name: 'Site A', deletedAt: null, components: 2 });
});

test('records damaged beyond reading are skipped in the list, never thrown', async () => {
  const { library, factory } = await openLibrary();
  await library.save('doc-a', documentNamed('Site A'), 'tab-1', null, 'new');
  await rawPut(factory, STORES.entries, { id: 'doc-b', name: 42, origin: 'from mars', updatedAt: 'soon' });
  await rawPut(factory, STORES.entries, { id: '', name: 'no id' }, undefined);
  const entries = await library.list();
  expect(entries.map((entry) => [entry.id, entry.name, entry.origin])).toEqual([
    ['doc-a', 'Site A', 'new'],
    ['doc-b', '', 'new'],
  ]);
});
