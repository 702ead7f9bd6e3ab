import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { z } from 'zod';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { LEGACY_SLOT_KEYS } from '../src/app/library/legacy';
import { DATABASE_NAME as LIBRARY_DATABASE, STORES } from '../src/app/library/library';
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

/** What `browser.newContext({ storageState })` restores: cookies, local storage and IndexedDB. */
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const snapshotSchema = z.object({
  origins: z.array(
    z.object({
      indexedDB: z
        .array(
          z.object({
            name: z.string(),
            stores: z.array(z.object({ name: z.string(), records: z.array(z.unknown()) })),
          }),
        )
        .optional(),
    }),
  ),
});

/** The library the designer itself wrote for a document, by the document's text. */
const seeded = new Map<string, Promise<StorageState>>();

/**
 * The browser storage of a user who saved `text` in the designer, as the designer wrote it: a
 * context puts the document in the one-slot save of earlier versions, the app moves it into its
 * IndexedDB library at start-up (src/app/library/legacy.ts), and the library is snapshotted.
 * Restored into a fresh context, it makes each measured load the real "open the saved document"
 * path: no migration, no init script racing the app's own reads (docs/performance.md).
 */
async function seededStorage(browser: Browser, text: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: VIEWPORT });
  try {
    await context.addInitScript(
      ([key, value]) => {
        if (window.sessionStorage.getItem('bench-seeded')) return;
        window.sessionStorage.setItem('bench-seeded', '1');
        window.localStorage.setItem(key, value);
      },
      [SLOT_KEY, text] as const,
    );
    const page = await context.newPage();
    await page.goto('/');
    // The app renders once its library is open and the save has moved in.
    await page.locator('.app').waitFor({ timeout: 120_000 });
    const moved = await page.evaluate((key) => window.localStorage.getItem(key) === null, SLOT_KEY);
    if (!moved) throw new Error('the designer did not move the seeded document into its library');
    const state = await context.storageState({ indexedDB: true });
    // Playwright's types leave out the IndexedDB part of the snapshot: read it through a schema.
    const snapshot = snapshotSchema.safeParse(state);
    const library = (snapshot.data?.origins ?? [])
      .flatMap((origin) => origin.indexedDB ?? [])
      .find((database) => database.name === LIBRARY_DATABASE);
    const entries = library?.stores.find((store) => store.name === STORES.entries)?.records.length ?? 0;
    if (entries !== 1) throw new Error(`the seeded library holds ${entries} documents, not 1`);
    return state;
  } finally {
    await context.close();
  }
}

/**
 * A fresh context (no cache) whose browser storage holds `document` in the designer's library,
 * saved as if the user had left it there; the page is not loaded yet. Without a document, the
 * storage is empty too.
 */
export async function openSession(
  browser: Browser,
  document: TopologyDocument | null,
  options: { acceptDownloads?: boolean } = {},
): Promise<Session> {
  let storageState: StorageState | undefined;
  if (document) {
    const text = serializeDocument(document, { includeValidation: false });
    let state = seeded.get(text);
    if (!state) {
      state = seededStorage(browser, text);
      seeded.set(text, state);
      state.catch(() => seeded.delete(text));
    }
    storageState = await state;
  }
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: VIEWPORT,
    acceptDownloads: options.acceptDownloads ?? false,
    ...(storageState ? { storageState } : {}),
  });
  // tsx keeps function names with an `__name` helper that page functions then call: define it.
  await context.addInitScript('globalThis.__name ??= (target) => target;');
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
