import { serializeDocument, type TopologyDocument } from '../document';
import type { BrowserOnlyFormat, WriteOptions } from '../export/formats';
import { type PngSize, pngSize, svgDrawingSize } from '../export/png-size';
import { serializeSvg } from '../export/svg';
import { svgToPng } from './png-export';

// The writers of the formats only a browser can write (the format list leaves them to the app),
// loaded on first use (docs/performance.md): the Export menu starts loading this module when it
// opens, and the page fetches it once idle.

/** How to write: the list's options, and the answer to the PNG question. */
export interface DrawOptions extends WriteOptions {
  /** Write a PNG even when its names would be too small to read: the user was asked and chose it. */
  readonly unreadablePng?: boolean;
}

/**
 * What an export came to: a file offered for download, or, for a PNG whose names would be too
 * small to read (decision 014), nothing yet: the user is asked first, told the scale it would have.
 */
export type ExportOutcome =
  | { readonly kind: 'exported'; readonly name: string }
  | { readonly kind: 'png-unreadable'; readonly scale: number };

/** What a writer gave: the file's content, or the PNG question. */
export type Written =
  | { readonly kind: 'file'; readonly data: string | Uint8Array<ArrayBuffer> }
  | { readonly kind: 'png-unreadable'; readonly scale: number };

type BrowserWriter = (document: TopologyDocument, options: DrawOptions) => Promise<Written>;

/** The SVG drawing a PNG is rasterised from, and the size it is drawn at (decision 014). */
function pngDrawing(document: TopologyDocument, options: WriteOptions): { svg: string; size: PngSize } {
  const svg = serializeSvg(document, { ...options, forPicture: true });
  const drawing = svgDrawingSize(svg);
  if (!drawing) throw new Error('The SVG drawn for the PNG has no size.');
  return { svg, size: pngSize(drawing) };
}

/**
 * Rasterises the SVG drawing into a PNG that carries its document. A PNG too small to read is not
 * written unless `unreadablePng` says the user chose it.
 */
async function writePng(document: TopologyDocument, options: DrawOptions): Promise<Written> {
  const { svg, size } = pngDrawing(document, options);
  if (!size.readable && !options.unreadablePng) return { kind: 'png-unreadable', scale: size.scale };
  return { kind: 'file', data: await svgToPng(svg, serializeDocument(document), size) };
}

/**
 * The PNG of "Copy image": the same picture as Export PNG, drawn even when its names are too small
 * to read (there is no dialog between a copy and its paste); `readable` says which.
 */
export async function drawPngBlob(
  document: TopologyDocument,
  options: WriteOptions,
): Promise<{ readonly blob: Blob; readonly readable: boolean; readonly scale: number }> {
  const { svg, size } = pngDrawing(document, options);
  const bytes = await svgToPng(svg, serializeDocument(document), size);
  return { blob: new Blob([bytes], { type: 'image/png' }), readable: size.readable, scale: size.scale };
}

/** A writer for every format the list marks browser-only; the compiler holds the two together. */
export const BROWSER_WRITERS: { readonly [Id in BrowserOnlyFormat['id']]: BrowserWriter } = {
  png: writePng,
};
