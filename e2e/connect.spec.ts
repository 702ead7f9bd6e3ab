import { expect, test } from './fixtures';

test('while a connection is dragged, legal targets light up and illegal ones fade', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('Stat Server');
  await designer.showAllCards();
  const server = designer.node('WFM Server', 'WFM_Server_1');
  const builder = designer.node('WFM Builder', 'WFM_Builder_1');
  const statServer = designer.node('Stat Server', 'Stat_Server_1');
  await expect(designer.card(server)).not.toHaveClass(/connect-legal/);

  await designer.startConnection(builder);
  await designer.dragOver(server);
  await expect(designer.card(server)).toHaveClass(/connect-legal/);
  await expect(designer.card(statServer)).toHaveClass(/connect-illegal/);
  await designer.page.mouse.up();

  await expect(designer.card(server)).not.toHaveClass(/connect-legal/);
  await expect(designer.card(statServer)).not.toHaveClass(/connect-illegal/);
});

test('dropping a connection on an illegal target creates nothing and says why', async ({ designer }) => {
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('Stat Server');
  const before = await designer.edgeCount();

  await designer.connect(
    designer.node('WFM Builder', 'WFM_Builder_1'),
    designer.node('Stat Server', 'Stat_Server_1'),
  );

  await expect(designer.status()).toHaveText(
    'WFM Builder cannot connect to Stat Server: the component connections matrix has no such connection.',
  );
  expect(await designer.edgeCount()).toBe(before);
});

test('a legal drop draws the connection and announces it', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');

  await designer.connect(
    designer.node('WFM Builder', 'WFM_Builder_1'),
    designer.node('WFM Server', 'WFM_Server_1'),
  );

  await expect(designer.edges).toHaveCount(1);
  await expect(designer.status()).toHaveText(
    "Connected WFM Builder 'WFM_Builder_1' to WFM Server 'WFM_Server_1'.",
  );
  await designer.expectEdgeDrawn("Connection WFM Builder 'WFM_Builder_1' to WFM Server 'WFM_Server_1'");
});

test('a WFM Builder that already has its one WFM Server cannot take a second one', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('WFM Server');
  await designer.showAllCards();
  const builder = designer.node('WFM Builder', 'WFM_Builder_1');
  await designer.connect(builder, designer.node('WFM Server', 'WFM_Server_1'));
  await expect(designer.edges).toHaveCount(1);

  await designer.connect(builder, designer.node('WFM Server', 'WFM_Server_2'));

  await expect(designer.status()).toContainText(
    "WFM Builder 'WFM_Builder_1' already connects to WFM Server 'WFM_Server_1'",
  );
  await expect(designer.status()).toContainText('the matrix allows exactly one WFM Server (X)');
  await expect(designer.edges).toHaveCount(1);
});

test('a component cannot connect to itself', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  const server = designer.node('WFM Server', 'WFM_Server_1');

  await designer.connect(server, server);

  await expect(designer.status()).toHaveText("WFM Server 'WFM_Server_1' cannot connect to itself.");
  await expect(designer.edges).toHaveCount(0);
});

test('"Connect to…" lists only the legal targets and connects from the keyboard', async ({ designer }) => {
  await designer.addFromPalette('WFM Data Aggregator');
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('DAP');
  await designer.addFromPalette('WFM Builder');
  await designer.node('WFM Data Aggregator', 'WFM_Data_Aggregator_1').click();

  await designer.inspector.getByRole('button', { name: 'Connect to…' }).click();

  const dialog = designer.page.getByRole('dialog', {
    name: "Connect WFM Data Aggregator 'WFM_Data_Aggregator_1' to…",
  });
  await expect(dialog).toBeVisible();
  const targets = dialog.getByRole('list', { name: 'Legal targets' }).getByRole('button');
  await expect(targets).toHaveText(['WFM Server: WFM_Server_1', 'DAP: WFM_DAP_1']);
  await expect(dialog.getByRole('button', { name: 'WFM Builder: WFM_Builder_1' })).toHaveCount(0);

  await expect(dialog.getByRole('button', { name: 'WFM Server: WFM_Server_1', exact: true })).toBeFocused();
  await designer.page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'DAP: WFM_DAP_1', exact: true })).toBeFocused();
  await designer.page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(designer.edges).toHaveCount(1);
  await designer.expectEdgeDrawn("Connection WFM Data Aggregator 'WFM_Data_Aggregator_1' to DAP 'WFM_DAP_1'");
});

test('pressing C on a selected component opens "Connect to…"', async ({ designer }) => {
  await designer.addFromPalette('WFM Web');
  await designer.addFromPalette('WFM Server');
  await designer.node('WFM Web', 'WFM_Web_1').click();

  await designer.page.keyboard.press('c');

  const dialog = designer.page.getByRole('dialog', { name: "Connect WFM Web 'WFM_Web_1' to…" });
  await expect(dialog.getByRole('button', { name: 'WFM Server: WFM_Server_1', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(designer.edges).toHaveCount(0);
});
