import { isPng, PNG_TEXT_KEYWORD, readPngText } from './png-metadata';
import { SVG_METADATA_ID } from './svg-metadata';
import { unescapeXml } from './xml';

export type EmbeddedText =
  | { readonly ok: true; readonly text: string; readonly source: 'json' | 'svg' | 'png' }
  | { readonly ok: false; readonly message: string };

const METADATA_OPEN = '<metadata';
const METADATA_CLOSE = '</metadata>';
const METADATA_ID = new RegExp(`\\bid="${SVG_METADATA_ID}"`);

/**
 * The content of the first `<metadata id="…">` element. A scan rather than one regular expression:
 * `<metadata[^>]*\bid=…` backtracks over every unclosed `<metadata` and took minutes on a crafted
 * 400 KB file (tests/adversarial); this reads each character a bounded number of times.
 */
function findMetadata(svg: string): string | undefined {
  let from = 0;
  for (;;) {
    const start = svg.indexOf(METADATA_OPEN, from);
    if (start < 0) return undefined;
    const tagEnd = svg.indexOf('>', start);
    if (tagEnd < 0) return undefined;
    if (METADATA_ID.test(svg.slice(start, tagEnd))) {
      const close = svg.indexOf(METADATA_CLOSE, tagEnd + 1);
      return close < 0 ? undefined : svg.slice(tagEnd + 1, close);
    }
    // Any other `<metadata` before this tag's end has a shorter tag without the id either.
    from = tagEnd + 1;
  }
}

/** The document text inside an SVG this product exported. */
export function extractFromSvg(svg: string): EmbeddedText {
  const content = findMetadata(svg);
  if (content === undefined) {
    return {
      ok: false,
      message: 'This SVG was not exported by WFM Topology Designer: it carries no document.',
    };
  }
  return { ok: true, text: unescapeXml(content), source: 'svg' };
}

/** The document text inside a PNG this product exported. */
export function extractFromPng(png: Uint8Array): EmbeddedText {
  const text = readPngText(png, PNG_TEXT_KEYWORD);
  if (text === undefined) {
    return {
      ok: false,
      message: 'This PNG was not exported by WFM Topology Designer: it carries no document.',
    };
  }
  return { ok: true, text, source: 'png' };
}

/**
 * The document text of any file the designer accepts: JSON as it is, SVG and PNG exports by their
 * embedded copy. What comes out still goes through `parseDocument`.
 */
export function extractDocumentText(bytes: Uint8Array): EmbeddedText {
  if (isPng(bytes)) return extractFromPng(bytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith('<')) return extractFromSvg(text);
  return { ok: true, text, source: 'json' };
}
