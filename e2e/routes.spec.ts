import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generateDocument } from '../bench/generate';
import { serializeDocument } from '../src/document';
import { expect, test } from './fixtures';

// Issue 14 item 2: connections drawn along their routes with rounded orthogonal bends, on the
// canvas as in the exports; a moved card re-routes only its own connections; Tidy up routes all.

async function loadTemplate(page: Page, title: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await dialog.getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Each connection's drawn path, by its accessible name. */
async function paths(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.react-flow__edge-connection')
    .evaluateAll((edges) =>
      Object.fromEntries(
        edges.map((edge) => [
          edge.getAttribute('aria-label') ?? '',
          edge.querySelector('path.react-flow__edge-path')?.getAttribute('d') ?? '',
        ]),
      ),
    );
}

/** True when a path bends: its corners are quadratic curves (a straight line has none). */
function bends(d: string): boolean {
  return /^M/.test(d) && d.includes('Q');
}

test('a template draws every connection along its route, with rounded bends', async ({ designer, page }) => {
  await loadTemplate(page, 'Minimal single site');
  const drawn = await paths(page);
  expect(Object.keys(drawn)).toHaveLength(8);
  const routed = Object.values(drawn).filter(bends);
  // Every connection that bends is drawn with curves at its bends (a straight vertical one has none).
  expect(routed.length).toBeGreaterThanOrEqual(6);
  await expect(designer.status()).toContainText('Opened the template');
});

test('moving a card re-routes its own connections only, and Undo puts the routes back', async ({
  designer,
  page,
}) => {
  await loadTemplate(page, 'Minimal single site');
  const before = await paths(page);
  const stat = designer.node('Stat Server', 'StatServer_WFM');
  await designer.moveNode(stat, { x: -120, y: 40 });
  await expect
    .poll(
      async () =>
        (await paths(page))[
          "Connection WFM Data Aggregator 'WFM_Data_Aggregator' to Stat Server 'StatServer_WFM'"
        ],
    )
    .not.toBe(before["Connection WFM Data Aggregator 'WFM_Data_Aggregator' to Stat Server 'StatServer_WFM'"]);
  const after = await paths(page);
  for (const [name, d] of Object.entries(before)) {
    if (name.includes('StatServer_WFM')) continue;
    expect(after[name], name).toBe(d);
  }
  await designer.undoButton.click();
  await expect.poll(() => paths(page)).toEqual(before);
});

test('Tidy up routes the connections of a hand-drawn diagram', async ({ designer, page }) => {
  const server = await designer.addFromPalette('WFM Server');
  const dap = await designer.addFromPalette('DAP');
  const builder = await designer.addFromPalette('WFM Builder');
  await designer.connect(builder, server);
  await designer.connect(server, dap);
  await designer.connect(server, builder);
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(designer.status()).toContainText('Tidied up the diagram');
  const drawn = await paths(page);
  expect(Object.keys(drawn)).toHaveLength(3);
  // The two directions between the Builder and the Server run apart, each bent into its own port.
  const find = (from: string, to: string) =>
    Object.entries(drawn).find(
      ([name]) => name.startsWith(`Connection ${from} `) && name.includes(` to ${to} `),
    )?.[1];
  const [up, down] = [find('WFM Builder', 'WFM Server'), find('WFM Server', 'WFM Builder')];
  expect(up).toBeTruthy();
  expect(up).not.toBe(down);
  await designer.undoButton.click();
  await expect.poll(async () => Object.values(await paths(page)).some((d) => d.includes('Q'))).toBe(false);
});

test('Management Layer connections as badges or hidden, one undo step each, problems kept', async ({
  designer,
  page,
}) => {
  await loadTemplate(page, 'Single site with Management Layer');
  const edges = page.locator('.react-flow__edge-connection');
  await expect(edges).toHaveCount(13);
  const select = page.getByRole('combobox', { name: 'Management Layer connections' });
  await select.selectOption('Badges');
  // Five connections end at the Message Server: they become badges on the four WFM cards and the SCS.
  await expect(edges).toHaveCount(8);
  await expect(page.locator('.component-card__ms')).toHaveCount(5);
  await expect(designer.status()).toContainText('drawn as badges');
  await select.selectOption('Hidden');
  await expect(edges).toHaveCount(8);
  await expect(page.locator('.component-card__ms')).toHaveCount(0);
  await designer.undoButton.click();
  await expect(select).toHaveValue('badges');
  await designer.undoButton.click();
  await expect(select).toHaveValue('lines');
  await expect(edges).toHaveCount(13);
});

test('a large diagram starts the layout engine at idle time, before any Tidy up, and Tidy up then routes it', async ({
  designer,
  page,
}) => {
  test.slow(); // 120 cards on hosts, laid out in the worker of a software-rendered browser
  const { document } = generateDocument(120, 6, { hostsAndZones: true });
  const file = test.info().outputPath('large.wfm.json');
  writeFileSync(file, serializeDocument(document));
  // The layout worker starts by itself once the large diagram is open (src/app/layout/use-warm-layout.ts).
  const worker = page.waitForEvent('worker', { timeout: 30_000 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  await expect(designer.status()).toContainText('(120 components)');
  expect((await worker).url()).toContain('layout');
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(designer.status()).toContainText('Tidied up the diagram', { timeout: 60_000 });
  // The connections are drawn along routes now: most bend (a straight route has no corner).
  await expect
    .poll(async () => Object.values(await paths(page)).filter(bends).length, { timeout: 30_000 })
    .toBeGreaterThan(document.connections.length / 2);
});
