import { expect, test } from './fixtures';

// Screenshots of the version-2 drawing (hosts, zones, an HA pair, context kinds, a note, labels)
// for a person to look at in light and dark (issue 13, item 8). Written to test-results/.

const card = (id: string, kind: string, name: string, x: number, y: number, extra: object = {}) => ({
  id,
  kind,
  name,
  position: { x, y },
  ...extra,
});

const SITE = {
  format: 'wfm-topology',
  version: 2,
  name: 'Highly available site',
  ruleset: 'wfm-8.5.2',
  zones: [
    { id: 'z-ldn', name: 'London DC', position: { x: -40, y: -60 }, size: { width: 1140, height: 420 } },
  ],
  hosts: [
    {
      id: 'h-app1',
      name: 'wfm-app01',
      address: 'wfm-app01.example.com',
      zone: 'z-ldn',
      lca: true,
      certificate: true,
      position: { x: 0, y: 0 },
      size: { width: 500, height: 150 },
    },
    {
      id: 'h-app2',
      name: 'wfm-app02',
      address: 'wfm-app02.example.com',
      zone: 'z-ldn',
      lca: true,
      position: { x: 560, y: 0 },
      size: { width: 500, height: 150 },
    },
    {
      id: 'h-db',
      name: 'wfm-db01',
      zone: 'z-ldn',
      position: { x: 0, y: 190 },
      size: { width: 500, height: 130 },
    },
  ],
  components: [
    card('srv-1', 'server', 'WFM_Server', 24, 44, { host: 'h-app1', port: 7000 }),
    card('da-1', 'data-aggregator', 'WFM_DA', 248, 44, { host: 'h-app1', port: 7020 }),
    card('srv-2', 'server', 'WFM_Server_backup', 584, 44, {
      host: 'h-app2',
      port: 7000,
      backupOf: 'srv-1',
      standby: 'warm',
    }),
    card('da-2', 'data-aggregator', 'WFM_DA_backup', 808, 44, {
      host: 'h-app2',
      port: 7020,
      backupOf: 'da-1',
      standby: 'hot',
    }),
    card('dap-1', 'dap', 'WFM_DAP', 24, 234, { host: 'h-db' }),
    card('ss-1', 'stat-server', 'Stat_Server', 248, 234, { host: 'h-db' }),
    card('web-1', 'web', 'WFM_Web_1', 100, -300),
    card('bld-1', 'builder', 'WFM_Builder', 600, -300),
  ],
  connections: [
    { id: 'c-1', from: 'web-1', to: 'srv-1', security: 'tls', label: 'supervisors' },
    { id: 'c-2', from: 'bld-1', to: 'srv-1' },
    { id: 'c-3', from: 'srv-1', to: 'dap-1' },
    { id: 'c-4', from: 'da-1', to: 'ss-1', label: 'stats' },
    { id: 'c-5', from: 'srv-2', to: 'dap-1' },
  ],
  annotations: [
    {
      id: 'a-1',
      text: 'Agents in London and Leeds.\nBackups take over within a minute.',
      position: { x: 1140, y: -300 },
    },
  ],
};

for (const scheme of ['light', 'dark'] as const) {
  test(`the canvas draws zones, hosts, an HA pair and a note (${scheme})`, async ({ designer, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: 'site.wfm.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(SITE)),
      });
    await expect(designer.canvas.getByRole('group', { name: 'Host: wfm-app01', exact: true })).toBeVisible();
    await expect(designer.canvas.getByRole('group', { name: 'Zone: London DC', exact: true })).toBeAttached();
    await expect(
      designer.canvas.getByRole('group', {
        name: 'Note: Agents in London and Leeds.\nBackups take',
        exact: true,
      }),
    ).toBeAttached();
    await designer.fitView();
    await page.screenshot({ path: `test-results/v2-canvas-${scheme}.png` });
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(400);
    const zone = await designer.canvas
      .getByRole('group', { name: 'Zone: London DC', exact: true })
      .boundingBox();
    if (zone) {
      await page.screenshot({
        path: `test-results/v2-canvas-zoomed-${scheme}.png`,
        clip: {
          x: zone.x - 10,
          y: zone.y - 10,
          width: Math.min(zone.width + 20, 900),
          height: Math.min(zone.height + 20, 520),
        },
      });
    }
    await designer.fitView();
    await designer.canvas
      .getByRole('group', { name: 'Host: wfm-app01', exact: true })
      .locator('.host-box__head')
      .click();
    await expect(designer.inspector.getByRole('textbox', { name: 'LCA port' })).toBeVisible();
    await page.screenshot({ path: `test-results/v2-host-inspector-${scheme}.png` });
    await designer.node('WFM Server', 'WFM_Server_backup').click();
    await page.screenshot({ path: `test-results/v2-backup-inspector-${scheme}.png` });
  });
}
