import { statSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { serializeDocument } from '../src/document';
import {
  launchBrowser,
  openSession,
  settle,
  startFrameRecorder,
  stopFrameRecorder,
  viewportTransform,
  waitForCanvas,
} from './browser';
import { generateDocument, SIZES, type SizeName } from './generate';
import { quantile } from './stats';

/** A scenario whose interaction did not take effect: it fails instead of reporting a perfect figure. */
export class NoEffectError extends Error {}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new NoEffectError(`${selector} is not visible`);
  return found;
}

/**
 * Moves the held mouse along a path of `steps` points from `from` by `delta`, out and half-way
 * back, one move every 8 ms like a 125 Hz mouse. The moves are sent without waiting for each to
 * be handled, so a slow frame finds input waiting, as it would with a real mouse.
 */
async function sweep(
  page: Page,
  from: { x: number; y: number },
  delta: { x: number; y: number },
  steps: number,
): Promise<{ x: number; y: number }> {
  const cdp = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  let at = from;
  for (let step = 1; step <= steps; step += 1) {
    // Out for two thirds of the gesture, back for one third: the end point is `delta / 2` away.
    const t = step / steps;
    const along = t < 2 / 3 ? t * 1.5 : 1 - (t - 2 / 3) * 1.5;
    at = { x: from.x + delta.x * along, y: from.y + delta.y * along };
    sent.push(
      cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseMoved',
        x: at.x,
        y: at.y,
        button: 'left',
        buttons: 1,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 8));
  }
  await Promise.all(sent);
  await cdp.detach();
  // Playwright's own idea of the pointer follows, so the release happens where the gesture ended.
  await page.mouse.move(at.x, at.y);
  return at;
}

export type FrameFigures = {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly frames: number;
};

function frameFigures(intervals: readonly number[]): FrameFigures {
  if (intervals.length < 5) throw new NoEffectError(`only ${intervals.length} frames were drawn`);
  return { p50Ms: quantile(intervals, 0.5), p95Ms: quantile(intervals, 0.95), frames: intervals.length };
}

/**
 * Drags one card across the canvas the way a user does (hover, press, 90 moves, release) while the
 * page records its frame intervals. Fails when the card did not move.
 */
async function dragOnce(browser: Browser, size: SizeName, expectAllVisible: boolean): Promise<FrameFigures> {
  const { document, cleanSites } = generateDocument(SIZES[size]);
  const { context, page } = await openSession(browser, document);
  try {
    await page.goto('/');
    await waitForCanvas(page, expectAllVisible ? document.components.length : undefined);
    const rendered = await page.locator('.react-flow__node').count();
    if (expectAllVisible && rendered !== document.components.length) {
      throw new NoEffectError(`only ${rendered} of ${document.components.length} cards are on screen`);
    }
    // A server near the middle of the diagram, so the whole gesture stays on the canvas.
    const site = cleanSites[Math.floor(cleanSites.length / 2)] ?? 0;
    const selector = `.react-flow__node[data-id="srv-${site}"]`;
    const before = await box(page, selector);
    const grab = { x: before.x + Math.min(12, before.width / 3), y: before.y + before.height / 2 };
    const delta = { x: 240, y: 160 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x + 4, grab.y + 4, { steps: 2 });
    await startFrameRecorder(page);
    await sweep(page, { x: grab.x + 4, y: grab.y + 4 }, delta, 180);
    const intervals = await stopFrameRecorder(page);
    await page.mouse.up();
    await settle(page);
    const after = await box(page, selector);
    const moved = Math.hypot(after.x - before.x, after.y - before.y);
    if (moved < 40) throw new NoEffectError(`the card moved ${moved.toFixed(1)} px, not about 144 px`);
    return frameFigures(intervals);
  } finally {
    await context.close();
  }
}

export function dragS(browser: Browser): Promise<FrameFigures> {
  return dragOnce(browser, 'S', true);
}

export function dragMWholeDiagram(browser: Browser): Promise<FrameFigures> {
  return dragOnce(browser, 'M', true);
}

/** A point on the empty pane of the canvas, away from cards, the mini map and the controls. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = window.document.querySelector('.react-flow');
    const rect = pane?.getBoundingClientRect();
    if (!rect) return null;
    for (let fy = 0.3; fy <= 0.7; fy += 0.02) {
      for (let fx = 0.3; fx <= 0.7; fx += 0.02) {
        const x = rect.left + rect.width * fx;
        const y = rect.top + rect.height * fy;
        const hit = window.document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new NoEffectError('no empty spot of the canvas to pan from');
  return point;
}

/** Pans the L document, zoomed in to at least 0.5, by dragging the empty pane. Fails when the view did not move. */
export async function panL(browser: Browser): Promise<FrameFigures & { zoom: number }> {
  const { document } = generateDocument(SIZES.L);
  const { context, page } = await openSession(browser, document);
  try {
    await page.goto('/');
    await waitForCanvas(page);
    const zoomIn = page.getByRole('button', { name: 'Zoom In' });
    for (let click = 0; click < 20 && (await viewportTransform(page)).zoom < 0.5; click += 1) {
      await zoomIn.click();
    }
    await settle(page);
    const before = await viewportTransform(page);
    if (before.zoom < 0.5) throw new NoEffectError(`the view zoomed to ${before.zoom}, not 0.5`);
    const start = await emptyPanePoint(page);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 4, start.y - 4, { steps: 2 });
    await startFrameRecorder(page);
    await sweep(page, { x: start.x - 4, y: start.y - 4 }, { x: -600, y: -300 }, 180);
    const intervals = await stopFrameRecorder(page);
    await page.mouse.up();
    await settle(page);
    const after = await viewportTransform(page);
    const panned = Math.hypot(after.x - before.x, after.y - before.y);
    if (panned < 100) throw new NoEffectError(`the view panned ${panned.toFixed(1)} px, not about 335 px`);
    return { ...frameFigures(intervals), zoom: before.zoom };
  } finally {
    await context.close();
  }
}

/** Time from a "change" of the file input to the frame that shows the imported cards and connections. */
async function importViaChooser(
  page: Page,
  name: string,
  text: string,
  expectedName: string,
): Promise<number> {
  await page.evaluate(() => {
    const state = window as unknown as { __benchImportStart?: number };
    delete state.__benchImportStart;
    window.document.addEventListener(
      'change',
      () => {
        state.__benchImportStart = performance.now();
      },
      { capture: true, once: true },
    );
  });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import', exact: true }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const handle = await page.waitForFunction(
    (title) => {
      const state = window as unknown as { __benchImportStart?: number; __benchPainted?: number };
      const status = window.document.querySelector('[role="status"]')?.textContent ?? '';
      if (state.__benchImportStart === undefined || !status.includes(title)) return null;
      const nodes = window.document.querySelectorAll<HTMLElement>('.react-flow__node');
      const edges = window.document.querySelectorAll('.react-flow__edge');
      if (nodes.length === 0 || edges.length === 0) return null;
      if (![...nodes].every((node) => node.style.visibility !== 'hidden')) return null;
      // This check runs in an animation frame: the cards are in the frame being drawn now.
      return performance.now() - state.__benchImportStart;
    },
    expectedName,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = await handle.jsonValue();
  if (typeof ms !== 'number') throw new NoEffectError('the import did not paint');
  return ms;
}

/** Imports the XL file through the Import button; the time until its cards are painted. */
export async function importXl(browser: Browser): Promise<{ ms: number; cards: number }> {
  const { document } = generateDocument(SIZES.XL);
  const text = serializeDocument(document);
  const { context, page } = await openSession(browser, null);
  try {
    await page.goto('/');
    await page.locator('.react-flow').waitFor();
    await settle(page);
    const ms = await importViaChooser(page, 'xl.wfm.json', text, document.name ?? '');
    await settle(page);
    const cards = await page.locator('.react-flow__node').count();
    return { ms, cards };
  } finally {
    await context.close();
  }
}

/** Exports M as SVG and PNG through the Export menu; the writers' User Timing and the files' sizes. */
export async function exportM(browser: Browser): Promise<{
  svgMs: number;
  svgToDownloadMs: number;
  svgBytes: number;
  pngMs: number;
  pngDecodeMs: number;
  pngDrawMs: number;
  pngEncodeMs: number;
}> {
  const { document } = generateDocument(SIZES.M);
  const { context, page } = await openSession(browser, document, { acceptDownloads: true });
  try {
    await page.goto('/');
    await waitForCanvas(page);
    const exportAs = async (label: string): Promise<string> => {
      await page.getByRole('button', { name: 'Export ▾' }).click();
      // The menu starts loading the writers; give them the moment a user takes to pick a format.
      await page.waitForLoadState('networkidle');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('menuitem', { name: label }).click(),
      ]);
      const path = await download.path();
      return path;
    };
    const svgPath = await exportAs('Export SVG');
    const pngPath = await exportAs('Export PNG');
    const measures = await page.evaluate(() => {
      const duration = (name: string) => performance.getEntriesByName(name, 'measure')[0]?.duration;
      return {
        svgWrite: duration('wfm:export-svg:write'),
        svg: duration('wfm:export-svg'),
        png: duration('wfm:export-png'),
        marks: Object.fromEntries(
          performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('wfm:'))
            .map((m) => [m.name, Math.round(m.startTime)]),
        ),
      };
    });
    if (measures.svgWrite === undefined || measures.svg === undefined || measures.png === undefined) {
      throw new NoEffectError('the export did not run (no wfm:export-* measure)');
    }
    const svgBytes = statSync(svgPath).size;
    if (statSync(pngPath).size < 1000) throw new NoEffectError('the PNG is empty');
    // The PNG's steps (src/app/png-export.ts), to see where its time goes.
    const at = (name: string) => measures.marks[`wfm:png:${name}`] ?? Number.NaN;
    const pngStart = measures.marks['wfm:export-png:start'] ?? Number.NaN;
    return {
      svgMs: measures.svgWrite,
      svgToDownloadMs: measures.svg,
      svgBytes,
      pngMs: measures.png,
      pngDecodeMs: at('decoded') - pngStart,
      pngDrawMs: at('drawn') - at('decoded'),
      pngEncodeMs: at('encoded') - at('drawn'),
    };
  } finally {
    await context.close();
  }
}

/**
 * Selects a DAP on the M canvas and presses Delete; the time from the key press to the painted
 * frame that shows the error badge on the WFM Server that lost its DAP.
 */
export async function editToBadgeM(browser: Browser): Promise<number> {
  const { document, cleanSites } = generateDocument(SIZES.M);
  const { context, page } = await openSession(browser, document);
  try {
    await page.goto('/');
    await waitForCanvas(page);
    const site = cleanSites[Math.floor(cleanSites.length / 3)] ?? 0;
    const server = `.react-flow__node[data-id="srv-${site}"]`;
    if ((await page.locator(`${server} .component-card__badge`).count()) > 0) {
      throw new NoEffectError(`srv-${site} has a problem badge before the edit`);
    }
    await page.locator(`.react-flow__node[data-id="dap-${site}"]`).click();
    await settle(page);
    await page.evaluate((selector) => {
      const state = window as unknown as { __benchBadge?: Promise<number> };
      state.__benchBadge = new Promise<number>((resolve) => {
        let pressedAt = 0;
        window.addEventListener(
          'keydown',
          (event) => {
            pressedAt = event.timeStamp;
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          if (!pressedAt || !window.document.querySelector(`${selector} .component-card__badge`)) return;
          observer.disconnect();
          // After the next frame is drawn: the badge is on screen.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - pressedAt), 0));
        });
        observer.observe(window.document.body, { subtree: true, childList: true });
      });
    }, server);
    await page.keyboard.press('Delete');
    const ms = await page.evaluate(() => {
      const state = window as unknown as { __benchBadge?: Promise<number> };
      return Promise.race([
        state.__benchBadge ?? Promise.resolve(-1),
        new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000)),
      ]);
    });
    if (ms < 0) throw new NoEffectError('no problem badge appeared after the delete');
    return ms;
  } finally {
    await context.close();
  }
}

/** Loads S with the CPU slowed four times; the Largest Contentful Paint. */
export async function coldLoadS(browser: Browser): Promise<{ lcpMs: number; element: string }> {
  const { document } = generateDocument(SIZES.S);
  const { context, page } = await openSession(browser, document);
  try {
    await context.addInitScript(() => {
      new PerformanceObserver((list) => {
        const last = list.getEntries().at(-1) as
          | (PerformanceEntry & { element?: Element | null })
          | undefined;
        if (!last) return;
        Object.assign(window, {
          __benchLcp: {
            startTime: last.startTime,
            element: last.element ? `${last.element.tagName.toLowerCase()}.${last.element.className}` : '',
          },
        });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto('/');
    await waitForCanvas(page, document.components.length);
    const lcp = await page.evaluate(
      () => (window as unknown as { __benchLcp?: { startTime: number; element: string } }).__benchLcp,
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (!lcp) throw new NoEffectError('no largest-contentful-paint entry');
    return { lcpMs: lcp.startTime, element: lcp.element };
  } finally {
    await context.close();
  }
}

/**
 * Imports M and clears it (New) ten times after two warm-up rounds; the JavaScript heap after a
 * full garbage collection, before and after. Undo keeps the last three replaced documents, so the
 * history is part of what is measured, but bounded.
 */
export async function importClearHeap(): Promise<{
  baselineMb: number;
  afterMb: number;
  growthPercent: number;
}> {
  const browser = await launchBrowser({ exposeGc: true });
  try {
    const { document } = generateDocument(SIZES.M);
    const text = serializeDocument(document);
    const { context, page } = await openSession(browser, null);
    try {
      const cdp = await context.newCDPSession(page);
      const heap = async (): Promise<number> => {
        for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
        const usage = await cdp.send('Runtime.getHeapUsage');
        return usage.usedSize / 1e6;
      };
      await page.goto('/');
      await page.locator('.react-flow').waitFor();
      const round = async () => {
        await importViaChooser(page, 'm.wfm.json', text, document.name ?? '');
        await page.getByRole('button', { name: 'New', exact: true }).click();
        await page.waitForFunction(() => window.document.querySelectorAll('.react-flow__node').length === 0);
        await settle(page);
      };
      // Two warm-up rounds fill Undo's limit of whole-document replacements (src/store/history.ts),
      // which keeps the last few imported documents on purpose: what grows after that is a leak.
      await round();
      await round();
      await settle(page);
      const baselineMb = await heap();
      for (let i = 0; i < 10; i += 1) await round();
      await settle(page);
      const afterMb = await heap();
      return { baselineMb, afterMb, growthPercent: ((afterMb - baselineMb) / baselineMb) * 100 };
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
