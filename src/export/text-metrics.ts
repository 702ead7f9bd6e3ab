/**
 * Text width without a DOM, for Arial/Helvetica/Liberation Sans (metric-compatible fonts, so the
 * estimate holds in browsers, Word, Inkscape and LibreOffice). Average advance per character
 * class, in em.
 */
const NARROW = /[il.,:;'|!ijtfrI1 ]/;
const WIDE = /[mwMW@%]/;
const UPPER = /[A-Z0-9_]/;

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.test(ch)) em += 0.3;
    else if (WIDE.test(ch)) em += 0.85;
    else if (UPPER.test(ch)) em += 0.64;
    else em += 0.54;
  }
  return em * fontSize * (bold ? 1.07 : 1);
}

/** Cuts `text` with an ellipsis so that it fits `maxWidth`. */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && estimateTextWidth(`${chars.join('')}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}
