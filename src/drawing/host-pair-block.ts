// Two hosts that hold the two halves of HA pairs, drawn side by side with each primary next to its
// backup (issue 14 item 1: "an HA pair sits side by side"). ELK lays a host out as one box, and a
// connection between two boxes puts one above the other; inside a box it keeps no order we give it
// (docs/diagrams.md lists what was tried). So we place the two hosts' cards ourselves, as one block
// of rows by role tier: the primary host's cards on the left, the backup host's on the right, the
// pairs meeting at the gap between the hosts. ELK lays out the rest of the diagram around the block
// (a box of fixed size with a port where each connection meets a card), and the connections of the
// block's cards are routed by our own router (`routeBlockLinks`).
import type { ELK, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { DocumentComponent, TopologyDocument } from '../document';
import { HOST_HEADER, hostHeaderWidth } from './containers';
import { drawnLinks } from './drawn-links';
import { standbyRoute } from './edge-route';
import type { Point, Rect } from './geometry';
import { CARD_HEIGHT, cardWidth, GRID, hostNames, ROLE_TIER } from './layout';
import { countCrossings } from './route-crossings';

export const BLOCK = 'hosts:';
/** Between two cards of a row, and from one row to the next (room for routes and their tags). */
const CARD_GAP = 48;
const ROW_GAP = 96;
/** Between the two hosts' boxes: with the pads, room for the standby link's label between a pair. */
const HOST_GAP = 48;
/** Inside each host, between its border and its cards: more than ELK's, so no route runs along a border. */
const PAD = 32;
/** The separator's width: with ELK's spacing on each side, the gap between the two hosts' cards. */
const SEP_WIDTH = 2 * 32 + 48 - 2 * 48;
/** Each row's order is searched over every permutation up to this many cards on a side. */
const MAX_PERMUTED = 5;

const up = (v: number) => Math.ceil(v / GRID) * GRID;
const tierOf = (c: DocumentComponent) => ROLE_TIER[c.kind];

/** Two hosts joined by HA pairs: every pair between them has its primary on `primary`. */
export interface HostPair {
  readonly primary: string;
  readonly backup: string;
}

/**
 * The host pairs of a document: two hosts in one zone (or none) whose cross-host HA pairs all run
 * from the one to the other, neither host in another such pair.
 */
export function hostPairs(document: TopologyDocument): HostPair[] {
  const hostOf = new Map((document.hosts ?? []).map((h) => [h.id, h]));
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const links = new Map<string, { primary: string; backup: string; mixed: boolean }>();
  const partners = new Map<string, Set<string>>();
  for (const backup of document.components) {
    const primary = backup.backupOf !== undefined ? byId.get(backup.backupOf) : undefined;
    if (!primary || primary === backup || primary.host === undefined || backup.host === undefined) continue;
    const a = hostOf.get(primary.host);
    const b = hostOf.get(backup.host);
    if (!a || !b || a === b || a.zone !== b.zone) continue;
    const key = [a.id, b.id].sort().join('+');
    const link = links.get(key) ?? { primary: a.id, backup: b.id, mixed: false };
    if (link.primary !== a.id) link.mixed = true;
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
  return [...links.values()]
    .filter(
      (l) =>
        !l.mixed && (partners.get(l.primary)?.size ?? 0) === 1 && (partners.get(l.backup)?.size ?? 0) === 1,
    )
    .map(({ primary, backup }) => ({ primary, backup }));
}

/** The rows (role tiers, top down, counted in the block) that hold an HA pair of the host pair. */
export function pairRows(document: TopologyDocument, pair: HostPair): number[] {
  const cards = document.components.filter((c) => c.host === pair.primary || c.host === pair.backup);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const tiers = [...new Set(cards.map(tierOf))].sort((a, b) => a - b);
  const rows = new Set<number>();
  for (const b of cards) {
    const p = b.backupOf !== undefined ? byId.get(b.backupOf) : undefined;
    if (p && p.host === pair.primary && b.host === pair.backup && tierOf(p) === tierOf(b))
      rows.add(tiers.indexOf(tierOf(p)));
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * Crossings inside the blocks, as drawn: their routes (to the border for connections that leave)
 * and the standby link of each pair (edge-route.ts `standbyRoute`).
 */
export function blockCrossings(document: TopologyDocument, blocks: readonly Block[]): number {
  const names = hostNames(document);
  let total = 0;
  for (const block of blocks) {
    const cards = new Map<string, Rect>();
    for (const c of document.components) {
      const at = block.cards.get(c.id);
      if (at) cards.set(c.id, { ...at, width: cardWidth(c, names.get(c.host ?? '')), height: CARD_HEIGHT });
    }
    const standby = document.components.flatMap((c) => {
      const b = cards.get(c.id);
      const p = c.backupOf === undefined ? undefined : cards.get(c.backupOf);
      return b && p && b !== p ? [standbyRoute(b, p, [...cards.values()])] : [];
    });
    total += countCrossings([...block.inner.values(), ...standby]);
  }
  return total;
}

/** Where a host pair's cards and host boxes go, relative to the block's top-left corner. */
export interface Block {
  readonly id: string;
  readonly pair: HostPair;
  readonly width: number;
  readonly height: number;
  readonly cards: ReadonlyMap<string, Point>;
  readonly hosts: ReadonlyMap<string, Rect>;
  /**
   * Routes inside the block: a connection between two of its cards whole (source to target); one
   * to a card outside from its port on the block's border to its card.
   */
  readonly inner: ReadonlyMap<string, readonly Point[]>;
  /** Where each connection to a card outside meets the block's border (top or bottom). */
  readonly ports: ReadonlyMap<string, { readonly x: number; readonly y: number; readonly north: boolean }>;
  /** The x of each card's middle and each terminal: where a second run orders the ports by. */
  readonly seen?: ReadonlyMap<string, number>;
  readonly primaryLeft?: boolean;
  readonly apart?: ReadonlySet<number>;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * The block of a host pair, the primary host on the left when `primaryLeft`. In each row (a role
 * tier) the pairs meet at the gap, the innermost first in document order; the other cards of
 * each host take the order that draws the block's own connections shortest and least crossed.
 */
export function planBlock(document: TopologyDocument, pair: HostPair, primaryLeft: boolean): Block {
  const names = hostNames(document);
  const width = new Map(document.components.map((c) => [c.id, cardWidth(c, names.get(c.host ?? ''))]));
  const w = (id: string) => width.get(id) ?? 0;
  const [left, right] = primaryLeft ? [pair.primary, pair.backup] : [pair.backup, pair.primary];
  const cards = document.components.filter((c) => c.host === left || c.host === right);
  const inBlock = new Set(cards.map((c) => c.id));
  const byId = new Map(cards.map((c) => [c.id, c]));
  const tiers = [...new Set(cards.map(tierOf))].sort((a, b) => a - b);
  const links = drawnLinks(document)
    .filter(({ source, target }) => inBlock.has(source.id) && inBlock.has(target.id))
    .map(({ source, target }) => [source.id, target.id] as const);

  // Each row: [left others…, left pair cards (outermost first)] | [right pair cards, right others…].
  const rows = tiers.map((tier) => {
    const here = cards.filter((c) => tierOf(c) === tier);
    const pairs = here.flatMap((b) => {
      const p = b.backupOf !== undefined ? byId.get(b.backupOf) : undefined;
      return p && p.host === pair.primary && b.host === pair.backup && tierOf(p) === tier ? [{ p, b }] : [];
    });
    const paired = new Set(pairs.flatMap(({ p, b }) => [p.id, b.id]));
    const leftPaired = pairs.map(({ p, b }) => (primaryLeft ? p : b).id).reverse();
    const rightPaired = pairs.map(({ p, b }) => (primaryLeft ? b : p).id);
    return {
      leftOthers: here.filter((c) => c.host === left && !paired.has(c.id)).map((c) => c.id),
      leftPaired,
      rightPaired,
      rightOthers: here.filter((c) => c.host === right && !paired.has(c.id)).map((c) => c.id),
    };
  });

  const leftWidth = up(
    Math.max(
      ...rows.map((r) =>
        [...r.leftOthers, ...r.leftPaired].reduce((s, id) => s + w(id) + CARD_GAP, -CARD_GAP),
      ),
      hostMinimum(document, left) - 2 * PAD,
    ),
  );
  const rightWidth = up(
    Math.max(
      ...rows.map((r) =>
        [...r.rightPaired, ...r.rightOthers].reduce((s, id) => s + w(id) + CARD_GAP, -CARD_GAP),
      ),
      hostMinimum(document, right) - 2 * PAD,
    ),
  );
  const leftBox = leftWidth + 2 * PAD;
  const rightX = leftBox + HOST_GAP;
  const pitch = up(CARD_HEIGHT + ROW_GAP);
  const top = HOST_HEADER + PAD;
  const at = new Map<string, Point>();
  const placeRow = (index: number, leftIds: readonly string[], rightIds: readonly string[]) => {
    const y = top + index * pitch;
    let x = PAD + leftWidth;
    for (const id of [...leftIds].reverse()) {
      x = Math.floor((x - w(id)) / GRID) * GRID;
      at.set(id, { x, y });
      x -= CARD_GAP;
    }
    x = rightX + PAD;
    for (const id of rightIds) {
      at.set(id, { x, y });
      x = up(x + w(id) + CARD_GAP);
    }
  };
  rows.forEach((r, i) => {
    placeRow(i, [...r.leftOthers, ...r.leftPaired], [...r.rightPaired, ...r.rightOthers]);
  });
  // Each row's other cards in the order that draws the block's connections best, row by row, twice.
  const centre = (id: string) => (at.get(id)?.x ?? 0) + w(id) / 2;
  const cost = () => {
    let c = 0;
    for (const [a, b] of links) c += Math.abs(centre(a) - centre(b));
    for (let i = 0; i < links.length; i += 1)
      for (let j = i + 1; j < links.length; j += 1) {
        const [a, b] = links[i] as readonly [string, string];
        const [p, q] = links[j] as readonly [string, string];
        if (a === p || a === q || b === p || b === q) continue;
        const ya = at.get(a)?.y ?? 0;
        const yb = at.get(b)?.y ?? 0;
        const yp = at.get(p)?.y ?? 0;
        const yq = at.get(q)?.y ?? 0;
        // Straight lines between the same two rows cross when their ends swap order.
        if (Math.min(ya, yb) !== Math.min(yp, yq) || Math.max(ya, yb) !== Math.max(yp, yq) || ya === yb)
          continue;
        const [a1, a2] = ya < yb ? [a, b] : [b, a];
        const [p1, p2] = yp < yq ? [p, q] : [q, p];
        if ((centre(a1) - centre(p1)) * (centre(a2) - centre(p2)) < 0) c += 1000;
      }
    return c;
  };
  for (let round = 0; round < 2; round += 1) {
    rows.forEach((r, i) => {
      const leftOptions = r.leftOthers.length <= MAX_PERMUTED ? permutations(r.leftOthers) : [r.leftOthers];
      const rightOptions =
        r.rightOthers.length <= MAX_PERMUTED ? permutations(r.rightOthers) : [r.rightOthers];
      let best = { cost: Number.POSITIVE_INFINITY, l: r.leftOthers, r: r.rightOthers };
      for (const l of leftOptions)
        for (const rr of rightOptions) {
          placeRow(i, [...l, ...r.leftPaired], [...r.rightPaired, ...rr]);
          const c = cost();
          if (c < best.cost) best = { cost: c, l, r: rr };
        }
      r.leftOthers = best.l;
      r.rightOthers = best.r;
      placeRow(i, [...r.leftOthers, ...r.leftPaired], [...r.rightPaired, ...r.rightOthers]);
    });
  }
  const height = top + (rows.length - 1) * pitch + CARD_HEIGHT + PAD;
  const rightBox = rightWidth + 2 * PAD;
  return {
    id: `${BLOCK}${pair.primary}+${pair.backup}`,
    pair,
    width: rightX + rightBox,
    height,
    inner: new Map(),
    ports: new Map(),
    cards: at,
    hosts: new Map([
      [left, { x: 0, y: 0, width: leftBox, height }],
      [right, { x: rightX, y: 0, width: rightBox, height }],
    ]),
  };
}

function hostMinimum(document: TopologyDocument, id: string): number {
  const host = document.hosts?.find((h) => h.id === id);
  // The same minimum as ELK's host boxes (elk-layout.ts): the band's name, details and badges.
  return host ? Math.max(hostHeaderWidth(host) + 120, 240) : 240;
}

const SEP = 'sep:';
const TERMINAL = 'term:';
const PAIR_NODE = 'pair:';
/** The gap between a primary and its backup: the two hosts' pads and the gap between the hosts. */
const PAIR_GAP = 2 * PAD + HOST_GAP;

/** One connection's end on a block card: the side it leaves by, and the other end it goes to. */
interface End {
  readonly connection: string;
  readonly card: string;
  readonly side: 'N' | 'S' | 'W' | 'E';
  /** The other end: a card of the block, or the terminal above or below. */
  readonly other: string;
}

/**
 * The block laid out by ELK on its own, in a flat graph where ELK keeps the order it is given
 * (crossing minimisation off): each row's cards in `planBlock`'s order; in a row with an HA pair,
 * the pair is one node with a fixed port where each connection meets either card (so the two sit
 * side by side, the hosts' gap between them), in a row without one an invisible separator; the
 * pairs and separators joined top to bottom so ELK lines the hosts' gap up in one column (the
 * hosts' boxes then never overlap); and a terminal node above or below the block for each
 * connection to a card outside it, so ELK routes those connections to the block's border, where
 * the diagram's layout takes them on (`blockNode`). The ports along each card are ordered by where
 * their other ends are: guessed, or read from an `earlier` run of the same block. Undefined when ELK's answer
 * does not keep the hosts apart.
 */
export async function layOutBlock(
  elk: ELK,
  document: TopologyDocument,
  pair: HostPair,
  primaryLeft: boolean,
  apart: ReadonlySet<number> = new Set(),
  earlier?: Block,
): Promise<Block | undefined> {
  const plan = planBlock(document, pair, primaryLeft);
  const guess = earlier?.seen ?? new Map([...plan.cards].map(([id, p]) => [id, p.x]));
  const run = await runBlock(elk, document, pair, primaryLeft, plan, guess, apart);
  return run ? { ...run.block, seen: run.xs, primaryLeft, apart } : undefined;
}

async function runBlock(
  elk: ELK,
  document: TopologyDocument,
  pair: HostPair,
  primaryLeft: boolean,
  plan: Block,
  guess: ReadonlyMap<string, number>,
  apart: ReadonlySet<number>,
): Promise<{ block: Block; xs: Map<string, number> } | undefined> {
  const names = hostNames(document);
  const widthOf = (c: DocumentComponent) => cardWidth(c, names.get(c.host ?? ''));
  const [left, right] = primaryLeft ? [pair.primary, pair.backup] : [pair.backup, pair.primary];
  const cards = document.components.filter((c) => plan.cards.has(c.id));
  const byId = new Map(cards.map((c) => [c.id, c]));
  const tiers = [...new Set(cards.map(tierOf))].sort((a, b) => a - b);
  const rowOf = new Map(cards.map((c) => [c.id, tiers.indexOf(tierOf(c))]));
  const last = tiers.length - 1;
  // The first row's nodes are taller than their cards by the hosts' bands above them, the last
  // row's by the hosts' padding below, so ELK's horizontal segments run outside the host boxes
  // (ELK computes margins itself): each card sits inside its node, its connections go on to it.
  const above = (row: number) => (row === 0 ? HOST_HEADER + PAD + 8 : 0);
  const below = (row: number) => (row === last ? PAD + 8 : 0);
  const partition = (n: number) => ({ 'elk.partitioning.partition': String(n) });
  const planned = (id: string) => plan.cards.get(id)?.x ?? 0;
  const order = (c: DocumentComponent) => (outer.has(c.id) ? (c.host === left ? -1e9 : 1e9) : planned(c.id));

  // The pair of each row (the first by document order) and its node's layout: left card at 0.
  const pairIn = new Map<number, { left: DocumentComponent; right: DocumentComponent }>();
  // Pairs drawn apart: each card at its host's outer end of the row.
  const outer = new Set<string>();
  for (const b of cards) {
    const p = b.backupOf !== undefined ? byId.get(b.backupOf) : undefined;
    if (!p || p.host !== pair.primary || b.host !== pair.backup || rowOf.get(p.id) !== rowOf.get(b.id))
      continue;
    const row = rowOf.get(p.id) as number;
    if (!pairIn.has(row) && !apart.has(row))
      pairIn.set(row, primaryLeft ? { left: p, right: b } : { left: b, right: p });
    if (apart.has(row)) {
      outer.add(p.id).add(b.id);
    }
  }
  const nodeOf = new Map<string, string>();
  const offset = new Map<string, number>();
  for (const [row, { left: l, right: r }] of pairIn) {
    const id = `${PAIR_NODE}${row}`;
    nodeOf.set(l.id, id).set(r.id, id);
    offset.set(l.id, 0).set(r.id, widthOf(l) + PAIR_GAP);
  }

  // Every connection end on a block card, and its terminal when the other end is outside.
  const ends: End[] = [];
  const terminals: { id: string; above: boolean; card: string }[] = [];
  const inside: { connection: string; source: string; target: string }[] = [];
  for (const { connection, source, target } of drawnLinks(document)) {
    const a = byId.get(source.id);
    const b = byId.get(target.id);
    if (!a && !b) continue;
    if (a && b) {
      if (nodeOf.get(a.id) !== undefined && nodeOf.get(a.id) === nodeOf.get(b.id)) continue;
      const ra = rowOf.get(a.id) as number;
      const rb = rowOf.get(b.id) as number;
      const sa = ra < rb ? 'S' : ra > rb ? 'N' : planned(a.id) < planned(b.id) ? 'E' : 'W';
      const sb = ra < rb ? 'N' : ra > rb ? 'S' : sa === 'E' ? 'W' : 'E';
      ends.push({ connection: connection.id, card: a.id, side: sa, other: b.id });
      ends.push({ connection: connection.id, card: b.id, side: sb, other: a.id });
      inside.push({ connection: connection.id, source: a.id, target: b.id });
      continue;
    }
    const mine = (a ?? b) as DocumentComponent;
    const other = mine === a ? target : source;
    const up = tierOf(other) <= tierOf(mine);
    const id = `${TERMINAL}${connection.id}`;
    terminals.push({ id, above: up, card: mine.id });
    ends.push({ connection: connection.id, card: mine.id, side: up ? 'N' : 'S', other: id });
  }
  const xOf = (id: string) => guess.get(id) ?? guess.get(terminals.find((t) => t.id === id)?.card ?? '') ?? 0;

  // Ports on pair nodes: each card side's ends spread evenly in the order of their other ends.
  const portOf = new Map<string, string>();
  const portsOf = new Map<string, ElkPort[]>();
  const bySide = new Map<string, End[]>();
  for (const e of ends) {
    if (!nodeOf.has(e.card)) continue;
    const key = `${e.card}:${e.side}`;
    bySide.set(key, [...(bySide.get(key) ?? []), e]);
  }
  for (const list of bySide.values()) {
    const first = list[0] as End;
    const card = byId.get(first.card) as DocumentComponent;
    const row = rowOf.get(card.id) as number;
    const node = nodeOf.get(card.id) as string;
    const height = CARD_HEIGHT + above(row) + below(row);
    list.sort((p, q) => xOf(p.other) - xOf(q.other) || (p.connection < q.connection ? -1 : 1));
    list.forEach((e, k) => {
      const vertical = e.side === 'N' || e.side === 'S';
      const t = (k + 1) / (list.length + 1);
      const x = vertical
        ? Math.round((offset.get(card.id) ?? 0) + widthOf(card) * t)
        : e.side === 'W'
          ? 0
          : (offset.get(card.id) ?? 0) + widthOf(card);
      const y = e.side === 'N' ? 0 : e.side === 'S' ? height : Math.round(above(row) + CARD_HEIGHT * t);
      const id = `port:${e.connection}:${e.card}`;
      const side = { N: 'NORTH', S: 'SOUTH', W: 'WEST', E: 'EAST' }[e.side];
      portsOf.set(node, [
        ...(portsOf.get(node) ?? []),
        { id, x, y, width: 1, height: 1, layoutOptions: { 'elk.port.side': side } },
      ]);
      portOf.set(`${e.connection}:${e.card}`, id);
    });
  }

  // Nodes in model order: terminals above, each row left to right, terminals below.
  const nodes: ElkNode[] = [];
  const terminalNode = (id: string, row: number): ElkNode => ({
    id,
    width: 2,
    height: 2,
    layoutOptions: partition(row),
  });
  for (const t of terminals.filter((t) => t.above).sort((p, q) => xOf(p.card) - xOf(q.card)))
    nodes.push(terminalNode(t.id, 0));
  const centre = new Map<number, string>();
  tiers.forEach((_, row) => {
    const height = CARD_HEIGHT + above(row) + below(row);
    const plain = (c: DocumentComponent): ElkNode => ({
      id: c.id,
      width: widthOf(c),
      height,
      layoutOptions: partition(row + 1),
    });
    const here = cards
      .filter((c) => rowOf.get(c.id) === row && !nodeOf.has(c.id))
      .sort((a, b) => order(a) - order(b));
    for (const c of here.filter((c) => c.host === left)) nodes.push(plain(c));
    const p = pairIn.get(row);
    if (p) {
      const id = `${PAIR_NODE}${row}`;
      const gapX = widthOf(p.left) + PAIR_GAP / 2;
      nodes.push({
        id,
        width: widthOf(p.left) + PAIR_GAP + widthOf(p.right),
        height,
        ports: [
          ...(portsOf.get(id) ?? []),
          { id: `${id}:n`, x: gapX, y: 0, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'NORTH' } },
          {
            id: `${id}:s`,
            x: gapX,
            y: height,
            width: 1,
            height: 1,
            layoutOptions: { 'elk.port.side': 'SOUTH' },
          },
        ],
        layoutOptions: { ...partition(row + 1), 'elk.portConstraints': 'FIXED_POS' },
      });
      centre.set(row, id);
    } else {
      const id = `${SEP}${row}`;
      nodes.push({ id, width: SEP_WIDTH, height, layoutOptions: partition(row + 1) });
      centre.set(row, id);
    }
    for (const c of here.filter((c) => c.host === right)) nodes.push(plain(c));
  });
  for (const t of terminals.filter((t) => !t.above).sort((p, q) => xOf(p.card) - xOf(q.card)))
    nodes.push(terminalNode(t.id, tiers.length + 1));

  const edges: ElkExtendedEdge[] = [];
  const end = (connection: string, card: string) => portOf.get(`${connection}:${card}`) ?? card;
  for (let row = 0; row + 1 < tiers.length; row += 1) {
    const a = centre.get(row) as string;
    const b = centre.get(row + 1) as string;
    edges.push({
      id: `${SEP}e${row}`,
      sources: [a.startsWith(PAIR_NODE) ? `${a}:s` : a],
      targets: [b.startsWith(PAIR_NODE) ? `${b}:n` : b],
      layoutOptions: { 'elk.layered.priority.straightness': '100', 'elk.layered.priority.direction': '100' },
    });
  }
  for (const { connection, source, target } of inside) {
    const down = (rowOf.get(source) as number) <= (rowOf.get(target) as number);
    const [s, t] = down ? [source, target] : [target, source];
    edges.push({ id: connection, sources: [end(connection, s)], targets: [end(connection, t)] });
  }
  for (const t of terminals) {
    const connection = t.id.slice(TERMINAL.length);
    const card = end(connection, t.card);
    edges.push({ id: connection, sources: [t.above ? t.id : card], targets: [t.above ? card : t.id] });
  }
  const result = await elk.layout({
    id: 'block',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.partitioning.activate': 'true',
      // The order given is the order drawn: the hosts' cards on their sides, the pairs together.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.mergeEdges': 'false',
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': String(CARD_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.edgeNode': '24',
      'elk.layered.spacing.edgeNodeBetweenLayers': '24',
      'elk.spacing.edgeEdge': '14',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
    },
    children: nodes,
    edges,
  });

  // Where each card is (top-left), and each node's box (to take routes on to the cards).
  const at = new Map<string, Point>();
  const boxes: { box: Rect; row: number }[] = [];
  const terminalAt = new Map<string, number>();
  const rowOfNode = (id: string) => {
    if (id.startsWith(PAIR_NODE) || id.startsWith(SEP)) return Number(id.slice(id.indexOf(':') + 1));
    return rowOf.get(id);
  };
  for (const child of result.children ?? []) {
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    if (child.id.startsWith(TERMINAL)) {
      terminalAt.set(child.id, x);
      continue;
    }
    const row = rowOfNode(child.id);
    if (row === undefined) continue;
    boxes.push({ box: { x, y, width: child.width ?? 0, height: child.height ?? 0 }, row });
    if (child.id.startsWith(PAIR_NODE)) {
      const p = pairIn.get(row);
      if (!p) continue;
      at.set(p.left.id, { x, y: y + above(row) });
      at.set(p.right.id, { x: x + (offset.get(p.right.id) ?? 0), y: y + above(row) });
    } else if (!child.id.startsWith(SEP)) at.set(child.id, { x, y: y + above(row) });
  }
  const toCard = (p: Point): Point => {
    for (const { box, row } of boxes) {
      if (p.x < box.x - 1 || p.x > box.x + box.width + 1) continue;
      if (Math.abs(p.y - box.y) <= 2) return { x: p.x, y: box.y + above(row) };
      if (Math.abs(p.y - box.y - box.height) <= 2) return { x: p.x, y: box.y + box.height - below(row) };
    }
    return p;
  };
  // Each host: its cards' box, padded; the two the same height.
  const span = (host: string) => {
    const mine = cards.filter((c) => c.host === host);
    if (mine.length === 0 || mine.some((c) => !at.has(c.id))) return undefined;
    const x1 = Math.min(...mine.map((c) => (at.get(c.id) as Point).x)) - PAD;
    const x2 = Math.max(...mine.map((c) => (at.get(c.id) as Point).x + widthOf(c))) + PAD;
    return { x1, x2: Math.max(x2, x1 + hostMinimum(document, host)) };
  };
  const a = span(left);
  const b = span(right);
  if (!a || !b || a.x2 + HOST_GAP > b.x1) return undefined;
  const y1 = Math.min(...cards.map((c) => (at.get(c.id) as Point).y)) - HOST_HEADER - PAD;
  const y2 = Math.max(...cards.map((c) => (at.get(c.id) as Point).y)) + CARD_HEIGHT + PAD;
  // On the grid, relative to the block's corner.
  const x0 = Math.floor(a.x1 / GRID) * GRID;
  const yTop = Math.floor(y1 / GRID) * GRID;
  const shift = (p: Point) => ({ x: p.x - x0, y: p.y - yTop });
  const width = b.x2 - x0;
  const height = y2 - yTop;
  const inner = new Map<string, Point[]>();
  const ports = new Map<string, { x: number; y: number; north: boolean }>();
  const terminalOf = new Map(terminals.map((t) => [t.id.slice(TERMINAL.length), t]));
  const sourceOf = new Map(document.connections.map((c) => [c.id, c.from]));
  for (const edge of result.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section || edge.id.startsWith(SEP)) continue;
    const raw = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    let points = [toCard(raw[0] as Point), ...raw.slice(1, -1), toCard(raw[raw.length - 1] as Point)].map(
      shift,
    );
    const t = terminalOf.get(edge.id);
    if (!t) {
      // ELK's edge runs down the rows: turned back when the connection runs up.
      const source = sourceOf.get(edge.id) ?? '';
      const fromSource =
        edge.sources?.[0] === source || edge.sources?.[0] === portOf.get(`${edge.id}:${source}`);
      inner.set(edge.id, fromSource ? points : points.reverse());
      continue;
    }
    // From the terminal to the card, cut where it crosses the block's border.
    if (!t.above) points = points.reverse();
    const border = t.above ? 0 : height;
    const cut = cutAt(points, border);
    if (!cut) return undefined;
    ports.set(edge.id, { x: (cut[0] as Point).x, y: border, north: t.above });
    inner.set(edge.id, cut);
  }
  // A route may run beside the hosts (to a terminal beyond them): the block grows to hold it, so
  // its ports lie on its border and nothing is placed over the route.
  const xsOfRoutes = [...inner.values()].flatMap((points) => points.map((p) => p.x));
  const left0 = Math.min(0, ...xsOfRoutes);
  const dx = left0 < 0 ? Math.ceil(-left0 / GRID) * GRID : 0;
  const grown = Math.max(width, ...xsOfRoutes) + dx;
  const move = (p: Point): Point => ({ x: p.x + dx, y: p.y });
  if (dx > 0) {
    for (const [id, points] of inner) inner.set(id, points.map(move));
    for (const [id, port] of ports) ports.set(id, { ...port, x: port.x + dx });
  }
  // The next pass's guess: where each card's middle and each terminal now are.
  const xs = new Map<string, number>();
  for (const c of cards) xs.set(c.id, (at.get(c.id)?.x ?? 0) + widthOf(c) / 2);
  for (const [id, x] of terminalAt) xs.set(id, x);
  return {
    xs,
    block: {
      id: plan.id,
      pair,
      width: grown,
      height,
      cards: new Map(cards.map((c) => [c.id, move(shift(at.get(c.id) as Point))])),
      hosts: new Map([
        [left, { x: a.x1 - x0 + dx, y: y1 - yTop, width: a.x2 - a.x1, height: y2 - y1 }],
        [right, { x: b.x1 - x0 + dx, y: y1 - yTop, width: b.x2 - b.x1, height: y2 - y1 }],
      ]),
      inner,
      ports,
    },
  };
}

/**
 * The part of `points` (from a terminal outside the block to a card inside) from where it last
 * crosses the horizontal line `y`, starting with that crossing point. Undefined when it never does.
 */
function cutAt(points: readonly Point[], y: number): Point[] | undefined {
  for (let i = points.length - 2; i >= 0; i -= 1) {
    const p = points[i] as Point;
    const q = points[i + 1] as Point;
    if ((p.y - y) * (q.y - y) <= 0 && p.y !== q.y) {
      return [{ x: p.x, y }, ...points.slice(i + 1)];
    }
  }
  return undefined;
}

/**
 * The block as one ELK node of its size, with a fixed port where each connection to a card outside
 * the block meets its border (`portOf` maps the connection to it).
 */
export function blockNode(block: Block): { node: ElkNode; portOf: Map<string, string> } {
  const ports: ElkPort[] = [];
  const portOf = new Map<string, string>();
  for (const [connection, p] of block.ports) {
    const id = `port:${connection}`;
    ports.push({
      id,
      x: p.x,
      y: p.north ? 0 : block.height,
      width: 1,
      height: 1,
      layoutOptions: { 'elk.port.side': p.north ? 'NORTH' : 'SOUTH' },
    });
    portOf.set(connection, id);
  }
  return {
    node: {
      id: block.id,
      width: block.width,
      height: block.height,
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    },
    portOf,
  };
}
