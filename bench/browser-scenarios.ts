import { statSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { serializeDocument } from '../src/document';
import { launchBrowser, openSession, settle, waitForCanvas } from './browser';
import { type GenerateOptions, generateDocument, SIZES } from './generate';
import { NoEffectError } from './no-effect';

// The timed scenarios: import, export, edit to badge, cold load and the heap. The frame-rate ones
// are in frame-scenarios.ts.

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
      // Connections are elements of their own, or paths of the one layer of a large diagram seen from afar.
      const edges =
        window.document.querySelectorAll('.react-flow__edge').length +
        window.document.querySelectorAll('.edge-layer__lines').length;
      if (nodes.length === 0 || edges === 0) return null;
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
export async function editToBadgeM(browser: Browser, options: GenerateOptions = {}): Promise<number> {
  const { document, cleanSites } = generateDocument(SIZES.M, undefined, options);
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
