import { unescapeXml } from '../export/xml';

// A small XML reader for the drawing check: it reads the designer's own SVG exports (and the
// hand-made SVGs of the tests) into a tree of elements. It is not a general XML parser and never
// reads a user's file: comments, CDATA, processing instructions and the doctype are stepped over,
// attributes may use either quote, entities are decoded as `unescapeXml` decodes them.

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

interface MutableElement {
  readonly name: string;
  readonly attributes: Map<string, string>;
  readonly children: (MutableElement | string)[];
}

const SKIPPED: readonly (readonly [open: string, close: string])[] = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<!DOCTYPE', '>'],
];

/** The text of a CDATA section, kept as text. */
const CDATA = ['<![CDATA[', ']]>'] as const;

function isNameChar(ch: string): boolean {
  return !/[\s/>=]/.test(ch);
}

/** Reads `svg` into its root element; throws on markup it cannot read (an unclosed tag, a stray end tag). */
export function parseXml(text: string): XmlElement {
  const root: MutableElement = { name: '#root', attributes: new Map(), children: [] };
  const stack: MutableElement[] = [root];
  let i = 0;
  const top = (): MutableElement => stack[stack.length - 1] ?? root;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      pushText(top(), text.slice(i));
      break;
    }
    if (lt > i) pushText(top(), text.slice(i, lt));
    i = lt;
    const skipped = SKIPPED.find(([open]) => text.startsWith(open, i));
    if (skipped) {
      const end = text.indexOf(skipped[1], i + skipped[0].length);
      if (end < 0) throw new Error(`unclosed ${skipped[0]} at ${i}`);
      i = end + skipped[1].length;
      continue;
    }
    if (text.startsWith(CDATA[0], i)) {
      const end = text.indexOf(CDATA[1], i + CDATA[0].length);
      if (end < 0) throw new Error(`unclosed CDATA at ${i}`);
      top().children.push(text.slice(i + CDATA[0].length, end));
      i = end + CDATA[1].length;
      continue;
    }
    if (text[i + 1] === '/') {
      const end = text.indexOf('>', i);
      if (end < 0) throw new Error(`unclosed end tag at ${i}`);
      const name = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== name) {
        throw new Error(`end tag </${name}> at ${i} does not close <${open?.name ?? ''}>`);
      }
      i = end + 1;
      continue;
    }
    i = readStartTag(text, i + 1, top(), stack);
  }
  if (stack.length !== 1) throw new Error(`<${top().name}> is never closed`);
  const element = root.children.find((child): child is MutableElement => typeof child !== 'string');
  if (!element) throw new Error('no element');
  return element;
}

function pushText(parent: MutableElement, raw: string): void {
  parent.children.push(unescapeXml(raw));
}

/** Reads the tag that starts at `at` (just after `<`), adds it to `parent`; returns where reading goes on. */
function readStartTag(text: string, at: number, parent: MutableElement, stack: MutableElement[]): number {
  let i = at;
  while (i < text.length && isNameChar(text[i] ?? '')) i += 1;
  const element: MutableElement = { name: text.slice(at, i), attributes: new Map(), children: [] };
  if (!element.name) throw new Error(`a tag without a name at ${at}`);
  for (;;) {
    while (/\s/.test(text[i] ?? '')) i += 1;
    const ch = text[i];
    if (ch === undefined) throw new Error(`<${element.name}> is not closed`);
    if (ch === '>') {
      parent.children.push(element);
      stack.push(element);
      return i + 1;
    }
    if (ch === '/' && text[i + 1] === '>') {
      parent.children.push(element);
      return i + 2;
    }
    const nameStart = i;
    while (i < text.length && isNameChar(text[i] ?? '')) i += 1;
    const name = text.slice(nameStart, i);
    if (!name) throw new Error(`unexpected ${ch} in <${element.name}>`);
    while (/\s/.test(text[i] ?? '')) i += 1;
    if (text[i] !== '=') {
      element.attributes.set(name, '');
      continue;
    }
    i += 1;
    while (/\s/.test(text[i] ?? '')) i += 1;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${name} in <${element.name}>`);
    const close = text.indexOf(quote, i + 1);
    if (close < 0) throw new Error(`unclosed attribute ${name} in <${element.name}>`);
    element.attributes.set(name, unescapeXml(text.slice(i + 1, close)));
    i = close + 1;
  }
}

/** The element children of `element`. */
export function elementsOf(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** All the text inside `element`, its descendants' included, in document order. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}

/** The class names of an element. */
export function classesOf(element: XmlElement): string[] {
  return (element.attributes.get('class') ?? '').split(/\s+/).filter(Boolean);
}
