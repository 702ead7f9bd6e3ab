import { expect, test } from './fixtures';

test('a fresh designer has nothing to undo or redo', async ({ designer }) => {
  await expect(designer.undoButton).toBeDisabled();
  await expect(designer.redoButton).toBeDisabled();
});

test('adding a component is one step that Undo and Redo take back and forth', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await expect(designer.undoButton).toBeEnabled();

  await designer.undoButton.click();

  await expect(designer.nodes()).toHaveCount(0);
  await expect(designer.undoButton).toBeDisabled();
  await expect(designer.redoButton).toBeEnabled();

  await designer.redoButton.click();

  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.redoButton).toBeDisabled();
});

test('a whole drag of a card is one step', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  const start = await designer.position(server);

  await designer.moveNode(server, { x: 160, y: 96 });
  const moved = await designer.position(server);
  expect(moved.x - start.x).toBeGreaterThan(100);
  expect(moved.y - start.y).toBeGreaterThan(50);

  await designer.page.keyboard.press('Control+z');
  await expect.poll(() => designer.position(server)).toEqual(start);

  await designer.page.keyboard.press('Control+Shift+z');
  await expect.poll(() => designer.position(server)).toEqual(moved);

  await designer.page.keyboard.press('Control+z');
  await designer.page.keyboard.press('Control+z');
  await expect(designer.nodes()).toHaveCount(0);
});

test('a connection is one step', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.connect(
    designer.node('WFM Builder', 'WFM_Builder_1'),
    designer.node('WFM Server', 'WFM_Server_1'),
  );
  await expect(designer.edges).toHaveCount(1);

  await designer.page.keyboard.press('Control+z');

  await expect(designer.edges).toHaveCount(0);
  await expect(designer.nodes()).toHaveCount(2);

  await designer.page.keyboard.press('Control+y');

  await expect(designer.edges).toHaveCount(1);
});

test('deleting the selection with the Delete key is one step', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.connect(
    designer.node('WFM Builder', 'WFM_Builder_1'),
    designer.node('WFM Server', 'WFM_Server_1'),
  );
  await designer.node('WFM Server', 'WFM_Server_1').click();

  await designer.page.keyboard.press('Delete');

  await expect(designer.node('WFM Server', 'WFM_Server_1')).toHaveCount(0);
  await expect(designer.edges).toHaveCount(0);

  await designer.undoButton.click();

  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.edges).toHaveCount(1);

  await designer.redoButton.click();

  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.edges).toHaveCount(0);
});

test('a committed name is one step, however many keys were typed', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');

  await designer.commitField('Name', 'WFM_Main');

  await expect(designer.node('WFM Server', 'WFM_Main')).toBeVisible();

  await designer.undoButton.click();

  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.field('Name')).toHaveValue('WFM_Server_1');

  await designer.redoButton.click();

  await expect(designer.node('WFM Server', 'WFM_Main')).toBeVisible();
});

test('a paste is one step', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.node('WFM Server', 'WFM_Server_1').click();
  await designer.page.keyboard.press('Control+c');
  await designer.page.keyboard.press('Control+v');
  await expect(designer.nodes()).toHaveCount(2);

  await designer.page.keyboard.press('Control+z');

  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  await designer.page.keyboard.press('Control+Shift+z');

  await expect(designer.node('WFM Server', 'WFM_Server_2')).toBeVisible();
});

test('an option toggle is one step', async ({ designer }) => {
  await designer.option('Management Layer').check();
  await expect(designer.undoButton).toBeEnabled();

  await designer.undoButton.click();

  await expect(designer.option('Management Layer')).not.toBeChecked();
  await expect(designer.undoButton).toBeDisabled();

  await designer.redoButton.click();

  await expect(designer.option('Management Layer')).toBeChecked();
});

test('an arrow-key nudge is one step, on a focused card or from anywhere else', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await server.click();
  const start = await designer.position(server);

  await designer.page.keyboard.press('ArrowRight');

  await expect.poll(async () => (await designer.position(server)).x).toBeGreaterThan(start.x);
  expect((await designer.position(server)).y).toBe(start.y);

  await designer.undoButton.click();

  await expect.poll(() => designer.position(server)).toEqual(start);

  await designer.page.keyboard.press('ArrowDown');

  await expect.poll(async () => (await designer.position(server)).y).toBeGreaterThan(start.y);

  await designer.page.keyboard.press('Control+z');

  await expect.poll(() => designer.position(server)).toEqual(start);
  await expect(designer.nodes()).toHaveCount(1);
});

test('"New" opens a blank document, and the previous one reopens from Open recent', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');

  await designer.page.getByRole('button', { name: 'New', exact: true }).click();

  await expect(designer.nodes()).toHaveCount(0);
  await expect(designer.status()).toHaveText(
    'Started a new deployment. Your previous deployment “Untitled deployment” is in Open recent.',
  );
  // A new document starts a history of its own.
  await expect(designer.undoButton).toBeDisabled();

  await designer.openRecent();
  await designer.recentDocument('Untitled deployment').click();

  await expect(designer.nodes()).toHaveCount(2);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.status()).toHaveText('Opened “Untitled deployment”.');
});
