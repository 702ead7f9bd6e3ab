import type { Locator } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';

// Helpers of this story only: the page object and the fixtures are shared and stay as they are.

interface Part {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
}

/** A topology file with the given parts and connections (`'from>to'`), as a user would import it. */
function topologyFile(parts: readonly Part[], links: readonly string[], options: object = {}): string {
  return JSON.stringify({
    format: 'wfm-topology',
    version: 2,
    name: 'Quick fixes lab',
    options,
    components: parts.map(({ id, kind, name, x, y }) => ({ id, kind, name, position: { x, y } })),
    connections: links.map((pair, index) => {
      const [from, to] = pair.split('>');
      return { id: `c-${index + 1}`, from, to };
    }),
  });
}

/** Opens a document the way a user does: "Import" and the file picker. */
async function importDocument(designer: DesignerPage, text: string): Promise<void> {
  const chooser = designer.page.waitForEvent('filechooser');
  await designer.page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles({
    name: 'lab.wfm.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(designer.nodes()).toHaveCount(JSON.parse(text).components.length);
}

/** The one problem item with `code` whose message contains `text`. */
function problem(designer: DesignerPage, code: string, text: string): Locator {
  return designer.problemItems(code).filter({ hasText: text });
}

function fix(item: Locator, label: string): Locator {
  return item.getByRole('button', { name: label, exact: true });
}

const SERVER_AND_BUILDER: Part[] = [
  { id: 'srv', kind: 'server', name: 'S1', x: 320, y: 160 },
  { id: 'bld', kind: 'builder', name: 'B1', x: 320, y: 0 },
  { id: 'dap', kind: 'dap', name: 'D1', x: 320, y: 320 },
];

test('"Connect to" in a missing-connection problem draws the edge, and one Undo takes it back', async ({
  designer,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  const builderNeedsServer = problem(
    designer,
    'missing-connection',
    "WFM Builder 'WFM_Builder_1' must connect to exactly one WFM Server",
  );
  await expect(builderNeedsServer).toHaveCount(1);
  await expect(designer.edges).toHaveCount(0);

  await fix(builderNeedsServer, 'Connect to WFM_Server_1').click();

  await expect(builderNeedsServer).toHaveCount(0);
  await expect(designer.edges).toHaveCount(1);
  await expect(designer.status()).toHaveText(
    "Connected WFM Builder 'WFM_Builder_1' to WFM Server 'WFM_Server_1'.",
  );

  await designer.undoButton.click();

  await expect(builderNeedsServer).toHaveCount(1);
  await expect(designer.edges).toHaveCount(0);
  await expect(designer.nodes()).toHaveCount(2);

  await designer.redoButton.click();
  await expect(builderNeedsServer).toHaveCount(0);
  await expect(designer.edges).toHaveCount(1);
});

test('a quick fix names components as they are now: renaming the Server renames its "Connect to" button', async ({
  designer,
}) => {
  const server = await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  const builderNeedsServer = problem(
    designer,
    'missing-connection',
    "WFM Builder 'WFM_Builder_1' must connect to exactly one WFM Server",
  );
  await expect(fix(builderNeedsServer, 'Connect to WFM_Server_1')).toBeVisible();

  await server.click();
  await designer.commitField('Name', 'Primary_Server');

  // The Builder's problem did not change, but its fix now names the Server by its new name.
  await expect(fix(builderNeedsServer, 'Connect to Primary_Server')).toBeVisible();
  await expect(fix(builderNeedsServer, 'Connect to WFM_Server_1')).toHaveCount(0);
  await fix(builderNeedsServer, 'Connect to Primary_Server').click();
  await expect(designer.status()).toHaveText(
    "Connected WFM Builder 'WFM_Builder_1' to WFM Server 'Primary_Server'.",
  );
});

test('with several candidates the user picks one, and more than four fold under "More…"', async ({
  designer,
}) => {
  const servers = ['S1', 'S2', 'S3', 'S4', 'S5'].map((name, index) => ({
    id: `srv-${index + 1}`,
    kind: 'server',
    name,
    x: index * 320,
    y: 160,
  }));
  await importDocument(
    designer,
    topologyFile([...servers, { id: 'web', kind: 'web', name: 'W1', x: 640, y: -160 }], []),
  );
  const webNeedsServer = problem(designer, 'missing-connection', "WFM Web 'W1' must connect to exactly one");
  await expect(webNeedsServer.getByRole('button', { name: /^Connect to / })).toHaveText([
    'Connect to S1',
    'Connect to S2',
    'Connect to S3',
  ]);
  const more = fix(webNeedsServer, 'More…');
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  await more.click();

  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await webNeedsServer.screenshot({ path: '/tmp/quickfix-more.png' });
  await fix(webNeedsServer, 'Connect to S5').click();

  await expect(webNeedsServer).toHaveCount(0);
  await expect(designer.edges).toHaveCount(1);
  await expect(designer.status()).toHaveText("Connected WFM Web 'W1' to WFM Server 'S5'.");
});

test('"Add DAP and connect" adds a DAP below the Server and connects it, as one step', async ({
  designer,
}) => {
  await importDocument(designer, topologyFile(SERVER_AND_BUILDER.slice(0, 2), ['srv>bld', 'bld>srv']));
  const serverNeedsDap = problem(
    designer,
    'missing-connection',
    "WFM Server 'S1' must connect to exactly one DAP",
  );

  await fix(serverNeedsDap, 'Add DAP and connect').click();

  await expect(designer.node('DAP', 'WFM_DAP_1')).toBeVisible();
  await expect(designer.edges).toHaveCount(3);
  await expect(designer.problems()).toContainText('No problems');
  await expect(designer.node('DAP', 'WFM_DAP_1')).toHaveClass(/selected/);
  const server = await designer.position(designer.node('WFM Server', 'S1'));
  expect((await designer.position(designer.node('DAP', 'WFM_DAP_1'))).y).toBeGreaterThan(server.y);

  await designer.undoButton.click();
  await expect(designer.nodes()).toHaveCount(2);
  await expect(serverNeedsDap).toHaveCount(1);
});

test('"Delete component" removes a DAP that nothing uses', async ({ designer }) => {
  await designer.addFromPalette('DAP');
  const unused = problem(designer, 'unused-component', "DAP 'WFM_DAP_1' is not used");

  await fix(unused, 'Delete component').click();

  await expect(designer.nodes()).toHaveCount(0);
  await expect(designer.problems()).toContainText('No problems');
  await expect(designer.status()).toHaveText("Deleted DAP 'WFM_DAP_1'.");
});

test('"Enable Management Layer" turns the option on, and Undo turns it off again', async ({ designer }) => {
  await importDocument(
    designer,
    topologyFile(
      [...SERVER_AND_BUILDER, { id: 'msg', kind: 'message-server', name: 'L1', x: 640, y: 320 }],
      ['srv>bld', 'bld>srv', 'srv>dap', 'srv>msg', 'bld>msg'],
    ),
  );
  await expect(designer.problemItems('management-layer-off')).toHaveCount(2);
  const serverLogs = problem(designer, 'management-layer-off', "WFM Server 'S1' → Message Server 'L1'");
  await expect(
    serverLogs.getByRole('button', { name: /^(Enable Management Layer|Remove connection)$/ }),
  ).toHaveText(['Enable Management Layer', 'Remove connection']);

  await fix(serverLogs, 'Enable Management Layer').click();

  await expect(designer.option('Management Layer')).toBeChecked();
  await expect(designer.problems()).toContainText('No problems');

  await designer.undoButton.click();
  await expect(designer.option('Management Layer')).not.toBeChecked();
  await expect(designer.problemItems('management-layer-off')).toHaveCount(2);
});

test('"Remove connection" removes a forbidden connection', async ({ designer }) => {
  await importDocument(
    designer,
    topologyFile(SERVER_AND_BUILDER, ['srv>bld', 'bld>srv', 'srv>dap', 'bld>dap']),
  );
  await expect(designer.edges).toHaveCount(4);

  await fix(designer.problemItems('forbidden-connection'), 'Remove connection').click();

  await expect(designer.edges).toHaveCount(3);
  await expect(designer.problems()).toContainText('No problems');
  // The button that had focus left with its problem: focus stays in the panel, not lost to the page.
  await expect(designer.problems()).toBeFocused();
});

test('"Rename" selects the component and puts the cursor in its Name field', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.commitField('Name', 'wfm_server_1');
  await designer.node('WFM Server', 'WFM_Server_1').click();
  const duplicate = designer.problemItems('duplicate-name');
  await expect(duplicate).toHaveCount(1);

  await fix(duplicate, 'Rename').click();

  await expect(designer.field('Name')).toBeFocused();
  await expect(designer.field('Name')).toHaveValue('wfm_server_1');
  await expect(designer.node('WFM Builder', 'wfm_server_1')).toHaveClass(/selected/);

  await designer.page.keyboard.type('WFM_Builder_Main');
  await designer.page.keyboard.press('Enter');

  await expect(designer.node('WFM Builder', 'WFM_Builder_Main')).toBeVisible();
  await expect(duplicate).toHaveCount(0);
});

test('the problems panel shows its quick fixes tidily in the light and dark themes', async ({
  designer,
  page,
}) => {
  await importDocument(
    designer,
    topologyFile(
      [
        { id: 'srv', kind: 'server', name: 'WFM_Server_London', x: 320, y: 160 },
        { id: 's2', kind: 'server', name: 'WFM_Server_Paris', x: 960, y: 160 },
        { id: 'bld', kind: 'builder', name: 'WFM_Builder_1', x: 320, y: 0 },
        { id: 'web', kind: 'web', name: 'WFM_Web', x: 640, y: -160 },
        { id: 'dap', kind: 'dap', name: 'WFM_DAP', x: 320, y: 320 },
        { id: 'stat', kind: 'stat-server', name: 'Stat_Server', x: 0, y: 320 },
        { id: 'msg', kind: 'message-server', name: 'Message_Server', x: 640, y: 320 },
      ],
      ['srv>bld', 'bld>srv', 'bld>s2', 'srv>dap', 'srv>msg', 'bld>dap'],
    ),
  );
  await expect(designer.problemItems('too-many-connections')).toHaveCount(1);
  // Tall enough for the panel to show every problem at once.
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.screenshot({ path: '/tmp/quickfix.png' });
  await designer.problems().screenshot({ path: '/tmp/quickfix-panel.png' });
  await designer.problems().evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
  await designer.problems().screenshot({ path: '/tmp/quickfix-panel-end.png' });
  await page.getByRole('button', { name: 'Theme: system' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await designer.problems().screenshot({ path: '/tmp/quickfix-panel-dark.png' });
});
