import { serializeDocument, type TopologyDocument } from '../document';
import type { Problem } from '../domain';
import { serializeMarkdown } from '../export/markdown';
import { serializeSvg } from '../export/svg';
import { downloadFile, fileBaseName } from './file-io';
import { svgToPng } from './png-export';

// The writers of every format but JSON, loaded on first use (docs/performance.md): the Export menu
// starts loading this module when it opens, and the page fetches it once idle.

export type DrawnFormat = 'svg' | 'png' | 'markdown';

/** The most pixels a PNG export draws: past it, the picture is scaled down (docs/performance.md). */
const MAX_PNG_PIXELS = 8_000_000;

/**
 * Twice the SVG's size, for sharp text on high-density screens, unless that passes
 * MAX_PNG_PIXELS: a diagram of a thousand cards is 11,000 pixels wide, and drawn twice that size it
 * took seconds, or more pixels than a browser canvas holds. The SVG keeps every detail.
 */
function pngScale(svg: string): number {
  const size = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  const pixels = Number(size?.[1]) * Number(size?.[2]);
  if (!Number.isFinite(pixels) || pixels <= 0) return 2;
  return Math.min(2, Math.sqrt(MAX_PNG_PIXELS / pixels));
}

/** How to draw: outline what has problems, and the problems when the caller has them already. */
export interface DrawOptions {
  readonly outlineProblems: boolean;
  readonly problems?: readonly Problem[];
}

async function write(
  document: TopologyDocument,
  format: DrawnFormat,
  options: DrawOptions,
): Promise<{ data: string | Uint8Array<ArrayBuffer>; name: string; type: string }> {
  const base = fileBaseName(document.name);
  switch (format) {
    case 'svg':
      return { data: serializeSvg(document, options), name: `${base}.svg`, type: 'image/svg+xml' };
    case 'png': {
      const svg = serializeSvg(document, { ...options, forPicture: true });
      const png = await svgToPng(svg, serializeDocument(document), pngScale(svg));
      return { data: png, name: `${base}.png`, type: 'image/png' };
    }
    case 'markdown':
      return { data: serializeMarkdown(document), name: `${base}.md`, type: 'text/markdown' };
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/** Writes the document as SVG, PNG or Markdown and offers it as a download; returns the file's name. */
export async function exportDrawn(
  document: TopologyDocument,
  format: DrawnFormat,
  options: DrawOptions,
): Promise<string> {
  // User Timing, so `npm run bench` times the export in the production build: the file written,
  // and then handed to the browser as a download.
  const mark = `wfm:export-${format}`;
  performance.mark(`${mark}:start`);
  const file = await write(document, format, options);
  performance.measure(`${mark}:write`, `${mark}:start`);
  downloadFile(file.data, file.name, file.type);
  performance.measure(mark, `${mark}:start`);
  return file.name;
}
