import { findPngText, isPng, PNG_TEXT_KEYWORD } from './png-metadata';
import { SVG_METADATA_ID } from './svg-metadata';
import { findElementText } from './svg-scan';

export type EmbeddedText =
  | { readonly ok: true; readonly text: string; readonly source: 'json' | 'svg' | 'png' }
  | { readonly ok: false; readonly message: string };

/** The document text inside an SVG this product exported. */
export function extractFromSvg(svg: string): EmbeddedText {
  // Found as an XML parser would find it: not inside a comment, a CDATA section or the like.
  const content = findElementText(svg, 'metadata', SVG_METADATA_ID);
  if (content === undefined) {
    return {
      ok: false,
      message: 'This SVG was not exported by WFM Topology Designer: it carries no document.',
    };
  }
  return { ok: true, text: content, source: 'svg' };
}

/** The document text inside a PNG this product exported; a damaged PNG is refused with the reason. */
export function extractFromPng(png: Uint8Array): EmbeddedText {
  const found = findPngText(png, PNG_TEXT_KEYWORD);
  switch (found.kind) {
    case 'found':
      return { ok: true, text: found.text, source: 'png' };
    case 'damaged':
      return { ok: false, message: found.message };
    case 'absent':
      return {
        ok: false,
        message: 'This PNG was not exported by WFM Topology Designer: it carries no document.',
      };
    default: {
      const unreachable: never = found;
      return unreachable;
    }
  }
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
