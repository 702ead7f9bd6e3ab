import { visibleText } from '../document';
import { fitText } from '../drawing/text-metrics';
import { escapeXml } from './xml';

/**
 * Escapes element text or an attribute value, after writing controls, bidi controls and line
 * separators as `<U+XXXX>` (`visibleText`): a name must not read backwards or hide characters in
 * the picture. Quotes are escaped only when the text has an `=`, so that no name reads as an
 * attribute (`href="…"`) to a naive scanner; attribute values here are always in double quotes
 * and never hold an `=`.
 */
export function escapeText(value: string, quotes = value.includes('=')): string {
  return escapeXml(visibleText(value), quotes);
}

/** User text cut to fit a width: made visible first, so the cut is measured on what is drawn. */
export function fitted(value: string, fontSize: number, maxWidth: number, bold = false): string {
  return escapeText(fitText(visibleText(value), fontSize, maxWidth, bold));
}

export function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
