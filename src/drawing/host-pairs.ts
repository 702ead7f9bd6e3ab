// Two hosts that hold the two halves of HA pairs, drawn side by side with each pair in one row.
// ELK lays out a host as one box, and any connection between two hosts puts one box above the
// other (a layer of its own); nor does it keep an order or a column inside a box in its
// hierarchical mode (in-layer constraints, group model order and interactive phases were tried:
// docs/diagrams.md). So the two hosts are handed to ELK as one box of *rows*: each row is one node
// as wide as both hosts, holding the cards of one role tier, the primary host's on one side of a
// gap and the backup host's on the other, with a fixed port on the row's border where each of its
// connections meets its card. ELK places the rows and routes every connection to those ports; the
// cards and the two host boxes are read back from the rows.
import type { ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { DocumentComponent, TopologyDocument } from '../document';
import { HOST_HEADER, HOST_PAD, hostHeaderWidth } from './containers';
import { drawnLinks } from './drawn-links';
import type { Point, Rect } from './geometry';
import { CARD_HEIGHT, cardWidth, hostNames, ROLE_TIER } from './layout';

/** Space between two cards of one host in a row (ELK's node spacing). */
const CARD_GAP = 40;
const ROW = 'row:';
/** Keep the children's order as given (ELK's crossing minimisation may not reorder them). */
export const MODEL_ORDER: Record<string, string> = {
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  ...(process.env.FORCE ? { 'elk.layered.crossingMinimization.forceNodeModelOrder': 'true' } : {}),
};
const PORT = 'port:';
export const HOST_PAIR = 'hosts:';

/** Two hosts joined by HA pairs: every pair between them has its primary on `primary`. */
export interface HostPair {
  readonly id: string;
  readonly primary: string;
  readonly backup: string;
}

/**
 * The host pairs of a document: two hosts in one zone (or none) whose only cross-host HA pairs
 * are between them, every primary on the one and every backup on the other. A host in two such
 * pairs, or with pairs both ways, is left to the ordinary layout.
 */
export function hostPairs(document: TopologyDocument): HostPair[] {
  const hostOf = new Map((document.hosts ?? []).map((h) => [h.id, h]));
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const links = new Map<string, { primary: string; backup: string; count: number }>();
  const partners = new Map<string, Set<string>>();
  for (const backup of document.components) {
    const primary = backup.backupOf !== undefined ? byId.get(backup.backupOf) : undefined;
    if (!primary || primary === backup || primary.host === undefined || backup.host === undefined) continue;
    const a = hostOf.get(primary.host);
    const b = hostOf.get(backup.host);
    if (!a || !b || a === b || a.zone !== b.zone) continue;
    const key = [a.id, b.id].sort().join('+');
    const link = links.get(key) ?? { primary: a.id, backup: b.id, count: 0 };
    if (link.primary !== a.id) link.count = Number.NaN;
    else link.count += 1;
    links.set(key, link);
    for (const [x, y] of [
      [a.id, b.id],
      [b.id, a.id],
    ] as const) {
      const set = partners.get(x) ?? new Set();
      set.add(y);
      partners.set(x, set);
    }
  }
  const pairs: HostPair[] = [];
  for (const [key, link] of links) {
    if (!(link.count > 0)) continue;
    if ((partners.get(link.primary)?.size ?? 0) > 1 || (partners.get(link.backup)?.size ?? 0) > 1) continue;
    pairs.push({ id: `${HOST_PAIR}${key}`, primary: link.primary, backup: link.backup });
  }
  return pairs;
}

/** One host's part of a row: its node's size and where each card sits in it. */
interface Row {
  readonly id: string;
  readonly tier: number;
  readonly side: 'left' | 'right' | 'pair';
  readonly width: number;
  readonly cards: ReadonlyMap<string, Point>;
}

/** How a host pair is drawn: its rows, which host is on the left, and each connection's ports. */
export interface HostPairPlan {
  readonly pair: HostPair;
  readonly left: string;
  readonly right: string;
  readonly rows: readonly Row[];
  /** Card id → row id. */
  readonly rowOf: ReadonlyMap<string, string>;
  /** Connection id → port id at its source card and at its target card (when in a row). */
  readonly ports: ReadonlyMap<string, { source?: string; target?: string }>;
  readonly portNodes: ReadonlyMap<string, ElkPort[]>;
  readonly hostOfCard: ReadonlyMap<string, string>;
  /** Each part is a box of its cards (ELK orders them and their ports) instead of one fixed node. */
  readonly boxes: boolean;
  /** Invisible edges from each row to the next, through the gap (ids start with `spine:`). */
  readonly spine: readonly { readonly id: string; readonly source: string; readonly target: string }[];
}

const tierOf = (c: DocumentComponent) => ROLE_TIER[c.kind];

/**
 * The rows of a host pair. `seen` is where an earlier layout put the cards (the same hosts drawn as
 * one box, so ELK chose the order that crosses least): it orders the cards in a row and the
 * connections along a card's side. `primaryLeft` puts the primary host on the left. Undefined when
 * two cards of one row are connected (a row is one node: ELK cannot draw that connection).
 */
export function planHostPair(
  document: TopologyDocument,
  pair: HostPair,
  seen: ReadonlyMap<string, Point>,
  primaryLeft: boolean,
  boxes = false,
): HostPairPlan | undefined {
  const hostNameOf = hostNames(document);
  const width = (c: DocumentComponent) => cardWidth(c, hostNameOf.get(c.host ?? ''));
  const left = primaryLeft ? pair.primary : pair.backup;
  const right = primaryLeft ? pair.backup : pair.primary;
  const cards = document.components.filter((c) => c.host === left || c.host === right);
  const byTier = new Map<number, DocumentComponent[]>();
  for (const c of cards) byTier.set(tierOf(c), [...(byTier.get(tierOf(c)) ?? []), c]);
  const partId = (tier: number, host: string) =>
    `${ROW}${pair.id}:${tier}:${host === left ? 'left' : 'right'}`;
  const rowOf = new Map<string, string>();
  for (const [tier, list] of byTier) for (const c of list) rowOf.set(c.id, partId(tier, c.host as string));
  const links = drawnLinks(document);
  for (const { source, target } of links) {
    if (rowOf.has(source.id) && rowOf.has(target.id) && tierOf(source) === tierOf(target)) return undefined;
  }
  const x = (c: DocumentComponent) => seen.get(c.id)?.x ?? 0;
  const byId = new Map(document.components.map((c) => [c.id, c]));
  // A primary whose backup is across the gap sits next to the gap, and its backup too.
  const nearGap = new Set<string>();
  for (const c of cards) {
    const primary = c.backupOf !== undefined ? byId.get(c.backupOf) : undefined;
    if (primary && primary.host !== c.host && rowOf.has(primary.id) && tierOf(primary) === tierOf(c)) {
      nearGap.add(primary.id);
      nearGap.add(c.id);
    }
  }
  const sides = [...byTier.entries()].map(([tier, list]) => {
    const order = (host: string, gapLast: boolean) =>
      list
        .filter((c) => c.host === host)
        .sort((a, b) => {
          const gap = Number(nearGap.has(a.id)) - Number(nearGap.has(b.id));
          return gap !== 0 ? (gapLast ? gap : -gap) : x(a) - x(b);
        });
    return { tier, l: order(left, true), r: order(right, false) };
  });
  const span = (list: readonly DocumentComponent[]) =>
    list.reduce((sum, c) => sum + width(c) + CARD_GAP, list.length > 0 ? -CARD_GAP : 0);
  const hostOf = new Map((document.hosts ?? []).map((h) => [h.id, h]));
  const band = (id: string) => {
    const host = hostOf.get(id);
    return host ? Math.max(hostHeaderWidth(host) + 120, 240) - 2 * HOST_PAD : 0;
  };
  const leftWidth = Math.max(band(left), ...sides.map((s) => span(s.l)));
  const rightWidth = Math.max(band(right), ...sides.map((s) => span(s.r)));
  // A part is its host's side of the row and the host's padding towards the gap, so ELK's node
  // spacing between the two parts is the room between the two host boxes.
  const rows: Row[] = [];
  for (const side of sides) {
    const { tier } = side;
    let { l, r } = side;
    // In boxes, an HA pair across the gap is a box of its own between the two hosts' boxes.
    const pl = l.filter((c) => nearGap.has(c.id));
    const pr = r.filter((c) => nearGap.has(c.id));
    if (boxes && process.env.PAIRBOX && pl.length === 1 && pr.length === 1) {
      const id = `${ROW}${pair.id}:${tier}:pair`;
      const [a, b] = [pl[0], pr[0]] as [DocumentComponent, DocumentComponent];
      for (const c of [a, b]) rowOf.set(c.id, id);
      const gap = 2 * HOST_PAD + CARD_GAP;
      rows.push({
        id,
        tier,
        side: 'pair',
        width: width(a) + gap + width(b),
        cards: new Map([
          [a.id, { x: 0, y: 0 }],
          [b.id, { x: width(a) + gap, y: 0 }],
        ]),
      });
      l = l.filter((c) => !nearGap.has(c.id));
      r = r.filter((c) => !nearGap.has(c.id));
    }
    if (l.length > 0) {
      const at = new Map<string, Point>();
      let cursor = leftWidth;
      for (const c of [...l].reverse()) {
        cursor -= width(c);
        at.set(c.id, { x: cursor, y: 0 });
        cursor -= CARD_GAP;
      }
      rows.push({ id: partId(tier, left), tier, side: 'left', width: leftWidth + HOST_PAD, cards: at });
    }
    if (r.length > 0) {
      const at = new Map<string, Point>();
      let cursor = HOST_PAD;
      for (const c of r) {
        at.set(c.id, { x: cursor, y: 0 });
        cursor += width(c) + CARD_GAP;
      }
      rows.push({ id: partId(tier, right), tier, side: 'right', width: rightWidth + HOST_PAD, cards: at });
    }
  }
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const hostOfCard = new Map(cards.map((c) => [c.id, c.host as string]));
  // Ports: on the card's lower side where ELK has it as the source (the connection points down the
  // tiers), on its upper side where it is the target; spread along the card in the order of the
  // other ends, so they do not cross at the card.
  type End = { connection: string; end: 'source' | 'target'; card: DocumentComponent; other: DocumentComponent };
  const ends = new Map<string, End[]>();
  for (const { connection, source, target } of links) {
    const up = tierOf(source) > tierOf(target);
    const [elkSource, elkTarget] = up ? [target, source] : [source, target];
    for (const [card, other, end] of [
      [elkSource, elkTarget, up ? 'target' : 'source'],
      [elkTarget, elkSource, up ? 'source' : 'target'],
    ] as const) {
      if (!rowOf.has(card.id)) continue;
      if (boxes && !(rowOf.get(card.id) as string).endsWith(':pair')) continue;
      const side = card === elkSource ? 'SOUTH' : 'NORTH';
      const key = `${card.id}|${side}`;
      ends.set(key, [...(ends.get(key) ?? []), { connection: connection.id, end, card, other }]);
    }
  }
  const ports = new Map<string, { source?: string; target?: string }>();
  const portNodes = new Map<string, ElkPort[]>();
  // Each row is tied to the next by an invisible edge through the gap between the hosts, drawn
  // straight, so the rows' gaps line up (else ELK shifts rows sideways and the hosts overlap).
  const spine: { id: string; source: string; target: string }[] = [];
  for (const side of ['left', 'right', 'pair'] as const) {
    const ordered = rows.filter((row) => row.side === side).sort((a, b) => a.tier - b.tier);
    ordered.forEach((row, index) => {
      const next = ordered[index + 1];
      if (!next) return;
      const down = `${PORT}spine:${row.id}:s`;
      const up = `${PORT}spine:${next.id}:n`;
      const port = (id: string, part: Row, onTop: boolean): ElkPort => ({
        id,
        x: side === 'left' ? part.width : side === 'right' ? 0 : pairGapX(part),
        y: onTop ? 0 : CARD_HEIGHT,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': onTop ? 'NORTH' : 'SOUTH' },
      });
      portNodes.set(row.id, [...(portNodes.get(row.id) ?? []), port(down, row, false)]);
      portNodes.set(next.id, [...(portNodes.get(next.id) ?? []), port(up, next, true)]);
      spine.push({ id: `spine:${row.id}`, source: down, target: up });
    });
  }
  const centre = (c: DocumentComponent) => x(c) + width(c) / 2;
  for (const [key, list] of ends) {
    const side = key.endsWith('SOUTH') ? 'SOUTH' : 'NORTH';
    const card = (list[0] as End).card;
    const row = rowById.get(rowOf.get(card.id) as string) as Row;
    const at = row.cards.get(card.id) as Point;
    const sorted = [...list].sort((a, b) => centre(a.other) - centre(b.other));
    sorted.forEach((end, index) => {
      const id = `${PORT}${end.connection}:${end.end}`;
      const px = Math.round(at.x + (width(card) * (index + 1)) / (sorted.length + 1));
      const port: ElkPort = {
        id,
        x: px,
        y: side === 'NORTH' ? 0 : CARD_HEIGHT,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': side },
      };
      portNodes.set(row.id, [...(portNodes.get(row.id) ?? []), port]);
      ports.set(end.connection, { ...ports.get(end.connection), [end.end]: id });
    });
  }
  if (boxes) {
    const nodeEnd = (id: string) =>
      id.includes(':pair:') ? id : id.replace(/^port:spine:(.*):[sn]$/, '$1');
    for (const [row, list] of portNodes) {
      if (!row.endsWith(':pair')) portNodes.delete(row);
      else portNodes.set(row, list);
    }
    return {
      pair,
      left,
      right,
      rows,
      rowOf,
      ports,
      portNodes,
      boxes,
      hostOfCard,
      spine: spine.map((link) => ({ ...link, source: nodeEnd(link.source), target: nodeEnd(link.target) })),
    };
  }
  return { pair, left, right, rows, rowOf, ports, portNodes, spine, boxes, hostOfCard };
}

/** Where the gap between the two cards of a pair part is, from the part's left edge. */
function pairGapX(part: Row): number {
  const xs = [...part.cards.values()].map((p) => p.x).sort((a, b) => a - b);
  return (xs[1] as number) - (2 * HOST_PAD + CARD_GAP) / 2;
}

/** The ELK node of one row: as wide as both hosts, with a fixed port for each connection. */
export function rowNode(plan: HostPairPlan, row: Row, document?: TopologyDocument): ElkNode {
  if (plan.boxes && document && row.side !== 'pair') {
    const hostNameOf = hostNames(document);
    const byId = new Map(document.components.map((c) => [c.id, c]));
    return {
      id: row.id,
      children: [...row.cards.entries()]
        .sort((a, b) => a[1].x - b[1].x)
        .map(([id]) => {
        const c = byId.get(id) as DocumentComponent;
        return { id, width: cardWidth(c, hostNameOf.get(c.host ?? '')), height: CARD_HEIGHT };
      }),
      layoutOptions: {
        'elk.spacing.nodeNode': String(CARD_GAP),
        'elk.padding':
          row.side === 'left'
            ? `[top=0,left=0,bottom=0,right=${HOST_PAD}]`
            : `[top=0,left=${HOST_PAD},bottom=0,right=0]`,
      },
    };
  }
  return {
    id: row.id,
    width: row.width,
    height: CARD_HEIGHT,
    ports: plan.portNodes.get(row.id) ?? [],
    layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
  };
}

/** The ELK box that holds a host pair's rows: a host's padding and band above the first row. */
export function pairBoxOptions(): Record<string, string> {
  return {
    ...(process.env.MO === '2' ? MODEL_ORDER : {}),
    'elk.padding': `[top=${HOST_HEADER + HOST_PAD},left=${HOST_PAD},bottom=${HOST_PAD},right=${HOST_PAD}]`,
  };
}

/**
 * Reads a host pair back from ELK's rows (absolute top-left corners): each card, and each host's
 * box around its own side of the rows that hold its cards.
 */
export function readHostPair(
  plan: HostPairPlan,
  rowAt: ReadonlyMap<string, Point>,
  components: Map<string, Point>,
  hosts: Map<string, Rect>,
  widths: ReadonlyMap<string, number> = new Map(),
): void {
  const extent = new Map<string, { x0: number; x1: number; y0: number; y1: number }>();
  const grow = (host: string, x0: number, x1: number, y: number) => {
    const e = extent.get(host);
    extent.set(host, {
      x0: Math.min(e?.x0 ?? x0, x0),
      x1: Math.max(e?.x1 ?? x1, x1),
      y0: Math.min(e?.y0 ?? y, y),
      y1: Math.max(e?.y1 ?? y, y),
    });
  };
  for (const row of plan.rows) {
    const at = rowAt.get(row.id);
    if (!at) continue;
    if (plan.boxes) {
      if (row.side === 'pair')
        for (const [id, offset] of row.cards) components.set(id, { x: at.x + offset.x, y: at.y + offset.y });
      for (const id of row.cards.keys()) {
        const card = components.get(id);
        const w = widths.get(id) ?? 0;
        const host = plan.hostOfCard.get(id);
        if (card && host) grow(host, card.x, card.x + w, card.y);
      }
      continue;
    }
    for (const [id, offset] of row.cards) components.set(id, { x: at.x + offset.x, y: at.y + offset.y });
    if (row.side === 'left') grow(plan.left, at.x, at.x + row.width - HOST_PAD, at.y);
    else grow(plan.right, at.x + HOST_PAD, at.x + row.width, at.y);
  }
  for (const [host, e] of extent) {
    hosts.set(host, {
      x: e.x0 - HOST_PAD,
      y: e.y0 - HOST_HEADER - HOST_PAD,
      width: e.x1 - e.x0 + 2 * HOST_PAD,
      height: e.y1 - e.y0 + CARD_HEIGHT + HOST_HEADER + 2 * HOST_PAD,
    });
  }
}
