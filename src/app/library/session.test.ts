import { IDBFactory } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { createEmptyDocument, serializeDocument, type TopologyDocument } from '../../document';
import { importText } from '../../export/import-file';
import { applyImport } from '../../store/import-actions';
import { createDesignerStore, type DesignerStore } from '../../store/store';
import { JOURNAL_PREFIX } from './journal';
import { LEGACY_CORRUPT_PREFIX, LEGACY_HEAD_KEY, LEGACY_KEPT_PREFIX, LEGACY_SLOT_KEYS } from './legacy';
import { DocumentLibrary, STORES } from './library';
import { LibrarySession, OPEN_DOCUMENT_KEY } from './session';
import { MemoryStorage } from './testing/memory-storage';
import { rawPut } from './testing/raw';

// Tabs of one browser, each a store and a session over one IndexedDB and one localStorage, talking
// over a real BroadcastChannel: the scenarios of issue 11 in which work used to be lost.

function documentNamed(name: string, components = 1): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    name,
    components: Array.from({ length: components }, (_, i) => ({
      id: `srv-${i}`,
      kind: 'server' as const,
      name: `${name.replace(/\W/g, '_')}_Server_${i}`,
      position: { x: i * 240, y: 0 },
    })),
    connections: [],
  };
}

interface Browser {
  readonly factory: IDBFactory;
  readonly local: MemoryStorage;
  readonly channel: string;
}

interface Tab {
  readonly store: DesignerStore;
  readonly session: LibrarySession;
  readonly library: DocumentLibrary;
  readonly sessionStorage: MemoryStorage;
  readonly messages: string[];
  close(): void;
}

const open: Tab[] = [];
afterEach(async () => {
  for (const tab of open.splice(0)) {
    await tab.session.flush();
    tab.close();
  }
});

let browsers = 0;
function newBrowser(): Browser {
  browsers += 1;
  return {
    factory: new IDBFactory(),
    local: new MemoryStorage(),
    channel: `wfm-test-${browsers}-${Math.random()}`,
  };
}

/** Opens the designer in a tab; `sessionStorage` carries over a reload of the same tab. */
async function openTab(browser: Browser, sessionStorage = new MemoryStorage()): Promise<Tab> {
  const library = await DocumentLibrary.open(browser.factory);
  if (!library) throw new Error('no library');
  const store = createDesignerStore();
  store.getState().setLibraryAvailable(true);
  const session = new LibrarySession(library, store, {
    local: browser.local,
    session: sessionStorage,
    channel: () => new BroadcastChannel(browser.channel),
  });
  const messages = await session.boot();
  const stop = session.start();
  const tab: Tab = {
    store,
    session,
    library,
    sessionStorage,
    messages,
    close: () => {
      stop();
      library.close();
    },
  };
  open.push(tab);
  return tab;
}

/** Closes a tab as a reload does: drafts committed, the journal written, the last save started. */
async function closeTab(tab: Tab): Promise<void> {
  tab.session.hide(true);
  await tab.session.flush();
  tab.close();
  open.splice(open.indexOf(tab), 1);
}

async function eventually(check: () => void, timeout = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

function addServer(tab: Tab, x = 0): void {
  tab.store.getState().addComponent('server', { x, y: 0 });
}

async function names(tab: Tab): Promise<string[]> {
  return (await tab.library.list())
    .filter((entry) => entry.deletedAt === null)
    .map((entry) => entry.name)
    .sort();
}

test('an edit is saved shortly after it is made, and a reload of the tab opens the same document', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  tab.store.getState().setName('Site A');
  addServer(tab);
  await eventually(() => expect(tab.session.hasUnsavedEdits()).toBe(false));
  const id = tab.store.getState().documentId;
  await closeTab(tab);
  const reloaded = await openTab(browser, tab.sessionStorage);
  expect(reloaded.store.getState().documentId).toBe(id);
  expect(reloaded.store.getState().document).toEqual(tab.store.getState().document);
});

test('a new blank document is not stored until something is typed into it', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  await tab.session.flush();
  expect(await tab.library.list()).toEqual([]);
  tab.store.getState().setName('Named');
  await tab.session.flush();
  expect(await names(tab)).toEqual(['Named']);
});

test('opening a link in another tab creates a new document and leaves the first tab’s work alone', async () => {
  const browser = newBrowser();
  const first = await openTab(browser);
  first.store.getState().setName('My deployment');
  addServer(first);
  await first.session.flush();
  const mine = first.store.getState().document;
  // Tab 1's own edits said what they did; tab 2 must add nothing to that.
  const said = first.store.getState().notice;
  // Tab 2 is opened by a share link, and the user adds a component there.
  const second = await openTab(browser);
  applyImport(
    second.store,
    importText(serializeDocument(documentNamed('Shared', 2)), 'the link'),
    'the link',
    'link',
  );
  addServer(second, 600);
  await second.session.flush();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(first.store.getState().document).toBe(mine);
  expect(first.store.getState().notice).toBe(said);
  expect(await names(first)).toEqual(['My deployment', 'Shared']);
  // A reload of tab 1 opens its own deployment, and five undos there were never needed.
  await closeTab(first);
  const reloaded = await openTab(browser, first.sessionStorage);
  expect(reloaded.store.getState().document).toEqual(mine);
});

test('a tab with no unsaved edits follows another tab’s save of the same document, one Undo from its version', async () => {
  const browser = newBrowser();
  const first = await openTab(browser);
  first.store.getState().setName('Shared site');
  await first.session.flush();
  const second = await openTab(browser, new MemoryStorage(first.sessionStorage.items));
  expect(second.store.getState().documentId).toBe(first.store.getState().documentId);
  addServer(second);
  await second.session.flush();
  await eventually(() => expect(first.store.getState().document.components).toHaveLength(1));
  expect(first.store.getState().notice?.text).toContain('Updated with the changes saved in another tab');
  first.store.getState().undo();
  expect(first.store.getState().document.components).toHaveLength(0);
});

test('a tab with unsaved edits is asked, and “Keep mine as a copy” keeps both versions', async () => {
  const browser = newBrowser();
  const first = await openTab(browser);
  first.store.getState().setName('Site');
  await first.session.flush();
  const second = await openTab(browser, new MemoryStorage(first.sessionStorage.items));
  // Tab 1 edits and does not save yet; tab 2 saves an edit of its own.
  addServer(first, 0);
  addServer(second, 500);
  addServer(second, 800);
  await second.session.flush();
  await eventually(() => expect(first.store.getState().dialog).toEqual({ kind: 'tab-conflict' }));
  expect(first.session.paused).toBe(true);
  // Saving stays paused: tab 1's edit does not overwrite tab 2's.
  await first.session.flush();
  await first.session.keepMineAsCopy();
  const entries = await first.library.list();
  const original = entries.find((entry) => entry.name === 'Site');
  const copy = entries.find((entry) => entry.name === 'Site (copy)');
  expect(original?.components).toBe(2);
  expect(copy?.components).toBe(1);
  expect(first.store.getState().documentId).toBe(copy?.id);
});

test('“Load the other tab’s version” loads theirs, and Undo brings mine back', async () => {
  const browser = newBrowser();
  const first = await openTab(browser);
  first.store.getState().setName('Site');
  await first.session.flush();
  const second = await openTab(browser, new MemoryStorage(first.sessionStorage.items));
  addServer(first, 0);
  second.store.getState().setName('Site, renamed there');
  await second.session.flush();
  await eventually(() => expect(first.session.paused).toBe(true));
  await first.session.loadTheirs();
  expect(first.store.getState().document.name).toBe('Site, renamed there');
  expect(first.session.paused).toBe(false);
  first.store.getState().undo();
  expect(first.store.getState().document.components).toHaveLength(1);
  await first.session.flush();
  expect((await first.library.list())[0]).toMatchObject({ name: 'Site', components: 1 });
});

test('opening another document saves the unsaved edits of the one that was open', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  tab.store.getState().setName('Left behind');
  await tab.session.flush();
  addServer(tab);
  addServer(tab, 300);
  // No wait for the save delay: New comes at once.
  tab.store.getState().openNewDocument(documentNamed('Next'), 'new', 'Started a new deployment.');
  await tab.session.flush();
  const left = (await tab.library.list()).find((entry) => entry.name === 'Left behind');
  expect(left?.components).toBe(2);
  expect(tab.store.getState().notice?.text).toContain(
    'Your previous deployment “Left behind” is in Open recent.',
  );
});

test('edits made just before the tab closes come back from the journal at the next start', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  tab.store.getState().setName('Site A');
  await tab.session.flush();
  addServer(tab);
  // The page goes away before its IndexedDB save can land: only the journal was written.
  const save = tab.library.save.bind(tab.library);
  tab.library.save = () => new Promise(() => undefined);
  tab.session.hide(true);
  expect(browser.local.keysStartingWith(JOURNAL_PREFIX)).toHaveLength(1);
  tab.library.save = save;
  tab.close();
  open.splice(open.indexOf(tab), 1);
  const next = await openTab(browser, tab.sessionStorage);
  expect(next.messages.join(' ')).toContain('Recovered changes to “Site A”');
  expect(next.store.getState().document.components).toHaveLength(1);
  expect(browser.local.keysStartingWith(JOURNAL_PREFIX)).toEqual([]);
});

test('a journal whose document changed since is kept beside it as “(recovered)”', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  tab.store.getState().setName('Site A');
  await tab.session.flush();
  const id = tab.store.getState().documentId;
  browser.local.setItem(
    `${JOURNAL_PREFIX}${id}:old-tab`,
    JSON.stringify({
      id,
      base: '0:someone-else',
      origin: 'new',
      savedAt: 1,
      text: serializeDocument(documentNamed('Site A', 3)),
    }),
  );
  const next = await openTab(browser);
  expect(next.messages.join(' ')).toContain('kept as “Site A (recovered)”');
  expect(await names(next)).toEqual(['Site A', 'Site A (recovered)']);
});

test('an unreadable journal is kept under “Unreadable saves”, not dropped', async () => {
  const browser = newBrowser();
  browser.local.setItem(`${JOURNAL_PREFIX}x:y`, '{"id": "x", "text": "not a document"');
  const tab = await openTab(browser);
  expect(tab.messages.join(' ')).toContain('could not be read');
  expect((await tab.library.unreadable())[0]?.text).toBe('{"id": "x", "text": "not a document"');
});

test('the one-slot save of an earlier version moves into the library and opens', async () => {
  const browser = newBrowser();
  browser.local.setItem(LEGACY_SLOT_KEYS[1], serializeDocument(documentNamed('Before the library', 2)));
  browser.local.setItem(LEGACY_SLOT_KEYS[0], serializeDocument(documentNamed('Older save')));
  browser.local.setItem(LEGACY_HEAD_KEY, JSON.stringify({ slot: 1, rev: 7, tab: 't' }));
  browser.local.setItem(`${LEGACY_KEPT_PREFIX}2026:7:t`, serializeDocument(documentNamed('Other tab')));
  browser.local.setItem(`${LEGACY_CORRUPT_PREFIX}2026:x`, 'garbage');
  const tab = await openTab(browser);
  expect(tab.store.getState().document.name).toBe('Before the library');
  expect(await names(tab)).toEqual(['Before the library', 'Other tab (kept copy)']);
  expect((await tab.library.unreadable()).map((record) => record.text)).toEqual(['garbage']);
  expect([...browser.local.items.keys()]).toEqual([]);
});

test('legacy saves with an unreadable head both become documents: which is newest is unknown', async () => {
  const browser = newBrowser();
  browser.local.setItem(LEGACY_SLOT_KEYS[0], serializeDocument(documentNamed('OLD')));
  browser.local.setItem(LEGACY_SLOT_KEYS[1], serializeDocument(documentNamed('NEW', 2)));
  browser.local.setItem(LEGACY_HEAD_KEY, '{"slot":1,"rev":"x"}');
  const tab = await openTab(browser);
  expect(await names(tab)).toEqual(['NEW (other save)', 'OLD']);
});

test('deleting the open document asks nothing of the library it cannot undo: Restore brings it back whole', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  tab.store.getState().setName('Keep me');
  await tab.session.flush();
  const id = tab.store.getState().documentId;
  addServer(tab);
  await tab.session.remove(id);
  expect(tab.store.getState().documentId).not.toBe(id);
  expect(await names(tab)).toEqual([]);
  await tab.session.restore(id);
  expect((await tab.library.list())[0]).toMatchObject({ name: 'Keep me', components: 1, deletedAt: null });
});

test('a damaged record that names the open document is read again from its slots at the next start', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  tab.store.getState().setName('Site');
  addServer(tab);
  await tab.session.flush();
  const id = tab.store.getState().documentId;
  await closeTab(tab);
  await rawPut(browser.factory, STORES.heads, 'not a head at all', id);
  const reloaded = await openTab(browser, tab.sessionStorage);
  expect(reloaded.store.getState().document.components).toHaveLength(1);
  expect(reloaded.sessionStorage.getItem(OPEN_DOCUMENT_KEY)).toBe(id);
});

test('a reload after New shows the blank document again, not the one before it', async () => {
  const browser = newBrowser();
  const tab = await openTab(browser);
  tab.store.getState().setName('Before');
  addServer(tab);
  await tab.session.flush();
  tab.store.getState().openNewDocument(createEmptyDocument(), 'new', 'Started a new deployment.');
  await closeTab(tab);
  const reloaded = await openTab(browser, tab.sessionStorage);
  expect(reloaded.store.getState().document.components).toHaveLength(0);
  expect(reloaded.store.getState().documentId).toBe(tab.store.getState().documentId);
  // A new tab, with no document of its own, opens the newest saved one.
  const other = await openTab(browser);
  expect(other.store.getState().document.name).toBe('Before');
});
