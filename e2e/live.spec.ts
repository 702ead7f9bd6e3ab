import { VIEW_ONLY_REFUSAL } from '../src/store/store-types';
import type { DesignerPage } from './designer-page';
import { cuttable, expect, join, person, shareLive, test } from './live-session';

// Live collaboration in the designer (issue 16, decision 032), against the product server run as a
// real process (e2e/live-server.ts, e2e/live-session.ts): one person shares, others open the edit or view link in
// browser contexts of their own (separate storage, as two computers), and both see each other's
// edits. Every wait is for a state (no sleeps).

async function rename(designer: DesignerPage, card: { displayName: string; name: string }, to: string) {
  await designer.node(card.displayName, card.name).click();
  await designer.commitField('Name', to);
}

test('Share live gives an edit link and a view link; whoever opens the edit link edits with me', async ({
  designer,
  page,
  browser,
  server,
}) => {
  await designer.addFromPalette('WFM Server');
  const links = await shareLive(page);
  expect(links.edit).toMatch(new RegExp(`^${server.url}/#live=[A-Za-z0-9_-]{43}$`));
  expect(links.view).toMatch(new RegExp(`^${server.url}/#view=[A-Za-z0-9_-]{43}$`));
  await expect(page.getByRole('img', { name: 'Live session: connected, can edit' })).toBeVisible();

  const other = await person(browser, server);
  await join(other.designer, links.edit, 'can edit');
  await expect(other.designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  await other.designer.addFromPalette('WFM Builder');
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();

  await rename(designer, { displayName: 'WFM Server', name: 'WFM_Server_1' }, 'Main_Server');
  await expect(other.designer.node('WFM Server', 'Main_Server')).toBeVisible();
  await expect(other.designer.nodes()).toHaveCount(2);
  await other.context.close();
});

test('a view link shows the live document, disables the palette and refuses every edit', async ({
  designer,
  page,
  browser,
  server,
}) => {
  await designer.addFromPalette('WFM Server');
  const links = await shareLive(page);
  const viewer = await person(browser, server);
  await join(viewer.designer, links.view, 'view only');
  const vpage = viewer.designer.page;
  const card = viewer.designer.node('WFM Server', 'WFM_Server_1');
  await expect(card).toBeVisible();
  await expect(viewer.designer.paletteItem('WFM Server')).toBeDisabled();
  await expect(viewer.designer.paletteItem('Host')).toBeDisabled();

  // Keyboard: select and Delete.
  await card.click();
  await vpage.keyboard.press('Delete');
  await expect(viewer.designer.status()).toHaveText(VIEW_ONLY_REFUSAL);
  await expect(card).toBeVisible();
  // Menu: Undo is off; the top bar's New goes into the room and is refused too.
  await expect(viewer.designer.undoButton).toBeDisabled();
  await vpage.getByRole('button', { name: 'New', exact: true }).click();
  await expect(card).toBeVisible();
  // Drag: the card stays where it is.
  const before = await viewer.designer.position(card);
  await viewer.designer.moveNode(card, { x: 120, y: 80 });
  expect(await viewer.designer.position(card)).toEqual(before);
  // Nothing that only edits is offered: no quick fix under the server's problems, no Tidy up.
  await expect(designer.problems().locator('.quick-fix').first()).toBeVisible();
  await expect(viewer.designer.problems()).toContainText('must connect');
  await expect(viewer.designer.problems().locator('.quick-fix')).toHaveCount(0);
  await expect(vpage.getByRole('button', { name: 'Tidy up', exact: true })).toBeDisabled();
  // The document's name cannot be typed into: read-only, under the same name.
  const nameField = viewer.designer.documentName();
  await expect(nameField).toHaveAccessibleName('Document name');
  await expect(nameField).not.toBeEditable();
  await nameField.click();
  await vpage.keyboard.type('Renamed');
  await vpage.keyboard.press('Enter');
  await expect(nameField).toHaveValue('');
  await expect(designer.documentName()).toBeEditable();
  // The deployment's options and rule set are shown, not offered.
  await expect(viewer.designer.option('Management Layer')).toBeDisabled();
  await expect(viewer.designer.option('Scheduled reporting')).toBeDisabled();
  await expect(vpage.getByRole('combobox', { name: 'Rule set' })).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Rule set' })).toBeEnabled();

  // Nothing reached the editor; the editor's edits reach the viewer.
  await expect(designer.nodes()).toHaveCount(1);
  await designer.addFromPalette('WFM Builder');
  await expect(viewer.designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await viewer.context.close();
});

test('Undo undoes only my own edits in a live session', async ({ designer, page, browser, server }) => {
  const links = await shareLive(page);
  const other = await person(browser, server);
  await join(other.designer, links.edit, 'can edit');

  await designer.addFromPalette('WFM Server');
  await expect(other.designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await other.designer.addFromPalette('WFM Builder');
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();

  // My Ctrl+Z takes back my server, not their builder, on both screens.
  await designer.canvas.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(other.designer.nodes()).toHaveCount(1);
  await expect(other.designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.undoButton).toBeDisabled();
  await page.keyboard.press('Control+y');
  await expect(other.designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await other.context.close();
});

test('edits made offline are kept over a reload and merge when the connection is back', async ({
  designer,
  page,
  browser,
  server,
}) => {
  await designer.addFromPalette('WFM Server');
  const links = await shareLive(page);
  const other = await person(browser, server);
  const opage = other.designer.page;
  const link = await cuttable(opage);
  await join(other.designer, links.edit, 'can edit');
  await expect(other.designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  await link.cut();
  await expect(opage.getByRole('img', { name: 'Live session: offline, can edit' })).toBeVisible();
  await other.designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('WFM Daemon');
  // Reloading while offline keeps the offline edit (the room is kept in the browser).
  await opage.reload();
  await expect(other.designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(
    opage.getByRole('img', { name: /^Live session: (offline|connecting), can edit$/ }),
  ).toBeVisible();
  await expect(designer.nodes()).toHaveCount(2);

  link.restore();
  await expect(opage.getByRole('img', { name: 'Live session: connected, can edit' })).toBeVisible();
  await expect(other.designer.node('WFM Daemon', 'WFM_Daemon_1')).toBeVisible();
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(3);
  await expect(other.designer.nodes()).toHaveCount(3);
  await other.context.close();
});

test('a live link with a mistyped key says so and leaves the open document alone', async ({
  designer,
  page,
  server,
}) => {
  await designer.addFromPalette('WFM Server');
  // A well-formed key of no room: the room is empty.
  await page.goto(`${server.url}/#live=${'A'.repeat(43)}`);
  await page.reload();
  await expect(designer.status()).toContainText('This live link leads to no shared deployment');
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await page.goto(`${server.url}/#view=short`);
  await page.reload();
  await expect(designer.status()).toContainText('This live link is damaged');
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
});
