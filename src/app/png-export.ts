import { addPngText, asciiJson, PNG_TEXT_KEYWORD } from '../export';

/**
 * Rasterises an SVG at `scale`× in the browser and embeds `documentJson` in a `tEXt` chunk, so
 * the PNG can be imported again.
 */
export async function svgToPng(
  svg: string,
  documentJson: string,
  scale = 2,
): Promise<Uint8Array<ArrayBuffer>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    performance.mark('wfm:png:decoded');
    const width = Math.ceil(image.naturalWidth * scale);
    const height = Math.ceil(image.naturalHeight * scale);
    const canvas = window.document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(image, 0, 0, width, height);
    performance.mark('wfm:png:drawn');
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('This browser could not encode the PNG (the image may be too large).');
    performance.mark('wfm:png:encoded');
    const png = new Uint8Array(await blob.arrayBuffer());
    return addPngText(png, PNG_TEXT_KEYWORD, asciiJson(documentJson));
  } finally {
    URL.revokeObjectURL(url);
  }
}
