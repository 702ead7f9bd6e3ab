import { addPngText, asciiJson, PNG_TEXT_KEYWORD } from '../export';

/**
 * Rasterises an SVG at `size` (from `pngSize`, which keeps it within what a browser canvas can
 * hold) in the browser and embeds `documentJson` in a `tEXt` chunk, so the PNG can be imported again.
 */
export async function svgToPng(
  svg: string,
  documentJson: string,
  size: { readonly width: number; readonly height: number },
): Promise<Uint8Array<ArrayBuffer>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    performance.mark('wfm:png:decoded');
    const canvas = window.document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(image, 0, 0, size.width, size.height);
    performance.mark('wfm:png:drawn');
    const png = encodePng(canvas);
    performance.mark('wfm:png:encoded');
    return addPngText(png, PNG_TEXT_KEYWORD, asciiJson(documentJson));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The canvas as PNG bytes, encoded now. Not `toBlob`: Chromium encodes that in the page's idle
 * time and only forces it after waiting a second, and a page with keyboard focus on a control gave
 * it no idle time, so a PNG of 1,000 cards took 1.1 s to encode instead of 0.1 s
 * (docs/performance.md). `toDataURL` blocks for that 0.1 s, which an export the user asked for can.
 */
function encodePng(canvas: HTMLCanvasElement): Uint8Array<ArrayBuffer> {
  const url = canvas.toDataURL('image/png');
  const comma = url.indexOf(',');
  if (!url.startsWith('data:image/png') || comma < 0) {
    throw new Error('This browser could not encode the PNG (the image may be too large).');
  }
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
