import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { encodeShareFragment } from '../src/app/share-link';
import { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';
import { TEMPLATE_TITLES } from './template-titles';

// Issue 14, item 5: a document opens fitted to the part of the canvas the user sees, clear of the
// overview map and the zoom controls, and at a readable zoom whenever it fits at one (decision 025).

/** The zoom from which a card's text reads (src/canvas/fit.ts, READABLE_ZOOM), kept apart here. */
const READABLE_ZOOM = 0.6;
/** The margin the fit keeps around the diagram (FIT_OPTIONS.padding) and off an overlay. */
const PADDING = 32;
const CLEARANCE = 8;

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface View {
  readonly zoom: number;
  readonly pane: Box;
  readonly minimap: Box;
  readonly controls: Box;
  readonly sidePanel: Box | null;
  /** Every node: component cards, hosts, zones and notes, by accessible name. */
  readonly nodes: readonly (Box & { readonly name: string; readonly card: boolean })[];
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;

/** Waits until the viewport's transform has not changed for 300 ms, then reads the view. */
async function settledView(page: Page): Promise<View> {
  await page.evaluate(async () => {
    const viewport = window.document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    const start = performance.now();
    let last = viewport.style.transform;
    let stableSince = start;
    while (performance.now() - stableSince < 300 && performance.now() - start < 5000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (viewport.style.transform !== last) {
        last = viewport.style.transform;
        stableSince = performance.now();
      }
    }
  });
  return page.evaluate(() => {
    const box = (element: Element | null) => {
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    };
    const must = (selector: string) => {
      const found = box(window.document.querySelector(selector));
      if (!found) throw new Error(`no ${selector}`);
      return found;
    };
    const transform =
      window.document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    return {
      zoom: Number(/scale\(([-\d.e]+)\)/.exec(transform)?.[1] ?? Number.NaN),
      pane: must('.react-flow'),
      minimap: must('.react-flow__minimap'),
      controls: must('.react-flow__controls'),
      sidePanel: box(window.document.querySelector('.side-panel')),
      nodes: [...window.document.querySelectorAll('.react-flow__node')].map((node) => {
        const r = node.getBoundingClientRect();
        return {
          x: r.left,
          y: r.top,
          width: r.width,
          height: r.height,
          name: node.getAttribute('aria-label') ?? node.getAttribute('data-id') ?? '',
          card: node.classList.contains('react-flow__node-component'),
        };
      }),
    };
  });
}

/** The part of the pane not under a side panel. */
function visibleArea(view: View): Box {
  const { pane, sidePanel } = view;
  if (!sidePanel || !overlaps(pane, sidePanel)) return pane;
  return { ...pane, width: sidePanel.x - pane.x };
}

/** Every node is whole in the visible area, and none lies under the minimap or the zoom controls. */
function expectClearOfOverlays(view: View, what: string): void {
  const area = visibleArea(view);
  expect(view.nodes.length, `${what}: the diagram has nodes`).toBeGreaterThan(0);
  for (const node of view.nodes) {
    expect(inside(node, area), `${what}: ${node.name} is inside the visible canvas`).toBe(true);
    expect(overlaps(node, view.minimap), `${what}: ${node.name} is clear of the minimap`).toBe(false);
    expect(overlaps(node, view.controls), `${what}: ${node.name} is clear of the zoom controls`).toBe(false);
  }
}

/**
 * True when the diagram, drawn at READABLE_ZOOM with the fit's margin, fits the visible area above
 * both overlays, or between them at full height: then the fit must be at least that large.
 */
function fitsAtReadableZoom(view: View): boolean {
  const area = visibleArea(view);
  const left = Math.min(...view.nodes.map((n) => n.x));
  const top = Math.min(...view.nodes.map((n) => n.y));
  const right = Math.max(...view.nodes.map((n) => n.x + n.width));
  const bottom = Math.max(...view.nodes.map((n) => n.y + n.height));
  const width = ((right - left) / view.zoom) * READABLE_ZOOM + PADDING * 2;
  const height = ((bottom - top) / view.zoom) * READABLE_ZOOM + PADDING * 2;
  const aboveBoth = Math.min(view.minimap.y, view.controls.y) - CLEARANCE - area.y;
  const between = view.minimap.x - CLEARANCE - (view.controls.x + view.controls.width + CLEARANCE);
  return (width <= area.width && height <= aboveBoth) || (width <= between && height <= area.height);
}

async function loadTemplate(page: Page, title: string, { replacing = false } = {}): Promise<void> {
  await page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await dialog.getByRole('button', { name: title, exact: true }).click();
  // Over a canvas that shows something, the template asks first (issue 15).
  if (replacing) {
    await page
      .getByRole('dialog', { name: `Open the template “${title}”?` })
      .getByRole('button', { name: 'Open template' })
      .click();
  }
  await expect(dialog).toBeHidden();
}

for (const screen of SCREENS) {
  test.describe(`at ${screen.width}×${screen.height}`, () => {
    test.use({ viewport: screen });

    for (const title of TEMPLATE_TITLES) {
      test(`"${title}" opens with every card in view, clear of the minimap, and readable when it fits`, async ({
        designer,
        page,
      }) => {
        await loadTemplate(page, title);
        await expect(designer.nodes().first()).toBeVisible();
        const view = await settledView(page);
        expectClearOfOverlays(view, title);
        expect(view.zoom).toBeLessThanOrEqual(1.2);
        if (fitsAtReadableZoom(view)) expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-3);
        test.info().annotations.push({
          type: 'zoom',
          description: `${title}: ${Math.round(view.zoom * 100)} %${fitsAtReadableZoom(view) ? ' (fits readable)' : ''}`,
        });
      });
    }
  });
}

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the templates that fit at a readable zoom on a full-HD screen open at one', async ({
    designer,
    page,
  }) => {
    await loadTemplate(page, 'Minimal single site');
    await expect(designer.nodes().first()).toBeVisible();
    const view = await settledView(page);
    // Not left to the check above: the smallest template must be one that fits.
    expect(fitsAtReadableZoom(view)).toBe(true);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  test('a file imported with the Import button opens fitted clear of the overlays', async ({
    designer,
    page,
  }) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(join(process.cwd(), 'examples', 'highly-available.wfm.json'));
    await expect(designer.status()).toContainText('Opened');
    expectClearOfOverlays(await settledView(page), 'imported file');
  });

  test('a file dropped on the canvas opens fitted clear of the overlays', async ({ designer, page }) => {
    const text = readFileSync(join(process.cwd(), 'examples', 'single-site.wfm.json'), 'utf8');
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'single-site.wfm.json', { type: 'application/json' }));
      const canvas = window.document.querySelector('.canvas');
      if (!canvas) throw new Error('no canvas');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        canvas.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    }, text);
    await expect(designer.status()).toContainText('Opened');
    const view = await settledView(page);
    expectClearOfOverlays(view, 'dropped file');
    if (fitsAtReadableZoom(view)) expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-3);
  });

  test('a share link opens fitted clear of the overlays', async ({ page }) => {
    const text = readFileSync(join(process.cwd(), 'src', 'templates', 'management-layer.wfm.json'), 'utf8');
    await page.goto('about:blank');
    await page.goto(`/${await encodeShareFragment(text)}`);
    const designer = new DesignerPage(page);
    await expect(designer.status()).toContainText('Opened');
    await expect(designer.nodes().first()).toBeVisible();
    const view = await settledView(page);
    expectClearOfOverlays(view, 'share link');
    if (fitsAtReadableZoom(view)) expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-3);
  });

  test('a document opened from Open recent is fitted again, whatever the view was', async ({
    designer,
    page,
  }) => {
    await loadTemplate(page, 'Builder pool');
    await expect(designer.nodes().first()).toBeVisible();
    await loadTemplate(page, 'Minimal single site', { replacing: true });
    await expect(designer.nodes().first()).toBeVisible();
    // Far out and aside: the fit on opening must not keep this.
    for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Zoom Out' }).click();
    const dialog = await designer.openRecent();
    await designer.recentDocument('Builder pool').click();
    await expect(dialog).toBeHidden();
    await expect(designer.documentName()).toHaveValue('Builder pool');
    const view = await settledView(page);
    expectClearOfOverlays(view, 'Open recent');
    if (fitsAtReadableZoom(view)) expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-3);
  });

  test('with the Explain panel open, a template opens in the part of the canvas beside it', async ({
    designer,
    page,
  }) => {
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await expect(page.locator('.side-panel')).toBeVisible();
    await loadTemplate(page, 'Single site with Management Layer');
    await expect(designer.nodes().first()).toBeVisible();
    const view = await settledView(page);
    expect(view.sidePanel, 'the Explain panel is still open').not.toBeNull();
    expectClearOfOverlays(view, 'beside the Explain panel');
    for (const node of view.nodes) {
      expect(overlaps(node, view.sidePanel as Box), `${node.name} is clear of the side panel`).toBe(false);
    }
  });

  test('a reload reopens the document fitted clear of the overlays', async ({ designer, page }) => {
    await loadTemplate(page, 'Multi-site with several WFM Servers');
    await expect(designer.nodes().first()).toBeVisible();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.reload();
    await expect(designer.documentName()).toHaveValue('Multi-site with several WFM Servers');
    await expect(designer.nodes().first()).toBeVisible();
    const view = await settledView(page);
    expectClearOfOverlays(view, 'reload');
    if (fitsAtReadableZoom(view)) expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-3);
  });

  test('the zoom controls keep their buttons, names and order, and the lock still locks', async ({
    designer,
  }) => {
    await designer.addFromPalette('WFM Server');
    const controls = designer.canvas.locator('.react-flow__controls');
    await expect(controls).toHaveAttribute('aria-label', 'Zoom controls');
    const names = await controls
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    expect(names).toEqual(['Zoom In', 'Zoom Out', 'Fit View', 'Toggle Interactivity']);
    const lock = controls.getByRole('button', { name: 'Toggle Interactivity' });
    // As React Flow's own lock: nothing can be selected (React Flow 12 reads dragging from its prop).
    await expect(designer.canvas.locator('.react-flow__node.selectable')).toHaveCount(1);
    await lock.click();
    await expect(designer.canvas.locator('.react-flow__node.selectable')).toHaveCount(0);
    await lock.click();
    await expect(designer.canvas.locator('.react-flow__node.selectable')).toHaveCount(1);
  });

  test('"Fit View" brings a panned diagram back, clear of the overlays', async ({ designer, page }) => {
    await loadTemplate(page, 'Highly available site');
    await expect(designer.nodes().first()).toBeVisible();
    const before = await settledView(page);
    for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Zoom In' }).click();
    await designer.fitView();
    const after = await settledView(page);
    expectClearOfOverlays(after, 'Fit View');
    expect(after.zoom).toBeCloseTo(before.zoom, 3);
  });
});
