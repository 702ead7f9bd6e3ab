import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from './fixtures';

/** Every file of the build the suite serves (playwright.config.ts), with its path inside it. */
function builtFiles(): { path: string; text: string }[] {
  const dist = process.env.E2E_DIST ?? 'dist';
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(dist, path), text: readFileSync(path, 'utf8') };
    });
}

test('a user builds the minimal single-site deployment by mouse and it follows the matrix', async ({
  designer,
}) => {
  const canvasBox = await designer.canvas.boundingBox();
  if (!canvasBox) throw new Error('the canvas is not visible');
  await designer.dragFromPalette('WFM Server', { x: canvasBox.width / 2, y: canvasBox.height / 2 });
  await expect(designer.status()).toHaveText("Added WFM Server 'WFM_Server_1'.");
  for (const kind of [
    'WFM Builder',
    'WFM Data Aggregator',
    'WFM Web',
    'DAP',
    'Stat Server',
    'WFM Database Utility',
  ]) {
    await designer.addFromPalette(kind);
  }
  await designer.showAllCards();

  const server = designer.node('WFM Server', 'WFM_Server_1');
  const builder = designer.node('WFM Builder', 'WFM_Builder_1');
  const aggregator = designer.node('WFM Data Aggregator', 'WFM_Data_Aggregator_1');
  const web = designer.node('WFM Web', 'WFM_Web_1');
  const dap = designer.node('DAP', 'WFM_DAP_1');
  const statServer = designer.node('Stat Server', 'Stat_Server_1');
  const dbUtility = designer.node('WFM Database Utility', 'WFM_Database_Utility_1');
  await expect(designer.problemItems('missing-connection')).toHaveCount(8);

  const connections = [
    [server, builder],
    [server, dap],
    [builder, server],
    [aggregator, server],
    [aggregator, dap],
    [aggregator, statServer],
    [web, server],
    [dbUtility, dap],
  ] as const;
  for (const [index, [from, to]] of connections.entries()) {
    await designer.connect(from, to);
    await expect(designer.edges).toHaveCount(index + 1);
  }

  await expect(designer.problems()).toContainText(
    'No problems — this deployment follows the component connections matrix.',
  );
  await expect(designer.problems().getByRole('listitem')).toHaveCount(0);
});

test('every component clicked in the palette lands inside the view, clear of the others', async ({
  designer,
}) => {
  const kinds = [
    'WFM Server',
    'WFM Builder',
    'WFM Daemon',
    'WFM Data Aggregator',
    'WFM Web',
    'WFM Database Utility',
    'DAP',
    'Stat Server',
    'Message Server',
  ];
  for (const [index, kind] of kinds.entries()) {
    const card = await designer.addFromPalette(kind);
    // The view may pan to show the new card: wait until it settles, then measure every card anew.
    await expect(designer.nodes()).toHaveCount(index + 1);
    await designer.page.waitForTimeout(300);
    const [box, canvas] = await Promise.all([card.boundingBox(), designer.canvas.boundingBox()]);
    if (!box || !canvas) throw new Error('the card or the canvas is not visible');
    expect(box.x, `${kind} starts inside the canvas`).toBeGreaterThanOrEqual(canvas.x);
    expect(box.y, `${kind} starts inside the canvas`).toBeGreaterThanOrEqual(canvas.y);
    expect(box.x + box.width, `${kind} ends inside the canvas`).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(box.y + box.height, `${kind} ends inside the canvas`).toBeLessThanOrEqual(
      canvas.y + canvas.height,
    );
    const boxes = await designer.nodes().evaluateAll((nodes) =>
      nodes.map((node) => {
        const r = node.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap =
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `after adding ${kind}, no card covers another`).toBe(false);
      }
    }
  }
});

test('"Fit View" never zooms in further than the canvas’s own fit (1.2)', async ({ designer }) => {
  const card = await designer.addFromPalette('WFM Server');
  const zoom = () =>
    card.evaluate((element) => element.getBoundingClientRect().width / (element as HTMLElement).offsetWidth);

  await designer.fitView();

  await expect.poll(zoom).toBeGreaterThan(0.5);
  expect(await zoom()).toBeLessThanOrEqual(1.2);
});

test('the published build carries no source maps, and no file points to one', async ({ page }) => {
  const files = builtFiles();
  expect(files.map((file) => file.path)).toContain('index.html');
  expect(files.filter((file) => /\.map$/i.test(file.path)).map((file) => file.path)).toEqual([]);
  expect(files.filter((file) => /sourceMappingURL/.test(file.text)).map((file) => file.path)).toEqual([]);
  // What the server hands out for the first screen's script says the same.
  const response = await page.goto('/');
  const script = /src="([^"]+\.js)"/.exec((await response?.text()) ?? '')?.[1];
  if (!script) throw new Error('no script in index.html');
  const served = await page.request.get(script);
  expect(served.headers().sourcemap).toBeUndefined();
  expect(served.headers()['x-sourcemap']).toBeUndefined();
  expect(await served.text()).not.toContain('sourceMappingURL');
  // The preview server answers an unknown path with index.html, so look at what comes back.
  expect(await (await page.request.get(`${script}.map`)).text()).not.toContain('"mappings"');
});
