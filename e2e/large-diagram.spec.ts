import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generateDocument, SIZES } from '../bench/generate';
import { serializeDocument } from '../src/document';
import { describeComponent } from '../src/domain';
import { expect, test } from './fixtures';

// A large diagram seen from afar draws its connections as one layer (decision 012); up close, as
// elements of their own. Both must look and behave like connections.

async function importLarge(page: Page): Promise<ReturnType<typeof generateDocument>['document']> {
  const { document } = generateDocument(SIZES.M);
  const file = test.info().outputPath('thousand.wfm.json');
  writeFileSync(file, serializeDocument(document));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  return document;
}

test('a large diagram seen from afar draws every connection in one layer, and a click on one selects it', async ({
  designer,
  page,
}) => {
  test.slow(); // 1,000 cards in a software-rendered browser
  const document = await importLarge(page);
  await expect(designer.status()).toContainText('(1000 components)');
  const layer = page.locator('.edge-layer');
  await expect(layer).toHaveAttribute('data-connections', String(document.connections.length));
  await expect(designer.edges).toHaveCount(0);

  // A one-way connection whose middle lies on the empty canvas or a host (not under a card or an overlay).
  const pairs = new Set(document.connections.map((c) => `${c.from}>${c.to}`));
  const oneWay = document.connections.filter((c) => !pairs.has(`${c.to}>${c.from}`));
  const target = await page.evaluate((candidates) => {
    const centre = (id: string) => {
      const box = window.document
        .querySelector(`.react-flow__node[data-id="${id}"]`)
        ?.getBoundingClientRect();
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    };
    for (const { id, from, to } of candidates) {
      const a = centre(from);
      const b = centre(to);
      if (!a || !b || Math.hypot(b.x - a.x, b.y - a.y) < 40) continue;
      const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      // The empty canvas, or a host or zone (drawn under the connections) but no card on it.
      const hit = window.document.elementFromPoint(middle.x, middle.y);
      const open =
        hit?.classList.contains('react-flow__pane') ||
        hit?.closest('.react-flow__node-host, .react-flow__node-zone') !== null;
      if (hit && open && !hit.closest('.react-flow__node-component')) return { id, ...middle };
    }
    return null;
  }, oneWay);
  expect(target, 'a connection with its middle on the empty canvas').not.toBeNull();
  if (!target) return;

  // The line is painted there: hiding the layer changes those pixels.
  const around = () =>
    page.screenshot({
      clip: { x: target.x - 3, y: target.y - 3, width: 6, height: 6 },
      animations: 'disabled',
    });
  const drawn = await around();
  await layer.evaluate((element) => {
    (element as HTMLElement).style.visibility = 'hidden';
  });
  expect(drawn.equals(await around()), 'the connection is painted').toBe(false);
  await layer.evaluate((element) => {
    (element as HTMLElement).style.visibility = '';
  });

  await page.mouse.click(target.x, target.y);
  const connection = document.connections.find((c) => c.id === target.id);
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const from = byId.get(connection?.from ?? '');
  const to = byId.get(connection?.to ?? '');
  if (!from || !to) throw new Error('the connection joins unknown components');
  await expect(designer.inspector.getByText('Connection', { exact: true })).toBeVisible();
  await expect(designer.inspector.locator('dd').first()).toHaveText(describeComponent(from));
  await expect(designer.inspector.locator('dd').nth(1)).toHaveText(describeComponent(to));
  await expect(page.locator('.edge-layer__selected .edge-layer__lines')).toHaveCount(1);

  // Escape clears the selection, and the layer draws the connection as before.
  await page.keyboard.press('Escape');
  await expect(designer.inspector.getByText('Select a component or a connection')).toBeVisible();
  await expect(page.locator('.edge-layer__selected')).toHaveCount(0);
});

test('zoomed in, a large diagram draws its connections as elements again, each one focusable, and shows its dots', async ({
  designer,
  page,
}) => {
  test.slow();
  await importLarge(page);
  await expect(designer.status()).toContainText('(1000 components)');
  await expect(page.locator('.edge-layer')).toHaveCount(1);
  // From afar the connection dots are hidden: too small to aim at.
  const dot = page.locator('.react-flow__node .react-flow__handle').first();
  await expect(dot).toBeHidden();
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let click = 0; click < 8 && (await page.locator('.edge-layer').count()) > 0; click += 1) {
    await zoomIn.click();
  }
  await expect(page.locator('.edge-layer')).toHaveCount(0);
  await expect.poll(() => designer.edges.count()).toBeGreaterThan(10);
  await expect(designer.edges.first()).toHaveAttribute('tabindex', '0');
  await expect(page.locator('.react-flow__node .react-flow__handle').first()).toBeVisible();
});
