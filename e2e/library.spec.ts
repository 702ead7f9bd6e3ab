import { readFileSync } from 'node:fs';
import { deflateRawSync, constants as zlib } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { encodeShareFragment } from '../src/app/share-link';
import { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';
import {
  componentNames,
  entryNamed,
  expectSaved,
  holdLibrary,
  newestSave,
  openDocumentId,
  putRecord,
  readLibrary,
  savedDocument,
} from './library-storage';

// Issue 11 in real tabs: the library of documents keeps every deployment the user made, whatever
// a link, another tab, another origin, a damaged head or a closed tab does (decision 015).

/** A small deployment file, as a share link or an import carries it. */
function deployment(name: string, components: readonly (readonly [kind: string, name: string])[]): string {
  return JSON.stringify({
    format: 'wfm-topology',
    version: 2,
    name,
    components: components.map(([kind, componentName], index) => ({
      id: `c-${index + 1}`,
      kind,
      name: componentName,
      position: { x: 240 * index, y: 0 },
    })),
    connections: [],
  });
}

/** Names the open deployment and waits until that is saved with `components` in it. */
async function nameAndSave(
  designer: DesignerPage,
  name: string,
  components: readonly string[],
): Promise<void> {
  await designer.documentName().fill(name);
  await designer.documentName().press('Enter');
  await expect
    .poll(async () => {
      const saved = await savedDocument(designer.page);
      return { name: saved?.name, components: componentNames(saved) };
    })
    .toEqual({ name, components: [...components].sort() });
}

/** The names of the documents in the library that are not deleted, sorted. */
async function libraryNames(page: Page): Promise<string[]> {
  return (await readLibrary(page)).entries
    .filter((entry) => entry.deletedAt === null)
    .map((entry) => entry.name)
    .sort();
}

test('a link opened in a second tab is a new document there; the first tab keeps its deployment (observation 1)', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await nameAndSave(designer, 'Site A', ['WFM_Builder_1', 'WFM_Server_1']);
  const statusBefore = (await designer.status().textContent()) ?? '';
  const siteA = await openDocumentId(page);

  const link = await encodeShareFragment(
    deployment('Shared site', [
      ['server', 'Shared_Server'],
      ['dap', 'Shared_DAP'],
    ]),
  );
  const second = new DesignerPage(await page.context().newPage());
  await second.page.goto(`/${link}`);
  await expect(second.status()).toContainText('Opened “Shared site” (2 components) as a new document.');
  await expect(second.nodes()).toHaveCount(2);
  await second.addFromPalette('WFM Web');
  await expectSaved(second.page, ['Shared_DAP', 'Shared_Server', 'WFM_Web_1']);
  expect(await openDocumentId(second.page)).not.toBe(siteA);

  // The first tab saw nothing happen, and its deployment is saved as it was.
  await expect(designer.status()).toHaveText(statusBefore);
  await expect(designer.documentName()).toHaveValue('Site A');
  await expect(designer.nodes()).toHaveCount(2);
  expect(componentNames(await savedDocument(page, siteA))).toEqual(['WFM_Builder_1', 'WFM_Server_1']);

  await page.reload();
  await expect(designer.documentName()).toHaveValue('Site A');
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(2);

  for (const tab of [designer, second]) {
    await tab.openRecent();
    await expect(tab.recentDocument('Site A')).toBeVisible();
    await expect(tab.recentDocument('Shared site')).toBeVisible();
  }
  expect(await libraryNames(page)).toEqual(['Shared site', 'Site A']);
});

/** A page of another origin that opens the designer, then points it at other links again and again. */
function attackerPage(designerUrl: string, links: readonly string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A prize for you</title></head>
<body>
<button id="open">Claim your prize</button>
<button id="again">More prizes</button>
<script>
  const designer = ${JSON.stringify(designerUrl)};
  const links = ${JSON.stringify(links)};
  let held = null;
  document.getElementById('open').addEventListener('click', () => {
    held = window.open(designer + links[0], 'designer');
  });
  document.getElementById('again').addEventListener('click', () => {
    for (const link of links.slice(1)) held.location = designer + link;
  });
</script>
</body></html>`;
}

test('a page of another origin that holds the designer’s window opens one new document there, no more (observation 2)', async ({
  designer,
  page,
  baseURL,
}) => {
  await designer.addFromPalette('WFM Server');
  await nameAndSave(designer, 'Mine', ['WFM_Server_1']);
  const mine = await openDocumentId(page);
  const statusBefore = (await designer.status().textContent()) ?? '';

  const links = await Promise.all(
    [1, 2, 3, 4, 5].map((n) =>
      encodeShareFragment(
        deployment(`Link ${n}`, [
          ['builder', `Builder_${n}`],
          ['web', `Web_${n}`],
        ]),
      ),
    ),
  );
  const context = page.context();
  await context.route('http://attacker.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: attackerPage(`${baseURL}/`, links) }),
  );
  const attacker = await context.newPage();
  await attacker.goto('http://attacker.test/');

  const popup = attacker.waitForEvent('popup');
  await attacker.getByRole('button', { name: 'Claim your prize' }).click();
  const held = new DesignerPage(await popup);
  await expect(held.status()).toContainText('Opened “Link 1” (2 components) as a new document.');
  await expect(held.node('WFM Builder', 'Builder_1')).toBeVisible();
  await expectSaved(held.page, ['Builder_1', 'Web_1']);

  await attacker.getByRole('button', { name: 'More prizes' }).click();
  await expect.poll(() => held.page.evaluate(() => window.location.hash)).toBe(links.at(-1));
  await expect(held.status()).toHaveText(
    'A link to a shared deployment was put in this tab’s address. It was not opened: reload the page to open it as a new document.',
  );
  await expect(held.documentName()).toHaveValue('Link 1');
  await expect(held.nodes()).toHaveCount(2);

  // The user's own tab is untouched, and the library holds the user's document and the first link's.
  await expect(designer.status()).toHaveText(statusBefore);
  await expect(designer.documentName()).toHaveValue('Mine');
  expect(await openDocumentId(page)).toBe(mine);
  expect(componentNames(await savedDocument(page, mine))).toEqual(['WFM_Server_1']);
  expect(await libraryNames(page)).toEqual(['Link 1', 'Mine']);
});

/** The peak resident memory (VmHWM, bytes) of every renderer process of the browser, by pid. */
async function rendererPeaks(browser: Browser): Promise<Map<number, number> | null> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    await cdp.detach();
    const peaks = new Map<number, number>();
    for (const { type, id } of processInfo) {
      if (type !== 'renderer') continue;
      const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${id}/status`, 'utf8'));
      if (match?.[1]) peaks.set(id, Number(match[1]) * 1024);
    }
    return peaks.size > 0 ? peaks : null;
  } catch {
    // Not Chromium on Linux, or its processes are not readable from here.
    return null;
  }
}

const MB = 1024 * 1024;

test('a 1.5 MB link that inflates to 1.5 GB is refused at 10 MB with the renderer’s memory kept small (observation 3)', async ({
  designer,
  page,
  browser,
}) => {
  // Loading a URL of 2 million characters takes the automated browser 10 s, much more when busy.
  test.slow();
  await designer.addFromPalette('DAP');
  await nameAndSave(designer, 'Mine', ['WFM_DAP_1']);
  const mine = await openDocumentId(page);
  // 1,500 blocks of 1 MB of zeros, each flushed (about 1 KB each), then an empty final block: a
  // link of 2 million characters that inflates to 1.5 GB (src/app/share-link.test.ts).
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: zlib.Z_SYNC_FLUSH });
  const bomb = Buffer.concat([...Array.from({ length: 1500 }, () => block), Buffer.from([0x03, 0x00])]);
  expect(bomb.length).toBeLessThan(1.6 * MB);
  const before = await rendererPeaks(browser);

  await page.goto('about:blank');
  await page.goto(`/#doc=${bomb.toString('base64url')}`);

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('larger than 10 MB', { timeout: 30_000 });
  const after = await rendererPeaks(browser);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The user's document is untouched and nothing else was stored. (Checked in the library and
  // after a reload: a page of this address can take more than the designer's 10 s wait for
  // IndexedDB to start on a busy machine, and then it opens without its library.)
  expect(await libraryNames(page)).toEqual(['Mine']);
  expect(componentNames(await savedDocument(page, mine))).toEqual(['WFM_DAP_1']);
  await page.reload();
  await expect(designer.documentName()).toHaveValue('Mine');
  await expect(designer.nodes()).toHaveCount(1);

  if (!before || !after) {
    test.info().annotations.push({ type: 'memory', description: 'renderer memory could not be read here' });
    return;
  }
  // A renderer that started for this page counts its whole peak: it cannot have grown less.
  const growth = [...after].map(([pid, peak]) => ({ pid, grew: peak - (before.get(pid) ?? 0) }));
  const largest = growth.reduce((a, b) => (b.grew > a.grew ? b : a));
  test.info().annotations.push({
    type: 'memory',
    description: `largest renderer peak growth ${(largest.grew / MB).toFixed(0)} MB (pid ${largest.pid}); ${growth
      .map(({ pid, grew }) => `${pid}: +${(grew / MB).toFixed(0)} MB`)
      .join(', ')}`,
  });
  expect(largest.grew, 'a renderer’s peak memory grew by').toBeLessThan(300 * MB);
});

test('an unreadable head opens the newest save, keeps the other as a document, and overwrites neither (observation 4)', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  await designer.addFromPalette('WFM Builder');
  await expectSaved(page, ['WFM_Builder_1', 'WFM_Server_1']);
  const id = await openDocumentId(page);
  const save = await newestSave(page);
  // Saved twice: the first save (OLD) in slot 0, the newest (NEW) in slot 1.
  expect(save?.head).toMatchObject({ slot: 1, rev: 2 });
  const newText = save?.record.text;

  // A head of a shape this version cannot read (a newer version, a failing disk).
  await putRecord(page, 'heads', { slot: 1, rev: 'x' }, id);
  await page.reload();

  await expect(designer.nodes()).toHaveCount(2);
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.status()).toContainText(
    'The newest save (revision 2) is open; the other save is kept as “Untitled deployment (other save)” in Open recent.',
  );
  await designer.openRecent();
  await expect(designer.recentDocument('Untitled deployment (other save)')).toContainText('1 component');
  await designer.recentDialog().getByRole('button', { name: 'Close' }).click();
  const other = entryNamed(await readLibrary(page), 'Untitled deployment (other save)');
  expect(componentNames(await savedDocument(page, other?.id))).toEqual(['WFM_Server_1']);

  await designer.addFromPalette('DAP');
  await expectSaved(page, ['WFM_Builder_1', 'WFM_DAP_1', 'WFM_Server_1']);
  // NEW is still whole, as the save before the one just made.
  expect((await newestSave(page))?.other?.text).toBe(newText);
});

test('notes typed in the inspector survive a reload made without leaving the field (observation 9)', async ({
  designer,
  page,
}) => {
  const server = await designer.addFromPalette('WFM Server');
  await server.click();
  await designer.field('Notes').fill('Behind the load balancer, port 7000');
  await expect(designer.field('Notes')).toBeFocused();

  await page.reload();

  await designer.node('WFM Server', 'WFM_Server_1').click();
  await expect(designer.field('Notes')).toHaveValue('Behind the load balancer, port 7000');
  await expect
    .poll(async () => (await savedDocument(page))?.components[0]?.notes)
    .toBe('Behind the load balancer, port 7000');
});

test('Open recent lists each document with what it holds, opens one, and deletes only after asking', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await nameAndSave(designer, 'Site A', ['WFM_Builder_1', 'WFM_Server_1']);
  const siteA = await openDocumentId(page);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await designer.addFromPalette('DAP');
  await nameAndSave(designer, 'Site B', ['WFM_DAP_1']);
  const sizes = await Promise.all(
    [siteA, undefined].map(async (id) =>
      sizeText(Buffer.byteLength((await newestSave(page, id))?.record.text ?? '')),
    ),
  );

  const dialog = await designer.openRecent();
  await expect(designer.recentDocument('Site A')).toHaveAccessibleName(
    `Site A 2 components · ${sizes[0]} · saved just now`,
  );
  await expect(designer.recentDocument('Site B')).toHaveAccessibleName(
    `Site B 1 component · ${sizes[1]} · saved just now · open in this tab`,
  );
  // Newest first.
  await expect(dialog.getByRole('list', { name: 'Saved documents' }).getByRole('listitem')).toHaveCount(2);
  await expect(
    dialog.getByRole('list', { name: 'Saved documents' }).getByRole('listitem').first(),
  ).toContainText('Site B');

  await designer.recentDocument('Site A').click();
  await expect(dialog).toBeHidden();
  await expect(designer.documentName()).toHaveValue('Site A');
  await expect(designer.nodes()).toHaveCount(2);
  await expect(designer.status()).toHaveText('Opened “Site A”.');

  // Delete asks in place; Cancel keeps the document.
  await designer.openRecent();
  await dialog.getByRole('button', { name: 'Delete Site B' }).click();
  const ask = dialog.getByRole('group', { name: 'Delete Site B?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(designer.recentDocument('Site B')).toBeVisible();

  await dialog.getByRole('button', { name: 'Delete Site B' }).click();
  await ask.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(designer.recentDocument('Site B')).toHaveCount(0);
  const deleted = dialog.getByRole('region', { name: 'Recently deleted' });
  await expect(deleted).toContainText('Site B');
  await expect(designer.status()).toHaveText(
    'Deleted “Site B”. Restore it under “Recently deleted” in Open recent.',
  );
  expect(await libraryNames(page)).toEqual(['Site A']);

  await deleted.getByRole('button', { name: 'Restore Site B' }).click();
  await expect(designer.recentDocument('Site B')).toBeVisible();
  await expect(deleted).toBeHidden();
  expect(await libraryNames(page)).toEqual(['Site A', 'Site B']);
  await designer.recentDocument('Site B').click();
  await expect(designer.documentName()).toHaveValue('Site B');
  await expect(designer.node('DAP', 'WFM_DAP_1')).toBeVisible();
});

/** "812 bytes", "3.2 kB": the size as Open recent writes it, from the saved text's UTF-8 length. */
function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Opens the designer in another tab that keeps the library busy, so that no save can land meanwhile. */
async function busyTab(page: Page): Promise<{ busy: Page; release: () => Promise<void> }> {
  const busy = new DesignerPage(await page.context().newPage());
  await busy.page.goto('/');
  await expect(busy.canvas).toBeVisible();
  return { busy: busy.page, release: await holdLibrary(busy.page) };
}

test('edits made just before the tab is closed are recovered at the next start, even when their save never landed', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await nameAndSave(designer, 'Closing', ['WFM_Server_1']);
  const id = await openDocumentId(page);
  // Another tab is busy with the library: this tab's last save cannot land before the tab is gone.
  const { busy, release } = await busyTab(page);
  await designer.addFromPalette('WFM Builder');
  await page.close({ runBeforeUnload: true });
  await release();
  expect(componentNames(await savedDocument(busy, id)), 'the save in the library').toEqual(['WFM_Server_1']);

  const next = new DesignerPage(await page.context().newPage());
  await next.page.goto('/');
  await expect(next.status()).toContainText(
    'Recovered changes to “Closing” that were not saved when its tab closed.',
  );
  await expect(next.documentName()).toHaveValue('Closing');
  await expect(next.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(next.nodes()).toHaveCount(2);
  await expectSaved(next.page, ['WFM_Builder_1', 'WFM_Server_1']);
});

test('edits made just before a reload are there after it, even when their save never landed', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await nameAndSave(designer, 'Reloading', ['WFM_Server_1']);
  const { release } = await busyTab(page);
  await designer.addFromPalette('WFM Builder');
  await page.reload();
  await release();

  await expect(designer.status()).toContainText(
    'Recovered changes to “Reloading” that were not saved when its tab closed.',
  );
  await expect(designer.documentName()).toHaveValue('Reloading');
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(2);
  await expectSaved(page, ['WFM_Builder_1', 'WFM_Server_1']);
});

// When every save of a document has been moved aside as unreadable, Open recent still lists it;
// choosing it must say why it does not open rather than close the dialog and do nothing.
test('a document whose every save is unreadable says why it cannot open when chosen in Open recent', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await nameAndSave(designer, 'Site A', ['WFM_Server_1']);
  const id = await openDocumentId(page);
  // Naming and adding may have been one save or two: every save of the document is damaged.
  const slots = (await readLibrary(page)).slots[id] ?? [];
  for (const [slot, record] of slots.entries()) {
    if (record) await putRecord(page, 'slots', { ...record, text: 'not a deployment' }, [id, slot]);
  }
  await page.reload();
  await expect(designer.status()).toContainText('could not be read');
  await expect(designer.nodes()).toHaveCount(0);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(designer.status()).toHaveText('Started a new deployment.');

  await designer.openRecent();
  await designer.recentDocument('Site A').click();

  await expect(designer.recentDialog()).toBeHidden();
  await expect(designer.status(), 'the user is told why “Site A” did not open').toContainText('Site A');
});
