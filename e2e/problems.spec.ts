import { expect, test } from './fixtures';

test('choosing a problem in the panel selects its component and shows it in the inspector', async ({
  designer,
}) => {
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('DAP');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  const dap = designer.node('DAP', 'WFM_DAP_1');
  await expect(dap).toHaveClass(/selected/);
  await expect(server).not.toHaveClass(/selected/);
  // The cards land near the centre of the view, which moves as the Problems panel grows with
  // their problems (decision 028): pan them well away from it first.
  const canvas = await designer.canvas.boundingBox();
  if (!canvas) throw new Error('the canvas is not visible');
  await designer.page.mouse.move(canvas.x + 30, canvas.y + 30);
  await designer.page.mouse.down();
  await designer.page.mouse.move(canvas.x + 330, canvas.y + 30, { steps: 6 });
  await designer.page.mouse.up();
  await expect.poll(() => designer.distanceFromCanvasCentre(server)).toBeGreaterThan(100);

  await designer
    .problemItems('missing-connection')
    .filter({ hasText: "WFM Server 'WFM_Server_1' must connect to exactly one DAP" })
    .getByRole('button', { name: "WFM Server 'WFM_Server_1' must connect to exactly one DAP" })
    .click();

  await expect(server).toHaveClass(/selected/);
  await expect(dap).not.toHaveClass(/selected/);
  await expect(designer.field('Name')).toHaveValue('WFM_Server_1');
  await expect.poll(() => designer.distanceFromCanvasCentre(server)).toBeLessThan(4);
});

test('the problems header counts errors and warnings', async ({ designer }) => {
  await expect(designer.problems()).toContainText(
    'No problems — this deployment follows the component connections matrix.',
  );
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('DAP');

  await expect(designer.problems().getByRole('heading', { level: 2 })).toHaveText(
    'Problems 1 error · 1 warning',
  );
  await expect(designer.problemItems('missing-connection')).toHaveText([
    /WFM Builder 'WFM_Builder_1' must connect to exactly one WFM Server/,
  ]);
  await expect(designer.problemItems('unused-component')).toHaveText([
    /DAP 'WFM_DAP_1' is not used: no component connects to it/,
  ]);
});

test('renaming a component to a name already in use is flagged as a duplicate name', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await expect(designer.problemItems('duplicate-name')).toHaveCount(0);

  await designer.commitField('Name', 'wfm_server_1');

  await expect(designer.node('WFM Builder', 'wfm_server_1')).toBeVisible();
  await expect(designer.problemItems('duplicate-name')).toHaveCount(1);
  await expect(designer.problemItems('duplicate-name')).toContainText(
    "WFM Builder 'wfm_server_1' has the same name as WFM Server 'WFM_Server_1'",
  );
  await expect(designer.inspector).toContainText(
    "Another component is also named 'WFM_Server_1': Application names must be unique.",
  );
});

test('the Management Layer option decides whether Message Server connections are required or flagged', async ({
  designer,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('Message Server');
  await designer.showAllCards();
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await designer.connect(designer.node('WFM Builder', 'WFM_Builder_1'), server);
  await designer.connect(server, designer.node('Message Server', 'Message_Server_1'));
  await expect(designer.edges).toHaveCount(2);
  const builderNeedsMessageServer = designer
    .problemItems('missing-connection')
    .filter({ hasText: "WFM Builder 'WFM_Builder_1' must connect to a Message Server" });
  const serverNeedsMessageServer = designer
    .problemItems('missing-connection')
    .filter({ hasText: "WFM Server 'WFM_Server_1' must connect to a Message Server" });

  await expect(designer.option('Management Layer')).not.toBeChecked();
  await expect(designer.problemItems('management-layer-off')).toHaveCount(1);
  await expect(builderNeedsMessageServer).toHaveCount(0);

  await designer.option('Management Layer').check();

  await expect(designer.problemItems('management-layer-off')).toHaveCount(0);
  await expect(builderNeedsMessageServer).toHaveCount(1);
  await expect(serverNeedsMessageServer).toHaveCount(0);

  await designer.option('Management Layer').uncheck();

  await expect(designer.problemItems('management-layer-off')).toHaveCount(1);
  await expect(builderNeedsMessageServer).toHaveCount(0);
});

test('scheduled reporting without a WFM Daemon is a missing component', async ({ designer }) => {
  await designer.addFromPalette('WFM Web');
  await expect(designer.problemItems('missing-component')).toHaveCount(0);

  await designer.option('Scheduled reporting').check();

  await expect(designer.problemItems('missing-component')).toHaveText([
    /Scheduled reporting is on, but the deployment has no WFM Daemon/,
  ]);

  await designer.addFromPalette('WFM Daemon');

  await expect(designer.problemItems('missing-component')).toHaveCount(0);
  await expect(
    designer
      .problemItems('missing-connection')
      .filter({ hasText: "WFM Daemon 'WFM_Daemon_1' must connect to a WFM Web for scheduled reporting" }),
  ).toHaveCount(1);
});
