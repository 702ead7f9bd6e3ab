import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { LEGACY_SLOT_KEYS } from '../src/app/library/legacy';
import { serializeDocument, type TopologyDocument } from '../src/document';

/** The one-slot save of earlier versions: the app moves it into its library at start-up. */
const [SLOT_KEY] = LEGACY_SLOT_KEYS;
/** A desktop window: at the canvas's smallest zoom the whole M document fits its canvas. */
export const VIEWPORT = { width: 1920, height: 1080 } as const;

/** Where `bench/run.ts` serves the production build. */
export const BASE_URL = process.env.BENCH_URL ?? 'http://127.0.0.1:4300';

/** Debian's Chromium where it exists, else Playwright's own; `exposeGc` for the heap scenario. */
export function launchBrowser(options: { exposeGc?: boolean } = {}): Promise<Browser> {
  const args = options.exposeGc ? [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] : [...CHROMIUM_ARGS];
  const executablePath = systemChromium();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * A fresh context (no cache, no storage) with `document` in the app's storage slot, as if the user
 * had left it open; the page is not loaded yet.
 */
export async function openSession(
  browser: Browser,
  document: TopologyDocument | null,
  options: { acceptDownloads?: boolean } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: VIEWPORT,
    acceptDownloads: options.acceptDownloads ?? false,
  });
  // tsx keeps function names with an `__name` helper that page functions then call: define it.
  await context.addInitScript('globalThis.__name ??= (target) => target;');
  if (document) {
    const text = serializeDocument(document, { includeValidation: false });
    await context.addInitScript(
      ([key, value]) => {
        // Only on the first load of the context: a reload must read what the app saved.
        if (window.sessionStorage.getItem('bench-seeded')) return;
        window.sessionStorage.setItem('bench-seeded', '1');
        window.localStorage.clear();
        window.localStorage.setItem(key, value);
      },
      [SLOT_KEY, text] as const,
    );
  }
  const page = await context.newPage();
  return { context, page };
}

/** Waits until the canvas shows `count` cards (or at least one, when `count` is undefined), measured and painted. */
export async function waitForCanvas(page: Page, count?: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const nodes = window.document.querySelectorAll<HTMLElement>('.react-flow__node');
      if (nodes.length === 0 || (expected !== null && nodes.length < expected)) return false;
      return [...nodes].every((node) => node.style.visibility !== 'hidden');
    },
    count ?? null,
    { timeout: 120_000, polling: 100 },
  );
  await settle(page);
}

/** Two animation frames and an idle moment: layout, fit-view and the first paints are done. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (typeof window.requestIdleCallback === 'function') {
              window.requestIdleCallback(() => resolve(), { timeout: 2000 });
            } else {
              setTimeout(resolve, 50);
            }
          }),
        );
      }),
  );
}

/** The canvas viewport's transform: pan in screen pixels and zoom. */
export async function viewportTransform(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(() => {
    const viewport = window.document.querySelector<HTMLElement>('.react-flow__viewport');
    const match = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(
      viewport?.style.transform ?? '',
    );
    if (!match) throw new Error(`no viewport transform: ${viewport?.style.transform ?? 'no viewport'}`);
    return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
  });
}

/** Starts recording animation-frame timestamps in the page. */
export async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const recorder = { times: [] as number[], running: true };
    Object.assign(window, { __benchFrames: recorder });
    const loop = (time: number) => {
      recorder.times.push(time);
      if (recorder.running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** Stops the recorder and returns the intervals between consecutive frames, in milliseconds. */
export async function stopFrameRecorder(page: Page): Promise<number[]> {
  const times = await page.evaluate(() => {
    const recorder = (window as unknown as { __benchFrames?: { times: number[]; running: boolean } })
      .__benchFrames;
    if (!recorder) throw new Error('the frame recorder was not started');
    recorder.running = false;
    return recorder.times;
  });
  const intervals: number[] = [];
  for (let i = 1; i < times.length; i += 1) intervals.push((times[i] ?? 0) - (times[i - 1] ?? 0));
  return intervals;
}
