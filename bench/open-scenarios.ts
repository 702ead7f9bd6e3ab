import type { Browser, Page } from '@playwright/test';
import { serializeDocument } from '../src/document';
import { BASE_URL, openSession, settle } from './browser';
import type { FloorInput } from './floor/floor';
import { generateDocument } from './generate';
import { NoEffectError } from './no-effect';
import { type FrameState, fittedAndPaintedAt, revealFrames } from './open-frames';

// The open scenarios: a saved document opened in a new tab, from navigation to the fitted diagram
// painted, measured against the floor (STYLE.md principle 19): plain React Flow (bench/floor)
// showing the same document, in a canvas of the same size, fitted the same way (fit.ts), its
// cards the size of the designer's. Runs alternate designer, floor, designer, floor …, each in a
// fresh browser context (no cache), so a slow phase of the machine slows both.

/** Where the bench serves the floor page: beside the designer, in its bench build. */
export const FLOOR_URL = process.env.FLOOR_URL ?? new URL('/floor/', BASE_URL).href;

/**
 * Put in both pages before any of their scripts: the state of the diagram in every animation
 * frame from the start. Both pages are read the same way, so "fitted and painted" means the same.
 */
function recordFrames(): void {
  const frames: FrameState[] = [];
  const recorder = { frames, running: true };
  Object.assign(window, { __benchOpen: recorder });
  const loop = () => {
    const nodes = window.document.querySelectorAll<HTMLElement>('.react-flow__node');
    let visible = 0;
    for (const node of nodes) if (node.style.visibility !== 'hidden') visible += 1;
    frames.push({
      at: performance.now(),
      visible,
      edges: window.document.querySelectorAll('.react-flow__edge').length,
      transform: window.document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
      shell: window.document.querySelector('.app') !== null,
      flow: window.document.querySelector('.react-flow') !== null,
    });
    if (recorder.running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

export interface OpenFigures {
  /** From navigation to the start of the frame after the one that first showed the final fit with every card and connection. */
  readonly ms: number;
  /** First Contentful Paint: for the designer, its shell. */
  readonly fcpMs: number;
  readonly transform: string;
  readonly canvas: { readonly width: number; readonly height: number };
  /** The designer's User Timing marks of its opening (src/main.tsx), by name without `wfm:open:`. */
  readonly marks: Readonly<Record<string, number>>;
  /**
   * Animation frames from the moment the canvas could be shown (the shell on screen and the
   * canvas's module loaded) to the first frame with React Flow in it: one or two, unless something
   * holds the canvas back, as Suspense's reveal delay did (300 ms, a score of frames).
   */
  readonly revealFrames: number;
}

/**
 * Loads `url` in `page` (whose context records frames), lets it settle once the diagram of `cards`
 * cards and `edges` connections is shown, and reads when it was fitted and painted.
 */
async function measureOpen(page: Page, url: string, cards: number, edges: number): Promise<OpenFigures> {
  await page.goto(url);
  await page.waitForFunction(
    ([c, e]) => {
      const nodes = [...window.document.querySelectorAll<HTMLElement>('.react-flow__node')];
      return (
        nodes.filter((node) => node.style.visibility !== 'hidden').length === c &&
        window.document.querySelectorAll('.react-flow__edge').length === e
      );
    },
    [cards, edges] as const,
    { polling: 'raf', timeout: 60_000 },
  );
  await settle(page);
  await settle(page);
  const seen = await page.evaluate(() => {
    const recorder = (window as unknown as { __benchOpen?: { frames: FrameState[]; running: boolean } })
      .__benchOpen;
    if (!recorder) throw new Error('the frame recorder did not run');
    recorder.running = false;
    const pane = window.document.querySelector('.react-flow')?.getBoundingClientRect();
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    const marks = performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith('wfm:open:'))
      .map((mark) => [mark.name.slice('wfm:open:'.length), mark.startTime] as const);
    return {
      frames: recorder.frames,
      canvas: { width: pane?.width ?? 0, height: pane?.height ?? 0 },
      fcp,
      marks: Object.fromEntries(marks),
    };
  });
  const { frames } = seen;
  const paintedAt = fittedAndPaintedAt(frames, cards, edges);
  if (paintedAt === null) {
    throw new NoEffectError(`${url} never showed ${cards} cards and ${edges} connections, fitted`);
  }
  return {
    ms: paintedAt,
    fcpMs: seen.fcp,
    transform: frames.at(-1)?.transform ?? '',
    canvas: seen.canvas,
    marks: seen.marks,
    revealFrames: revealFrames(frames, seen.marks['canvas-module'] ?? 0),
  };
}

/** The zoom of a viewport transform, `translate(…px, …px) scale(z)`. */
function zoomOf(transform: string): number {
  return Number(/scale\(([-\d.e]+)\)/.exec(transform)?.[1] ?? Number.NaN);
}

async function openDesigner(browser: Browser, size: number) {
  const { document } = generateDocument(size);
  const { context, page } = await openSession(browser, document);
  try {
    await context.addInitScript(recordFrames);
    const figures = await measureOpen(page, '/', document.components.length, document.connections.length);
    // What the floor needs to fit the same boxes: each card's size as laid out (transforms ignored).
    const sizes = await page.evaluate(() =>
      Object.fromEntries(
        [...window.document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => [
          node.dataset.id ?? '',
          { width: node.offsetWidth, height: node.offsetHeight },
        ]),
      ),
    );
    // Where the designer's overlays are, in its canvas's pixels: its fit keeps cards clear of them.
    const obstacles = await page.evaluate(() => {
      const pane = window.document.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return [];
      return [...window.document.querySelectorAll('.react-flow .react-flow__panel')].map((panel) => {
        const box = panel.getBoundingClientRect();
        return { x: box.left - pane.left, y: box.top - pane.top, width: box.width, height: box.height };
      });
    });
    return { figures, sizes, obstacles };
  } finally {
    await context.close();
  }
}

async function openFloor(browser: Browser, input: FloorInput, cards: number, edges: number) {
  const { context, page } = await openSession(browser, null);
  try {
    await context.addInitScript((value) => Object.assign(window, { __benchFloor: value }), input);
    await context.addInitScript(recordFrames);
    return await measureOpen(page, FLOOR_URL, cards, edges);
  } finally {
    await context.close();
  }
}

export type OpenPair = {
  readonly designerMs: number;
  readonly floorMs: number;
  /** This pair's designer time over its floor time. */
  readonly ratio: number;
  readonly designerFcpMs: number;
  readonly floorFcpMs: number;
  /** When the designer's library was open, its document read, its canvas's module loaded. */
  readonly libraryMs: number;
  readonly documentMs: number;
  readonly canvasModuleMs: number;
  readonly revealFrames: number;
  readonly zoom: number;
};

/**
 * More frames than this between "the canvas can show" and "React Flow is in the page" fail the
 * scenario: the canvas is rendered in the frame after, and Suspense's reveal delay (300 ms) would
 * be a score of frames on a quiet machine and more than this on a loaded one.
 */
const REVEAL_FRAMES_AT_MOST = 4;

/**
 * The scenario for a document of `size` components: each call measures one pair, the designer then
 * the floor. The first call first runs one pair that is not counted, which also tells the floor
 * the designer's canvas and card sizes.
 */
export function openAgainstFloor(size: number): (browser: Browser) => Promise<OpenPair> {
  const { document } = generateDocument(size);
  const cards = document.components.length;
  const edges = document.connections.length;
  let input: FloorInput | null = null;
  return async (browser) => {
    if (input === null) {
      const warmUp = await openDesigner(browser, size);
      const text = serializeDocument(document, { includeValidation: false });
      input = { text, canvas: warmUp.figures.canvas, sizes: warmUp.sizes, obstacles: warmUp.obstacles };
      await openFloor(browser, input, cards, edges);
    }
    const designer = (await openDesigner(browser, size)).figures;
    const floor = await openFloor(browser, input, cards, edges);
    const [a, b] = [designer.canvas, floor.canvas];
    if (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1) {
      throw new Error(`the canvases differ: designer ${a.width}×${a.height}, floor ${b.width}×${b.height}`);
    }
    if (designer.revealFrames > REVEAL_FRAMES_AT_MOST) {
      throw new Error(
        `the canvas showed ${designer.revealFrames} frames after it could have: is it held back (a Suspense reveal delay)?`,
      );
    }
    const zoom = zoomOf(designer.transform);
    if (!(Math.abs(zoom - zoomOf(floor.transform)) <= zoom * 0.01)) {
      throw new Error(`the fits differ: designer ${designer.transform}, floor ${floor.transform}`);
    }
    return {
      designerMs: designer.ms,
      floorMs: floor.ms,
      ratio: designer.ms / floor.ms,
      designerFcpMs: designer.fcpMs,
      floorFcpMs: floor.fcpMs,
      libraryMs: designer.marks.library ?? Number.NaN,
      documentMs: designer.marks.document ?? Number.NaN,
      canvasModuleMs: designer.marks['canvas-module'] ?? Number.NaN,
      revealFrames: designer.revealFrames,
      zoom,
    };
  };
}
