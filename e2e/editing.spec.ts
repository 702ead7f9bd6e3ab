import { expect, test } from './fixtures';

test('copy and paste make a new component with the next free name', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.node('WFM Server', 'WFM_Server_1').click();

  await designer.page.keyboard.press('Control+c');

  await expect(designer.status()).toHaveText('Copied 1 component.');

  await designer.page.keyboard.press('Control+v');

  const pasted = designer.node('WFM Server', 'WFM_Server_2');
  await expect(pasted).toBeVisible();
  await expect(pasted).toHaveClass(/selected/);
  await expect(designer.nodes()).toHaveCount(2);
});

test('Ctrl+D duplicates the selected component beside it', async ({ designer }) => {
  await designer.addFromPalette('WFM Builder');
  const original = designer.node('WFM Builder', 'WFM_Builder_1');
  await original.click();

  await designer.page.keyboard.press('Control+d');

  const copy = designer.node('WFM Builder', 'WFM_Builder_2');
  await expect(copy).toBeVisible();
  const [from, to] = [await designer.position(original), await designer.position(copy)];
  expect(to.x).toBeGreaterThan(from.x);
  expect(to.y).toBeGreaterThan(from.y);
});

test('a copy of components picked with Shift+click keeps the connections among them', async ({
  designer,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('DAP');
  await designer.showAllCards();
  const server = designer.node('WFM Server', 'WFM_Server_1');
  const builder = designer.node('WFM Builder', 'WFM_Builder_1');
  await designer.connect(builder, server);
  await designer.connect(server, designer.node('DAP', 'WFM_DAP_1'));
  await expect(designer.edges).toHaveCount(2);

  await builder.click();
  await server.click({ modifiers: ['Shift'] });
  await expect(builder).toHaveClass(/selected/);
  await expect(server).toHaveClass(/selected/);
  await designer.page.keyboard.press('Control+c');
  await expect(designer.status()).toHaveText('Copied 2 components.');
  await designer.page.keyboard.press('Control+v');

  await expect(designer.nodes()).toHaveCount(5);
  await expect(designer.edges).toHaveCount(3);
  await designer.expectEdgeDrawn("Connection WFM Builder 'WFM_Builder_2' to WFM Server 'WFM_Server_2'");
});

test('a box drawn with Shift selects the components inside it, and their copy keeps their connection', async ({
  designer,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Data Aggregator');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  const aggregator = designer.node('WFM Data Aggregator', 'WFM_Data_Aggregator_1');
  await designer.connect(aggregator, server);
  await designer.page.keyboard.press('Escape');
  await expect(server).not.toHaveClass(/selected/);

  await designer.boxSelect([server, aggregator]);

  await expect(server).toHaveClass(/selected/);
  await expect(aggregator).toHaveClass(/selected/);
  await designer.page.keyboard.press('Control+c');
  await designer.page.keyboard.press('Control+v');

  await expect(designer.node('WFM Server', 'WFM_Server_2')).toBeVisible();
  await expect(designer.node('WFM Data Aggregator', 'WFM_Data_Aggregator_2')).toBeVisible();
  await designer.expectEdgeDrawn(
    "Connection WFM Data Aggregator 'WFM_Data_Aggregator_2' to WFM Server 'WFM_Server_2'",
  );
});

test('Backspace deletes a selected connection and leaves its components', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Web');
  await designer.connect(designer.node('WFM Web', 'WFM_Web_1'), designer.node('WFM Server', 'WFM_Server_1'));
  await designer.page.keyboard.press('Escape');

  await designer.selectEdge(0);
  await expect(designer.field('Security')).toBeVisible();
  await designer.page.keyboard.press('Backspace');

  await expect(designer.edges).toHaveCount(0);
  await expect(designer.nodes()).toHaveCount(2);
});

test('the inspector refuses a port outside 1–65535 and shows host:port on the card', async ({ designer }) => {
  await designer.addHost('wfm01.example.com');
  await designer.addFromPalette('WFM Server');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await server.click();

  await designer.field('Host').selectOption({ label: 'wfm01.example.com' });
  await designer.commitField('Port', '70000');

  await expect(designer.field('Port')).toHaveAttribute('aria-invalid', 'true');
  await expect(designer.inspector).toContainText('The port is a whole number from 1 to 65535.');
  await expect(server).toContainText('wfm01.example.com');
  await expect(server).not.toContainText('70000');

  await designer.commitField('Port', '7000');

  await expect(designer.field('Port')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(server).toContainText('wfm01.example.com:7000');
});

test('a card dropped from the palette moves only sideways on ArrowRight', async ({ designer }) => {
  const card = await designer.dragFromPalette('WFM Server', { x: 301, y: 203 });
  await card.click();
  const start = await designer.position(card);

  await designer.page.keyboard.press('ArrowRight');

  await expect.poll(async () => (await designer.position(card)).x).toBeGreaterThan(start.x);
  expect((await designer.position(card)).y).toBe(start.y);
});
