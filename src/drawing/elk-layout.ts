// "Tidy up" with ELK's layered layout: zones ⊃ hosts ⊃ cards as compound nodes, tiers by role,
// orthogonal routes with room kept for the connection tags. Pure: the caller brings the ELK engine
// (a worker in the designer, the same thread in Node), so this file runs everywhere.
import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { DocumentComponent, TopologyDocument } from '../document';
import { HOST_HEADER, HOST_PAD, hostHeaderWidth, ZONE_HEADER, ZONE_PAD } from './containers';
import { drawnLinks } from './drawn-links';
import { standbyRoute } from './edge-route';
import { edgeTag, edgeTagWidth, TAG_HEIGHT } from './edge-tag';
import { type Point, type Rect, rectsOverlap } from './geometry';
import { type Block, blockCrossings, blockNode, hostPairs, layOutBlock, pairRows } from './host-pair-block';
import { CARD_HEIGHT, cardWidth, GRID, hostNames, ROLE_TIER } from './layout';
import { simplify } from './orthogonal-router';
import { countCrossings } from './route-crossings';
import { estimateTextWidth } from './text-metrics';

export { countCrossings } from './route-crossings';

/** Where everything goes: absolute top-left corners, container boxes and each route's points. */
export interface DiagramLayout {
  readonly components: ReadonlyMap<string, Point>;
  readonly hosts: ReadonlyMap<string, Rect>;
  readonly zones: ReadonlyMap<string, Rect>;
  /** Connection id → the route from the source card's border to the target card's, with its bends. */
  readonly routes: ReadonlyMap<string, readonly Point[]>;
}

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // The whole hierarchy in one run: the only way ELK routes a connection out of a host.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'PARENT',
  'elk.separateConnectedComponents': 'false',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Document order as a tie-break made a flat 200-card layout take 20 s, and drew more crossings.
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.mergeEdges': 'false',
  'elk.layered.thoroughness': '10',
};

/**
 * The room between things. ELK reads spacing from the node whose children it places, so every
 * container carries it too (without it a host's rows were 20 px apart, too close for a tag).
 */
const SPACING: LayoutOptions = {
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.edgeNode': '24',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.spacing.edgeEdge': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '64',
};

const TIER_EDGE = 'tier:';
/** Above this many cards and containers at the root, the root's tiers are left to its connections. */
const LARGE = 60;
/** Up to this many cards, Tidy up tries several layouts and keeps the best (`layoutChoices`). */
const TRY_SOME = 60;
const PAIR = 'pair:';
const CLUSTER = 'site:';

type Parent = { children: ElkNode[]; tiers: Map<number, string[]> };

function tierOf(component: DocumentComponent): number {
  return ROLE_TIER[component.kind];
}

/** One way of asking ELK: Tidy up asks a small diagram several ways and keeps the best answer. */
export interface GraphChoice {
  /** ELK keeps room for the connection tags between the rows. */
  readonly labels: boolean;
  /** Invisible edges hold the role tiers in every container (else only the connections do). */
  readonly tiers: boolean;
  /** The seed of ELK's randomised crossing minimisation. */
  readonly seed: number;
}

const FIRST_CHOICE: GraphChoice = { labels: true, tiers: true, seed: 1 };

/** ELK's picture of the document; ids are the document's, so the result maps straight back. */
export function elkGraph(
  document: TopologyDocument,
  choice: Partial<GraphChoice> = {},
  blocks: readonly Block[] = [],
): ElkNode {
  const { labels: withLabels, tiers: withTiers, seed } = { ...FIRST_CHOICE, ...choice };
  const root: ElkNode & Parent = {
    id: 'root',
    layoutOptions: { ...ROOT_OPTIONS, ...SPACING, 'elk.randomSeed': String(seed) },
    children: [],
    edges: [],
    tiers: new Map(),
  };
  const hostNameOf = hostNames(document);
  const zones = new Map<string, ElkNode & Parent>();
  const hosts = new Map<string, ElkNode & Parent>();
  const componentIds = new Set(document.components.map((c) => c.id));
  // The lowest (highest up) tier in each container, so containers keep the role order too.
  const hostTier = new Map<string, number>();
  const zoneTier = new Map<string, number>();
  const hostOf = new Map((document.hosts ?? []).map((h) => [h.id, h]));
  for (const component of document.components) {
    if (component.host === undefined || !hostOf.has(component.host)) continue;
    const tier = tierOf(component);
    hostTier.set(component.host, Math.min(hostTier.get(component.host) ?? tier, tier));
    const zone = hostOf.get(component.host)?.zone;
    if (zone !== undefined) zoneTier.set(zone, Math.min(zoneTier.get(zone) ?? tier, tier));
  }
  const place = (parent: ElkNode & Parent, node: ElkNode, tier: number) => {
    parent.children.push(node);
    const list = parent.tiers.get(tier);
    if (list) list.push(node.id);
    else parent.tiers.set(tier, [node.id]);
  };
  for (const zone of document.zones ?? []) {
    const node: ElkNode & Parent = {
      id: zone.id,
      children: [],
      tiers: new Map(),
      layoutOptions: {
        ...SPACING,
        'elk.padding': `[top=${ZONE_HEADER + ZONE_PAD},left=${ZONE_PAD},bottom=${ZONE_PAD},right=${ZONE_PAD}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.ceil(estimateTextWidth(zone.name, 13, true) + 32)}, 96)`,
      },
    };
    zones.set(zone.id, node);
    place(root, node, zoneTier.get(zone.id) ?? 3);
  }
  // A host pair's two hosts are one block of fixed size, its cards placed by us (host-pair-block.ts).
  const blockOf = new Map<string, Block>();
  for (const block of blocks) for (const id of block.hosts.keys()) blockOf.set(id, block);
  const blockCards = new Set(blocks.flatMap((b) => [...b.cards.keys()]));
  const ports = new Map<string, string>();
  const blockPlaced = new Set<Block>();
  for (const host of document.hosts ?? []) {
    const block = blockOf.get(host.id);
    if (block) {
      if (blockPlaced.has(block)) continue;
      blockPlaced.add(block);
      const { node, portOf } = blockNode(block);
      for (const [connection, port] of portOf) ports.set(connection, port);
      const tier = Math.min(...[...block.hosts.keys()].map((id) => hostTier.get(id) ?? 3));
      place((host.zone !== undefined && zones.get(host.zone)) || root, node, tier);
      continue;
    }
    const node: ElkNode & Parent = {
      id: host.id,
      children: [],
      tiers: new Map(),
      layoutOptions: {
        ...SPACING,
        'elk.padding': `[top=${HOST_HEADER + HOST_PAD},left=${HOST_PAD},bottom=${HOST_PAD},right=${HOST_PAD}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        // Room for the canvas's band too: its "HOST" tag and LCA badge beside the name and address.
        'elk.nodeSize.minimum': `(${Math.max(hostHeaderWidth(host) + 120, 240)}, 96)`,
      },
    };
    hosts.set(host.id, node);
    place((host.zone !== undefined && zones.get(host.zone)) || root, node, hostTier.get(host.id) ?? 3);
  }
  // An HA pair that shares a container sits side by side in an invisible box of its own.
  const pairOf = new Map<string, ElkNode & Parent>();
  const inPair = new Map<string, string>();
  const clusters = flatClusters(document, hosts);
  const clusterBoxes = new Map<number, ElkNode & Parent>();
  for (const [index, members] of clusters.groups.entries()) {
    const box: ElkNode & Parent = {
      id: `${CLUSTER}${index}`,
      children: [],
      tiers: new Map(),
      layoutOptions: { ...SPACING, 'elk.padding': '[top=0,left=0,bottom=0,right=0]' },
    };
    clusterBoxes.set(index, box);
    place(root, box, Math.min(...members.map(tierOf)));
  }
  const parentOf = (c: DocumentComponent): ElkNode & Parent => {
    const host = c.host !== undefined ? hosts.get(c.host) : undefined;
    if (host) return host;
    const cluster = clusters.of.get(c.id);
    return (cluster !== undefined && clusterBoxes.get(cluster)) || root;
  };
  const byId = new Map(document.components.map((c) => [c.id, c]));
  for (const component of document.components) {
    if (blockCards.has(component.id)) continue;
    const node: ElkNode = {
      id: component.id,
      width: cardWidth(component, hostNameOf.get(component.host ?? '')),
      height: CARD_HEIGHT,
    };
    const primary = component.backupOf !== undefined ? byId.get(component.backupOf) : undefined;
    const pairKey =
      primary && primary !== component && parentOf(primary) === parentOf(component) ? primary.id : undefined;
    const pairHere = pairKey !== undefined ? pairOf.get(pairKey) : pairOf.get(component.id);
    if (pairHere) {
      pairHere.children.push(node);
      inPair.set(component.id, pairHere.id);
      continue;
    }
    const hasBackupHere = document.components.some(
      (b) => b.backupOf === component.id && b !== component && parentOf(b) === parentOf(component),
    );
    if (hasBackupHere || pairKey !== undefined) {
      const box: ElkNode & Parent = {
        id: `${PAIR}${pairKey ?? component.id}`,
        children: [node],
        tiers: new Map(),
        layoutOptions: { 'elk.padding': '[top=0,left=0,bottom=0,right=0]' },
      };
      pairOf.set(pairKey ?? component.id, box);
      inPair.set(component.id, box.id);
      place(parentOf(component), box, tierOf(component));
      continue;
    }
    place(parentOf(component), node, tierOf(component));
  }
  if (componentIds.size === 0) return strip(root);
  // Tiers: ELK's partitions hold only for the root's children, and at the root they made a flat
  // 200-card layout take 14 s; so invisible edges from each tier to the next keep the role order
  // in every container. Two small tiers are joined directly; larger ones through an invisible
  // anchor between them, so the edges grow with the cards, not with their product.
  const edges: ElkExtendedEdge[] = [];
  let tierEdges = 0;
  const tierEdge = (from: string, to: string) => {
    tierEdges += 1;
    edges.push({ id: `${TIER_EDGE}${tierEdges}`, sources: [from], targets: [to] });
  };
  // A large flat diagram leaves the root to its real connections (which point down the tiers):
  // anchors joining hundreds of cards made ELK's crossing minimisation five times slower.
  const rootTiers = root.children.length <= LARGE ? [root] : [];
  const tiered = withTiers
    ? [...rootTiers, ...zones.values(), ...hosts.values(), ...clusterBoxes.values()]
    : [];
  for (const container of tiered) {
    const tiers = [...container.tiers.keys()].sort((a, b) => a - b);
    for (let i = 0; i + 1 < tiers.length; i += 1) {
      const upper = container.tiers.get(tiers[i] as number) ?? [];
      const lower = container.tiers.get(tiers[i + 1] as number) ?? [];
      if (upper.length * lower.length <= upper.length + lower.length + 2) {
        for (const from of upper) for (const to of lower) tierEdge(from, to);
        continue;
      }
      const anchor = `${TIER_EDGE}${container.id}:${i}`;
      container.children.push({ id: anchor, width: 1, height: 1 });
      for (const from of upper) tierEdge(from, anchor);
      for (const to of lower) tierEdge(anchor, to);
    }
  }
  for (const { connection, source, target } of drawnLinks(document)) {
    // Between the two cards of a pair box: not given to ELK, which would stack them to draw it;
    // it is drawn straight between the cards side by side.
    if (inPair.has(source.id) && inPair.get(source.id) === inPair.get(target.id)) continue;
    // Within a block: routed by us after the layout; to a block: met at the block's port.
    if (blockCards.has(source.id) && blockCards.has(target.id)) continue;
    const from = blockCards.has(source.id) ? (ports.get(connection.id) as string) : source.id;
    const to = blockCards.has(target.id) ? (ports.get(connection.id) as string) : target.id;
    // Drawn top-down: a connection that climbs the tiers is given to ELK the other way round (and
    // its route turned back afterwards), so the cycle breaker never reverses the role order.
    const up = tierOf(source) > tierOf(target);
    const tag = edgeTag(connection, source, target);
    edges.push({
      id: connection.id,
      sources: [up ? to : from],
      targets: [up ? from : to],
      ...(tag &&
        withLabels && {
          labels: [
            {
              text: tag.text,
              width: edgeTagWidth(tag),
              height: TAG_HEIGHT,
              layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' },
            },
          ],
        }),
    });
  }
  root.edges = edges;
  // A large diagram gets one crossing-minimisation pass per layer sweep instead of ten: the
  // 200-card layout's time halves (issue 14 asks under 1 s), its crossings barely change.
  if (document.components.length > LARGE) {
    root.layoutOptions = { ...root.layoutOptions, 'elk.layered.thoroughness': '1' };
  }
  return strip(root);
}

/**
 * The sites of a diagram drawn without hosts: cards outside any host, grouped by the connections
 * between different tiers (a WFM Server to its Builders and DAP), not by those within one (a
 * WFM Server to another site's). Each group of two or more is laid out in an invisible box of its
 * own, with its own tiers, as a host's cards are; without them one set of role rows ran across
 * every site and routes crossed between them. Nothing is grouped when there is one group, or too
 * many cards outside hosts (the large diagram's layout is kept fast).
 */
function flatClusters(
  document: TopologyDocument,
  hosts: { has(id: string): boolean },
): { groups: DocumentComponent[][]; of: Map<string, number> } {
  const loose = document.components.filter((c) => c.host === undefined || !hosts.has(c.host));
  const none = { groups: [], of: new Map<string, number>() };
  if (loose.length > LARGE) return none;
  const parent = new Map(loose.map((c) => [c.id, c.id]));
  const find = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at) as string;
    return at;
  };
  const byId = new Map(loose.map((c) => [c.id, c]));
  for (const connection of document.connections) {
    const a = byId.get(connection.from);
    const b = byId.get(connection.to);
    if (!a || !b || tierOf(a) === tierOf(b)) continue;
    parent.set(find(a.id), find(b.id));
  }
  const byRoot = new Map<string, DocumentComponent[]>();
  for (const c of loose) {
    const list = byRoot.get(find(c.id)) ?? [];
    list.push(c);
    byRoot.set(find(c.id), list);
  }
  const groups = [...byRoot.values()].filter((g) => g.length > 1);
  if (groups.length < 2) return none;
  const of = new Map<string, number>();
  groups.forEach((group, index) => {
    for (const c of group) of.set(c.id, index);
  });
  return { groups, of };
}

/** The graph without the builder's bookkeeping (ELK copies every field it is given). */
function strip(node: ElkNode & Partial<Parent>): ElkNode {
  const { tiers: _tiers, children, ...rest } = node;
  return children && children.length > 0 ? { ...rest, children: children.map((c) => strip(c)) } : rest;
}

const snap = (value: number) => Math.round(value);

/** Reads ELK's answer back: absolute boxes, and each real connection's route in its own direction. */
export function readElkLayout(
  result: ElkNode,
  document: TopologyDocument,
  blocks: readonly Block[] = [],
): DiagramLayout {
  const blockById = new Map(blocks.map((b) => [b.id, b]));
  const blockOrigin = new Map<string, Point>();
  const componentIds = new Set(document.components.map((c) => c.id));
  const hostIds = new Set((document.hosts ?? []).map((h) => h.id));
  const zoneIds = new Set((document.zones ?? []).map((z) => z.id));
  const components = new Map<string, Point>();
  const hosts = new Map<string, Rect>();
  const zones = new Map<string, Rect>();
  const walk = (node: ElkNode, ox: number, oy: number) => {
    for (const child of node.children ?? []) {
      const x = ox + (child.x ?? 0);
      const y = oy + (child.y ?? 0);
      const rect = { x: snap(x), y: snap(y), width: snap(child.width ?? 0), height: snap(child.height ?? 0) };
      const block = blockById.get(child.id);
      if (block) {
        // On the grid, so its cards are where it put them (its routes join ELK's at the border).
        const bx = Math.round(x / GRID) * GRID;
        const by = Math.round(y / GRID) * GRID;
        blockOrigin.set(block.id, { x: bx, y: by });
        for (const [id, p] of block.cards) components.set(id, { x: bx + p.x, y: by + p.y });
        for (const [id, r] of block.hosts) hosts.set(id, { ...r, x: bx + r.x, y: by + r.y });
        continue;
      }
      if (componentIds.has(child.id)) components.set(child.id, { x: rect.x, y: rect.y });
      else if (hostIds.has(child.id)) hosts.set(child.id, rect);
      else if (zoneIds.has(child.id)) zones.set(child.id, rect);
      walk(child, x, y);
    }
  };
  walk(result, 0, 0);
  const routes = new Map<string, Point[]>();
  const reversed = new Set<string>();
  const byId = new Map(document.components.map((c) => [c.id, c]));
  for (const connection of document.connections) {
    const source = byId.get(connection.from);
    const target = byId.get(connection.to);
    if (source && target && tierOf(source) > tierOf(target)) reversed.add(connection.id);
  }
  for (const edge of result.edges ?? []) {
    if (edge.id.startsWith(TIER_EDGE)) continue;
    const section = edge.sections?.[0];
    if (!section) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({
      x: snap(p.x),
      y: snap(p.y),
    }));
    routes.set(edge.id, reversed.has(edge.id) ? points.reverse() : points);
  }
  // A host pair's block: its own routes, joined at its border to ELK's outside it.
  for (const block of blocks) {
    const origin = blockOrigin.get(block.id);
    if (!origin) continue;
    const move = (p: Point) => ({ x: snap(origin.x + p.x), y: snap(origin.y + p.y) });
    for (const [id, piece] of block.inner) {
      const inside = piece.map(move);
      if (!block.ports.has(id)) {
        routes.set(id, inside);
        continue;
      }
      const outside = routes.get(id);
      if (!outside || outside.length < 2) continue;
      // The piece runs port → card: first when the card is the connection's source.
      const source = document.connections.find((c) => c.id === id)?.from ?? '';
      const fromBlock = block.cards.has(source);
      // ELK's end at the port and ours may differ by rounding: ours follows (its first segment
      // is vertical, through the border).
      const port = (fromBlock ? outside[0] : outside[outside.length - 1]) as Point;
      const first = inside[0] as Point;
      if (inside.length > 1 && (inside[1] as Point).x === first.x)
        inside[1] = { ...(inside[1] as Point), x: port.x };
      inside[0] = { x: port.x, y: port.y };
      routes.set(
        id,
        simplify(fromBlock ? [...inside.reverse(), ...outside.slice(1)] : [...outside, ...inside.slice(1)]),
      );
    }
  }
  return snapToGrid({ components, hosts, zones, routes }, document);
}

/**
 * Cards on the 8-px grid, as everywhere else in the designer; each route's first and last segment
 * follows its card (by at most 4 px), keeping every segment horizontal or vertical.
 */
function snapToGrid(layout: DiagramLayout, document: TopologyDocument): DiagramLayout {
  const shift = new Map<string, Point>();
  const components = new Map<string, Point>();
  for (const [id, p] of layout.components) {
    const to = { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
    components.set(id, to);
    shift.set(id, { x: to.x - p.x, y: to.y - p.y });
  }
  const ends = new Map(document.connections.map((c) => [c.id, c]));
  const routes = new Map<string, Point[]>();
  for (const [id, original] of layout.routes) {
    const connection = ends.get(id);
    const a = (connection && shift.get(connection.from)) ?? { x: 0, y: 0 };
    const b = (connection && shift.get(connection.to)) ?? { x: 0, y: 0 };
    const points = original.map((p) => ({ ...p }));
    const n = points.length;
    if (n === 2) {
      const [p, q] = points as [Point, Point];
      const start = { x: p.x + a.x, y: p.y + a.y };
      const end = { x: q.x + b.x, y: q.y + b.y };
      if (start.x === end.x || start.y === end.y) routes.set(id, [start, end]);
      else if (p.x === q.x) {
        const y = Math.round((start.y + end.y) / 2);
        routes.set(id, [start, { x: start.x, y }, { x: end.x, y }, end]);
      } else {
        const x = Math.round((start.x + end.x) / 2);
        routes.set(id, [start, { x, y: start.y }, { x, y: end.y }, end]);
      }
      continue;
    }
    const move = (at: number, next: number, by: Point) => {
      const p = points[at] as Point;
      const q = points[next] as Point;
      const vertical = p.x === q.x;
      points[at] = { x: p.x + by.x, y: p.y + by.y };
      points[next] = vertical ? { x: q.x + by.x, y: q.y } : { x: q.x, y: q.y + by.y };
    };
    move(0, 1, a);
    move(n - 1, n - 2, b);
    routes.set(id, points);
  }
  return { ...layout, components, routes };
}

/**
 * Lays the document out with `elk` and moves the result so its top-left corner stays where the
 * diagram's was (notes keep their place; they are not laid out).
 */
export async function elkLayout(elk: ELK, document: TopologyDocument): Promise<DiagramLayout> {
  let best: DiagramLayout | undefined;
  let bestScore: readonly number[] = [];
  const choices = layoutChoices(document.components.length);
  // Host pairs (HA pairs on two hosts) side by side when there are any, else as ELK draws them.
  const ways = await hostPairWays(elk, document);
  if (ways.length === 0) ways.push([]);
  for (const [index, blocks] of ways.entries()) {
    // Each way of drawing the host pairs with ELK's first choice; all choices for the best one.
    const tries = index === 0 || blocks.length === 0 ? choices : choices.slice(0, 1);
    for (const choice of tries) {
      const layout = readElkLayout(await elk.layout(elkGraph(document, choice, blocks)), document, blocks);
      if (choices.length === 1 && ways.length === 1) return moveTo(layout, topLeft(document));
      // HA pairs side by side first, then role order, crossings, and rows shared by two tiers.
      const order = tierOrder(document, layout);
      const score = [
        pairsApart(document, layout),
        order.below,
        drawnCrossings(document, layout),
        order.beside,
      ];
      if (best === undefined || isBetter(score, bestScore)) {
        best = layout;
        bestScore = score;
      }
      if (score.every((n) => n === 0)) break;
    }
  }
  return moveTo(best as DiagramLayout, topLeft(document));
}

/** The cards as drawn: their top-left corners from the layout, their sizes from the document. */
function cardBoxes(document: TopologyDocument, layout: DiagramLayout): Map<string, Rect> {
  const hostNameOf = hostNames(document);
  const cards = new Map<string, Rect>();
  for (const component of document.components) {
    const at = layout.components.get(component.id);
    if (at)
      cards.set(component.id, {
        ...at,
        width: cardWidth(component, hostNameOf.get(component.host ?? '')),
        height: CARD_HEIGHT,
      });
  }
  return cards;
}

/** The standby link of each HA pair, drawn as the exports draw it (src/drawing/edge-route.ts). */
function standbyLinks(document: TopologyDocument, cards: ReadonlyMap<string, Rect>): Point[][] {
  const obstacles = [...cards.values()];
  return document.components.flatMap((component) => {
    const backup = cards.get(component.id);
    const primary = component.backupOf === undefined ? undefined : cards.get(component.backupOf);
    return backup && primary && backup !== primary ? [standbyRoute(backup, primary, obstacles)] : [];
  });
}

/** Ways of drawing each HA pair's row tried for a host pair: at most this many rows are varied. */
const MAX_VARIED_ROWS = 3;
/** How many of the host pairs' drawings (the fewest crossings inside first) are laid out whole. */
const WAYS_KEPT = 3;

/**
 * The drawings of the document's host pairs worth laying out, best first: either host on the
 * left, and each row's HA pair either together at the hosts' gap or apart at the hosts' outer ends
 * (mirrored hosts: fewer crossings when the pair's cards connect down past the row below). Ranked
 * by the crossings inside the blocks, pairs together preferred on a tie. Empty without host pairs.
 */
async function hostPairWays(elk: ELK, document: TopologyDocument): Promise<Block[][]> {
  const pairs = document.components.length <= TRY_SOME ? hostPairs(document) : [];
  if (pairs.length === 0) return [];
  // The same choice for every host pair (a document rarely has more than one).
  const rows = [...new Set(pairs.flatMap((p) => pairRows(document, p)))].slice(0, MAX_VARIED_ROWS);
  const rank = (list: { blocks: Block[] }[]) =>
    list
      .map(({ blocks }) => ({
        blocks,
        crossings: blockCrossings(document, blocks),
        apart: blocks[0]?.apart?.size ?? 0,
      }))
      .sort((p, q) => p.crossings - q.crossings || p.apart - q.apart)
      .slice(0, WAYS_KEPT);
  const first: { blocks: Block[] }[] = [];
  for (const primaryLeft of [true, false]) {
    for (let mask = 0; mask < 1 << rows.length; mask += 1) {
      const apart = new Set(rows.filter((_, i) => mask & (1 << i)));
      const blocks = await Promise.all(pairs.map((p) => layOutBlock(elk, document, p, primaryLeft, apart)));
      if (blocks.every((b) => b !== undefined)) first.push({ blocks: blocks as Block[] });
    }
  }
  // The best few again, each card's ports ordered by where the first run put their other ends.
  const second: { blocks: Block[] }[] = [];
  for (const { blocks } of rank(first)) {
    const again = await Promise.all(
      blocks.map((b) => layOutBlock(elk, document, b.pair, b.primaryLeft ?? true, b.apart, b)),
    );
    second.push({ blocks: again.every((b) => b !== undefined) ? (again as Block[]) : blocks });
  }
  return rank(second).map((r) => r.blocks);
}

/**
 * HA pairs on two hosts not drawn side by side: a pair whose cards share no row, and two hosts of
 * a pair whose boxes overlap.
 */
export function pairsApart(document: TopologyDocument, layout: DiagramLayout): number {
  const byId = new Map(document.components.map((c) => [c.id, c]));
  let apart = 0;
  const seen = new Set<string>();
  for (const backup of document.components) {
    const primary = backup.backupOf !== undefined ? byId.get(backup.backupOf) : undefined;
    if (!primary || primary === backup || primary.host === backup.host) continue;
    const a = layout.components.get(primary.id);
    const b = layout.components.get(backup.id);
    if (a && b && Math.abs(a.y - b.y) >= CARD_HEIGHT) apart += 1;
    if (primary.host === undefined || backup.host === undefined) continue;
    const key = [primary.host, backup.host].sort().join('+');
    if (seen.has(key)) continue;
    seen.add(key);
    const ha = layout.hosts.get(primary.host);
    const hb = layout.hosts.get(backup.host);
    if (ha && hb && rectsOverlap(ha, hb)) apart += 1;
  }
  return apart;
}

/**
 * The ways Tidy up asks ELK, best guess first. ELK's crossing minimisation is randomised and
 * counts the invisible tier edges as if they were drawn, so a small diagram is laid out with and
 * without them, with and without room for the tags, under a few seeds, and the drawing that keeps
 * the role tiers with the fewest crossings wins (docs/diagrams.md). A large one is asked once, the
 * fastest way (the tags find room of their own, src/drawing/edge-route.ts).
 */
export function layoutChoices(components: number): GraphChoice[] {
  if (components > TRY_SOME) return [{ labels: false, tiers: true, seed: 1 }];
  const seeds = components <= TRY_MANY ? [1, 2, 3] : [1];
  return [
    ...seeds.map((seed) => ({ labels: false, tiers: false, seed })),
    { labels: false, tiers: true, seed: 1 },
  ];
}

/** Up to this many cards Tidy up asks ELK four ways (three seeds without tier edges); up to TRY_SOME, two. */
const TRY_MANY = 20;

/**
 * Crossings as the drawing will show them: the routes, and the standby link of each HA pair drawn
 * as the exports draw it (src/drawing/edge-route.ts `standbyRoute`).
 */
export function drawnCrossings(document: TopologyDocument, layout: DiagramLayout): number {
  const cards = cardBoxes(document, layout);
  return countCrossings([...layout.routes.values(), ...standbyLinks(document, cards)]);
}

/** Whether score `a` beats score `b`, compared number by number. */
function isBetter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

/**
 * How a layout keeps the role order, counted over pairs of cards in one container (a host, a site
 * of a diagram without hosts, or the canvas) whose tiers differ: `below`, the earlier tier's card
 * drawn lower (a WFM Web under a WFM Server: against the order); `beside`, the two in one row.
 * Without tier edges ELK keeps the order along connections only; a layout is kept only when no
 * other has fewer cards `below`, and rows shared by two tiers decide between equals.
 */
export function tierOrder(
  document: TopologyDocument,
  layout: DiagramLayout,
): { below: number; beside: number } {
  const byContainer = new Map<string, { tier: number; y: number }[]>();
  const hosts = new Set((document.hosts ?? []).map((h) => h.id));
  const sites = flatClusters(document, hosts).of;
  for (const component of document.components) {
    const at = layout.components.get(component.id);
    if (!at) continue;
    const key =
      component.host !== undefined && hosts.has(component.host)
        ? component.host
        : `${CLUSTER}${sites.get(component.id) ?? ''}`;
    const list = byContainer.get(key) ?? [];
    list.push({ tier: tierOf(component), y: at.y });
    byContainer.set(key, list);
  }
  let below = 0;
  let beside = 0;
  for (const cards of byContainer.values())
    for (const a of cards)
      for (const b of cards) {
        if (a.tier >= b.tier) continue;
        if (a.y > b.y) below += 1;
        else if (a.y + CARD_HEIGHT > b.y) beside += 1;
      }
  return { below, beside };
}

/** Where the diagram begins today (its cards and containers); 40, 40 when nothing has a position. */
function topLeft(document: TopologyDocument): Point {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  for (const item of [...document.components, ...(document.hosts ?? []), ...(document.zones ?? [])]) {
    if (!item.position) continue;
    x = Math.min(x, item.position.x);
    y = Math.min(y, item.position.y);
  }
  if (!Number.isFinite(x) || !Number.isFinite(y)) return { x: 40, y: 40 };
  // Not rounded: `moveTo` shifts by whole grid steps, so a tidy diagram stays exactly where it is.
  return { x, y };
}

function moveTo(layout: DiagramLayout, to: Point): DiagramLayout {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const p of [...layout.components.values(), ...layout.hosts.values(), ...layout.zones.values()]) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  if (!Number.isFinite(minX)) return layout;
  // By whole grid steps, so the cards stay on the grid.
  const dx = Math.round((to.x - minX) / GRID) * GRID;
  const dy = Math.round((to.y - minY) / GRID) * GRID;
  const shift = <T extends Point>(p: T): T => ({ ...p, x: p.x + dx, y: p.y + dy });
  const map = <T extends Point>(m: ReadonlyMap<string, T>) => new Map([...m].map(([k, v]) => [k, shift(v)]));
  return {
    components: map(layout.components),
    hosts: map(layout.hosts),
    zones: map(layout.zones),
    routes: new Map([...layout.routes].map(([k, points]) => [k, points.map(shift)])),
  };
}
