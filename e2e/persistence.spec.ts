import { expect, test } from './fixtures';
import { readLibrary, savedDocument } from './library-storage';

test('a reload brings back the deployment, its name and its options', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('DAP');
  await designer.showAllCards();
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await designer.connect(designer.node('WFM Builder', 'WFM_Builder_1'), server);
  await designer.connect(server, designer.node('DAP', 'WFM_DAP_1'));
  await server.click();
  await designer.commitField('Name', 'WFM_Main');
  await designer.addHost('wfm01.example.com');
  await designer.node('WFM Server', 'WFM_Main').click();
  await designer.field('Host').selectOption({ label: 'wfm01.example.com' });
  await designer.commitField('Port', '7000');
  await designer.documentName().fill('Lab site');
  await designer.documentName().press('Enter');
  await designer.option('Management Layer').check();
  await expect(designer.edges).toHaveCount(2);
  const problemsBefore = await designer.problems().getByRole('listitem').allTextContents();
  expect(problemsBefore.length).toBeGreaterThan(0);

  // Autosave waits 400 ms after the last change.
  await expect
    .poll(() => savedDocument(page))
    .toMatchObject({ name: 'Lab site', options: { managementLayer: true }, connections: { length: 2 } });
  await page.reload();

  await expect(designer.node('WFM Server', 'WFM_Main')).toContainText('wfm01.example.com:7000');
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.node('DAP', 'WFM_DAP_1')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(3);
  await expect(designer.canvas.getByRole('group', { name: 'Host: wfm01.example.com' })).toBeAttached();
  await expect(designer.edges).toHaveCount(2);
  await expect(designer.documentName()).toHaveValue('Lab site');
  await expect(designer.option('Management Layer')).toBeChecked();
  await expect(designer.option('Scheduled reporting')).not.toBeChecked();
  await expect(designer.problems().getByRole('listitem')).toHaveText(problemsBefore);
});

test('a reload after "New" opens the empty deployment', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(designer.nodes()).toHaveCount(0);

  // The previous deployment is saved as a document of its own; the blank one is not stored.
  await expect
    .poll(async () => (await readLibrary(page)).entries.map((entry) => entry.components))
    .toEqual([1]);
  await page.reload();

  await expect(designer.canvas).toBeVisible();
  await expect(designer.nodes()).toHaveCount(0);
  await expect(designer.problems()).toContainText('No problems');
});
