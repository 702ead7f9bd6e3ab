import type { Page } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';

// Issue 15, items 1–3 and two observations: feedback at the pointer, a status line that is never
// stale, imports that say what can be imported, drops and copies where the user expects them,
// the keyboard after "Connect to…", and templates that ask before taking a canvas's place.

const NOT_A_TOPOLOGY_FILE =
  'This is not a WFM topology file: import a .wfm.json, or an SVG/PNG exported by the designer';

/** The canvas's zoom, as React Flow applies it to the viewport. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((element) => (element as HTMLElement).style.transform);
  const scale = /scale\(([\d.]+)\)/.exec(transform)?.[1];
  if (!scale) throw new Error(`no zoom in "${transform}"`);
  return Number(scale);
}

/** Opens a file through the Import command's picker (the hidden input it clicks). */
async function importFile(
  page: Page,
  name: string,
  mimeType: string,
  content: string | Buffer,
): Promise<void> {
  await page.locator('#import-file-input').setInputFiles({
    name,
    mimeType,
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

/** A topology on one host: WFM Web (port 8080) connected to a WFM Server (port 7000). */
const ON_ONE_HOST = JSON.stringify({
  format: 'wfm-topology',
  version: 2,
  name: 'One host',
  hosts: [{ id: 'h-1', name: 'wfm01' }],
  components: [
    { id: 'web-1', kind: 'web', name: 'WFM_Web_1', host: 'h-1', port: 8080, position: { x: 0, y: 0 } },
    {
      id: 'srv-1',
      kind: 'server',
      name: 'WFM_Server_1',
      host: 'h-1',
      port: 7000,
      position: { x: 0, y: 200 },
    },
  ],
  connections: [{ id: 'c-1', from: 'web-1', to: 'srv-1' }],
});

async function openOnOneHost(designer: DesignerPage): Promise<void> {
  await importFile(designer.page, 'one-host.wfm.json', 'application/json', ON_ONE_HOST);
  await expect(designer.nodes()).toHaveCount(2);
  await expect(designer.edges).toHaveCount(1);
}

test('while a connection is dragged, a tooltip at the pointer says what a drop there would do', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('Stat Server');
  await designer.showAllCards();
  const builder = designer.node('WFM Builder', 'WFM_Builder_1');

  await designer.startConnection(builder);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveText('Drop on a highlighted component to connect WFM_Builder_1');

  await designer.dragOver(designer.node('Stat Server', 'Stat_Server_1'));
  await expect(tooltip).toHaveText(
    'WFM Builder cannot connect to Stat Server: the component connections matrix has no such connection.',
  );
  const pointerNear = async () => {
    const [box, pointer] = await Promise.all([
      tooltip.boundingBox(),
      designer.node('Stat Server', 'Stat_Server_1').boundingBox(),
    ]);
    if (!box || !pointer) throw new Error('not drawn');
    // The tooltip sits just beside the pointer, which is at the card's centre: how far is its box?
    const at = { x: pointer.x + pointer.width / 2, y: pointer.y + pointer.height / 2 };
    const dx = Math.max(box.x - at.x, 0, at.x - (box.x + box.width));
    const dy = Math.max(box.y - at.y, 0, at.y - (box.y + box.height));
    return Math.hypot(dx, dy);
  };
  expect(await pointerNear()).toBeLessThan(32);

  await designer.dragOver(designer.node('WFM Server', 'WFM_Server_1'));
  await expect(tooltip).toHaveText('Connects WFM_Builder_1 → WFM_Server_1');
  await page.mouse.up();

  await expect(tooltip).toHaveCount(0);
  await expect(designer.edges).toHaveCount(1);
});

test('the status line shows the latest action: a refusal gives way to the next rename', async ({
  designer,
}) => {
  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('Stat Server');
  const builder = designer.node('WFM Builder', 'WFM_Builder_1');
  await designer.connect(builder, designer.node('Stat Server', 'Stat_Server_1'));
  await expect(designer.status()).toContainText('WFM Builder cannot connect to Stat Server');

  await builder.click();
  await designer.commitField('Name', 'Builder_A');

  await expect(designer.status()).toHaveText("Renamed WFM Builder 'WFM_Builder_1' to 'Builder_A'.");
  await designer.commitField('Name', 'Builder_B');
  await expect(designer.status()).toHaveText("Renamed WFM Builder 'Builder_A' to 'Builder_B'.");
  await designer.undoButton.click();
  await expect(designer.status()).toHaveText("Undid a step: renamed WFM Builder 'Builder_B' to 'Builder_A'.");
});

test('Ctrl+D says what it did, offsets the copy one grid step, and cascades', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  await page.getByRole('button', { name: 'Zoom In' }).click();
  const original = designer.node('WFM Server', 'WFM_Server_1');
  await original.click();
  await designer.waitUntilSettled(original);
  const zoom = await zoomOf(page);
  expect(zoom).not.toBe(1);

  await page.keyboard.press('Control+d');

  await expect(designer.status()).toHaveText("Duplicated WFM Server 'WFM_Server_1' as 'WFM_Server_2'.");
  const copy = designer.node('WFM Server', 'WFM_Server_2');
  await expect(copy).toHaveClass(/selected/);
  await expect(original).not.toHaveClass(/selected/);
  const step = 8 * zoom;
  const [a, b] = await Promise.all([original.boundingBox(), copy.boundingBox()]);
  if (!a || !b) throw new Error('not drawn');
  expect(b.x - a.x).toBeCloseTo(step, 0);
  expect(b.y - a.y).toBeCloseTo(step, 0);

  await page.keyboard.press('Control+d');

  await expect(designer.status()).toHaveText("Duplicated WFM Server 'WFM_Server_2' as 'WFM_Server_3'.");
  const third = await designer.node('WFM Server', 'WFM_Server_3').boundingBox();
  if (!third) throw new Error('not drawn');
  expect(third.x - a.x).toBeCloseTo(2 * step, 0);
  expect(third.y - a.y).toBeCloseTo(2 * step, 0);
});

test('a duplicate keeps the connections among its components and is flagged on the same host and port, with a fix', async ({
  designer,
  page,
}) => {
  await openOnOneHost(designer);
  const web = designer.node('WFM Web', 'WFM_Web_1');
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await designer.waitUntilSettled(web);
  await web.click();
  await server.click({ modifiers: ['Shift'] });

  await page.keyboard.press('Control+d');

  await expect(designer.nodes()).toHaveCount(4);
  await expect(designer.edges).toHaveCount(2);
  await designer.expectEdgeDrawn("Connection WFM Web 'WFM_Web_2' to WFM Server 'WFM_Server_2'");
  await expect(designer.node('WFM Web', 'WFM_Web_2')).toHaveClass(/selected/);
  await expect(designer.node('WFM Server', 'WFM_Server_2')).toHaveClass(/selected/);
  await expect(designer.status()).toHaveText(
    'Duplicated 2 components and 1 connection. 2 copies use a port another component uses on their host: “Use the next free port” in Problems moves them.',
  );

  const conflicts = designer.problemItems('port-conflict');
  await expect(conflicts).toHaveCount(2);
  const serverConflict = conflicts.filter({ hasText: "WFM Server 'WFM_Server_2' uses port 7000" });
  await serverConflict.getByRole('button', { name: 'Use the next free port', exact: true }).click();

  await expect(designer.status()).toHaveText("WFM Server 'WFM_Server_2' now uses port 7001 instead of 7000.");
  await expect(conflicts).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_2')).toContainText('wfm01:7001');
  await conflicts.getByRole('button', { name: 'Use the next free port', exact: true }).click();
  await expect(conflicts).toHaveCount(0);
  await expect(designer.node('WFM Web', 'WFM_Web_2')).toContainText('wfm01:8081');
});

test('Ctrl+V pastes one grid step from the copied component, and again one step further', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('DAP');
  const original = designer.node('DAP', 'WFM_DAP_1');
  await original.click();
  await designer.waitUntilSettled(original);
  const zoom = await zoomOf(page);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(designer.status()).toHaveText("Pasted DAP 'WFM_DAP_1' as 'WFM_DAP_2'.");
  await page.keyboard.press('Control+v');
  await expect(designer.status()).toHaveText("Pasted DAP 'WFM_DAP_1' as 'WFM_DAP_3'.");
  const [a, c] = await Promise.all([original.boundingBox(), designer.node('DAP', 'WFM_DAP_3').boundingBox()]);
  if (!a || !c) throw new Error('not drawn');
  expect(c.x - a.x).toBeCloseTo(16 * zoom, 0);
  expect(c.y - a.y).toBeCloseTo(16 * zoom, 0);
});

// The 1×1 PNG of a paint program: a real image that carries no document.
const PLAIN_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const FOREIGN_FILES = [
  {
    name: 'notes.md',
    type: 'text/markdown',
    content: '# Site notes\n\nThe WFM Server runs on wfm01.\n',
    detail: 'JSON',
  },
  { name: 'notes.txt', type: 'text/plain', content: 'WFM_Server connects to WFM_Builder', detail: 'JSON' },
  {
    name: 'package.json',
    type: 'application/json',
    content: '{ "name": "site", "version": "1.0.0" }',
    detail: 'format: must be "wfm-topology"',
  },
  { name: 'photo.png', type: 'image/png', content: PLAIN_PNG, detail: 'carries no document' },
] as const;

for (const file of FOREIGN_FILES) {
  test(`importing ${file.name} says it is not a WFM topology file and which files are, and changes nothing`, async ({
    designer,
    page,
  }) => {
    await designer.addFromPalette('WFM Server');
    await importFile(page, file.name, file.type, file.content);

    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(NOT_A_TOPOLOGY_FILE);
    await expect(dialog).toContainText(`${file.name} was not opened`);
    await expect(dialog).toContainText(file.detail);
    await expect(dialog).toContainText('Your open document is unchanged.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(designer.nodes()).toHaveCount(1);
    await expect(designer.status()).toContainText(NOT_A_TOPOLOGY_FILE);
  });
}

test('a topology file with a schema error keeps its precise error and path', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  const broken = JSON.stringify({
    format: 'wfm-topology',
    version: 2,
    components: [{ id: 'b', kind: 'wfm-builder', name: 'B' }],
    connections: [],
  });
  await importFile(page, 'site.wfm.json', 'application/json', broken);

  const dialog = page.getByRole('dialog', { name: 'This file has errors' });
  await expect(dialog.getByRole('list', { name: 'Problems in the file' })).toContainText(
    'components[0].kind: ',
  );
  await expect(dialog).not.toContainText('not a WFM topology file');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(designer.nodes()).toHaveCount(1);
});

test('the first drop on an empty canvas lands under the pointer at a zoom other than 1', async ({
  designer,
  page,
}) => {
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  const zoom = await zoomOf(page);
  expect(zoom).toBeGreaterThan(1.2);
  const canvas = await designer.canvas.boundingBox();
  if (!canvas) throw new Error('no canvas');
  const target = { x: 220, y: 140 };

  const card = await designer.dragFromPalette('WFM Server', target);

  await expect(designer.status()).toHaveText("Added WFM Server 'WFM_Server_1'.");
  const box = await card.boundingBox();
  if (!box) throw new Error('not drawn');
  // Its centre is under the pointer, give or take the snap grid (8 px at this zoom).
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + target.x))).toBeLessThanOrEqual(8 * zoom);
  expect(Math.abs(box.y + box.height / 2 - (canvas.y + target.y))).toBeLessThanOrEqual(8 * zoom);
  expect(box.width).toBeCloseTo(200 * zoom, 0);
});

test('after "Connect to…" by keyboard, the keyboard is on the card the connection starts from', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await designer.addFromPalette('WFM Web');
  const web = designer.node('WFM Web', 'WFM_Web_1');
  await web.click();

  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: "Connect WFM Web 'WFM_Web_1' to…" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(web).toBeFocused();

  await page.keyboard.press('c');
  await dialog.getByRole('button', { name: 'WFM Server: WFM_Server_1' }).focus();
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(designer.edges).toHaveCount(1);
  await expect(web).toBeFocused();
  await expect(designer.status()).toHaveText("Connected WFM Web 'WFM_Web_1' to WFM Server 'WFM_Server_1'.");
});

test('a template asks before taking the place of a canvas with something on it; Cancel keeps it', async ({
  designer,
  page,
}) => {
  await designer.addFromPalette('WFM Server');
  await page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: 'Builder pool', exact: true })
    .click();

  const ask = page.getByRole('dialog', { name: 'Open the template “Builder pool”?' });
  await expect(ask).toContainText('(“Untitled deployment”, 1 component), which stays in Open recent.');
  await ask.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByRole('dialog', { name: 'Templates' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();

  await page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: 'Builder pool', exact: true })
    .click();
  await ask.getByRole('button', { name: 'Open template' }).click();
  await expect(designer.nodes()).toHaveCount(9);
});
