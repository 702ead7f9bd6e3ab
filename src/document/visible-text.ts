// Characters a terminal, a CI log or a bidi-aware viewer acts on instead of showing: C0 controls
// (ESC opens colour, cursor, title and OSC 52 clipboard sequences; a newline starts a forged log
// line), DEL, C1 controls (U+009B is a one-character CSI), the bidi controls that reorder what is
// read (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the line and paragraph separators
// U+2028 and U+2029, and lone surrogates, which are no character at all. With the `u` flag a class of
// surrogates matches only unpaired ones: a pair is one code point outside the class.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INTERPRETED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]/gu;

// The same without C0: in JSON text C0 only ever appears as the layout between tokens
// (JSON.stringify escapes it inside strings), and there it must stay as it is.
const INTERPRETED_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]/gu;

function hex(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(16);
}

/**
 * `text` with every interpreted character written as `<U+XXXX>` (uppercase hex, at least four
 * digits): seen and searchable, never acted on, never reordering what follows. A newline inside
 * a name is made visible too: line breaks are the writer's to add, never the data's.
 * @example visibleText('B1\u001b[2J\nprod.wfm.json: 0 errors') // 'B1<U+001B>[2J<U+000A>prod.wfm.json: 0 errors'
 */
export function visibleText(text: string): string {
  INTERPRETED.lastIndex = 0;
  if (!INTERPRETED.test(text)) return text;
  return text.replace(INTERPRETED, (ch) => `<U+${hex(ch).toUpperCase().padStart(4, '0')}>`);
}

/**
 * JSON text (as `JSON.stringify` writes it) with every interpreted character inside its strings
 * written as a `\uXXXX` escape, so the text is safe in a terminal and parses to the same value.
 * `JSON.stringify` already escapes C0 and lone surrogates; this adds DEL, C1, the bidi controls and
 * U+2028/U+2029.
 * @example visibleJson(JSON.stringify({ name: 'B\u202e1' })) // '{"name":"B\\u202e1"}'
 */
export function visibleJson(json: string): string {
  INTERPRETED_IN_JSON.lastIndex = 0;
  if (!INTERPRETED_IN_JSON.test(json)) return json;
  return json.replace(INTERPRETED_IN_JSON, (ch) => `\\u${hex(ch).padStart(4, '0')}`);
}
