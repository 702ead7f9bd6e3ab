import type { Browser, Page } from '@playwright/test';
import {
  openSession,
  settle,
  startFrameRecorder,
  stopFrameRecorder,
  viewportTransform,
  waitForCanvas,
} from './browser';
import { type GenerateOptions, generateDocument, SIZES, type SizeName } from './generate';
import { box, NoEffectError } from './no-effect';
import { quantile } from './stats';

// The frame-rate scenarios: a card dragged, the view panned, with the page's animation frames recorded.

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
async function dragOnce(
  browser: Browser,
  size: SizeName,
  expectAllVisible: boolean,
  options: GenerateOptions = {},
): Promise<FrameFigures> {
  const { document, cleanSites } = generateDocument(SIZES[size], undefined, options);
  // Hosts and zones are nodes of the canvas too, drawn behind the cards they hold.
  const nodes = document.components.length + (document.hosts?.length ?? 0) + (document.zones?.length ?? 0);
  const { context, page } = await openSession(browser, document);
  try {
    await page.goto('/');
    await waitForCanvas(page, expectAllVisible ? nodes : undefined);
    const rendered = await page.locator('.react-flow__node').count();
    if (expectAllVisible && rendered !== nodes) {
      throw new NoEffectError(`only ${rendered} of ${nodes} nodes are on screen`);
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

/** Issue 13: the same drag with every card on a host and every host in a zone. */
export function dragMHostsAndZones(browser: Browser): Promise<FrameFigures> {
  return dragOnce(browser, 'M', true, { hostsAndZones: true });
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
