import type { Page } from '@playwright/test';

// What axe-core cannot judge on the canvas: a card's text lies under its transparent drop zone, so
// axe reports its contrast "incomplete", and a connection is a stroke, not text. This reads the
// colours as the browser computed them and measures WCAG contrast: 4.5:1 for text (3:1 when
// large), 3:1 for the lines and dots a user must see (WCAG 1.4.11).

export interface ContrastFailure {
  readonly what: string;
  readonly ratio: number;
  readonly needed: number;
  readonly colours: string;
}

/**
 * Every text of the canvas's nodes and labels and the problems' severity marks, every connection
 * and connection dot, measured.
 */
export function canvasContrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate(() => {
    type Rgba = readonly [number, number, number, number];
    const probe = window.document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    /** Any CSS colour the browser computed (rgb(), color(srgb …), …) as 0–255 RGBA. */
    const parse = (css: string): Rgba => {
      if (!probe) throw new Error('no 2D canvas');
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + below[0] * (1 - a),
        top[1] * a + below[1] * (1 - a),
        top[2] * a + below[2] * (1 - a),
        1,
      ];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const canvas = window.document.querySelector('.canvas') ?? window.document.body;
    const canvasColour = parse(getComputedStyle(canvas).backgroundColor);
    /** The colour behind `element`: its and its ancestors' backgrounds, over the canvas. */
    const behind = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at && at !== canvas; at = at.parentElement) {
        const colour = parse(getComputedStyle(at).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), canvasColour);
    };
    const hex = (c: Rgba) =>
      `#${c
        .slice(0, 3)
        .map((v) => Math.round(v).toString(16).padStart(2, '0'))
        .join('')}`;
    const name = (element: Element) => {
      const node = element.closest('.react-flow__node, .react-flow__edge');
      const owner = node?.getAttribute('aria-label') ?? node?.getAttribute('data-id') ?? '';
      return `${owner} › ${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
    };
    const failures: { what: string; ratio: number; needed: number; colours: string }[] = [];
    const check = (what: string, fore: Rgba, back: Rgba, needed: number) => {
      const measured = ratio(over(fore, back), back);
      if (measured < needed - 0.005) {
        failures.push({
          what,
          ratio: Math.round(measured * 100) / 100,
          needed,
          colours: `${hex(fore)} on ${hex(back)}`,
        });
      }
    };

    const visible = (element: Element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    // The problems' severity marks are hidden from screen readers (the group says the severity), so
    // axe passes them over; they are measured here.
    const texts = [...window.document.querySelectorAll('.react-flow__node *, .problem__severity')].filter(
      (element) =>
        visible(element) &&
        [...element.childNodes].some(
          (child) => child.nodeType === Node.TEXT_NODE && child.textContent?.trim(),
        ),
    );
    for (const element of texts) {
      const style = getComputedStyle(element);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      check(name(element), parse(style.color), behind(element), large ? 3 : 4.5);
    }
    for (const label of window.document.querySelectorAll('.edge-label text')) {
      if (!visible(label)) continue;
      check(name(label), parse(getComputedStyle(label).fill), canvasColour, 4.5);
    }
    for (const path of window.document.querySelectorAll('.react-flow__edge-path')) {
      const stroke = getComputedStyle(path).stroke;
      if (stroke === 'none') continue;
      check(name(path), parse(stroke), canvasColour, 3);
    }
    for (const handle of window.document.querySelectorAll('.react-flow__handle.source-handle')) {
      if (!visible(handle)) continue;
      // The dot hangs below its card, over the canvas.
      check(name(handle), parse(getComputedStyle(handle).borderTopColor), canvasColour, 3);
    }
    return failures;
  });
}
