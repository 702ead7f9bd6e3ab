// "Tidy up" with ELK's layered layout: zones ⊃ hosts ⊃ cards as compound nodes, tiers by role,
// orthogonal routes with room kept for the connection tags. Pure: the caller brings the ELK engine
// (a worker in the designer, the same thread in Node), so this file runs everywhere.
import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { DocumentComponent, TopologyDocument } from '../document';
import { HOST_HEADER, HOST_PAD, hostHeaderWidth, ZONE_HEADER, ZONE_PAD } from './containers';
import { drawnLinks } from './drawn-links';
import { edgeTag, edgeTagWidth, TAG_HEIGHT } from './edge-tag';
import type { Point, Rect } from './geometry';
import { CARD_HEIGHT, cardWidth, GRID, hostNames, ROLE_TIER } from './layout';
import { estimateTextWidth } from './text-metrics';

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
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.mergeEdges': 'false',
  'elk.layered.thoroughness': '3',
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
const ELK_LABELS = process.env.ELK_LABELS !== '0';
/** Above this many cards and containers at the root, the layout trades document order for speed. */
const LARGE = 60;
const PAIR = 'pair:';

type Parent = { children: ElkNode[]; tiers: Map<number, string[]> };

function tierOf(component: DocumentComponent): number {
  return ROLE_TIER[component.kind];
}

/** ELK's picture of the document; ids are the document's, so the result maps straight back. */
export function elkGraph(document: TopologyDocument): ElkNode {
  const root: ElkNode & Parent = { id: 'root', layoutOptions: ROOT_OPTIONS, children: [], edges: [], tiers: new Map() };
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
        'elk.padding': `[top=${ZONE_HEADER + ZONE_PAD},left=${ZONE_PAD},bottom=${ZONE_PAD},right=${ZONE_PAD}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.ceil(estimateTextWidth(zone.name, 13, true) + 32)}, 96)`,
      },
    };
    zones.set(zone.id, node);
    place(root, node, zoneTier.get(zone.id) ?? 3);
  }
  for (const host of document.hosts ?? []) {
    const node: ElkNode & Parent = {
      id: host.id,
      children: [],
      tiers: new Map(),
      layoutOptions: {
        'elk.padding': `[top=${HOST_HEADER + HOST_PAD},left=${HOST_PAD},bottom=${HOST_PAD},right=${HOST_PAD}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.max(hostHeaderWidth(host), 160)}, 96)`,
      },
    };
    hosts.set(host.id, node);
    place((host.zone !== undefined && zones.get(host.zone)) || root, node, hostTier.get(host.id) ?? 3);
  }
  // An HA pair that shares a container sits side by side in an invisible box of its own.
  const pairOf = new Map<string, ElkNode & Parent>();
  const parentOf = (c: DocumentComponent) => (c.host !== undefined && hosts.get(c.host)) || root;
  const byId = new Map(document.components.map((c) => [c.id, c]));
  for (const component of document.components) {
    const node: ElkNode = { id: component.id, width: cardWidth(component, hostNameOf.get(component.host ?? '')), height: CARD_HEIGHT };
    const primary = component.backupOf !== undefined ? byId.get(component.backupOf) : undefined;
    const pairKey = primary && primary !== component && parentOf(primary) === parentOf(component) ? primary.id : undefined;
    const pairHere = pairKey !== undefined ? pairOf.get(pairKey) : pairOf.get(component.id);
    if (pairHere) {
      pairHere.children.push(node);
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
  const tierEdge = (from: string, to: string) =>
    edges.push({ id: `${TIER_EDGE}${(tierEdges += 1)}`, sources: [from], targets: [to] });
  // A large flat diagram leaves the root to its real connections (which point down the tiers):
  // anchors joining hundreds of cards made ELK's crossing minimisation five times slower.
  const rootTiers = root.children.length <= LARGE ? [root] : [];
  for (const container of [...rootTiers, ...zones.values(), ...hosts.values()]) {
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
    // Drawn top-down: a connection that climbs the tiers is given to ELK the other way round (and
    // its route turned back afterwards), so the cycle breaker never reverses the role order.
    const up = tierOf(source) > tierOf(target);
    const tag = edgeTag(connection, source, target);
    edges.push({
      id: connection.id,
      sources: [up ? target.id : source.id],
      targets: [up ? source.id : target.id],
      ...(tag && ELK_LABELS && {
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
  if (document.components.length > LARGE) {
    root.layoutOptions = { ...ROOT_OPTIONS, 'elk.layered.considerModelOrder.strategy': 'NONE' };
  }
  if (process.env.ELK_OPTS) root.layoutOptions = { ...root.layoutOptions, ...JSON.parse(process.env.ELK_OPTS) };
  if (process.env.ELK_T) {
    root.layoutOptions = { ...ROOT_OPTIONS, 'elk.layered.thoroughness': process.env.ELK_T, ...(process.env.ELK_MO ? {'elk.layered.considerModelOrder.strategy': process.env.ELK_MO} : {}) };
  }
  return strip(root);
}

/** The graph without the builder's bookkeeping (ELK copies every field it is given). */
function strip(node: ElkNode & Partial<Parent>): ElkNode {
  const { tiers: _tiers, children, ...rest } = node;
  return children && children.length > 0 ? { ...rest, children: children.map((c) => strip(c)) } : rest;
}

const snap = (value: number) => Math.round(value);

/** Reads ELK's answer back: absolute boxes, and each real connection's route in its own direction. */
export function readElkLayout(result: ElkNode, document: TopologyDocument): DiagramLayout {
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
  return { components, hosts, zones, routes };
}

/**
 * Lays the document out with `elk` and moves the result so its top-left corner stays where the
 * diagram's was (notes keep their place; they are not laid out).
 */
export async function elkLayout(elk: ELK, document: TopologyDocument): Promise<DiagramLayout> {
  const graph = elkGraph(document);
  const result = await elk.layout(graph);
  const layout = readElkLayout(result, document);
  return moveTo(layout, topLeft(document));
}

/** Where the diagram begins today (its cards and containers), on the grid; 40, 40 when empty. */
function topLeft(document: TopologyDocument): Point {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  for (const item of [...document.components, ...(document.hosts ?? []), ...(document.zones ?? [])]) {
    if (!item.position) continue;
    x = Math.min(x, item.position.x);
    y = Math.min(y, item.position.y);
  }
  if (!Number.isFinite(x) || !Number.isFinite(y)) return { x: 40, y: 40 };
  return { x: Math.round(x / GRID) * GRID, y: Math.round(y / GRID) * GRID };
}

function moveTo(layout: DiagramLayout, to: Point): DiagramLayout {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const p of [...layout.components.values(), ...layout.hosts.values(), ...layout.zones.values()]) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  if (!Number.isFinite(minX)) return layout;
  const dx = to.x - minX;
  const dy = to.y - minY;
  const shift = <T extends Point>(p: T): T => ({ ...p, x: p.x + dx, y: p.y + dy });
  const map = <T extends Point>(m: ReadonlyMap<string, T>) => new Map([...m].map(([k, v]) => [k, shift(v)]));
  return {
    components: map(layout.components),
    hosts: map(layout.hosts),
    zones: map(layout.zones),
    routes: new Map([...layout.routes].map(([k, points]) => [k, points.map(shift)])),
  };
}
