import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';

// Helpers of this story only: the page object and the fixtures are shared and stay as they are.

const SINGLE_SITE = readFileSync(new URL('../examples/single-site.wfm.json', import.meta.url), 'utf8');

/** A server without a Builder, and a Builder wired to Stat Server, which the matrix forbids. */
const BROKEN = JSON.stringify({
  format: 'wfm-topology',
  version: 2,
  name: 'Broken lab',
  components: [
    { id: 'srv-1', kind: 'server', name: 'S1', position: { x: 0, y: 0 } },
    { id: 'dap-1', kind: 'dap', name: 'DB', position: { x: 0, y: 200 } },
    { id: 'bld-1', kind: 'builder', name: 'B1', position: { x: 320, y: 0 } },
    { id: 'st-1', kind: 'stat-server', name: 'Stat', position: { x: 320, y: 200 } },
  ],
  connections: [
    { id: 'c-1', from: 'srv-1', to: 'dap-1' },
    { id: 'c-2', from: 'bld-1', to: 'srv-1' },
    { id: 'c-3', from: 'bld-1', to: 'st-1' },
  ],
});

/** Opens a document the way a user does: "Import" and the file picker. */
async function importDocument(designer: DesignerPage, name: string, text: string): Promise<void> {
  const chooser = designer.page.waitForEvent('filechooser');
  await designer.page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** A part of the explanation, found by its heading. */
function section(panel: Locator, heading: string): Locator {
  return panel
    .locator('section')
    .filter({ has: panel.page().getByRole('heading', { name: heading, exact: true }) });
}

function toolbarButton(designer: DesignerPage, name: string): Locator {
  return designer.page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name, exact: true });
}

async function openMatrix(designer: DesignerPage): Promise<Locator> {
  await toolbarButton(designer, 'Matrix').click();
  const dialog = designer.page.getByRole('dialog', { name: 'Component connections matrix' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A cell of the grid by its row and column, named as the guide's display names. */
function cell(dialog: Locator, from: string, to: string): Locator {
  return dialog.getByRole('table').getByRole('button', { name: new RegExp(`^${from} to ${to}:`) });
}

function explanation(dialog: Locator): Locator {
  return dialog.getByRole('region', { name: 'About the chosen cell' });
}

// Written out by hand from the source page (rules.md section 2), never read from the code.
const COLUMNS = ['Server', 'Builder', 'Daemon', 'Data Aggr.', 'Web', 'DAP', 'Stat Server', 'Msg Server'];
const EXPECTED_ROWS: readonly (readonly [string, readonly string[]])[] = [
  ['Server', ['(X+)', 'X+', '', '(X+)', '', 'X', '', '(X)']],
  ['Builder', ['X', '', '', '', '', '', '', '(X)']],
  ['Daemon', ['X', '', '', '', '(X)', '', '', '(X)']],
  ['Data Aggregator', ['X', '', '', '', '', 'X', 'X', '(X)']],
  ['Web', ['X', '', '', '', '(X)', '', '', '(X)']],
  ['Database Utility (Backup-Restore Utility)', ['', '', '', '', '', 'X', '', '']],
];

test('the matrix shows the source’s marks, and a cell chosen by keyboard explains itself', async ({
  designer,
}) => {
  const dialog = await openMatrix(designer);
  const table = dialog.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Component name', 'Connections to:', ...COLUMNS]);
  await expect(table.getByRole('rowheader')).toHaveText(EXPECTED_ROWS.map(([row]) => row));
  const rows = table.locator('tbody tr');
  for (const [index, [row, marks]] of EXPECTED_ROWS.entries()) {
    await expect(rows.nth(index).getByRole('rowheader')).toHaveText(row);
    await expect(rows.nth(index).getByRole('button')).toHaveText(marks.map((mark) => mark));
  }
  await expect(cell(dialog, 'WFM Builder', 'WFM Server')).toHaveText('X');
  await expect(dialog.getByRole('definition')).toContainText([
    'single connection',
    'one or more connections',
    'optional connection',
    'optional, one or more connections',
  ]);

  // One cell of the grid is in the Tab order at a time; the arrows move between them.
  await expect(table.locator('button[tabindex="0"]')).toHaveCount(1);
  // Opening the dialog puts the focus on the grid's first cell.
  await expect(cell(dialog, 'WFM Server', 'WFM Server')).toBeFocused();
  await designer.page.keyboard.press('ArrowDown');
  await expect(cell(dialog, 'WFM Builder', 'WFM Server')).toBeFocused();
  await expect(explanation(dialog)).toContainText('A WFM Builder must connect to exactly one WFM Server.');
  await expect(table.locator('button[tabindex="0"]')).toHaveCount(1);

  await designer.page.keyboard.press('End');
  await expect(cell(dialog, 'WFM Builder', 'Message Server')).toBeFocused();
  await expect(explanation(dialog)).toContainText('A WFM Builder may connect to at most one Message Server.');
  await expect(explanation(dialog)).toContainText(
    'Configure the Message Server connections if you are using Management Layer',
  );
  await expect(explanation(dialog)).toContainText('The Management Layer is off in this deployment');

  await designer.page.keyboard.press('ArrowLeft');
  await expect(explanation(dialog)).toContainText(
    'WFM Builder cannot connect to Stat Server: the component connections matrix has no such connection.',
  );
  // Tab leaves the grid and Shift+Tab comes back to the same cell.
  await designer.page.keyboard.press('Tab');
  await expect(cell(dialog, 'WFM Builder', 'Stat Server')).not.toBeFocused();
  await designer.page.keyboard.press('Shift+Tab');
  await expect(cell(dialog, 'WFM Builder', 'Stat Server')).toBeFocused();

  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
});

test('a broken cell names the component that breaks it, and choosing it shows that component', async ({
  designer,
  page,
}) => {
  await importDocument(designer, 'broken-lab.wfm.json', BROKEN);
  await expect(designer.nodes()).toHaveCount(4);
  const server = designer.node('WFM Server', 'S1');
  await expect(server).not.toHaveClass(/selected/);

  const dialog = await openMatrix(designer);
  const serverBuilder = cell(dialog, 'WFM Server', 'WFM Builder');
  await expect(serverBuilder).toHaveAccessibleName(/broken by this deployment \(1 problem\)/);
  await expect(serverBuilder).toHaveClass(/is-broken/);
  await expect(cell(dialog, 'WFM Builder', 'WFM Server')).toHaveAccessibleName(
    /1 connection in this deployment$/,
  );
  await expect(cell(dialog, 'WFM Builder', 'WFM Server')).toContainText('1');
  await expect(cell(dialog, 'WFM Builder', 'Stat Server')).toHaveAccessibleName(
    /not allowed; broken by this deployment/,
  );
  await expect(cell(dialog, 'WFM Data Aggregator', 'Stat Server')).not.toHaveClass(/is-broken/);

  await cell(dialog, 'WFM Builder', 'Stat Server').click();
  await expect(explanation(dialog).getByRole('button')).toHaveText([
    "WFM Builder 'B1' cannot connect to Stat Server 'Stat': the component connections matrix has no WFM Builder → Stat Server connection",
  ]);

  await serverBuilder.click();
  await expect(explanation(dialog)).toContainText('A WFM Server must connect to at least one WFM Builder.');
  await expect(explanation(dialog)).toContainText('You can configure and connect to multiple instances');
  await expect(explanation(dialog)).toContainText('This deployment breaks this rule');
  await page.screenshot({ path: '/tmp/matrix.png' });

  await explanation(dialog)
    .getByRole('button', { name: "WFM Server 'S1' must connect to at least one WFM Builder" })
    .click();
  await expect(dialog).toBeHidden();
  await expect(server).toHaveClass(/selected/);
  await expect(server).toBeFocused();
  await expect(designer.field('Name')).toHaveValue('S1');
});

test('the matrix reads well in the dark theme', async ({ designer, page }) => {
  await importDocument(designer, 'broken-lab.wfm.json', BROKEN);
  // The theme follows the system until the user picks one.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dialog = await openMatrix(designer);
  await cell(dialog, 'WFM Daemon', 'WFM Web').click();
  await expect(explanation(dialog)).toContainText('Scheduled reporting is off in this deployment');
  await page.screenshot({ path: '/tmp/matrix-dark.png' });
});

test('"Explain" describes the deployment in sentences that follow its edits', async ({ designer, page }) => {
  await importDocument(designer, 'single-site.wfm.json', SINGLE_SITE);
  await expect(designer.nodes()).toHaveCount(8);
  await toolbarButton(designer, 'Explain').click();
  const panel = page.getByRole('complementary', { name: 'Explain this deployment' });
  await expect(panel).toBeVisible();
  await expect(section(panel, 'WFM Servers')).toContainText(
    "WFM Server 'WFM_Server' serves WFM Builder 'WFM_Builder', WFM Data Aggregator 'WFM_Data_Aggregator', WFM Web 'WFM_Web' and WFM Daemon 'WFM_Daemon', which connect to it.",
  );
  await expect(section(panel, 'Statistics')).toContainText(
    "WFM Data Aggregator 'WFM_Data_Aggregator' reads statistics from Stat Server 'Stat_Server' and writes them into the WFM database through DAP 'WFM_DAP'.",
  );
  await expect(section(panel, 'Security')).toContainText('2 of 11 connections are secured.');
  await expect(section(panel, 'What is missing')).toContainText('Nothing is missing');
  await page.screenshot({ path: '/tmp/explain.png' });

  // A component's name in a sentence shows that component on the canvas.
  const builder = designer.node('WFM Builder', 'WFM_Builder');
  await expect(builder).not.toHaveClass(/selected/);
  await section(panel, 'Schedule building')
    .getByRole('button', { name: "WFM Builder 'WFM_Builder'" })
    .click();
  await expect(builder).toHaveClass(/selected/);

  // The sentences follow the document: a rename, then a new Builder that no Server uses.
  await designer.node('WFM Server', 'WFM_Server').click();
  await designer.commitField('Name', 'WFM_Main');
  await expect(section(panel, 'WFM Servers')).toContainText(
    "There is one WFM Server: WFM Server 'WFM_Main'.",
  );
  await designer.addFromPalette('WFM Builder');
  await expect(section(panel, 'Schedule building')).toContainText(
    "WFM Builder 'WFM_Builder_1' is in no WFM Server's pool, so it gets no schedules to build.",
  );
  await expect(section(panel, 'What is missing')).toContainText(
    "WFM Builder 'WFM_Builder_1' has no WFM Server, so no WFM Server sends it schedules to build.",
  );
  await page.screenshot({ path: '/tmp/explain-after-edit.png' });
});

test('an empty deployment is explained as empty', async ({ designer, page }) => {
  await toolbarButton(designer, 'Explain').click();
  const panel = page.getByRole('complementary', { name: 'Explain this deployment' });
  await expect(panel).toContainText('The deployment is empty');
  await panel.getByRole('button', { name: 'Close Explain this deployment' }).click();
  await expect(panel).toBeHidden();
});
