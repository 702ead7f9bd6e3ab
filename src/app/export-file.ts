import { serializeDocument, type TopologyDocument } from '../document';
import type { Problem } from '../domain';
import { serializeMarkdown } from '../export/markdown';
import { pngSize, svgDrawingSize } from '../export/png-size';
import { serializeSvg } from '../export/svg';
import { downloadFile, fileBaseName } from './file-io';
import { svgToPng } from './png-export';

// The writers of every format but JSON, loaded on first use (docs/performance.md): the Export menu
// starts loading this module when it opens, and the page fetches it once idle.

export type DrawnFormat = 'svg' | 'png' | 'markdown';

/** How to draw: outline what has problems, and the problems when the caller has them already. */
export interface DrawOptions {
  readonly outlineProblems: boolean;
  readonly problems?: readonly Problem[];
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

type Written =
  | {
      readonly kind: 'file';
      readonly data: string | Uint8Array<ArrayBuffer>;
      readonly name: string;
      readonly type: string;
    }
  | { readonly kind: 'png-unreadable'; readonly scale: number };

async function write(
  document: TopologyDocument,
  format: DrawnFormat,
  options: DrawOptions,
): Promise<Written> {
  const base = fileBaseName(document.name);
  switch (format) {
    case 'svg':
      return {
        kind: 'file',
        data: serializeSvg(document, options),
        name: `${base}.svg`,
        type: 'image/svg+xml',
      };
    case 'png': {
      const svg = serializeSvg(document, { ...options, forPicture: true });
      const drawing = svgDrawingSize(svg);
      if (!drawing) throw new Error('The SVG drawn for the PNG has no size.');
      const size = pngSize(drawing);
      if (!size.readable && !options.unreadablePng) return { kind: 'png-unreadable', scale: size.scale };
      const png = await svgToPng(svg, serializeDocument(document), size);
      return { kind: 'file', data: png, name: `${base}.png`, type: 'image/png' };
    }
    case 'markdown':
      return { kind: 'file', data: serializeMarkdown(document), name: `${base}.md`, type: 'text/markdown' };
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/**
 * Writes the document as SVG, PNG or Markdown and offers it as a download. A PNG too small to read
 * is not written unless `unreadablePng` says the user chose it.
 */
export async function exportDrawn(
  document: TopologyDocument,
  format: DrawnFormat,
  options: DrawOptions,
): Promise<ExportOutcome> {
  // User Timing, so `npm run bench` times the export in the production build: the file written,
  // and then handed to the browser as a download.
  const mark = `wfm:export-${format}`;
  performance.mark(`${mark}:start`);
  const file = await write(document, format, options);
  if (file.kind === 'png-unreadable') return file;
  performance.measure(`${mark}:write`, `${mark}:start`);
  downloadFile(file.data, file.name, file.type);
  performance.measure(mark, `${mark}:start`);
  return { kind: 'exported', name: file.name };
}
