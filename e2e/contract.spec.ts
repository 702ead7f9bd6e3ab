import { expect, test } from './fixtures';

const KINDS = [
  'WFM Server',
  'WFM Builder',
  'WFM Daemon',
  'WFM Data Aggregator',
  'WFM Web',
  'WFM Database Utility',
  'DAP',
  'Stat Server',
  'Message Server',
  // Issue 13: the Framework context kinds.
  'Configuration Server',
  'Solution Control Server',
  'SMTP server',
  'Load balancer',
];

test('the designer opens on an empty canvas under its name', async ({ designer, page }) => {
  await expect(page).toHaveTitle('WFM Topology Designer');
  await expect(designer.canvas).toBeVisible();
  await expect(designer.canvas).toHaveClass(/\breact-flow\b/);
  await expect(page.getByRole('heading', { name: 'WFM Topology Designer' })).toBeVisible();
  await expect(designer.nodes()).toHaveCount(0);
});

test('the "?" button and the ? key open the list of keyboard shortcuts', async ({ designer, page }) => {
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();

  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Undo/ }).first()).toContainText('Ctrl+Z');
  await expect(dialog.getByRole('row', { name: /Redo/ })).toContainText('Ctrl+Y');
  await expect(dialog).toContainText('Ctrl+D');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await designer.canvas.click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('?');

  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the theme button cycles through dark, light and the system theme', async ({ designer, page }) => {
  await expect(designer.canvas).toBeVisible();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByRole('button', { name: 'Theme: system' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('button', { name: 'Theme: dark' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByRole('button', { name: 'Theme: light' }).click();
  await expect(page.getByRole('button', { name: 'Theme: system' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('the palette offers one button per kind, named by its display name, and Host, Zone and Note', async ({
  designer,
}) => {
  const layout = ['Host', 'Zone', 'Note'];
  await expect(designer.palette.getByRole('button')).toHaveCount(KINDS.length + layout.length);
  for (const item of [...KINDS, ...layout]) {
    await expect(designer.paletteItem(item)).toBeAttached();
  }
});

test('the top bar offers history, New and the two deployment options', async ({ designer, page }) => {
  await expect(designer.undoButton).toBeVisible();
  await expect(designer.redoButton).toBeVisible();
  await expect(page.getByRole('button', { name: 'New', exact: true })).toBeVisible();
  await expect(designer.option('Management Layer')).toBeVisible();
  await expect(designer.option('Scheduled reporting')).toBeVisible();
  await expect(designer.documentName()).toBeEditable();
});

test('the inspector labels a component’s fields and offers "Connect to…"', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');

  await expect(designer.inspector.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
    'WFM_Server_1',
  );
  const host = designer.inspector.getByRole('combobox', { name: 'Host', exact: true });
  await expect(host).toBeVisible();
  await expect(host.locator('option').first()).toHaveText('No host');
  await expect(designer.inspector.getByRole('textbox', { name: 'Port', exact: true })).toBeVisible();
  await expect(designer.inspector.getByRole('button', { name: 'Connect to…' })).toBeEnabled();
});

test('a selected connection can be secured with TLS, and the canvas shows its lock', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.connect(
    designer.node('WFM Builder', 'WFM_Builder_1'),
    designer.node('WFM Server', 'WFM_Server_1'),
  );
  await designer.page.keyboard.press('Escape');
  await expect(designer.field('Security')).toHaveCount(0);

  await designer.selectEdge(0);

  const security = designer.inspector.getByRole('combobox', { name: 'Security' });
  await expect(security).toHaveValue('none');
  await expect(designer.page.locator('.edge-label__lock')).toHaveCount(0);
  await security.selectOption({ label: 'TLS' });

  await expect(designer.page.locator('.edge-label__lock')).toHaveText('TLS');
});

test('a page that logs a console error fails its test', async ({ designer }) => {
  test.fail(true, 'the pageErrors fixture must turn a console error into a failure');
  await designer.page.evaluate(() => console.error('a deliberate error'));
});
