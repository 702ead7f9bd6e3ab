import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 15, item 4 and the Export button's name: the shell fits a 1280 × 720 screen. The top bar
// is one row (what does not fit is in "More"), the canvas keeps 60 % of the window, the side
// panels dock beside the canvas and collapse, and the Problems panel is as tall as its content and
// resizable (decision 028).

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not visible');
  return found;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function loadTemplate(page: Page, title: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await dialog.getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The top bar's controls all sit on its one row, and none is cut off at its right end. */
async function expectOneRow(page: Page): Promise<void> {
  const bar = page.getByRole('banner');
  const rows = await bar.evaluate((element) => {
    const controls = [...element.querySelectorAll('button, input, select, h1')].filter(
      (control) => control.getBoundingClientRect().width > 1,
    );
    const bar = element.getBoundingClientRect();
    return {
      tops: [...new Set(controls.map((control) => Math.round(control.getBoundingClientRect().top / 12)))],
      overflow: element.scrollWidth - element.clientWidth,
      cut: controls.filter((control) => control.getBoundingClientRect().right > bar.right).length,
      height: bar.height,
    };
  });
  expect(rows.tops, 'every control of the top bar is on one row').toHaveLength(1);
  expect(rows.overflow, 'nothing spills out of the top bar').toBeLessThanOrEqual(0);
  expect(rows.cut, 'no control is cut off at the right').toBe(0);
  expect(rows.height).toBeLessThan(56);
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the top bar is one row and the canvas keeps at least 60 % of the window', async ({
    designer,
    page,
  }) => {
    await expectOneRow(page);
    const canvas = await box(designer.canvas);
    expect((canvas.width * canvas.height) / (1280 * 720)).toBeGreaterThanOrEqual(0.6);
  });

  test('"More" holds the options, Open recent, Copy share link and Share live, and works by keyboard', async ({
    designer,
    page,
  }) => {
    const more = page.getByRole('button', { name: 'More', exact: true });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More' });
    await expect(menu.getByRole('menuitemcheckbox')).toHaveText(['Management Layer', 'Scheduled reporting']);
    await expect(menu.getByRole('menuitem')).toHaveText(['Open recent', 'Copy share link', 'Share live']);
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Management Layer' })).toBeFocused();

    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Scheduled reporting' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Management Layer' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(designer.palette).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();

    await more.click();
    await menu.getByRole('menuitem', { name: 'Open recent' }).click();
    await expect(page.getByRole('dialog', { name: 'Open recent' })).toBeVisible();
  });

  test('the Inspector starts collapsed, and expands and collapses again by its buttons', async ({
    designer,
    page,
  }) => {
    const wide = await box(designer.canvas);
    await expect(designer.inspector).toHaveCount(0);
    await page.getByRole('button', { name: 'Expand Inspector' }).click();
    await expect(designer.inspector).toBeVisible();
    const narrow = await box(designer.canvas);
    const inspector = await box(designer.inspector);
    expect(narrow.width).toBeLessThan(wide.width - 200);
    expect(overlaps(narrow, inspector), 'the Inspector is beside the canvas, not over it').toBe(false);

    await page.getByRole('button', { name: 'Collapse Inspector' }).click();
    await expect(designer.inspector).toHaveCount(0);
    await expect.poll(async () => (await box(designer.canvas)).width).toBe(wide.width);
  });

  test('Explain and Exercises dock beside the canvas, cover none of it, and collapse', async ({
    designer,
    page,
  }) => {
    await loadTemplate(page, 'Builder pool');
    const toolbar = page.getByRole('toolbar', { name: 'Diagram' });
    for (const [button, title] of [
      ['Explain', 'Explain this deployment'],
      ['Exercises', 'Exercises'],
    ] as const) {
      await toolbar.getByRole('button', { name: button, exact: true }).click();
      const panel = page.getByRole('complementary', { name: title });
      await expect(panel).toBeVisible();
      const canvas = await box(designer.canvas);
      expect(overlaps(canvas, await box(panel)), `${title} lies beside the canvas`).toBe(false);
      // What is seen where the panel is, is the panel: the canvas ends where it begins, and a card
      // beyond the canvas's edge is cut off there, not drawn over the panel.
      const covered = await panel.evaluate((element) => {
        const area = element.getBoundingClientRect();
        return [...window.document.querySelectorAll('.react-flow__node')].filter((node) => {
          const r = node.getBoundingClientRect();
          const x = Math.min(Math.max(r.left + r.width / 2, area.left + 1), area.right - 1);
          const y = Math.min(Math.max(r.top + r.height / 2, area.top + 1), area.bottom - 1);
          const inPanel =
            r.right > area.left && r.left < area.right && r.bottom > area.top && r.top < area.bottom;
          const hit = window.document.elementFromPoint(x, y);
          return inPanel && hit !== null && !element.contains(hit);
        }).length;
      });
      expect(covered, `cards drawn over ${title}`).toBe(0);
      await page.getByRole('button', { name: `Collapse ${title}` }).click();
      await expect(panel).toBeHidden();
      await expect(page.getByRole('button', { name: `Expand ${title}` })).toBeVisible();
      await page.getByRole('button', { name: `Expand ${title}` }).click();
      await expect(panel).toBeVisible();
    }
  });

  test('opening a docked panel keeps the selected card in view', async ({ designer, page }) => {
    await loadTemplate(page, 'Builder pool');
    await expect(designer.nodes().first()).toBeVisible();
    // The card furthest right: the one a panel docking at the right would hide.
    const nodes = await designer.nodes().all();
    let rightmost = nodes[0] as Locator;
    let right = Number.NEGATIVE_INFINITY;
    for (const node of nodes) {
      const b = await box(node);
      if (b.x + b.width > right) {
        right = b.x + b.width;
        rightmost = node;
      }
    }
    await designer.waitUntilSettled(rightmost);
    await rightmost.click();
    await expect(designer.card(rightmost)).toHaveClass(/is-selected/);

    await page
      .getByRole('toolbar', { name: 'Diagram' })
      .getByRole('button', { name: 'Explain', exact: true })
      .click();
    await expect(page.getByRole('complementary', { name: 'Explain this deployment' })).toBeVisible();
    await page.getByRole('button', { name: 'Expand Inspector' }).click();
    await expect(designer.inspector).toBeVisible();

    await expect
      .poll(
        async () => {
          const [card, canvas] = [await box(rightmost), await box(designer.canvas)];
          return card.x >= canvas.x && card.x + card.width <= canvas.x + canvas.width;
        },
        { message: 'the selected card is inside the narrowed canvas' },
      )
      .toBe(true);
  });

  test('the Problems panel is one line when there are no problems', async ({ designer, page }) => {
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText('No problems');
    expect((await box(problems)).height).toBeLessThanOrEqual(44);
    expect((await box(designer.canvas)).height).toBeGreaterThan(520);

    await designer.addFromPalette('WFM Server');
    await expect(problems.getByRole('listitem').first()).toBeVisible();
    expect((await box(problems)).height).toBeGreaterThan(60);
  });

  test('the Problems panel resizes by keyboard and by dragging its separator, and keeps its size', async ({
    designer,
    page,
  }) => {
    const problems = page.getByRole('region', { name: 'Problems' });
    const separator = page.getByRole('separator', { name: 'Resize Problems' });
    const height = async () => Math.round((await box(problems)).height);
    const start = await height();
    await expect(separator).toHaveAttribute('aria-valuenow', String(start));

    await separator.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(height).toBe(start + 32);
    await expect(separator).toHaveAttribute('aria-valuenow', String(start + 32));
    await page.keyboard.press('ArrowDown');
    await expect.poll(height).toBe(start + 16);

    const bar = await box(separator);
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2 - 100, { steps: 5 });
    await page.mouse.up();
    await expect.poll(height).toBe(start + 116);
    await expect(separator).toHaveAttribute('aria-valuenow', String(start + 116));

    await page.reload();
    await expect(designer.canvas).toBeVisible();
    await expect.poll(height, { message: 'the size lasts for the session' }).toBe(start + 116);

    await separator.focus();
    await page.keyboard.press('Enter');
    await expect.poll(height, { message: 'Enter gives back the height of the content' }).toBe(start);
  });
});

/** The Diagram toolbar's controls all sit on one row. */
async function expectToolbarOneRow(page: Page): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Diagram' });
  const tops = await toolbar.evaluate((element) => {
    const controls = [...element.querySelectorAll('button, select')].filter(
      (control) => control.getBoundingClientRect().width > 1,
    );
    return [...new Set(controls.map((control) => Math.round(control.getBoundingClientRect().top / 12)))];
  });
  expect(tops, 'every control of the Diagram toolbar is on one row').toHaveLength(1);
}

// The Diagram toolbar with a panel docked beside the canvas: one row, its select still named in
// full, its label shortened to "ML" where the full words do not fit (decision 037).
for (const screen of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${screen.width}×${screen.height} the Diagram toolbar is one row with the Inspector, Explain or Exercises docked`, async ({
    designer,
    page,
  }) => {
    await page.setViewportSize(screen);
    const toolbar = page.getByRole('toolbar', { name: 'Diagram' });
    const select = toolbar.getByRole('combobox', { name: 'Management Layer connections', exact: true });
    await designer.addFromPalette('WFM Server');
    await expect(designer.inspector).toBeVisible();
    await expectToolbarOneRow(page);
    await expect(select).toHaveAccessibleName('Management Layer connections');

    await page.getByRole('button', { name: 'Collapse Inspector' }).click();
    for (const [panel, title] of [
      ['Explain', 'Explain this deployment'],
      ['Exercises', 'Exercises'],
    ] as const) {
      await toolbar.getByRole('button', { name: panel, exact: true }).click();
      await expect(page.getByRole('complementary', { name: title })).toBeVisible();
      await expectToolbarOneRow(page);
      await expect(select).toHaveAccessibleName('Management Layer connections');
    }
    // With nothing docked there is room for the label in full.
    await page.getByRole('button', { name: 'Collapse Exercises' }).click();
    await expect(toolbar.getByText('Management Layer connections', { exact: true })).toBeVisible();
    await expectToolbarOneRow(page);
  });
}

test('the Export menu button is named "Export", its ▾ hidden from screen readers', async ({
  designer,
  page,
}) => {
  await expect(designer.canvas).toBeVisible();
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName('Export');
  await button.click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
});

for (const screen of [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${screen.width}×${screen.height} the top bar is one row with every button and the options`, async ({
    designer,
    page,
  }) => {
    await page.setViewportSize(screen);
    await expectOneRow(page);
    await expect(page.getByRole('button', { name: 'More', exact: true })).toHaveCount(0);
    await expect(designer.option('Management Layer')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy share link' })).toBeVisible();
    await expect(designer.inspector).toBeVisible();
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
    expect((await box(page.getByRole('region', { name: 'Problems' }))).height).toBeLessThanOrEqual(44);
  });
}
