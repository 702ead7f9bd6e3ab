import type { CDPSession, Download, Page } from '@playwright/test';
import { createRandom as random } from '../bench/generate';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';
import { newestSave } from './library-storage';

// Issue 7, item 5, by the UI: 20 seeded random edit sequences, each followed by a reload, give back
// the exact JSON they exported before it; and a session of 1,000 operations leaves the heap, after
// garbage collection, within 10 % of where it started.

const KINDS = [
  'WFM Server',
  'WFM Builder',
  'WFM Daemon',
  'WFM Data Aggregator',
  'WFM Web',
  'WFM Database Utility',
  'DAP',
  'Stat Server',
  'Message Server',
] as const;

async function downloadText(download: Promise<Download>): Promise<string> {
  const stream = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

async function exportJson(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export JSON' }).click();
  return downloadText(download);
}

/** The newest save of the tab's open document: autosave writes exactly what Export JSON writes. */
async function savedText(page: Page): Promise<string | null> {
  return (await newestSave(page))?.record.text ?? null;
}

type Step = (designer: DesignerPage, pick: (n: number) => number) => Promise<string>;

/**
 * Selects a card chosen by `pick` from the keyboard, as React Flow offers it: focus the card (the
 * view pans to it) and press Enter. Pointer clicks would depend on where the overlays sit.
 */
async function selectSome(designer: DesignerPage, pick: (n: number) => number): Promise<string | null> {
  const count = await designer.nodes().count();
  if (count === 0) return null;
  const node = designer.nodes().nth(pick(count));
  const label = (await node.getAttribute('aria-label')) ?? 'a card';
  // A late effect of the step before (a dialog handing focus back to its opener, the inspector's
  // field) can take the focus between the two: the Enter then lands elsewhere and selects nothing
  // (seen once on a loaded CI machine). Enter on a selected card keeps it selected, so try again.
  await expect(async () => {
    await node.focus();
    await node.press('Enter');
    await expect(node).toHaveClass(/selected/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return label;
}

const STEPS: readonly { weight: number; name: string; run: Step }[] = [
  {
    weight: 4,
    name: 'add',
    run: async (designer, pick) => {
      const kind = KINDS[pick(KINDS.length)] ?? 'WFM Server';
      await designer.addFromPalette(kind);
      return `add ${kind}`;
    },
  },
  {
    weight: 3,
    name: 'connect',
    run: async (designer, pick) => {
      const label = await selectSome(designer, pick);
      if (!label) return 'connect: nothing to connect';
      const button = designer.inspector.getByRole('button', { name: 'Connect to…' });
      if (await button.isDisabled()) return `connect: ${label} starts no connection`;
      await button.click();
      const dialog = designer.page.getByRole('dialog');
      const targets = dialog.getByRole('list', { name: 'Legal targets' }).getByRole('button');
      const count = await targets.count();
      if (count === 0) {
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        return `connect: ${label} has no legal target`;
      }
      const target = targets.nth(pick(count));
      const name = await target.textContent();
      const before = await designer.edges.count();
      await target.click();
      await expect(designer.edges).toHaveCount(before + 1);
      return `connect ${label} to ${name}`;
    },
  },
  {
    weight: 2,
    name: 'rename',
    run: async (designer, pick) => {
      const label = await selectSome(designer, pick);
      if (!label) return 'rename: nothing to rename';
      const name = `Renamed_${pick(10_000)}`;
      await designer.commitField('Name', name);
      await expect(designer.field('Name')).toHaveValue(name);
      return `rename ${label} to ${name}`;
    },
  },
  {
    weight: 2,
    name: 'host and port',
    run: async (designer, pick) => {
      const label = await selectSome(designer, pick);
      if (!label) return 'host: nothing selected';
      const port = String(1 + pick(65_535));
      // Version 2: the host is a host object, picked from a list; this session makes none.
      await designer.field('Host').selectOption({ label: 'No host' });
      await designer.commitField('Port', port);
      await expect(designer.field('Port')).toHaveValue(port);
      return `set ${label} to no host:${port}`;
    },
  },
  {
    weight: 1,
    name: 'option',
    run: async (designer, pick) => {
      const label = pick(2) === 0 ? 'Management Layer' : 'Scheduled reporting';
      await designer.option(label).click();
      return `toggle ${label}`;
    },
  },
  {
    weight: 1,
    name: 'document name',
    run: async (designer, pick) => {
      const name = `Site ${pick(1000)}`;
      await designer.documentName().fill(name);
      await designer.documentName().press('Enter');
      return `name the deployment ${name}`;
    },
  },
  {
    weight: 2,
    name: 'delete',
    run: async (designer, pick) => {
      const before = await designer.nodes().count();
      const label = await selectSome(designer, pick);
      if (!label) return 'delete: nothing to delete';
      await designer.page.keyboard.press('Delete');
      await expect(designer.nodes()).toHaveCount(before - 1);
      return `delete ${label}`;
    },
  },
  {
    weight: 2,
    name: 'undo',
    run: async (designer) => {
      if (await designer.undoButton.isDisabled()) return 'undo: nothing to undo';
      await designer.undoButton.click();
      return 'undo';
    },
  },
  {
    weight: 1,
    name: 'redo',
    run: async (designer) => {
      if (await designer.redoButton.isDisabled()) return 'redo: nothing to redo';
      await designer.redoButton.click();
      return 'redo';
    },
  },
];

function chooseStep(next: () => number) {
  const total = STEPS.reduce((sum, step) => sum + step.weight, 0);
  let roll = next() * total;
  for (const step of STEPS) {
    roll -= step.weight;
    if (roll < 0) return step;
  }
  return STEPS[0];
}

const SEQUENCES = 20;

for (let sequence = 1; sequence <= SEQUENCES; sequence += 1) {
  test(`edit sequence ${sequence} of ${SEQUENCES} exports the same JSON after a reload`, async ({
    designer,
    page,
  }) => {
    const next = random(20_251_126 + sequence);
    const pick = (n: number) => Math.floor(next() * n);
    const length = 8 + pick(5);
    const log: string[] = [];
    // Every sequence starts with something on the canvas to edit.
    const first = STEPS[0];
    if (first) log.push(await first.run(designer, pick));
    while (log.length < length) {
      const step = chooseStep(next);
      if (step) log.push(await step.run(designer, pick));
    }
    test.info().annotations.push({ type: 'steps', description: log.join('; ') });

    const before = await exportJson(page);
    // Autosave writes, 400 ms after the last edit, the same text Export JSON wrote; a sequence that
    // ends on "New" leaves a blank document, which is stored only once something is put in it.
    const { name, components, connections } = JSON.parse(before);
    const blank = name === undefined && components.length === 0 && connections.length === 0;
    if (!blank) await expect.poll(() => savedText(page), { timeout: 30_000 }).toBe(before);
    await page.reload();
    await expect(designer.canvas).toBeVisible();
    const after = await exportJson(page);

    expect(after, `differences after the reload of: ${log.join('; ')}`).toBe(before);
  });
}

/** The heap in use after a full garbage collection, in bytes, and the page's DOM nodes and listeners. */
async function measure(cdp: CDPSession) {
  for (let round = 0; round < 3; round += 1) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes, listeners: jsEventListeners };
}

const SMALL_FILE = JSON.stringify({
  format: 'wfm-topology',
  version: 2,
  name: 'Imported',
  components: [
    { id: 'srv-1', kind: 'server', name: 'Imported_Server', position: { x: 0, y: 200 } },
    { id: 'dap-1', kind: 'dap', name: 'Imported_DAP', position: { x: 0, y: 400 } },
  ],
  connections: [{ id: 'c-1', from: 'srv-1', to: 'dap-1' }],
});

/**
 * One round of ten operations, all from the keyboard: add a WFM Server and a WFM Builder from the
 * palette, connect the Builder by the Connect-to dialog, select all, duplicate, delete, undo, redo,
 * and clear the selection; every fifth round starts a new document instead, every tenth imports a
 * file. Returns how many operations it made (focus moves are not counted).
 */
async function round(designer: DesignerPage, index: number): Promise<number> {
  const { page } = designer;
  let operations = 0;
  const press = async (key: string) => {
    await page.keyboard.press(key);
    operations += 1;
  };
  await designer.paletteItem('WFM Server').focus();
  await press('Enter');
  await page.keyboard.press('Tab');
  await press('Enter');
  await press('c');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await press('Enter');
  await expect(dialog).toBeHidden();
  await press('Control+a');
  await press('Control+d');
  await press('Delete');
  await press('Control+z');
  await press('Control+y');
  if (index % 10 === 9) {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'small.wfm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(SMALL_FILE),
    });
    await expect(designer.node('WFM Server', 'Imported_Server')).toBeVisible();
    operations += 1;
  } else if (index % 5 === 4) {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect(designer.nodes()).toHaveCount(0);
    operations += 1;
  } else {
    await press('Escape');
  }
  return operations;
}

test('a session of 1,000 operations ends with the heap within 10 % of its start', async ({
  designer,
  page,
}) => {
  // About 2,000 key presses, each a render: a minute and a half on an idle machine, more on a busy one.
  test.setTimeout(600_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  // Warm up with a first session of 1,000 operations: the undo history fills up (it keeps 200 steps
  // by design) and the engine's compiled code settles (it grew by some 500 KB over the first
  // 1,000 operations, and by 2 % over the next 1,000). What is measured then is what a session
  // leaks, not the history it is meant to keep nor the code the engine optimises.
  let warmUp = 0;
  for (let index = 0; warmUp < 1_000; index += 1) warmUp += await round(designer, index);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(designer.nodes()).toHaveCount(0);
  await page.waitForTimeout(500);
  const start = await measure(cdp);

  let operations = 0;
  const started = Date.now();
  for (let index = 0; operations < 1_000; index += 1) operations += await round(designer, index);
  const seconds = (Date.now() - started) / 1000;
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(designer.nodes()).toHaveCount(0);
  operations += 1;
  // Let autosave and the status line settle, as they had before the first measurement.
  await page.waitForTimeout(500);
  const end = await measure(cdp);

  const growth = (end.heap - start.heap) / start.heap;
  test.info().annotations.push({
    type: 'heap',
    description: `${operations} operations in ${seconds.toFixed(0)} s; heap after GC ${start.heap} → ${end.heap} bytes (${(growth * 100).toFixed(1)} %); DOM nodes ${start.nodes} → ${end.nodes}, listeners ${start.listeners} → ${end.listeners}`,
  });
  expect(operations).toBeGreaterThanOrEqual(1_000);
  expect(growth).toBeLessThanOrEqual(0.1);
  // Both measurements follow a "New": the same empty canvas, so the same elements and listeners.
  expect(end.nodes).toBeLessThanOrEqual(start.nodes);
  expect(end.listeners).toBeLessThanOrEqual(start.listeners);
});
