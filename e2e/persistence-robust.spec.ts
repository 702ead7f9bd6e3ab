import type { Download, Locator, Page } from '@playwright/test';
import { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';
import {
  componentNames,
  entryNamed,
  expectSaved,
  newestSave,
  openDocumentId,
  putRecord,
  readLibrary,
  type SavedDocument,
  savedDocument,
} from './library-storage';

// Issue 7, item 3, and issue 11, in the browser: a corrupt save is moved aside and kept, and the
// previous save opens; a full storage shows a banner while the editor and the export keep working;
// two tabs on one document follow each other and ask, never overwrite (decisions 010 and 015).

async function exportJson(page: Page): Promise<SavedDocument> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export JSON' }).click();
  return JSON.parse(await readDownload(await download));
}

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Opens the designer in a second tab of the same browser: it opens the most recently saved document. */
async function openSecondTab(page: Page): Promise<DesignerPage> {
  const other = await page.context().newPage();
  await other.goto('/');
  const designer = new DesignerPage(other);
  await expect(designer.canvas).toBeVisible();
  return designer;
}

/** The text of the unreadable save listed in Open recent, downloaded as the user would. */
async function downloadUnreadable(designer: DesignerPage, count = 1): Promise<string[]> {
  const dialog = await designer.openRecent();
  const section = dialog.getByRole('region', { name: 'Unreadable saves' });
  const buttons = section.getByRole('button', { name: /^Download unreadable save/ });
  // The list is read from storage after the dialog opens: wait for it, or a busy machine reads none.
  await expect(buttons).toHaveCount(count);
  const texts: string[] = [];
  for (const button of await buttons.all()) {
    const download = designer.page.waitForEvent('download');
    await button.click();
    texts.push(await readDownload(await download));
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  return texts;
}

/**
 * Both tabs have the saved WFM Server open; this tab is dragging the card (an edit not saved yet)
 * when the second tab adds a WFM Builder and saves. The conflict dialog opens here, then the drag
 * ends. Returns the dialog and the second tab.
 */
async function reachConflict(
  designer: DesignerPage,
  page: Page,
): Promise<{ dialog: Locator; second: DesignerPage }> {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  const second = await openSecondTab(page);
  await expect(second.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  const box = await designer.node('WFM Server', 'WFM_Server_1').boundingBox();
  if (!box) throw new Error('the card is not visible');
  const start = { x: box.x + 24, y: box.y + 16 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 40, { steps: 5 });

  await second.addFromPalette('WFM Builder');
  const dialog = page.getByRole('dialog', { name: 'Another tab saved this deployment' });
  await expect(dialog).toBeVisible();
  await page.mouse.move(start.x + 120, start.y + 80, { steps: 5 });
  await page.mouse.up();
  return { dialog, second };
}

test('a corrupt save is moved aside and kept, the user is told, and the editor opens and saves', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  const id = await openDocumentId(page);
  const save = await newestSave(page);
  if (!save) throw new Error('nothing was saved');
  const corrupt = '{"format":"wfm-topology", garbage';
  await putRecord(page, 'slots', { ...save.record, text: corrupt }, [id, save.head.slot]);

  await page.reload();

  await expect(designer.canvas).toBeVisible();
  await expect(designer.status()).toContainText('could not be read');
  await expect(designer.status()).toContainText('Its text is kept under “Unreadable saves” in Open recent.');
  const library = await readLibrary(page);
  expect(library.unreadable.map((record) => record.text)).toEqual([corrupt]);
  expect(library.slots[id]?.[save.head.slot]).toBeUndefined();
  expect(await downloadUnreadable(designer)).toEqual([corrupt]);

  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  await page.reload();
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  // The corrupt text is still kept after the new saves.
  expect((await readLibrary(page)).unreadable.map((record) => record.text)).toEqual([corrupt]);
});

test('a corrupt newest save with a good previous save opens the previous one', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  await designer.addFromPalette('WFM Builder');
  await expectSaved(page, ['WFM_Builder_1', 'WFM_Server_1']);
  const id = await openDocumentId(page);
  const save = await newestSave(page);
  if (!save) throw new Error('nothing was saved');
  const corrupt = '{"format":"wfm-topology","version":1,"components":[{"id":1}],"connections":[]}';
  await putRecord(page, 'slots', { ...save.record, text: corrupt }, [id, save.head.slot]);

  await page.reload();

  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.status()).toContainText('could not be read');
  await expect(designer.status()).toContainText('the save before it is open');
  expect((await readLibrary(page)).unreadable.map((record) => record.text)).toEqual([corrupt]);
  expect(await downloadUnreadable(designer)).toEqual([corrupt]);

  // The next save goes on from the previous one.
  await designer.addFromPalette('DAP');
  await expectSaved(page, ['WFM_DAP_1', 'WFM_Server_1']);
});

test('a full storage shows a banner; the editor keeps working, Export JSON works, the last save stays', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  // From now on every write of a save fails as a full IndexedDB fails.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'slots' && !('__roomAgain' in window)) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
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
  expect(componentNames(JSON.parse(await readDownload(await fromBanner)))).toEqual(componentNames(exported));

  // The save from before the storage filled up is whole and is what opens.
  expect(componentNames(await savedDocument(page))).toEqual(['WFM_Server_1']);
  await page.reload();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  // Once there is room again, the next save goes through and the banner leaves.
  await page.evaluate(() => Object.assign(window, { __roomAgain: true }));
  await designer.addFromPalette('WFM Web');
  await expectSaved(page, ['WFM_Server_1', 'WFM_Web_1']);
  await expect(banner).toBeHidden();
});

test('two tabs on one document follow each other’s saves while they have no edits, and no edit is lost', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  const second = await openSecondTab(page);
  await expect(second.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  expect(await openDocumentId(second.page)).toBe(await openDocumentId(page));

  await designer.addFromPalette('WFM Builder');
  await expect(second.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(second.status()).toContainText('Updated with the changes saved in another tab');

  await second.addFromPalette('DAP');
  await expect(designer.node('DAP', 'WFM_DAP_1')).toBeVisible();

  await designer.node('WFM Server', 'WFM_Server_1').click();
  await designer.commitField('Name', 'Server_From_A');
  await expect(second.node('WFM Server', 'Server_From_A')).toBeVisible();

  const all = ['Server_From_A', 'WFM_Builder_1', 'WFM_DAP_1'];
  await expectSaved(page, all);
  expect(componentNames(await exportJson(page))).toEqual(all);
  expect(componentNames(await exportJson(second.page))).toEqual(all);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(second.page.getByRole('dialog')).toHaveCount(0);
  // One document, in both tabs.
  expect((await readLibrary(page)).entries).toHaveLength(1);
});

test('a tab with unsaved edits is asked; "Keep mine as a copy" saves mine as a new document and keeps theirs', async ({
  designer,
  page,
}) => {
  const { dialog, second } = await reachConflict(designer, page);
  const original = await openDocumentId(page);
  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(dialog).toBeHidden();

  await expect(designer.documentName()).toHaveValue('Untitled deployment (copy)');
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.status()).toContainText('Your version is saved as “Untitled deployment (copy)”');
  // Mine is a new document; theirs stays whole under its own.
  const copyId = await openDocumentId(page);
  expect(copyId).not.toBe(original);
  await expectSaved(page, ['WFM_Server_1']);
  expect((await savedDocument(page))?.name).toBe('Untitled deployment (copy)');
  expect(componentNames(await savedDocument(page, original))).toEqual(['WFM_Builder_1', 'WFM_Server_1']);
  await expect(second.nodes()).toHaveCount(2);

  await designer.openRecent();
  await expect(designer.recentDocument('Untitled deployment (copy)')).toBeVisible();
  await expect(designer.recentDocument('Untitled deployment')).toBeVisible();
});

test('a tab with unsaved edits is asked; "Load the other tab’s version" loads theirs and Undo brings mine back', async ({
  designer,
  page,
}) => {
  const { dialog } = await reachConflict(designer, page);
  const theirs = await savedDocument(page);
  expect(componentNames(theirs)).toEqual(['WFM_Builder_1', 'WFM_Server_1']);
  await dialog.getByRole('button', { name: 'Load the other tab’s version' }).click();
  await expect(dialog).toBeHidden();

  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(2);

  await designer.undoButton.click();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  // Mine (the card where the drag left it) is saved on top of theirs; theirs is whole as the save before it.
  await expectSaved(page, ['WFM_Server_1']);
  expect(serverPosition(await savedDocument(page))).not.toEqual(serverPosition(theirs));
  const save = await newestSave(page);
  expect(save?.other ? JSON.parse(save.other.text) : null).toEqual(theirs);
});

function serverPosition(document: SavedDocument | null): unknown {
  return document?.components.find((component) => component.kind === 'server')?.position;
}

const THEIRS = {
  format: 'wfm-topology',
  version: 2,
  name: 'Theirs',
  components: [{ id: 'their-1', kind: 'builder', name: 'Their_Builder', position: { x: 0, y: 0 } }],
  connections: [],
};

test('a save that replaced this tab’s own save at the same revision is a conflict, not silence', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  const id = await openDocumentId(page);
  const save = await newestSave(page);
  if (!save) throw new Error('nothing was saved');

  // A writer that does not compare before it writes (an older or broken version of the designer)
  // puts its own save at the same revision in the same slot and announces it. The designer itself
  // cannot do this (its saves compare and swap in one transaction), so the records are written raw.
  const rival = { ...save.head, tab: 'rival-tab' };
  await putRecord(page, 'slots', { ...save.record, tab: 'rival-tab', text: JSON.stringify(THEIRS) }, [
    id,
    save.head.slot,
  ]);
  await putRecord(page, 'heads', rival, id);
  await page.evaluate(
    ({ id, head }) => {
      const channel = new BroadcastChannel('wfm-topology:library');
      channel.postMessage({ type: 'saved', id, head });
      channel.close();
    },
    { id, head: rival },
  );

  const dialog = page.getByRole('dialog', { name: 'Another tab saved this deployment' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expectSaved(page, ['WFM_Server_1']);
  expect(await openDocumentId(page)).not.toBe(id);
  // Theirs stays where it was, under its own name.
  expect(componentNames(await savedDocument(page, id))).toEqual(['Their_Builder']);
  const library = await readLibrary(page);
  expect(entryNamed(library, 'Untitled deployment (copy)')?.components).toBe(1);
});

test('leaving a tab whose edits wait on a conflict asks first, and staying keeps them', async ({
  designer,
  page,
}) => {
  const { dialog } = await reachConflict(designer, page);
  const theirs = await savedDocument(page);

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const prompt = await asked;
  expect(prompt.type()).toBe('beforeunload');
  await prompt.dismiss();

  expect(page.isClosed()).toBe(false);
  await expect(dialog).toBeVisible();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  // Nothing was saved over the other tab's version meanwhile.
  expect(await savedDocument(page)).toEqual(theirs);
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

// When IndexedDB cannot be used (storage off, a private window, or a database that does not answer
// within the designer's 10 s wait), the designer says so at start, not only when a save fails.
test('a browser whose storage is off says so at start instead of silently not saving', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  const designer = new DesignerPage(page);
  await page.goto('/');
  await expect(designer.canvas).toBeVisible();
  await designer.addFromPalette('WFM Server');

  await expect(page.getByText('This browser does not let the designer save')).toBeVisible();
});
