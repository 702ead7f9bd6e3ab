import type { Locator } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';

// Issue 13: the rules of version 2 in the designer — a host problem in the problems list with its
// quick fix, and the matrix explorer following the deployment's rule set.

/** A version-2 deployment under the Management Layer whose one host has no LCA. */
const HOSTED = JSON.stringify({
  format: 'wfm-topology',
  version: 2,
  name: 'Hosted',
  options: { managementLayer: true },
  hosts: [{ id: 'h-1', name: 'wfm-app01', position: { x: -40, y: -60 }, size: { width: 640, height: 280 } }],
  components: [
    { id: 'srv', kind: 'server', name: 'S1', host: 'h-1', port: 7000, position: { x: 0, y: 120 } },
    { id: 'bld', kind: 'builder', name: 'B1', host: 'h-1', port: 7010, position: { x: 0, y: -20 } },
    { id: 'dap', kind: 'dap', name: 'D1', position: { x: 0, y: 320 } },
    { id: 'msg', kind: 'message-server', name: 'L1', position: { x: 320, y: 320 } },
  ],
  connections: [
    { id: 'c-1', from: 'srv', to: 'bld' },
    { id: 'c-2', from: 'bld', to: 'srv' },
    { id: 'c-3', from: 'srv', to: 'dap' },
    { id: 'c-4', from: 'srv', to: 'msg' },
    { id: 'c-5', from: 'bld', to: 'msg' },
  ],
});

async function importDocument(designer: DesignerPage, text: string): Promise<void> {
  const chooser = designer.page.waitForEvent('filechooser');
  await designer.page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles({
    name: 'hosted.wfm.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

function cell(dialog: Locator, from: string, to: string): Locator {
  return dialog.getByRole('table').getByRole('button', { name: new RegExp(`^${from} to ${to}:`) });
}

test('a host without its LCA is a problem of the host, and "Enable LCA" fixes it as one undo step', async ({
  designer,
}) => {
  await importDocument(designer, HOSTED);
  const item = designer.problemItems('missing-lca');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('wfm-app01');
  // The host itself is marked, as a card with a problem is.
  const host = designer.canvas.getByRole('group', { name: 'Host: wfm-app01', exact: true });
  await expect(host.locator('.has-warnings, .has-errors')).toHaveCount(1);

  await item.getByRole('button', { name: 'Enable LCA' }).click();
  await expect(designer.problems()).toContainText('No problems');
  await host.click({ position: { x: 60, y: 10 } });
  await expect(designer.inspector.getByRole('checkbox', { name: 'LCA', exact: true })).toBeChecked();

  await designer.undoButton.click();
  await expect(designer.problemItems('missing-lca')).toHaveCount(1);
});

test('the matrix explorer shows the chosen release and marks the cell the releases print differently', async ({
  designer,
  page,
}) => {
  await page.getByRole('combobox', { name: 'Rule set' }).selectOption({ label: 'WFM 8.5.0' });
  await page
    .getByRole('toolbar', { name: 'Diagram' })
    .getByRole('button', { name: 'Matrix', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Component connections matrix' });
  await expect(dialog.getByRole('table')).toContainText('WFM 8.5.0');
  await expect(dialog.getByRole('table')).toContainText('Config Utility');
  const differing = cell(dialog, 'WFM Server', 'WFM Data Aggregator');
  await expect(differing).toHaveText('X');
  await expect(differing).toHaveAccessibleName(/differs between releases/);
  await differing.click();
  const about = dialog.getByRole('region', { name: 'About the chosen cell' });
  await expect(about).toContainText('Differs between WFM releases');
  await expect(about).toContainText('WFM 8.5.2: (X+)');
  await expect(about).toContainText('WFM 8.5.0: X');
  // The source's wording for 8.5.0 is quoted once: in the explanation, not again below it.
  const text = (await about.textContent()) ?? '';
  const quoted = /The 8\.5\.0\/8\.5\.1 tables print X[^.]*/.exec(text)?.[0] ?? '';
  expect(quoted).not.toBe('');
  expect(text.split(quoted).length - 1).toBe(1);
  // Another cell, the same in every release, says nothing of releases.
  await expect(cell(dialog, 'WFM Builder', 'WFM Server')).not.toHaveAccessibleName(/differs/);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await designer.undoButton.click();
  await expect(page.getByRole('combobox', { name: 'Rule set' })).toHaveValue('wfm-8.5.2');
});
