import { unescapeXml } from './xml';

// Reading one element of an SVG without an XML parser: the importer never builds a DOM from a file
// (docs/security.md). The scan walks the text once, front to back. Every step moves forward and no
// step looks at a character more than a few times, so its time grows with the file's length and
// nothing else: a regular expression that once did this backtracked for minutes on a crafted
// 400 KB file (tests/adversarial). Markup that holds no element (comments, CDATA sections,
// processing instructions, the document type declaration) is stepped over, so an element written
// inside one of them is not taken for the real one.

/** Markup whose end is a fixed string; what is inside is never an element. */
const OPAQUE: readonly (readonly [open: string, close: string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

const DOCTYPE = '<!DOCTYPE';
/** Characters that end an attribute name, besides white space. */
const ENDS_NAME = `=<>/"'`;
const NOT_FOUND = -1;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The end of the opaque markup at `at`, NOT_FOUND when it is never closed, or undefined when `at` starts none. */
function opaqueEnd(text: string, at: number): number | undefined {
  for (const [open, close] of OPAQUE) {
    if (!text.startsWith(open, at)) continue;
    const end = text.indexOf(close, at + open.length);
    return end < 0 ? NOT_FOUND : end + close.length;
  }
  return undefined;
}

/**
 * The end of the `<!DOCTYPE …>` at `at`, its internal subset `[…]` included: quoted strings,
 * comments and processing instructions inside it may hold `>` or `]`. NOT_FOUND when unclosed.
 */
function doctypeEnd(text: string, at: number): number {
  let inSubset = false;
  let i = at + DOCTYPE.length;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return NOT_FOUND;
      i = close + 1;
    } else if (inSubset && ch === '<') {
      const end = opaqueEnd(text, i);
      if (end === NOT_FOUND) return NOT_FOUND;
      i = end ?? i + 1;
    } else {
      if (ch === '[') inSubset = true;
      else if (ch === ']') inSubset = false;
      else if (ch === '>' && !inSubset) return i + 1;
      i += 1;
    }
  }
  return NOT_FOUND;
}

/** A start tag's end and attributes, or where to go on scanning when the tag is not well formed. */
type StartTag =
  | { readonly ok: true; readonly end: number; readonly empty: boolean; readonly id: string | undefined }
  | { readonly ok: false; readonly resume: number };

/** Reads the attributes of the start tag whose name ends just before `from`. */
function readStartTag(text: string, from: number): StartTag {
  let id: string | undefined;
  let i = from;
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i += 1;
    if (i >= text.length) return { ok: false, resume: NOT_FOUND };
    if (text[i] === '>') return { ok: true, end: i + 1, empty: false, id };
    if (text.startsWith('/>', i)) return { ok: true, end: i + 2, empty: true, id };
    const nameStart = i;
    while (i < text.length && !ENDS_NAME.includes(text[i] ?? '') && !isSpace(text.charCodeAt(i))) i += 1;
    const name = text.slice(nameStart, i);
    while (isSpace(text.charCodeAt(i))) i += 1;
    const equals = text[i] === '=';
    if (equals) i += 1;
    while (isSpace(text.charCodeAt(i))) i += 1;
    const quote = text[i];
    if (name === '' || !equals || (quote !== '"' && quote !== "'")) {
      // Not an attribute: scan on from here (a `<` here may start the next tag).
      return { ok: false, resume: i };
    }
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return { ok: false, resume: NOT_FOUND };
    const value = text.slice(i + 1, close);
    const lt = value.indexOf('<');
    // XML forbids `<` in an attribute value: this is no tag, and the `<` may start the next one.
    if (lt >= 0) return { ok: false, resume: i + 1 + lt };
    if (name === 'id' && id === undefined) id = unescapeXml(value);
    i = close + 1;
  }
}

/**
 * The text of the element whose content starts at `from` and ends at `</name>`: character and
 * entity references decoded, CDATA sections taken as they are, comments and processing
 * instructions left out. `undefined` when the element is never closed.
 */
function readContent(text: string, from: number, name: string): string | undefined {
  const parts: string[] = [];
  let textStart = from;
  let i = from;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return undefined;
    if (text.startsWith(`</${name}`, lt)) {
      let j = lt + name.length + 2;
      while (isSpace(text.charCodeAt(j))) j += 1;
      if (text[j] === '>') {
        parts.push(unescapeXml(text.slice(textStart, lt)));
        return parts.join('');
      }
    }
    const end = opaqueEnd(text, lt);
    if (end === NOT_FOUND) return undefined;
    if (end === undefined) {
      i = lt + 1;
      continue;
    }
    parts.push(unescapeXml(text.slice(textStart, lt)));
    if (text.startsWith('<![CDATA[', lt)) parts.push(text.slice(lt + 9, end - 3));
    textStart = end;
    i = end;
  }
}

/**
 * The text content of the first element `<name … id="id">` of an XML text, as an XML parser would
 * see it: an element written inside a comment, a CDATA section, a processing instruction or the
 * document type declaration is not an element and is not found. `undefined` when there is none
 * or it is never closed. One forward scan: its time is linear in the length of `text`.
 * @example findElementText('<svg><metadata id="m">{}</metadata></svg>', 'metadata', 'm') === '{}'
 */
export function findElementText(text: string, name: string, id: string): string | undefined {
  const open = `<${name}`;
  let at = 0;
  while (at >= 0 && at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt < 0) return undefined;
    if (text.startsWith(DOCTYPE, lt)) {
      at = doctypeEnd(text, lt);
      continue;
    }
    const end = opaqueEnd(text, lt);
    if (end !== undefined) {
      at = end;
      continue;
    }
    const afterName = lt + open.length;
    const next = text[afterName];
    if (text.startsWith(open, lt) && (next === '>' || next === '/' || isSpace(text.charCodeAt(afterName)))) {
      const tag = readStartTag(text, afterName);
      if (!tag.ok) {
        at = tag.resume;
        continue;
      }
      if (tag.id === id) return tag.empty ? '' : readContent(text, tag.end, name);
      at = tag.end;
      continue;
    }
    at = lt + 1;
  }
  return undefined;
}
