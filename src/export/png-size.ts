// How large a PNG export is drawn (decision 014). Pure: the browser only draws what this decides.

/** Twice the drawing's size, for sharp text on high-density screens, when it fits the caps. */
export const PNG_PREFERRED_SCALE = 2;

/**
 * The most pixels a PNG export draws (decision 011): a canvas that size is drawn and encoded in a
 * fraction of a second; past it the picture is scaled down and the SVG keeps every detail.
 */
export const MAX_PNG_PIXELS = 8_000_000;

/**
 * The longest canvas side the browsers document: Chrome, Firefox and Safari all 32,767 pixels.
 * Past it the canvas stays blank and `toDataURL` returns `data:,` ("could not encode"). Chromium
 * 156 was measured to encode up to 65,535 a side; the documented common limit is kept.
 */
export const MAX_CANVAS_SIDE = 32_767;

/** The largest canvas area Chrome and Safari allow (16,384²; measured in Chromium 156, one pixel more fails). */
export const MAX_CANVAS_AREA = 268_435_456;

/**
 * The smallest scale at which the PNG can still be read. A card's name is 13 px bold Arial; at
 * 0.375 it is 4.9 px, its capitals 3.5 px tall, and every name of the single-site example could
 * still be read in Chromium's rendering; at 0.35 "WFM_Daemon" read as "WFM_Daenon", at 0.3 the
 * names were guesses. The kinds and addresses (11 and 10.5 px) are lost first; the names carry
 * the diagram. A thousand-card diagram at the 8-megapixel cap is drawn at about 0.4.
 */
export const MIN_READABLE_SCALE = 0.375;

export interface PngSize {
  /** Pixels of the PNG per pixel of the drawing. */
  readonly scale: number;
  /** The canvas size in pixels: within MAX_CANVAS_SIDE a side and about MAX_PNG_PIXELS in all. */
  readonly width: number;
  readonly height: number;
  /** False when the names on the cards would be too small to read (`scale` under MIN_READABLE_SCALE). */
  readonly readable: boolean;
}

/**
 * The size to draw a PNG of a drawing `width` × `height` pixels: twice its size when that fits,
 * else scaled down to the pixel cap, the browsers' longest canvas side and their largest area,
 * whichever is smallest; and whether its text is still readable at that scale.
 * @example pngSize({ width: 882, height: 654 }) // { scale: 2, width: 1764, height: 1308, readable: true }
 */
export function pngSize(drawing: { readonly width: number; readonly height: number }): PngSize {
  const width = Number.isFinite(drawing.width) && drawing.width > 0 ? drawing.width : 1;
  const height = Number.isFinite(drawing.height) && drawing.height > 0 ? drawing.height : 1;
  const scale = Math.min(
    PNG_PREFERRED_SCALE,
    Math.sqrt(Math.min(MAX_PNG_PIXELS, MAX_CANVAS_AREA) / (width * height)),
    MAX_CANVAS_SIDE / width,
    MAX_CANVAS_SIDE / height,
  );
  const side = (length: number) => Math.min(MAX_CANVAS_SIDE, Math.max(1, Math.ceil(length * scale)));
  return { scale, width: side(width), height: side(height), readable: scale >= MIN_READABLE_SCALE };
}

/** A scale as the percentage people read: `20 %`, and one decimal under 10 % (`3.2 %`). */
export function scalePercent(scale: number): string {
  const percent = scale * 100;
  return `${percent < 10 ? Math.max(0.1, Math.round(percent * 10) / 10) : Math.round(percent)} %`;
}

/** The width and height of the root `<svg>` element the SVG writer wrote, or `undefined`. */
export function svgDrawingSize(svg: string): { width: number; height: number } | undefined {
  const start = svg.indexOf('<svg');
  const end = svg.indexOf('>', start);
  if (start < 0 || end < 0) return undefined;
  const tag = svg.slice(start, end);
  const width = Number(/\swidth="([\d.]+)"/.exec(tag)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(tag)?.[1]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
