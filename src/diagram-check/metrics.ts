import type { DocumentConnection, TopologyDocument } from '../document';
import { visibleText } from '../document';
import { matrixCell } from '../domain';
import { isContextLink } from '../drawing/context-kinds';
import type { Point, Rect } from '../drawing/geometry';
import { type Card, type Edge, type Label, type Scene, squeezed } from './scene';

// The five measures of a drawing (docs/diagrams.md), each counted on the exported SVG's geometry.

export interface Metrics {
  readonly cards: number;
  readonly edges: number;
  /** Pairs of cards whose rectangles overlap with a positive area (touching is not overlapping). */
  readonly cardOverlaps: number;
  /** Edge–card pairs: the edge passes through the inside of a card that is not one of its two ends. */
  readonly edgesThroughCards: number;
  /** Labels and card texts not drawn whole: cut short, or wider than the box they are drawn in. */
  readonly clippedLabels: number;
  /** Pairs of labels that overlap, and labels lying on a card or a note. */
  readonly labelOverlaps: number;
  /** Pairs of edges that cross (a proper crossing; meeting at a shared end is not one). */
  readonly edgeCrossings: number;
}

export type MetricName = Exclude<keyof Metrics, 'cards' | 'edges'>;

export const METRIC_NAMES: readonly MetricName[] = [
  'cardOverlaps',
  'edgesThroughCards',
  'clippedLabels',
  'labelOverlaps',
  'edgeCrossings',
];

/** Each offence in words, for finding it in the drawing. */
export type Findings = { readonly [name in MetricName]: readonly string[] };

export interface Measured {
  readonly metrics: Metrics;
  readonly findings: Findings;
}

/** How close (px) an edge's first or last point must be to a card for the card to be that end. */
export const END_TOLERANCE = 4;
/** How far (px) a card is shrunk before an edge is said to pass through it. */
export const CARD_INSET = 2;
/** How deep (px) two labels, or a label and a card, must overlap to count: less is anti-aliasing. */
export const LABEL_SLACK = 1;
/** How far (px) a text's estimated width may pass its box before it counts as clipped. */
export const TEXT_SLACK = 0.5;

const EPSILON = 1e-6;

/** How far the boxes overlap along x and along y (negative or zero: they do not). */
function overlap(a: Rect, b: Rect): { x: number; y: number } {
  return {
    x: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    y: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Whether two rectangles share a positive area deeper than `slack` each way. */
export function rectsOverlap(a: Rect, b: Rect, slack = 0): boolean {
  const o = overlap(a, b);
  return o.x > slack + EPSILON && o.y > slack + EPSILON;
}

function distanceToRect(p: Point, r: Rect): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  return Math.hypot(dx, dy);
}

/**
 * Whether the segment p→q passes through the inside of `r` (Liang–Barsky clipping): a part of
 * positive length lies strictly inside. A segment along the border is not inside.
 */
export function segmentThroughRect(p: Point, q: Point, r: Rect): boolean {
  if (r.width <= 0 || r.height <= 0) return false;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const edges: readonly (readonly [number, number])[] = [
    [-dx, p.x - r.x],
    [dx, r.x + r.width - p.x],
    [-dy, p.y - r.y],
    [dy, r.y + r.height - p.y],
  ];
  for (const [pe, qe] of edges) {
    if (Math.abs(pe) < EPSILON) {
      // Parallel to this border: inside only if strictly on the inner side.
      if (qe <= EPSILON) return false;
      continue;
    }
    const t = qe / pe;
    if (pe < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return (t1 - t0) * Math.hypot(dx, dy) > EPSILON;
}

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return Math.abs(value) < 1e-9 ? 0 : Math.sign(value);
}

/** Whether segments a→b and c→d cross at a single point inside both (touching or overlapping is not crossing). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0 && o1 !== o2 && o3 !== o4;
}

interface Segment {
  readonly a: Point;
  readonly b: Point;
  readonly bounds: Rect;
}

function segmentsOf(edge: Edge): Segment[] {
  const out: Segment[] = [];
  for (const line of edge.lines) {
    for (let i = 1; i < line.length; i += 1) {
      const a = line[i - 1];
      const b = line[i];
      if (!a || !b || (a.x === b.x && a.y === b.y)) continue;
      out.push({
        a,
        b,
        bounds: {
          x: Math.min(a.x, b.x),
          y: Math.min(a.y, b.y),
          width: Math.abs(b.x - a.x),
          height: Math.abs(b.y - a.y),
        },
      });
    }
  }
  return out;
}

/** Whether two boxes meet or overlap (closed boxes: a shared border counts). */
function touches(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

function inset(r: Rect, by: number): Rect {
  return { x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by };
}

/** The cards an edge's end point touches (within END_TOLERANCE); usually one. */
function cardsAt(p: Point, cards: readonly Card[]): number[] {
  const out: number[] = [];
  cards.forEach((card, index) => {
    if (distanceToRect(p, card.rect) <= END_TOLERANCE) out.push(index);
  });
  return out;
}

function nearest(p: Point, cards: readonly Card[], among: readonly number[]): Card | undefined {
  let best: Card | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const index of among) {
    const card = cards[index];
    if (!card) continue;
    const d = distanceToRect(p, card.rect);
    if (d < bestDistance) {
      best = card;
      bestDistance = d;
    }
  }
  return best;
}

/** The text a connection's label must show whole: the user's label, else its matrix cell's label. */
export function fullLabel(connection: DocumentConnection, document: TopologyDocument): string | undefined {
  const own = connection.label?.trim();
  if (own) return own;
  const kindOf = (id: string) => document.components.find((c) => c.id === id)?.kind;
  const from = kindOf(connection.from);
  const to = kindOf(connection.to);
  if (!from || !to || isContextLink(from, to)) return undefined;
  return matrixCell(from, to)?.label;
}

/** The document's connection an edge draws, found by the components at its two ends. */
function connectionOf(
  edge: Edge,
  ends: { start: Card | undefined; end: Card | undefined },
  document: TopologyDocument | undefined,
): DocumentConnection | undefined {
  if (!document || edge.kind !== 'connection') return undefined;
  const from = ends.start?.componentId;
  const to = ends.end?.componentId;
  if (from === undefined || to === undefined) return undefined;
  return (
    document.connections.find((c) => c.from === from && c.to === to) ??
    document.connections.find((c) => c.from === to && c.to === from)
  );
}

function cardName(card: Card, document: TopologyDocument | undefined, index: number): string {
  const component = document?.components.find((c) => c.id === card.componentId);
  return component ? `'${component.name}'` : (card.title ?? `card ${index + 1}`);
}

function edgeName(edge: Edge, index: number): string {
  return edge.title ?? `${edge.kind} ${index + 1}`;
}

function textOverflows(text: Label['texts'][number], box: Rect): boolean {
  const b = text.box;
  return (
    b.x < box.x - TEXT_SLACK ||
    b.x + b.width > box.x + box.width + TEXT_SLACK ||
    b.y < box.y - TEXT_SLACK ||
    b.y + b.height > box.y + box.height + TEXT_SLACK
  );
}

/** Why a card's text is clipped, or undefined when it is drawn whole. */
function clippedCard(card: Card, document: TopologyDocument | undefined): string | undefined {
  const over = card.texts.find((t) => {
    const b = t.box;
    return b.x < card.rect.x - TEXT_SLACK || b.x + b.width > card.rect.x + card.rect.width + TEXT_SLACK;
  });
  if (over) return `"${over.text}" is wider than its card`;
  const drawn = squeezed(card.texts.map((t) => t.text).join(''));
  const title = squeezed(card.title ?? '');
  const component = document?.components.find((c) => c.id === card.componentId);
  if (component) {
    const name = squeezed(visibleText(component.name));
    if (!drawn.includes(name) && !title.includes(name)) return 'its name is cut and not in its <title>';
    return undefined;
  }
  // Without the document, a text cut with "…" whose start the title does not hold.
  const cut = card.texts.find((t) => t.text.endsWith('…') && !title.includes(squeezed(t.text.slice(0, -1))));
  return cut ? `"${cut.text}" is cut and not in its <title>` : undefined;
}

/** Why a link's label is clipped, or undefined when it is drawn whole. */
function clippedLabel(label: Label, full: string | undefined): string | undefined {
  if (label.background) {
    const over = label.texts.find((t) => label.background && textOverflows(t, label.background));
    if (over) return `"${over.text}" is wider than its background`;
  }
  const drawn = squeezed(label.text);
  if (full !== undefined) {
    const whole = squeezed(visibleText(full));
    if (!drawn.includes(whole)) return `"${label.text}" does not show "${full}" whole`;
    return undefined;
  }
  return label.text.includes('…') ? `"${label.text}" is cut` : undefined;
}

/** Measures a scene: the five counts, and each offence in words. */
export function measure(scene: Scene): Measured {
  const { cards, edges, notes, document } = scene;
  const findings: { [name in MetricName]: string[] } = {
    cardOverlaps: [],
    edgesThroughCards: [],
    clippedLabels: [],
    labelOverlaps: [],
    edgeCrossings: [],
  };

  for (let i = 0; i < cards.length; i += 1) {
    const a = cards[i];
    if (!a) continue;
    for (let j = i + 1; j < cards.length; j += 1) {
      const b = cards[j];
      if (b && rectsOverlap(a.rect, b.rect)) {
        findings.cardOverlaps.push(`${cardName(a, document, i)} overlaps ${cardName(b, document, j)}`);
      }
    }
  }

  const segments = edges.map(segmentsOf);
  const ends = edges.map((edge) => {
    const start = cardsAt(edge.start, cards);
    const end = cardsAt(edge.end, cards);
    return {
      all: new Set([...start, ...end]),
      start: nearest(edge.start, cards, start),
      end: nearest(edge.end, cards, end),
    };
  });
  const inner = cards.map((card) => inset(card.rect, CARD_INSET));

  edges.forEach((edge, e) => {
    const own = ends[e]?.all ?? new Set<number>();
    const list = segments[e] ?? [];
    inner.forEach((rect, c) => {
      if (own.has(c) || !touches(edge.bounds, rect)) return;
      if (list.some((s) => touches(s.bounds, rect) && segmentThroughRect(s.a, s.b, rect))) {
        const card = cards[c];
        if (card)
          findings.edgesThroughCards.push(`${edgeName(edge, e)} passes under ${cardName(card, document, c)}`);
      }
    });
  });

  cards.forEach((card, c) => {
    const why = clippedCard(card, document);
    if (why) findings.clippedLabels.push(`card ${cardName(card, document, c)}: ${why}`);
  });
  const labels: { label: Label; owner: string }[] = [];
  edges.forEach((edge, e) => {
    const end = ends[e];
    const connection = end ? connectionOf(edge, end, document) : undefined;
    const full = connection && document ? fullLabel(connection, document) : undefined;
    for (const label of edge.labels) {
      labels.push({ label, owner: edgeName(edge, e) });
      const why = clippedLabel(label, full);
      if (why) findings.clippedLabels.push(`label of ${edgeName(edge, e)}: ${why}`);
    }
  });

  for (let i = 0; i < labels.length; i += 1) {
    const a = labels[i];
    if (!a) continue;
    for (let j = i + 1; j < labels.length; j += 1) {
      const b = labels[j];
      if (b && rectsOverlap(a.label.box, b.label.box, LABEL_SLACK)) {
        findings.labelOverlaps.push(`label "${a.label.text}" overlaps label "${b.label.text}"`);
      }
    }
    cards.forEach((card, c) => {
      if (rectsOverlap(a.label.box, card.rect, LABEL_SLACK)) {
        findings.labelOverlaps.push(`label "${a.label.text}" lies on card ${cardName(card, document, c)}`);
      }
    });
    notes.forEach((note, n) => {
      if (rectsOverlap(a.label.box, note, LABEL_SLACK)) {
        findings.labelOverlaps.push(`label "${a.label.text}" lies on note ${n + 1}`);
      }
    });
  }

  for (let i = 0; i < edges.length; i += 1) {
    const a = edges[i];
    const sa = segments[i];
    if (!a || !sa) continue;
    for (let j = i + 1; j < edges.length; j += 1) {
      const b = edges[j];
      const sb = segments[j];
      if (!b || !sb || !touches(a.bounds, b.bounds)) continue;
      const cross = sa.some((s) =>
        touches(s.bounds, b.bounds)
          ? sb.some((t) => touches(s.bounds, t.bounds) && segmentsCross(s.a, s.b, t.a, t.b))
          : false,
      );
      if (cross) findings.edgeCrossings.push(`${edgeName(a, i)} crosses ${edgeName(b, j)}`);
    }
  }

  return {
    metrics: {
      cards: cards.length,
      edges: edges.length,
      cardOverlaps: findings.cardOverlaps.length,
      edgesThroughCards: findings.edgesThroughCards.length,
      clippedLabels: findings.clippedLabels.length,
      labelOverlaps: findings.labelOverlaps.length,
      edgeCrossings: findings.edgeCrossings.length,
    },
    findings,
  };
}
