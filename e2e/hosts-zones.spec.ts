import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 13: hosts and zones as containers, HA pairs, the rule set, notes and labels, as a user
// builds them with the mouse and the keyboard (decision 023).

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: typeof inner,
): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

test('hosts and zones: added from the palette, filled by the Host combobox and by dragging, moved as one undo step', async ({
  designer,
  page,
}) => {
  const hostNode = (name: string) =>
    designer.canvas.getByRole('group', { name: `Host: ${name}`, exact: true });
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.getByRole('button', { name: 'Zoom Out' }).click();

  // Positional locators shift once containers (drawn first) are added: cards are found by name.
  await designer.addFromPalette('WFM Server');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  const canvas = await box(designer.canvas);
  await designer.dragFromPalette('Host', { x: canvas.width * 0.3, y: canvas.height * 0.2 });
  const host = hostNode('Host_1');
  await expect(host).toBeVisible();

  // By the Inspector's Host combobox: the card moves into the host.
  await server.click();
  const hostPicker = designer.inspector.getByRole('combobox', { name: 'Host', exact: true });
  await expect(hostPicker.locator('option').first()).toHaveText('No host');
  await hostPicker.selectOption({ label: 'Host_1' });
  await expect.poll(async () => inside(await box(server), await box(host))).toBe(true);

  // By dragging: the Data Aggregator's card dropped with its centre in the host runs on it.
  await designer.addFromPalette('WFM Data Aggregator');
  const aggregator = designer.node('WFM Data Aggregator', 'WFM_Data_Aggregator_1');
  await designer.waitUntilSettled(aggregator);
  const [a, h, s] = [await box(aggregator), await box(host), await box(server)];
  const target = { x: s.x + s.width + 30 + a.width / 2, y: h.y + h.height / 2 + 10 };
  await page.mouse.move(a.x + 24, a.y + 16);
  await page.mouse.down();
  await page.mouse.move((a.x + target.x) / 2, (a.y + target.y) / 2, { steps: 5 });
  await page.mouse.move(target.x - a.width / 2 + 24, target.y - a.height / 2 + 16, { steps: 5 });
  await page.mouse.up();
  await aggregator.click();
  await expect(hostPicker).toHaveValue(/.+/);
  await expect(hostPicker.locator('option:checked')).toHaveText('Host_1');

  // Moving the host moves its cards; one Undo puts everything back.
  const before = await box(server);
  const header = host.locator('.host-box__head');
  const hb = await box(header);
  // From the header's middle: near the canvas's edge React Flow would pan the view as well.
  const grip = { x: hb.x + hb.width / 2, y: hb.y + hb.height / 2 };
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(grip.x + 60, grip.y + 30, { steps: 5 });
  await page.mouse.move(grip.x + 120, grip.y + 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await box(server)).x - before.x).toBeGreaterThan(60);
  const moved = await box(server);
  expect(moved.y - before.y).toBeGreaterThan(20);
  await designer.undoButton.click();
  await expect.poll(async () => Math.round((await box(server)).x - before.x)).toBe(0);

  // Editing the host in the Inspector.
  await header.click();
  const inspector = designer.inspector;
  await inspector.getByRole('textbox', { name: 'Name', exact: true }).fill('wfm-app01');
  await inspector.getByRole('textbox', { name: 'Name', exact: true }).press('Enter');
  await expect(hostNode('wfm-app01')).toBeVisible();
  await inspector.getByRole('textbox', { name: 'Address' }).fill('wfm-app01.example.com');
  await inspector.getByRole('textbox', { name: 'Address' }).press('Enter');
  await inspector.getByRole('checkbox', { name: 'LCA', exact: true }).check();
  await inspector.getByRole('textbox', { name: 'LCA port' }).fill('4998');
  await inspector.getByRole('textbox', { name: 'LCA port' }).press('Enter');
  await inspector.getByRole('checkbox', { name: 'Certificate' }).check();
  await expect(hostNode('wfm-app01')).toContainText('wfm-app01.example.com');
  await expect(hostNode('wfm-app01')).toContainText('LCA 4998');
  await expect(hostNode('wfm-app01')).toContainText('cert');
  await inspector.getByRole('textbox', { name: 'LCA port' }).fill('80');
  await inspector.getByRole('textbox', { name: 'LCA port' }).press('Enter');
  await expect(inspector.getByText('The LCA port is a whole number from 2000 to 65535.')).toBeVisible();
  await inspector.getByRole('textbox', { name: 'LCA port' }).press('Escape');

  // A zone from the palette; the host goes in it from the Inspector's zone picker.
  await designer.paletteItem('Zone').click();
  const zone = designer.canvas.getByRole('group', { name: 'Zone: Zone_1', exact: true });
  await expect(zone).toBeAttached();
  await hostNode('wfm-app01').locator('.host-box__head').click();
  await inspector.getByRole('combobox', { name: 'Zone' }).selectOption({ label: 'Zone_1' });
  await designer.fitView();
  await expect.poll(async () => inside(await box(hostNode('wfm-app01')), await box(zone))).toBe(true);
  await page.screenshot({ path: 'test-results/hosts-zones-canvas.png' });
});

test('a backup from the Inspector, the rule set, a note and a connection label', async ({
  designer,
  page,
}) => {
  const aggregator = await designer.addFromPalette('WFM Data Aggregator');
  await aggregator.click();
  await designer.inspector.getByRole('button', { name: 'Add backup' }).click();
  const backup = designer.node('WFM Data Aggregator', 'WFM_Data_Aggregator_1_backup');
  await expect(backup).toBeVisible();
  await expect(backup).toContainText('backup · hot');
  await expect(aggregator).toContainText('primary · hot');
  await expect(designer.canvas.locator('.react-flow__edge-standby')).toHaveCount(1);
  const standby = designer.inspector.getByRole('combobox', { name: 'Standby' });
  await expect(standby.locator('option')).toHaveText(['Warm', 'Hot']);
  await standby.selectOption('Warm');
  await expect(backup).toContainText('backup · warm');
  await designer.undoButton.click();
  await expect(backup).toContainText('backup · hot');
  await designer.undoButton.click();
  await expect(backup).toHaveCount(0);

  // Kinds without HA have no "Add backup".
  await designer.addFromPalette('WFM Builder');
  const builder = designer.node('WFM Builder', 'WFM_Builder_1');
  await builder.click();
  await expect(designer.inspector.getByRole('button', { name: 'Add backup' })).toHaveCount(0);

  const ruleset = page.getByRole('combobox', { name: 'Rule set' });
  await expect(ruleset.locator('option')).toHaveText(['WFM 8.5.2', 'WFM 8.5.1', 'WFM 8.5.0']);
  await expect(ruleset).toHaveValue('wfm-8.5.2');
  await ruleset.selectOption({ label: 'WFM 8.5.0' });
  await expect(ruleset).toHaveValue('wfm-8.5.0');
  await designer.undoButton.click();
  await expect(ruleset).toHaveValue('wfm-8.5.2');

  await designer.paletteItem('Note').click();
  const text = 'Agents in London and Leeds share one WFM Server pair';
  const noteText = designer.inspector.getByRole('textbox', { name: 'Text' });
  await noteText.fill(text);
  await noteText.press('Control+Enter');
  await expect(
    designer.canvas.getByRole('group', { name: `Note: ${text.slice(0, 40)}`, exact: true }),
  ).toBeVisible();

  await designer.addFromPalette('WFM Server');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await designer.showAllCards();
  await designer.connect(builder, server);
  await expect(designer.edges).toHaveCount(1);
  // A new connection is selected: the Inspector shows it.
  const label = designer.inspector.getByRole('textbox', { name: 'Label' });
  await label.fill('schedules');
  await label.press('Enter');
  await expect(designer.canvas.locator('.edge-label.is-user-label')).toContainText('schedules');

  // A double click on a note or a connection edits its text in place (decision 024), even on a
  // note that is not selected while a connection is.
  const note = designer.canvas.getByRole('group', { name: `Note: ${text.slice(0, 40)}`, exact: true });
  await designer.waitUntilSettled(note);
  await note.dblclick();
  await expect(designer.canvas.getByRole('textbox', { name: 'Note text', exact: true })).toBeFocused();
  await expect(noteText).toHaveValue(text);
  await page.keyboard.press('Escape');
  const middle = await designer.edges
    .first()
    .locator('.react-flow__edge-path')
    .evaluate((element) => {
      const path = element as SVGPathElement;
      const point = path.getPointAtLength(path.getTotalLength() * 0.7);
      const screen = point.matrixTransform(path.getScreenCTM() ?? undefined);
      return { x: screen.x, y: screen.y };
    });
  await page.mouse.dblclick(middle.x, middle.y);
  await expect(designer.canvas.getByRole('textbox', { name: 'Connection label', exact: true })).toBeFocused();
  await expect(label).toHaveValue('schedules');
});
