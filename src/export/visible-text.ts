// Characters that a reader of an exported diagram or report cannot see, or that change how the
// text around them is shown: C0 controls, DEL, C1 controls, the bidirectional controls (Arabic
// letter mark, LRM/RLM, the embeddings and overrides, the isolates), the line and paragraph
// separators, and lone surrogates (no character at all). A name that carries U+202E reads
// backwards in an SVG, a Markdown report or a Mermaid diagram; written as `<U+202E>` it is seen.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function notation(ch: string): string {
  return `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * The text with every control, bidirectional control, line or paragraph separator and lone
 * surrogate written as `<U+XXXX>` (upper-case hex, at least four digits), so that nothing hidden
 * reorders or breaks what a writer puts around it. Every other character is kept as it is.
 * @example visibleText('abc\u202Edef') === 'abc<U+202E>def'
 */
export function visibleText(text: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text) ? text.replace(INVISIBLE, notation) : text;
}
