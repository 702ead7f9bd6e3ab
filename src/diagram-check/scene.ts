import { parseDocument, type TopologyDocument, visibleText } from '../document';
import type { Point, Rect } from '../drawing/geometry';
import { estimateTextWidth } from '../drawing/text-metrics';
import { SVG_METADATA_ID } from '../export/svg-metadata';
import { apply, flattenPath, IDENTITY, type Matrix, multiply, parsePoints, parseTransform } from './path';
import { classesOf, elementsOf, parseXml, textOf, type XmlElement } from './xml-tree';

// What an exported SVG draws, as geometry the metrics can measure: the cards, the connections
// and standby links as polylines with their labels, and the notes, all in the SVG's own
// coordinates (every ancestor's transform applied). The exporter (src/export/svg.ts) writes one
// group per layer: `#zones`, `#hosts`, `#standby`, `#connections`, `#components`, `#notes`; in
// `#components` each card is a `<g>` holding its `<title>`, its body `<rect>` and its texts; in
// `#connections` and `#standby` each link is a `<g>` holding a `<line>`, `<polyline>` or `<path>`
// and, when it is labelled, `<text>` on a background `<rect>`. The document itself rides along in
// `<metadata>`: it gives every name and label in full.

/** A `<text>` as drawn: what it says, where, and the box its estimated width fills. */
export interface DrawnText {
  readonly text: string;
  readonly fontSize: number;
  readonly bold: boolean;
  /** The estimated box of the text's glyphs: its width from `estimateTextWidth`, one em high. */
  readonly box: Rect;
  readonly classes: readonly string[];
}

export interface Card {
  readonly rect: Rect;
  /** The card's `<title>` (its tooltip), when it has one. */
  readonly title: string | undefined;
  readonly texts: readonly DrawnText[];
  /** The document's component drawn as this card, when the SVG embeds the document. */
  readonly componentId: string | undefined;
}

/** A label on a link: its texts and the box they are drawn in (the background, else the texts' own box). */
export interface Label {
  readonly text: string;
  readonly box: Rect;
  readonly background: Rect | undefined;
  readonly texts: readonly DrawnText[];
}

export interface Edge {
  readonly kind: 'connection' | 'standby';
  /** The polylines drawn, one per line element or subpath, curves flattened. */
  readonly lines: readonly (readonly Point[])[];
  readonly start: Point;
  readonly end: Point;
  readonly bounds: Rect;
  readonly title: string | undefined;
  readonly labels: readonly Label[];
}

export interface Scene {
  readonly cards: readonly Card[];
  readonly edges: readonly Edge[];
  readonly notes: readonly Rect[];
  /** The document embedded in the SVG, when it has one that parses. */
  readonly document: TopologyDocument | undefined;
}

interface TextStyle {
  readonly fontSize: number;
  readonly bold: boolean;
  readonly anchor: 'start' | 'middle' | 'end';
}

const DEFAULT_STYLE: TextStyle = { fontSize: 16, bold: false, anchor: 'start' };

/** One rule of the `<style>` block: the classes its selector needs, and what it sets. */
interface ClassRule {
  readonly classes: readonly string[];
  readonly set: Partial<TextStyle>;
}

function declarations(text: string): Partial<TextStyle> {
  const set: { fontSize?: number; bold?: boolean; anchor?: TextStyle['anchor'] } = {};
  for (const part of text.split(';')) {
    const [property = '', value = ''] = part.split(':').map((s) => s.trim());
    if (property === 'font-size') {
      const size = Number.parseFloat(value);
      if (Number.isFinite(size)) set.fontSize = size;
    } else if (property === 'font-weight') {
      set.bold = value === 'bold' || value === 'bolder' || Number(value) >= 600;
    } else if (property === 'text-anchor' && (value === 'start' || value === 'middle' || value === 'end')) {
      set.anchor = value;
    }
  }
  return set;
}

/** The class rules of every `<style>` element (selectors made only of classes, like `.tag-text.secure`). */
function classRules(svg: XmlElement): ClassRule[] {
  const rules: ClassRule[] = [];
  const visit = (element: XmlElement) => {
    if (element.name === 'style') {
      for (const [, selectors = '', body = ''] of textOf(element).matchAll(/([^{}]+)\{([^}]*)\}/g)) {
        const set = declarations(body);
        for (const selector of selectors.split(',').map((s) => s.trim())) {
          if (/^(\.[\w-]+)+$/.test(selector)) rules.push({ classes: selector.slice(1).split('.'), set });
        }
      }
    }
    for (const child of elementsOf(element)) visit(child);
  };
  visit(svg);
  return rules;
}

interface Context {
  readonly matrix: Matrix;
  readonly style: TextStyle;
}

class SceneReader {
  constructor(private readonly rules: readonly ClassRule[]) {}

  /** The context of `element` inside `parent`: its transform and its text style (attributes, then classes). */
  enter(element: XmlElement, parent: Context): Context {
    const transform = element.attributes.get('transform');
    const matrix = transform ? multiply(parent.matrix, parseTransform(transform)) : parent.matrix;
    const attributes: Partial<TextStyle> = declarations(
      ['font-size', 'font-weight', 'text-anchor']
        .flatMap((name) => {
          const value = element.attributes.get(name);
          return value === undefined ? [] : [`${name}:${value}`];
        })
        .join(';'),
    );
    const classes = classesOf(element);
    let style: TextStyle = { ...parent.style, ...attributes };
    for (const rule of this.rules) {
      if (rule.classes.every((c) => classes.includes(c))) style = { ...style, ...rule.set };
    }
    const inline = element.attributes.get('style');
    if (inline) style = { ...style, ...declarations(inline) };
    return { matrix, style };
  }

  /** Every `<text>` inside `element` (one per `<tspan>` line when it has positioned lines). */
  texts(element: XmlElement, context: Context): DrawnText[] {
    const out: DrawnText[] = [];
    const visit = (node: XmlElement, at: Context) => {
      if (node.name === 'title' || node.name === 'desc' || node.name === 'metadata') return;
      const here = this.enter(node, at);
      if (node.name === 'text') {
        out.push(...this.textLines(node, here));
        return;
      }
      for (const child of elementsOf(node)) visit(child, here);
    };
    visit(element, context);
    return out;
  }

  private textLines(text: XmlElement, context: Context): DrawnText[] {
    const x = number(text, 'x');
    const y = number(text, 'y');
    const spans = elementsOf(text).filter(
      (child) =>
        child.name === 'tspan' &&
        (child.attributes.has('x') || child.attributes.has('y') || child.attributes.has('dy')),
    );
    if (spans.length === 0) {
      return [drawn(textOf(text), { x, y: y + number(text, 'dy') }, context, classesOf(text))];
    }
    let lineY = y;
    return spans.map((span) => {
      const style = this.enter(span, context);
      lineY = span.attributes.has('y') ? number(span, 'y') : lineY + number(span, 'dy');
      const lineX = span.attributes.has('x') ? number(span, 'x') : x;
      return drawn(textOf(span), { x: lineX, y: lineY }, style, [...classesOf(text), ...classesOf(span)]);
    });
  }
}

function number(element: XmlElement, name: string): number {
  const value = Number.parseFloat(element.attributes.get(name) ?? '0');
  return Number.isFinite(value) ? value : 0;
}

function drawn(raw: string, at: Point, context: Context, classes: readonly string[]): DrawnText {
  const text = raw.replace(/\s+/g, ' ').trim();
  const { fontSize, bold, anchor } = context.style;
  const width = estimateTextWidth(text, fontSize, bold);
  const left = anchor === 'middle' ? at.x - width / 2 : anchor === 'end' ? at.x - width : at.x;
  // One em high: from the ascender (0.8 em above the baseline) to the descender (0.2 em below).
  const box = transformRect(context.matrix, { x: left, y: at.y - fontSize * 0.8, width, height: fontSize });
  return { text, fontSize, bold, box, classes };
}

/** The bounding box of `rect` under `m`. */
export function transformRect(m: Matrix, rect: Rect): Rect {
  if (m[1] === 0 && m[2] === 0 && m[0] > 0 && m[3] > 0) {
    return {
      x: m[0] * rect.x + m[4],
      y: m[3] * rect.y + m[5],
      width: m[0] * rect.width,
      height: m[3] * rect.height,
    };
  }
  const corners = [
    apply(m, rect),
    apply(m, { x: rect.x + rect.width, y: rect.y }),
    apply(m, { x: rect.x, y: rect.y + rect.height }),
    apply(m, { x: rect.x + rect.width, y: rect.y + rect.height }),
  ];
  return boundsOf(corners);
}

export function boundsOf(points: readonly Point[]): Rect {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return minX === Number.POSITIVE_INFINITY
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function rectOf(element: XmlElement, m: Matrix): Rect {
  return transformRect(m, {
    x: number(element, 'x'),
    y: number(element, 'y'),
    width: number(element, 'width'),
    height: number(element, 'height'),
  });
}

/** The polylines of a line-drawing element, in its own coordinates; undefined for any other element. */
function lineGeometry(element: XmlElement): Point[][] | undefined {
  switch (element.name) {
    case 'line':
      return [
        [
          { x: number(element, 'x1'), y: number(element, 'y1') },
          { x: number(element, 'x2'), y: number(element, 'y2') },
        ],
      ];
    case 'polyline':
      return [parsePoints(element.attributes.get('points') ?? '')];
    case 'path':
      return flattenPath(element.attributes.get('d') ?? '');
    default:
      return undefined;
  }
}

/** Decoration drawn with a path that is not the link itself: the lock of a secured link, an arrowhead, a mark. */
function isDecoration(element: XmlElement): boolean {
  const classes = classesOf(element);
  if (classes.some((c) => c === 'lock' || c === 'mark' || c.startsWith('arrow'))) return true;
  // Links are never closed shapes; a closed path is a drawn arrowhead or an icon.
  return element.name === 'path' && /[zZ]/.test(element.attributes.get('d') ?? '');
}

function titleOf(element: XmlElement): string | undefined {
  const title = elementsOf(element).find((child) => child.name === 'title');
  return title ? textOf(title) : undefined;
}

/** The element with this id, anywhere below `root`. */
function byId(root: XmlElement, id: string): XmlElement | undefined {
  if (root.attributes.get('id') === id) return root;
  for (const child of elementsOf(root)) {
    const found = byId(child, id);
    if (found) return found;
  }
  return undefined;
}

/** The context of the element with id `id`: every ancestor's transform and style, and its own. */
function contextOf(
  reader: SceneReader,
  root: XmlElement,
  id: string,
): { element: XmlElement; context: Context } | undefined {
  const walk = (
    element: XmlElement,
    parent: Context,
  ): { element: XmlElement; context: Context } | undefined => {
    const context = reader.enter(element, parent);
    if (element.attributes.get('id') === id) return { element, context };
    for (const child of elementsOf(element)) {
      const found = walk(child, context);
      if (found) return found;
    }
    return undefined;
  };
  return walk(root, { matrix: IDENTITY, style: DEFAULT_STYLE });
}

/** The rects, texts and line elements below `element`, with their contexts; defs, markers and symbols left out. */
interface Parts {
  readonly rects: { element: XmlElement; rect: Rect }[];
  readonly lines: { element: XmlElement; lines: Point[][] }[];
}

function partsOf(reader: SceneReader, element: XmlElement, context: Context): Parts {
  const parts: Parts = { rects: [], lines: [] };
  const visit = (node: XmlElement, at: Context) => {
    if (['defs', 'marker', 'symbol', 'title', 'desc', 'text', 'clipPath', 'mask'].includes(node.name)) return;
    const here = reader.enter(node, at);
    if (node.name === 'rect') parts.rects.push({ element: node, rect: rectOf(node, here.matrix) });
    const geometry = lineGeometry(node);
    if (geometry && !isDecoration(node)) {
      parts.lines.push({
        element: node,
        lines: geometry.filter((l) => l.length > 1).map((l) => l.map((p) => apply(here.matrix, p))),
      });
    }
    for (const child of elementsOf(node)) visit(child, here);
  };
  for (const child of elementsOf(element)) visit(child, context);
  return parts;
}

function contains(rect: Rect, p: Point): boolean {
  return p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height;
}

function centreOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

function union(rects: readonly Rect[]): Rect {
  return boundsOf(rects.flatMap((r) => [r, { x: r.x + r.width, y: r.y + r.height }]));
}

/** The labels of one link: texts on the same background rect are one label; a text on none is a label of its own. */
function labelsOf(rects: readonly Rect[], texts: readonly DrawnText[]): Label[] {
  const onRect = new Map<number, DrawnText[]>();
  const loose: DrawnText[] = [];
  for (const text of texts) {
    if (!text.text) continue;
    const centre = centreOf(text.box);
    // The smallest background that holds the text's centre.
    let best = -1;
    rects.forEach((rect, index) => {
      if (!contains(rect, centre)) return;
      const current = rects[best];
      if (!current || rect.width * rect.height < current.width * current.height) best = index;
    });
    if (best < 0) loose.push(text);
    else onRect.set(best, [...(onRect.get(best) ?? []), text]);
  }
  const labels: Label[] = [];
  for (const [index, list] of onRect) {
    const background = rects[index];
    if (!background) continue;
    labels.push({
      text: list.map((t) => t.text).join(' '),
      box: union([background, ...list.map((t) => t.box)]),
      background,
      texts: list,
    });
  }
  for (const text of loose)
    labels.push({ text: text.text, box: text.box, background: undefined, texts: [text] });
  return labels;
}

function readEdges(reader: SceneReader, root: XmlElement, id: string, kind: Edge['kind']): Edge[] {
  const found = contextOf(reader, root, id);
  if (!found) return [];
  const edges: Edge[] = [];
  for (const child of elementsOf(found.element)) {
    // A link is a group of its own, or (in a plainer drawing) a bare line element.
    const parts: Parts =
      child.name === 'g'
        ? partsOf(reader, child, reader.enter(child, found.context))
        : partsOf(reader, { name: 'g', attributes: new Map(), children: [child] }, found.context);
    // The link's own line: the line elements with the link class when any have it, else all of them.
    const marked = parts.lines.filter(({ element }) =>
      classesOf(element).some((c) => c === 'e' || c === 'edge' || c === 'sb'),
    );
    const lines = (marked.length > 0 ? marked : parts.lines).flatMap((l) => l.lines);
    const first = lines[0]?.[0];
    const last = lines.at(-1)?.at(-1);
    if (!first || !last) continue;
    const texts = child.name === 'g' ? reader.texts(child, found.context) : [];
    edges.push({
      kind,
      lines,
      start: first,
      end: last,
      bounds: boundsOf(lines.flat()),
      title: child.name === 'g' ? titleOf(child) : undefined,
      labels: labelsOf(
        parts.rects.map((r) => r.rect),
        texts,
      ),
    });
  }
  return edges;
}

function readCards(
  reader: SceneReader,
  root: XmlElement,
): { group: XmlElement | undefined; cards: Omit<Card, 'componentId'>[] } {
  const found = contextOf(reader, root, 'components');
  if (!found) return { group: undefined, cards: [] };
  const cards: Omit<Card, 'componentId'>[] = [];
  for (const child of elementsOf(found.element)) {
    if (child.name !== 'g') continue;
    const context = reader.enter(child, found.context);
    // The card's body: the rect with the card class, else the biggest rect at the group's origin.
    const rects = elementsOf(child).filter((e) => e.name === 'rect');
    const body =
      rects.find((r) => classesOf(r).includes('c')) ??
      [...rects]
        .filter((r) => number(r, 'x') === 0 && number(r, 'y') === 0)
        .sort(
          (a, b) => number(b, 'width') * number(b, 'height') - number(a, 'width') * number(a, 'height'),
        )[0];
    if (!body) continue;
    cards.push({
      rect: rectOf(body, reader.enter(body, context).matrix),
      title: titleOf(child),
      texts: reader.texts(child, found.context),
    });
  }
  return { group: found.element, cards };
}

function readNotes(reader: SceneReader, root: XmlElement): Rect[] {
  const found = contextOf(reader, root, 'notes');
  if (!found) return [];
  return elementsOf(found.element).flatMap((child) => {
    const context = reader.enter(child, found.context);
    const body = elementsOf(child).find((e) => e.name === 'rect');
    return body ? [rectOf(body, context.matrix)] : [];
  });
}

function readDocument(root: XmlElement): TopologyDocument | undefined {
  const metadata = byId(root, SVG_METADATA_ID);
  if (!metadata) return undefined;
  const result = parseDocument(textOf(metadata));
  return result.ok ? result.document : undefined;
}

/** Strips white space, for comparing what is drawn with what the document says. */
export function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Which component each card draws: the exporter draws them in document order, so the n-th card is
 * the n-th component when the counts agree and the titles name them; otherwise the card whose
 * title ends with the component's name.
 */
function matchCards(
  cards: readonly Omit<Card, 'componentId'>[],
  document: TopologyDocument | undefined,
): Card[] {
  if (!document) return cards.map((card) => ({ ...card, componentId: undefined }));
  const components = document.components;
  const named = (card: Omit<Card, 'componentId'>, name: string) =>
    card.title === undefined || squeezed(card.title).endsWith(squeezed(visibleText(name)));
  if (
    components.length === cards.length &&
    cards.every((card, i) => named(card, components[i]?.name ?? ''))
  ) {
    return cards.map((card, i) => ({ ...card, componentId: components[i]?.id }));
  }
  const taken = new Set<string>();
  return cards.map((card) => {
    const component = components.find(
      (c) => !taken.has(c.id) && card.title !== undefined && named(card, c.name),
    );
    if (component) taken.add(component.id);
    return { ...card, componentId: component?.id };
  });
}

/** Reads an SVG the designer exported (or one written like it) into what the metrics measure. */
export function readScene(svg: string): Scene {
  const root = parseXml(svg);
  const reader = new SceneReader(classRules(root));
  const document = readDocument(root);
  const { cards } = readCards(reader, root);
  return {
    cards: matchCards(cards, document),
    edges: [
      ...readEdges(reader, root, 'connections', 'connection'),
      ...readEdges(reader, root, 'standby', 'standby'),
    ],
    notes: readNotes(reader, root),
    document,
  };
}
