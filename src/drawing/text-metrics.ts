/**
 * Text width without a DOM, for Arial/Helvetica/Liberation Sans (metric-compatible fonts, so the
 * estimate holds in browsers, Word, Inkscape and LibreOffice). Average advance per character
 * class, in em.
 */
const NARROW = /[il.,:;'|!ijtfrI1 ]/;
const WIDE = /[mwMW@%]/;
const UPPER = /[A-Z0-9_]/;
const OTHER_EM = 0.54;

/** The advance of each ASCII character, looked up once: the SVG writer measures every card's text. */
const ASCII_EM = Float64Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if (NARROW.test(ch)) return 0.3;
  if (WIDE.test(ch)) return 0.85;
  if (UPPER.test(ch)) return 0.64;
  return OTHER_EM;
});

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The width of `text` in ems, one advance per code point (an emoji is one character, not two). */
function widthInEm(text: string): number {
  let em = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      em += ASCII_EM[code] ?? OTHER_EM;
      continue;
    }
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) i += 1;
    em += OTHER_EM;
  }
  return em;
}

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return widthInEm(text) * fontSize * (bold ? 1.07 : 1);
}

/** Cuts `text` with an ellipsis so that it fits `maxWidth`. */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  // The widths of every prefix, summed left to right as `widthInEm` sums them, so each cut is
  // judged on exactly the width `estimateTextWidth` would give it.
  const chars = [...text];
  const prefixEm = [0];
  for (const ch of chars) prefixEm.push((prefixEm.at(-1) ?? 0) + widthInEm(ch));
  const scale = fontSize * (bold ? 1.07 : 1);
  let keep = chars.length;
  while (keep > 1 && ((prefixEm[keep] ?? 0) + OTHER_EM) * scale > maxWidth) keep -= 1;
  return `${chars.slice(0, keep).join('')}…`;
}
