import type { Locator } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';

// Editing tools people expect (issue 15 item 5): align and distribute a multi-selection, Find,
// zoom to selection, and a context menu that offers the command list's commands.

const card = (id: string, name: string, x: number, y: number, extra: object = {}) => ({
  id,
  kind: 'builder',
  name,
  position: { x, y },
  ...extra,
});

/** Three builders out of line (unequal gaps both ways), a server on a host, a DAP on its own. */
const SITE = {
  format: 'wfm-topology',
  version: 2,
  name: 'Editing tools',
  hosts: [{ id: 'h-1', name: 'wfm-app01', position: { x: 900, y: 0 }, size: { width: 480, height: 200 } }],
  components: [
    card('b-1', 'Pool_B1', 0, 0),
    card('b-2', 'Pool_B2', 260, 100),
    card('b-3', 'Pool_B3', 700, 400),
    { id: 'srv-1', kind: 'server', name: 'WFM_Server_1', host: 'h-1', position: { x: 924, y: 60 } },
    { id: 'dap-1', kind: 'dap', name: 'WFM_DAP', position: { x: 300, y: 700 } },
  ],
  connections: [{ id: 'c-1', from: 'b-1', to: 'srv-1' }],
};

/** Opens a document through the file input, as Import does, and fits the view to it. */
async function open(designer: DesignerPage, document: object = SITE): Promise<void> {
  await designer.page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({
      name: 'editing-tools.wfm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(document)),
    });
  await expect(designer.node('WFM Builder', 'Pool_B1')).toBeVisible();
  await designer.fitView();
}

const builders = (designer: DesignerPage) =>
  ['Pool_B1', 'Pool_B2', 'Pool_B3'].map((name) => designer.node('WFM Builder', name));

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxes(nodes: readonly Locator[]): Promise<Box[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const box = await node.boundingBox();
      if (!box) throw new Error('a card is not drawn');
      return box;
    }),
  );
}

/** The value each box has on a line (its left edge, its centre…), to compare across the boxes. */
const LINES: Record<string, (b: Box) => number> = {
  'Align left': (b) => b.x,
  'Align centre': (b) => b.x + b.width / 2,
  'Align right': (b) => b.x + b.width,
  'Align top': (b) => b.y,
  'Align middle': (b) => b.y + b.height / 2,
  'Align bottom': (b) => b.y + b.height,
};
const NOTICES: Record<string, string> = {
  'Align left': 'Aligned 3 components left.',
  'Align centre': 'Aligned 3 components on their centres.',
  'Align right': 'Aligned 3 components right.',
  'Align top': 'Aligned 3 components to the top.',
  'Align middle': 'Aligned 3 components on their middles.',
  'Align bottom': 'Aligned 3 components to the bottom.',
};

/** True when the values are equal to within a pixel. */
function allEqual(values: readonly number[]): boolean {
  return Math.max(...values) - Math.min(...values) <= 1;
}

/** The spaces between neighbours along an axis, in the order of the boxes' centres. */
function gaps(list: readonly Box[], axis: 'x' | 'y'): number[] {
  const size = axis === 'x' ? 'width' : 'height';
  const sorted = [...list].sort((a, b) => a[axis] + a[size] / 2 - (b[axis] + b[size] / 2));
  return sorted.slice(1).map((b, i) => {
    const before = sorted[i] as Box;
    return b[axis] - (before[axis] + before[size]);
  });
}

async function expectAligned(designer: DesignerPage, command: string): Promise<void> {
  const line = LINES[command] as (b: Box) => number;
  await expect.poll(async () => allEqual((await boxes(builders(designer))).map(line))).toBe(true);
}

async function expectDistributed(designer: DesignerPage, axis: 'x' | 'y'): Promise<void> {
  await expect.poll(async () => allEqual(gaps(await boxes(builders(designer)), axis))).toBe(true);
}

/** Picks the three builders with Shift+click. */
async function selectBuilders(designer: DesignerPage): Promise<void> {
  const [first, ...rest] = builders(designer);
  await first?.click();
  for (const node of rest) await node.click({ modifiers: ['Shift'] });
  for (const node of builders(designer)) await expect(node).toHaveClass(/selected/);
}

function menu(designer: DesignerPage, name: string): Locator {
  return designer.page.getByRole('menu', { name, exact: true });
}

async function menuItemNames(designer: DesignerPage, name: string): Promise<string[]> {
  const items = menu(designer, name).getByRole('menuitem');
  return items.evaluateAll((elements) =>
    elements.map((element) => element.querySelector('.menu__label')?.textContent ?? ''),
  );
}

/** Runs a command from the context menu of a card. */
async function fromContextMenu(designer: DesignerPage, node: Locator, command: string): Promise<void> {
  await node.click({ button: 'right' });
  await menu(designer, 'Component').getByRole('menuitem', { name: command, exact: true }).click();
  await expect(menu(designer, 'Component')).toHaveCount(0);
}

test('three cards picked with Shift+click align each way from the context menu, one undo step each', async ({
  designer,
}) => {
  await open(designer);
  await selectBuilders(designer);
  const before = await boxes(builders(designer));

  for (const command of Object.keys(LINES)) {
    await fromContextMenu(designer, designer.node('WFM Builder', 'Pool_B2'), command);
    await expectAligned(designer, command);
    await expect(designer.status()).toHaveText(NOTICES[command] as string);
    // The selection stays, and one Undo puts every card back.
    for (const node of builders(designer)) await expect(node).toHaveClass(/selected/);
    await designer.page.keyboard.press('Control+z');
    await expect.poll(() => boxes(builders(designer))).toEqual(before);
  }
});

test('distribute from the context menu and from the toolbar’s Arrange menu evens the gaps', async ({
  designer,
}) => {
  await open(designer);
  await selectBuilders(designer);
  const before = await boxes(builders(designer));
  expect(allEqual(gaps(before, 'x'))).toBe(false);
  expect(allEqual(gaps(before, 'y'))).toBe(false);

  await fromContextMenu(designer, designer.node('WFM Builder', 'Pool_B1'), 'Distribute horizontally');
  await expectDistributed(designer, 'x');
  await expect(designer.status()).toHaveText('Distributed 3 components horizontally.');
  await fromContextMenu(designer, designer.node('WFM Builder', 'Pool_B3'), 'Distribute vertically');
  await expectDistributed(designer, 'y');
  await expect(designer.status()).toHaveText('Distributed 3 components vertically.');
  // One undo step each.
  await designer.page.keyboard.press('Control+z');
  await designer.page.keyboard.press('Control+z');
  await expect.poll(() => boxes(builders(designer))).toEqual(before);

  const toolbar = designer.page.getByRole('toolbar', { name: 'Diagram' });
  for (const [command, axis] of [
    ['Distribute vertically', 'y'],
    ['Distribute horizontally', 'x'],
  ] as const) {
    await toolbar.getByRole('button', { name: 'Arrange', exact: true }).click();
    await menu(designer, 'Arrange').getByRole('menuitem', { name: command }).click();
    await expectDistributed(designer, axis);
  }
  await toolbar.getByRole('button', { name: 'Arrange', exact: true }).click();
  await menu(designer, 'Arrange').getByRole('menuitem', { name: 'Align centre' }).click();
  await expectAligned(designer, 'Align centre');
});

test('the keyboard aligns and distributes: Alt+Shift and a letter, each listed in the "?" dialog', async ({
  designer,
}) => {
  await open(designer, { ...SITE, hosts: [], components: SITE.components.slice(0, 3), connections: [] });
  // Keyboard only: Ctrl+A selects the three cards.
  await designer.page.keyboard.press('Control+a');
  for (const node of builders(designer)) await expect(node).toHaveClass(/selected/);
  const before = await boxes(builders(designer));

  const KEYS: Record<string, string> = {
    'Align left': 'Alt+Shift+L',
    'Align centre': 'Alt+Shift+C',
    'Align right': 'Alt+Shift+R',
    'Align top': 'Alt+Shift+T',
    'Align middle': 'Alt+Shift+M',
    'Align bottom': 'Alt+Shift+B',
  };
  for (const [command, keys] of Object.entries(KEYS)) {
    await designer.page.keyboard.press(keys);
    await expectAligned(designer, command);
    await expect(designer.status()).toHaveText(NOTICES[command] as string);
    await designer.page.keyboard.press('Control+z');
    await expect.poll(() => boxes(builders(designer))).toEqual(before);
  }
  await designer.page.keyboard.press('Alt+Shift+H');
  await expectDistributed(designer, 'x');
  await designer.page.keyboard.press('Alt+Shift+V');
  await expectDistributed(designer, 'y');

  await designer.page.keyboard.press('?');
  const shortcuts = designer.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const [command, keys] of [
    ...Object.entries(KEYS),
    ['Distribute horizontally', 'Alt+Shift+H'],
    ['Distribute vertically', 'Alt+Shift+V'],
    ['Find', 'Ctrl+F'],
    ['Zoom to selection', 'F'],
  ]) {
    await expect(shortcuts.getByRole('row', { name: `${command} ${keys}`, exact: true })).toBeVisible();
  }
});

/** The searchbox of Find and its options. */
function find(designer: DesignerPage) {
  const dialog = designer.page.getByRole('dialog', { name: 'Find' });
  return {
    dialog,
    box: dialog.getByRole('searchbox', { name: 'Find' }),
    options: dialog.getByRole('listbox').getByRole('option'),
  };
}

/** True when the whole of the node is inside the canvas's visible box. */
async function inView(designer: DesignerPage, node: Locator): Promise<boolean> {
  const [box, canvas] = await Promise.all([node.boundingBox(), designer.canvas.boundingBox()]);
  if (!box || !canvas) return false;
  return (
    box.x >= canvas.x &&
    box.y >= canvas.y &&
    box.x + box.width <= canvas.x + canvas.width &&
    box.y + box.height <= canvas.y + canvas.height
  );
}

/** Pans the view by dragging the empty canvas until `node` is out of it (Find and Zoom to selection then have work to do). */
async function panAwayFrom(designer: DesignerPage, node: Locator): Promise<void> {
  const canvas = await designer.canvas.boundingBox();
  if (!canvas) throw new Error('no canvas');
  for (let step = 0; step < 3 && (await inView(designer, node)); step += 1) {
    // A point of the empty pane, not a card, host or overlay.
    const start = await designer.page.evaluate((box) => {
      for (const fy of [0.05, 0.3, 0.5, 0.7]) {
        const point = { x: box.x + box.width * 0.04, y: box.y + box.height * fy };
        const hit = window.document.elementFromPoint(point.x, point.y);
        if (hit?.classList.contains('react-flow__pane')) return point;
      }
      return null;
    }, canvas);
    if (!start) throw new Error('no empty place on the canvas to drag');
    await designer.page.mouse.move(start.x, start.y);
    await designer.page.mouse.down();
    await designer.page.mouse.move(start.x + canvas.width * 0.45, start.y, { steps: 5 });
    await designer.page.mouse.move(start.x + canvas.width * 0.9, start.y, { steps: 5 });
    await designer.page.mouse.up();
  }
  await expect.poll(() => inView(designer, node)).toBe(false);
}

test('Ctrl+F finds a component by name, by host and by kind; Enter selects it and zooms to it', async ({
  designer,
}) => {
  await open(designer);
  const dap = designer.node('DAP', 'WFM_DAP');
  await panAwayFrom(designer, dap);

  // By name.
  await designer.page.keyboard.press('Control+f');
  const { dialog, box, options } = find(designer);
  await expect(box).toBeFocused();
  await box.fill('wfm_dap');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAccessibleName('WFM_DAP, DAP');
  await box.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(dap).toHaveClass(/selected/);
  await expect.poll(() => inView(designer, dap)).toBe(true);
  await expect(dap).toBeFocused();

  // By host: the host itself, then the server on it; the arrow keys choose.
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await panAwayFrom(designer, server);
  await designer.page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Find' }).click();
  await expect(box).toBeFocused();
  await box.fill('wfm-app01');
  await expect(options).toHaveCount(2);
  await expect(options.nth(1)).toHaveAccessibleName('WFM_Server_1, WFM Server, on wfm-app01');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(server).toHaveClass(/selected/);
  await expect(dap).not.toHaveClass(/selected/);
  await expect.poll(() => inView(designer, server)).toBe(true);
  await expect(designer.status()).toHaveText("Found WFM Server 'WFM_Server_1'.");

  // By kind.
  await designer.page.keyboard.press('Control+f');
  await box.fill('WFM Builder');
  await expect(options).toHaveText([/Pool_B1/, /Pool_B2/, /Pool_B3/]);
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(designer.node('WFM Builder', 'Pool_B2')).toHaveClass(/selected/);

  // Nothing found says so; Escape closes.
  await designer.page.keyboard.press('Control+f');
  await box.fill('no such thing');
  await expect(options).toHaveCount(0);
  await expect(dialog).toContainText('No component, host or zone matches.');
  await box.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('Zoom to selection frames the selected card, from the keyboard and from the context menu', async ({
  designer,
}) => {
  await open(designer);
  const b3 = designer.node('WFM Builder', 'Pool_B3');
  await b3.click();
  await panAwayFrom(designer, b3);

  await designer.page.keyboard.press('f');
  await expect.poll(() => inView(designer, b3)).toBe(true);
  await expect(designer.status()).toHaveText('Zoomed to the selection.');

  await panAwayFrom(designer, b3);
  await designer.canvas.click({ button: 'right', position: { x: 12, y: 12 } });
  await menu(designer, 'Canvas').getByRole('menuitem', { name: 'Zoom to selection' }).click();
  await expect.poll(() => inView(designer, b3)).toBe(true);
  await expect(b3).toHaveClass(/selected/);
});

test('the context menu of a card, a connection, a host and the canvas offers their commands and runs one', async ({
  designer,
}) => {
  await open(designer);

  // A card: its commands; a card that was not selected becomes the selection.
  const b1 = designer.node('WFM Builder', 'Pool_B1');
  await b1.click({ button: 'right' });
  expect(await menuItemNames(designer, 'Component')).toEqual([
    'Connect the selected component to…',
    'Copy the selected components',
    'Duplicate the selected components',
    'Delete the selection',
    'Zoom to selection',
  ]);
  await expect(b1).toHaveClass(/selected/);
  await expect(menu(designer, 'Component').getByRole('menuitem').first()).toBeFocused();
  await menu(designer, 'Component')
    .getByRole('menuitem', { name: 'Duplicate the selected components' })
    .click();
  await expect(designer.nodes()).toHaveCount(6);

  // A connection.
  await designer.page.keyboard.press('Escape');
  await designer.fitView();
  const edge = designer.canvas.getByRole('group', {
    name: "Connection WFM Builder 'Pool_B1' to WFM Server 'WFM_Server_1'",
    exact: true,
  });
  const middle = await edge.locator('.react-flow__edge-path').evaluate((element) => {
    const path = element as SVGPathElement;
    const point = path.getPointAtLength(path.getTotalLength() / 2);
    const screen = point.matrixTransform(path.getScreenCTM() ?? undefined);
    return { x: screen.x, y: screen.y };
  });
  await designer.page.mouse.click(middle.x, middle.y, { button: 'right' });
  expect(await menuItemNames(designer, 'Connection')).toEqual(['Delete the selection', 'Zoom to selection']);
  await menu(designer, 'Connection').getByRole('menuitem', { name: 'Delete the selection' }).click();
  await expect(designer.edges).toHaveCount(0);

  // A host.
  const host = designer.canvas.getByRole('group', { name: 'Host: wfm-app01', exact: true });
  await host.click({ button: 'right', position: { x: 60, y: 14 } });
  expect(await menuItemNames(designer, 'Host')).toEqual(['Delete the selection', 'Zoom to selection']);
  await menu(designer, 'Host').getByRole('menuitem', { name: 'Zoom to selection' }).click();
  await expect(designer.status()).toHaveText('Zoomed to the selection.');
  await expect.poll(() => inView(designer, host)).toBe(true);

  // The empty canvas: paste is disabled (nothing copied), Select all runs.
  await designer.fitView();
  await designer.canvas.click({ button: 'right', position: { x: 12, y: 12 } });
  const canvasMenu = menu(designer, 'Canvas');
  expect((await menuItemNames(designer, 'Canvas')).slice(0, 6)).toEqual([
    'Paste the copied components',
    'Select all',
    'Undo',
    'Redo',
    'Find',
    'Tidy up',
  ]);
  await expect(canvasMenu.getByRole('menuitem', { name: 'Paste the copied components' })).toBeDisabled();
  await canvasMenu.getByRole('menuitem', { name: 'Select all' }).click();
  for (const node of builders(designer)) await expect(node).toHaveClass(/selected/);
});

test('the keyboard opens the context menu with Shift+F10 or the ContextMenu key; Escape gives focus back', async ({
  designer,
}) => {
  await open(designer);
  const b2 = designer.node('WFM Builder', 'Pool_B2');
  await b2.focus();
  await designer.page.keyboard.press('Shift+F10');
  const component = menu(designer, 'Component');
  await expect(component).toBeVisible();
  await expect(b2).toHaveClass(/selected/);
  await expect(component.getByRole('menuitem').first()).toBeFocused();
  await designer.page.keyboard.press('Escape');
  await expect(component).toHaveCount(0);
  await expect(b2).toBeFocused();
  await expect(b2).toHaveClass(/selected/);

  // ContextMenu key, the arrows, Enter: Duplicate is the third item.
  await designer.page.keyboard.press('ContextMenu');
  await expect(component).toBeVisible();
  await designer.page.keyboard.press('ArrowDown');
  await designer.page.keyboard.press('ArrowDown');
  await expect(component.getByRole('menuitem', { name: 'Duplicate the selected components' })).toBeFocused();
  await designer.page.keyboard.press('Enter');
  await expect(component).toHaveCount(0);
  await expect(designer.nodes()).toHaveCount(6);

  // With no card focused, the canvas's menu; ArrowUp wraps to its last enabled item.
  await designer.page.evaluate(() => (window.document.activeElement as HTMLElement | null)?.blur());
  await designer.page.keyboard.press('Shift+F10');
  const canvasMenu = menu(designer, 'Canvas');
  await expect(canvasMenu).toBeVisible();
  await expect(canvasMenu.getByRole('menuitem', { name: 'Paste the copied components' })).toBeDisabled();
  await expect(canvasMenu.getByRole('menuitem', { name: 'Select all' })).toBeFocused();
  await designer.page.keyboard.press('Enter');
  for (const node of builders(designer)) await expect(node).toHaveClass(/selected/);
});

test('the keyboard opens the context menu of a connection and of a host, and runs their commands', async ({
  designer,
}) => {
  await open(designer);
  const edge = designer.canvas.getByRole('group', {
    name: "Connection WFM Builder 'Pool_B1' to WFM Server 'WFM_Server_1'",
    exact: true,
  });
  await edge.focus();
  await designer.page.keyboard.press('Shift+F10');
  const connection = menu(designer, 'Connection');
  await expect(connection.getByRole('menuitem', { name: 'Delete the selection' })).toBeFocused();
  await designer.page.keyboard.press('Enter');
  await expect(designer.edges).toHaveCount(0);

  const host = designer.canvas.getByRole('group', { name: 'Host: wfm-app01', exact: true });
  await panAwayFrom(designer, host);
  await host.focus();
  await designer.page.keyboard.press('ContextMenu');
  const hostMenu = menu(designer, 'Host');
  await expect(hostMenu).toBeVisible();
  await designer.page.keyboard.press('End');
  await expect(hostMenu.getByRole('menuitem', { name: 'Zoom to selection' })).toBeFocused();
  await designer.page.keyboard.press('Enter');
  await expect(designer.status()).toHaveText('Zoomed to the selection.');
  await expect.poll(() => inView(designer, host)).toBe(true);

  // The toolbar's Arrange menu by keyboard: Ctrl+A, Tab to it, Enter, the arrows.
  await designer.page.keyboard.press('Control+a');
  const arrange = designer.page
    .getByRole('toolbar', { name: 'Diagram' })
    .getByRole('button', { name: 'Arrange' });
  await arrange.focus();
  await designer.page.keyboard.press('Enter');
  await expect(menu(designer, 'Arrange').getByRole('menuitem', { name: 'Align left' })).toBeFocused();
  await designer.page.keyboard.press('ArrowDown');
  await expect(menu(designer, 'Arrange').getByRole('menuitem', { name: 'Align centre' })).toBeFocused();
  await designer.page.keyboard.press('Escape');
  await expect(menu(designer, 'Arrange')).toHaveCount(0);
  await expect(arrange).toBeFocused();
});

test('a context menu opened near the window’s corner stays inside the window', async ({ designer }) => {
  await open(designer);
  const canvas = await designer.canvas.boundingBox();
  if (!canvas) throw new Error('no canvas');
  // Just above the overview map, at the canvas's right edge.
  await designer.page.mouse.click(canvas.x + canvas.width - 4, canvas.y + canvas.height - 170, {
    button: 'right',
  });
  const box = await menu(designer, 'Canvas').boundingBox();
  const viewport = designer.page.viewportSize();
  if (!box || !viewport) throw new Error('no menu');
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x).toBeGreaterThanOrEqual(0);
  await designer.page.mouse.click(canvas.x + 12, canvas.y + 12);
  await expect(menu(designer, 'Canvas')).toHaveCount(0);
});
