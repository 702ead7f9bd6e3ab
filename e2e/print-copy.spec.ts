import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 14, item 6: printing prints the diagram alone, fitted to the page, with its title and
// legend; "Copy image" puts the PNG on the clipboard (decision 025).

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

async function loadTemplate(page: Page, title: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await dialog.getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function chooseFromExportMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** The browser's print dialog would stop the test: each call is counted instead. */
async function countPrintCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.assign(window, { __printCalls: 0 });
    window.print = () => {
      const counter = window as unknown as { __printCalls: number };
      counter.__printCalls += 1;
    };
  });
}

const printCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __printCalls?: number }).__printCalls ?? 0);

/** The width and height a PNG's IHDR chunk gives, and whether it starts with the PNG signature. */
function pngHeader(bytes: readonly number[]) {
  const u32 = (at: number) =>
    ((bytes[at] ?? 0) << 24) |
    ((bytes[at + 1] ?? 0) << 16) |
    ((bytes[at + 2] ?? 0) << 8) |
    (bytes[at + 3] ?? 0);
  return {
    signature: PNG_SIGNATURE.every((byte, i) => bytes[i] === byte),
    width: u32(16),
    height: u32(20),
  };
}

test.describe('printing', () => {
  test.beforeEach(async ({ page }) => countPrintCalls(page));

  test('"Print" in the Export menu prints the diagram alone, fitted to a page of its orientation, with its title and legend', async ({
    designer,
    page,
  }) => {
    await page.reload();
    await loadTemplate(page, 'Minimal single site');
    await expect(designer.nodes().first()).toBeVisible();

    await chooseFromExportMenu(page, 'Print');
    await expect.poll(() => printCalls(page)).toBe(1);
    const sheet = page.locator('body > .print-sheet');
    // Hidden on screen, so found with the hidden elements.
    const image = sheet.getByRole('img', { name: 'Minimal single site', includeHidden: true });
    await expect(image).toBeAttached();
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(500);
    // On screen nothing changed: the sheet shows only to print media.
    await expect(sheet).toBeHidden();
    await expect(designer.canvas).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(image).toBeVisible();
    await expect(designer.canvas).toBeHidden();
    await expect(page.getByRole('region', { name: 'Components' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Export' })).toBeHidden();
    // The drawing fills the page's width or its height, proportions kept.
    const [box, viewport] = [await image.boundingBox(), page.viewportSize()];
    if (!box || !viewport) throw new Error('no image box');
    expect(box.width > viewport.width * 0.9 || box.height > viewport.height * 0.9).toBe(true);
    const wide = await image.evaluate((img) => {
      const picture = img as HTMLImageElement;
      return picture.naturalWidth > picture.naturalHeight;
    });
    await page.screenshot({ path: test.info().outputPath('print-media.png') });

    // The printed document: one page, landscape when the drawing is wider than tall (Tidy up lays
    // this template out taller than wide: portrait).
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(text.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    const media = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    expect(media, 'the PDF names its page size').not.toBeNull();
    expect(Number(media?.[1]) > Number(media?.[2])).toBe(wide);

    // After printing the sheet goes, and the page is the designer again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(sheet).toHaveCount(0);
    await page.emulateMedia({ media: 'screen' });
    await expect(designer.canvas).toBeVisible();
  });

  test('Ctrl+P prints the diagram through the same sheet', async ({ designer, page }) => {
    await page.reload();
    await loadTemplate(page, 'Builder pool');
    await expect(designer.nodes().first()).toBeVisible();
    await designer.canvas.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+P');
    await expect.poll(() => printCalls(page)).toBe(1);
    await expect(
      page.locator('body > .print-sheet').getByRole('img', { name: 'Builder pool', includeHidden: true }),
    ).toBeAttached();
  });

  test('the browser’s own print (its menu) places the diagram at once, and takes it away after', async ({
    designer,
    page,
  }) => {
    await page.reload();
    await loadTemplate(page, 'Highly available site');
    await expect(designer.nodes().first()).toBeVisible();
    const sheet = page.locator('body > .print-sheet');
    // The page loads the SVG writer when idle; once it has, `beforeprint` places the sheet itself.
    await expect
      .poll(() =>
        page.evaluate(() => {
          window.dispatchEvent(new Event('beforeprint'));
          return window.document.querySelector('body > .print-sheet') !== null;
        }),
      )
      .toBe(true);
    await expect(
      sheet.getByRole('img', { name: 'Highly available site', includeHidden: true }),
    ).toBeAttached();
    await page.emulateMedia({ media: 'print' });
    await expect(sheet.getByRole('img')).toBeVisible();
    await expect(designer.canvas).toBeHidden();
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(sheet).toHaveCount(0);
    // With no sheet, print media shows the page as it is rather than a blank page.
    await expect(designer.canvas).toBeVisible();
  });
});

test.describe('copy image', () => {
  test('"Copy image" puts the PNG of Export PNG on the clipboard and says so', async ({
    designer,
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await loadTemplate(page, 'Single site with Management Layer');
    await expect(designer.nodes().first()).toBeVisible();

    await chooseFromExportMenu(page, 'Copy image');
    await expect(designer.status()).toHaveText('Copied the diagram to the clipboard as a PNG image.');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const blob = await item.getType('image/png');
      return { types: [...item.types], bytes: [...new Uint8Array(await blob.arrayBuffer())] };
    });
    expect(copied?.types).toContain('image/png');
    const header = pngHeader(copied?.bytes ?? []);
    expect(header.signature).toBe(true);
    expect(copied?.bytes.length).toBeGreaterThan(10_000);

    // The same picture as Export PNG: the same size in pixels.
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export PNG' }).click();
    const path = test.info().outputPath('exported.png');
    await (await download).saveAs(path);
    const { readFileSync } = await import('node:fs');
    const exported = pngHeader([...readFileSync(path).subarray(0, 32)]);
    expect({ width: header.width, height: header.height }).toEqual({
      width: exported.width,
      height: exported.height,
    });
  });

  test('Ctrl+Shift+C copies the image, Ctrl+C still copies the selected components', async ({
    designer,
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const card = await designer.addFromPalette('WFM Server');
    await card.click();
    await page.keyboard.press('Control+C');
    await expect(designer.status()).toHaveText('Copied 1 component.');
    await page.keyboard.press('Control+Shift+C');
    await expect(designer.status()).toHaveText('Copied the diagram to the clipboard as a PNG image.');
    const types = await page.evaluate(async () =>
      (await navigator.clipboard.read()).flatMap((item) => item.types),
    );
    expect(types).toContain('image/png');
  });

  test('a refused clipboard is said in words, with Export PNG as the way out', async ({ designer, page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.write = () =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.reload();
    await expect(designer.canvas).toBeVisible();
    await chooseFromExportMenu(page, 'Copy image');
    await expect(designer.status()).toHaveText(
      'The browser did not allow the image on the clipboard (permission denied). Use Export PNG to save the image instead.',
    );
  });

  test('a browser without image clipboard says so, with Export PNG as the way out', async ({
    designer,
    page,
  }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'ClipboardItem');
    });
    await page.reload();
    await expect(designer.canvas).toBeVisible();
    await chooseFromExportMenu(page, 'Copy image');
    await expect(designer.status()).toHaveText(
      'This browser cannot put an image on the clipboard. Use Export PNG to save the image instead.',
    );
  });
});
