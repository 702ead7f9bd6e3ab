import type { Download, Locator, Page } from '@playwright/test';
import { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';

// Issue 7, item 3, in the browser: a corrupt save is moved aside and the editor opens; the older
// slot stands in for a corrupt newer one; a full storage shows a banner while the editor and the
// export keep working; two tabs follow each other and ask, never overwrite (decision 007).

const SLOTS = ['wfm-topology:document', 'wfm-topology:document:b'] as const;
const HEAD = 'wfm-topology:document:head';

interface Head {
  slot: 0 | 1;
  rev: number;
  tab: string;
  base?: string;
}

interface SavedDocument {
  name?: string;
  components: { id: string; kind: string; name: string }[];
}

/** The head and both slots as the page's storage holds them now. */
async function readStorage(page: Page) {
  return page.evaluate(
    ({ slots, headKey }) => {
      const all: Record<string, string> = {};
      for (let index = 0; index < window.localStorage.length; index += 1) {
        const key = window.localStorage.key(index);
        if (key !== null) all[key] = window.localStorage.getItem(key) ?? '';
      }
      const head = all[headKey] === undefined ? null : JSON.parse(all[headKey]);
      return { head, slots: slots.map((slot) => all[slot] ?? null), all };
    },
    { slots: SLOTS, headKey: HEAD },
  ) as Promise<{ head: Head | null; slots: (string | null)[]; all: Record<string, string> }>;
}

/** The document the head names, parsed. */
async function headDocument(page: Page): Promise<SavedDocument | null> {
  const { head, slots } = await readStorage(page);
  const text = head ? slots[head.slot] : null;
  return text ? JSON.parse(text) : null;
}

function componentNames(document: SavedDocument | null): string[] {
  return (document?.components ?? []).map((component) => component.name).sort();
}

/** Waits until autosave (400 ms after the last change) has written a document with these names. */
async function expectSaved(page: Page, names: readonly string[]): Promise<void> {
  await expect
    .poll(async () => componentNames(await headDocument(page)), { timeout: 10_000 })
    .toEqual([...names].sort());
}

async function exportJson(page: Page): Promise<SavedDocument> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Export JSON' }).click();
  return readDownload(await download);
}

async function readDownload(download: Download): Promise<SavedDocument> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Opens the designer in a second tab of the same browser, sharing its storage. */
async function openSecondTab(page: Page): Promise<DesignerPage> {
  const other = await page.context().newPage();
  await other.goto('/');
  const designer = new DesignerPage(other);
  await expect(designer.canvas).toBeVisible();
  return designer;
}

/**
 * What another tab's save looks like in storage: its document in the slot the head does not name,
 * then a head that names it. Its `base` is stale on purpose: a tab that saved without seeing this
 * tab's latest save, which is exactly when nothing may be overwritten.
 */
async function saveAsAnotherTab(page: Page, document: object, head: Partial<Head> = {}): Promise<void> {
  await page.evaluate(
    ({ slots, headKey, text, override }) => {
      const current = JSON.parse(window.localStorage.getItem(headKey) ?? 'null');
      const slot = current ? 1 - current.slot : 0;
      const next = { slot, rev: (current?.rev ?? 0) + 1, tab: 'another-tab', base: '0:nobody', ...override };
      window.localStorage.setItem(slots[next.slot] ?? slots[0], text);
      window.localStorage.setItem(headKey, JSON.stringify(next));
    },
    { slots: SLOTS, headKey: HEAD, text: JSON.stringify(document), override: head },
  );
}

const THEIRS = {
  format: 'wfm-topology',
  version: 1,
  name: 'Theirs',
  components: [{ id: 'their-1', kind: 'builder', name: 'Their_Builder', position: { x: 0, y: 0 } }],
  connections: [],
};

/**
 * This tab adds a WFM Server (an unsaved edit) while a second tab saves THEIRS over it: the
 * conflict dialog opens. Returns the dialog.
 */
async function reachConflict(designer: DesignerPage, page: Page): Promise<Locator> {
  const second = await openSecondTab(page);
  await designer.addFromPalette('WFM Server');
  await saveAsAnotherTab(second.page, THEIRS);
  const dialog = page.getByRole('dialog', { name: 'Another tab saved this deployment' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a corrupt save is moved aside and kept, the user is told, and the editor opens and saves', async ({
  designer,
  page,
}) => {
  await page.evaluate(
    (slot) => window.localStorage.setItem(slot, '{"format":"wfm-topology", garbage'),
    SLOTS[0],
  );
  await page.reload();

  await expect(designer.canvas).toBeVisible();
  await expect(designer.status()).toContainText('The saved document could not be read');
  await expect(designer.status()).toContainText('wfm-topology:corrupt:');
  const { all, slots } = await readStorage(page);
  const kept = Object.entries(all).filter(([key]) => key.startsWith('wfm-topology:corrupt:'));
  expect(kept.map(([, value]) => value)).toEqual(['{"format":"wfm-topology", garbage']);
  expect(slots[0]).toBeNull();

  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  await page.reload();
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  // The corrupt text is still kept after the new saves.
  expect(Object.keys((await readStorage(page)).all).filter((key) => key.includes(':corrupt:'))).toHaveLength(
    1,
  );
});

test('a corrupt newest slot with a good older slot opens the older save', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  await designer.addFromPalette('WFM Builder');
  await expectSaved(page, ['WFM_Builder_1', 'WFM_Server_1']);
  const { head } = await readStorage(page);
  if (!head) throw new Error('nothing was saved');
  const corrupt = '{"format":"wfm-topology","version":1,"components":[{"id":1}],"connections":[]}';
  await page.evaluate(({ key, text }) => window.localStorage.setItem(key, text), {
    key: SLOTS[head.slot],
    text: corrupt,
  });

  await page.reload();

  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.status()).toContainText('The previous save is open.');
  const { all } = await readStorage(page);
  expect(Object.entries(all).filter(([key]) => key.startsWith('wfm-topology:corrupt:'))).toEqual([
    [expect.stringContaining(SLOTS[head.slot]), corrupt],
  ]);
});

test('a full storage shows a banner; the editor keeps working, Export JSON works, the last save stays', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  // From now on every write of a document key fails as a full localStorage fails.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('wfm-topology:document') && !('__roomAgain' in window)) {
        throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await page.reload();
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  await designer.addFromPalette('WFM Builder');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('storage is full');

  // The editor keeps working under the banner.
  await designer.addFromPalette('DAP');
  await designer.node('WFM Builder', 'WFM_Builder_1').click();
  await designer.commitField('Name', 'Builder_Kept');
  await expect(designer.node('WFM Builder', 'Builder_Kept')).toBeVisible();

  const exported = await exportJson(page);
  expect(componentNames(exported)).toEqual(['Builder_Kept', 'WFM_DAP_1', 'WFM_Server_1']);
  const fromBanner = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export JSON' }).click();
  expect(componentNames(await readDownload(await fromBanner))).toEqual(componentNames(exported));

  // The save from before the storage filled up is whole and is what opens.
  expect(componentNames(await headDocument(page))).toEqual(['WFM_Server_1']);
  await page.reload();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  // Once there is room again, the next save goes through and the banner leaves.
  await page.evaluate(() => Object.assign(window, { __roomAgain: true }));
  await designer.addFromPalette('WFM Web');
  await expectSaved(page, ['WFM_Server_1', 'WFM_Web_1']);
  await expect(banner).toBeHidden();
});

test('a tab with no edits follows the other tab’s saves, both ways, and no edit is lost', async ({
  designer,
  page,
}) => {
  const second = await openSecondTab(page);

  await designer.addFromPalette('WFM Server');
  await expect(second.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(second.status()).toContainText('Updated with the changes saved in another tab');

  await second.addFromPalette('WFM Builder');
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();

  await designer.node('WFM Server', 'WFM_Server_1').click();
  await designer.commitField('Name', 'Server_From_A');
  await expect(second.node('WFM Server', 'Server_From_A')).toBeVisible();

  await expectSaved(page, ['Server_From_A', 'WFM_Builder_1']);
  expect(componentNames(await exportJson(page))).toEqual(['Server_From_A', 'WFM_Builder_1']);
  expect(componentNames(await exportJson(second.page))).toEqual(['Server_From_A', 'WFM_Builder_1']);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(second.page.getByRole('dialog')).toHaveCount(0);
});

test('a tab with unsaved edits is asked; "Keep mine as a copy" saves mine and keeps theirs', async ({
  designer,
  page,
}) => {
  const dialog = await reachConflict(designer, page);
  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(dialog).toBeHidden();

  await expect(designer.documentName()).toHaveValue('Untitled deployment (copy)');
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.status()).toContainText('wfm-topology:kept:');
  const saved = await headDocument(page);
  expect(saved?.name).toBe('Untitled deployment (copy)');
  expect(componentNames(saved)).toEqual(['WFM_Server_1']);
  const { all } = await readStorage(page);
  const kept = Object.entries(all).filter(([key]) => key.startsWith('wfm-topology:kept:'));
  expect(kept.map(([, text]) => componentNames(JSON.parse(text)))).toEqual([['Their_Builder']]);
});

test('a tab with unsaved edits is asked; "Load the other tab’s version" loads theirs and Undo brings mine back', async ({
  designer,
  page,
}) => {
  const dialog = await reachConflict(designer, page);
  await dialog.getByRole('button', { name: 'Load the other tab’s version' }).click();
  await expect(dialog).toBeHidden();

  await expect(designer.node('WFM Builder', 'Their_Builder')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.documentName()).toHaveValue('Theirs');

  await designer.undoButton.click();
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(1);
  // Mine is saved on top of theirs; theirs is still whole in the other slot.
  await expectSaved(page, ['WFM_Server_1']);
  const { head, slots } = await readStorage(page);
  const other = head ? slots[1 - head.slot] : null;
  expect(componentNames(other ? JSON.parse(other) : null)).toEqual(['Their_Builder']);
});

test('a save that replaced this tab’s own save at the same revision is a conflict, not silence', async ({
  designer,
  page,
}) => {
  // Two tabs saved the same revision at once: the later write replaced the earlier in the same slot.
  // Before the head carried the save it replaced, the tab whose save was lost was never told.
  const second = await openSecondTab(page);
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  const { head } = await readStorage(page);
  if (!head) throw new Error('nothing was saved');
  await expect(second.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  await second.page.evaluate(
    ({ key, headKey, text, rival }) => {
      window.localStorage.setItem(key, text);
      window.localStorage.setItem(headKey, JSON.stringify(rival));
    },
    {
      key: SLOTS[head.slot],
      headKey: HEAD,
      text: JSON.stringify(THEIRS),
      rival: { ...head, tab: 'rival-tab' },
    },
  );

  const dialog = page.getByRole('dialog', { name: 'Another tab saved this deployment' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expectSaved(page, ['WFM_Server_1']);
  const { all } = await readStorage(page);
  const kept = Object.entries(all).filter(([key]) => key.startsWith('wfm-topology:kept:'));
  expect(kept.map(([, text]) => componentNames(JSON.parse(text)))).toEqual([['Their_Builder']]);
});

test('leaving a tab whose edits wait on a conflict asks first, and staying keeps them', async ({
  designer,
  page,
}) => {
  await reachConflict(designer, page);

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const prompt = await asked;
  expect(prompt.type()).toBe('beforeunload');
  await prompt.dismiss();

  expect(page.isClosed()).toBe(false);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
});

test('leaving a tab whose edits are all saved asks nothing', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  const prompts: string[] = [];
  page.on('dialog', (dialog) => {
    prompts.push(dialog.type());
    void dialog.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(prompts).toEqual([]);
});
