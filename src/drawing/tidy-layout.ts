// The automatic "Tidy up" layout: rows by role, dagre's order in each group, the best polished start.
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { DocumentComponent, TopologyDocument } from '../document';
import { pushTo } from '../domain';
import { arrangeByHost, hasHostedComponents } from './host-layout';
import { CARD_HEIGHT, CARD_WIDTH, cardWidth, hostNames, ROLE_TIER } from './layout';
import { at, createScene, polish, type Scene, untidiness } from './tidy-polish';
import { GRID, groupPairs, NODE_GAP, type Setting, snap, type XY } from './tidy-setting';

export type { XY } from './tidy-setting';

const ROW_GAP = 96;
/** From one row's top to the next, on the grid. */
const ROW_PITCH = Math.ceil((CARD_HEIGHT + ROW_GAP) / GRID) * GRID;
/** Between unconnected parts of the diagram, so they read as separate groups. */
const GROUP_GAP = 120;
/** Above this size a group gets one dagre layout and no polish: the search would make the button slow. */
const MAX_GROUP_FOR_SEARCH = 24;
const POLISHED_STARTS = 3;
const POLISH_BUDGET = 8_000;

/** How wide a card is drawn (the same estimate as the SVG writer's, host name included). */
export function tidyCardWidth(component: DocumentComponent, document?: TopologyDocument): number {
  const host =
    component.host === undefined ? undefined : document?.hosts?.find((h) => h.id === component.host);
  return cardWidth(component, host?.name);
}

/** Groups of components joined by connections, in document order of their first member. */
function connectedGroups(document: TopologyDocument): { groups: string[][]; loose: string[] } {
  const parent = new Map(document.components.map((c) => [c.id, c.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  const linked = new Set<string>();
  for (const { from, to } of document.connections) {
    if (from === to || !parent.has(from) || !parent.has(to)) continue;
    linked.add(from).add(to);
    parent.set(find(from), find(to));
  }
  const byRoot = new Map<string, string[]>();
  const loose: string[] = [];
  for (const { id } of document.components) {
    if (!linked.has(id)) {
      loose.push(id);
      continue;
    }
    pushTo(byRoot, find(id), id);
  }
  return { groups: [...byRoot.values()], loose };
}

/** One way to ask dagre: the order nodes are given in, and which of its alignments to keep. */
interface Variant {
  readonly reversed: boolean;
  readonly align: 'UL' | 'UR' | 'DL' | 'DR' | undefined;
}

const VARIANTS: readonly Variant[] = [false, true].flatMap((reversed) =>
  ([undefined, 'UL', 'UR', 'DL', 'DR'] as const).map((align) => ({ reversed, align })),
);

/**
 * x centres of one group from dagre. Every edge of the layout graph points from the higher role
 * row to the lower one and is exactly as long as the rows between them, so the optimal ranking
 * dagre finds is the row of each role and rows never invert. Two connected components of the same
 * row (Server → Server, Web → Web) both point to an invisible node in the row below, which keeps
 * the group in one piece and draws the pair together.
 */
function dagreCentres(ids: readonly string[], setting: Setting, variant: Variant): Map<string, number> {
  const { document, width, tier } = setting;
  const members = new Set(ids);
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  graph.setGraph({
    rankdir: 'TB',
    nodesep: NODE_GAP,
    ranksep: ROW_GAP,
    ranker: 'network-simplex',
    ...(variant.align ? { align: variant.align } : {}),
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of variant.reversed ? [...ids].reverse() : ids) {
    graph.setNode(id, { width: width.get(id) ?? CARD_WIDTH, height: CARD_HEIGHT });
  }
  const edges = new Map<string, { upper: string; lower: string; minlen: number; weight: number }>();
  const addEdge = (upper: string, lower: string, minlen: number) => {
    const edge = edges.get(`${upper}\u0000${lower}`);
    edges.set(`${upper}\u0000${lower}`, { upper, lower, minlen, weight: (edge?.weight ?? 0) + 1 });
  };
  let links = 0;
  for (const [a, b] of groupPairs(ids, document)) {
    const ta = tier.get(a) ?? 0;
    const tb = tier.get(b) ?? 0;
    if (ta !== tb) {
      addEdge(ta < tb ? a : b, ta < tb ? b : a, Math.abs(ta - tb));
      continue;
    }
    let link = `~link-${++links}`;
    while (members.has(link)) link = `${link}~`;
    graph.setNode(link, { width: 0, height: 0 });
    addEdge(a, link, 1);
    addEdge(b, link, 1);
  }
  const ordered = variant.reversed ? [...edges.values()].reverse() : [...edges.values()];
  for (const { upper, lower, minlen, weight } of ordered) graph.setEdge(upper, lower, { minlen, weight });
  dagre.layout(graph);
  return new Map(ids.map((id) => [id, graph.node(id).x ?? 0]));
}
/** The same order in every row, each row packed tight and centred. */
function packRows(left: ReadonlyMap<string, number>, setting: Setting): Map<string, number> {
  const rows = new Map<number, string[]>();
  for (const id of [...left.keys()].sort((a, b) => (left.get(a) ?? 0) - (left.get(b) ?? 0))) {
    pushTo(rows, setting.top.get(id) ?? 0, id);
  }
  const packed = new Map<string, number>();
  for (const ids of rows.values()) {
    const total = ids.reduce((sum, id) => sum + (setting.width.get(id) ?? CARD_WIDTH) + NODE_GAP, -NODE_GAP);
    let x = snap(-total / 2);
    for (const id of ids) {
      packed.set(id, x);
      x = Math.ceil((x + (setting.width.get(id) ?? CARD_WIDTH) + NODE_GAP) / GRID) * GRID;
    }
  }
  return packed;
}

/**
 * Left edges of one group on the grid. dagre lays the group out in several variants (each also
 * packed tight); the cleanest starts are polished for straight lines and the tidiest result wins.
 */
function layOutGroup(ids: readonly string[], setting: Setting): Map<string, number> {
  const fromDagre = (variant: Variant) => {
    const centres = dagreCentres(ids, setting, variant);
    return new Map(
      ids.map((id) => [id, snap((centres.get(id) ?? 0) - (setting.width.get(id) ?? CARD_WIDTH) / 2)]),
    );
  };
  if (ids.length > MAX_GROUP_FOR_SEARCH) return fromDagre({ reversed: false, align: undefined });
  const starts = VARIANTS.flatMap((variant) => {
    const left = fromDagre(variant);
    return [left, packRows(left, setting)].map((start) => {
      const scene = createScene(ids, setting, start);
      return { scene, cost: untidiness(scene) };
    });
  });
  let budget = POLISH_BUDGET;
  let best: { scene: Scene; cost: number } | null = null;
  for (const { scene } of starts.sort((a, b) => a.cost - b.cost).slice(0, POLISHED_STARTS)) {
    if (budget <= 0) break;
    const share = Math.ceil(budget / 2);
    budget += polish(scene, share) - share;
    const cost = untidiness(scene);
    if (!best || cost < best.cost) best = { scene, cost };
  }
  const chosen = best?.scene ?? starts[0]?.scene;
  return new Map(ids.map((id, i) => [id, at(chosen?.left ?? [], i)]));
}

/**
 * Where every component goes when the diagram is tidied up. Components on a host of the document
 * stay together: each host's components are tidied as a diagram of their own (the connections
 * between them), placed in the host's box, hosts grouped by zone (`arrangeByHost`); the components
 * on no host are tidied below. Without hosts, the whole diagram is tidied as one: rows by role (WFM Web, WFM Daemon and
 * the Builders above the WFM Servers; DAP, Stat Server and Message Server below), the order in
 * each row chosen by dagre to avoid crossings, unconnected parts side by side, components without
 * connections in their row at the right. Top-left corners on the 8-px grid, anchored at the
 * top-left of the diagram as it was. Deterministic: the same document gives the same positions.
 * @example tidyLayout(doc).get('srv-1') // { x: 248, y: 312 }
 */
export function tidyLayout(document: TopologyDocument): Map<string, XY> {
  if (!hasHostedComponents(document)) return tidyUngrouped(document);
  const names = hostNames(document);
  const widths = new Map(
    document.components.map((c) => [
      c.id,
      cardWidth(c, c.host === undefined ? undefined : names.get(c.host)),
    ]),
  );
  const members = (list: readonly DocumentComponent[]): TopologyDocument => {
    const ids = new Set(list.map((c) => c.id));
    return {
      ...document,
      components: list.map(({ position: _position, ...c }) => c),
      connections: document.connections.filter((c) => ids.has(c.from) && ids.has(c.to)),
    };
  };
  const grouped = arrangeByHost(
    document,
    document.components,
    (list) => tidyUngrouped(members(list)),
    {
      x: 0,
      y: 0,
    },
    { tierOf: (c) => ROLE_TIER[c.kind], widthOf: (c) => widths.get(c.id) ?? CARD_WIDTH },
  );
  // Keep the diagram where it was on the canvas: the old top-left corner stays the top-left.
  const before = document.components.flatMap((c) => (c.position ? [c.position] : []));
  const anchorX = before.length ? snap(Math.min(...before.map((p) => p.x))) : 0;
  const anchorY = before.length ? snap(Math.min(...before.map((p) => p.y))) : 0;
  const minX = Math.min(...[...grouped.values()].map((p) => p.x));
  const minY = Math.min(...[...grouped.values()].map((p) => p.y));
  return new Map([...grouped].map(([id, p]) => [id, { x: p.x - minX + anchorX, y: p.y - minY + anchorY }]));
}

/** Tidy up of a diagram as one, rows by role (the layout of a diagram without hosts). */
function tidyUngrouped(document: TopologyDocument): Map<string, XY> {
  const result = new Map<string, XY>();
  if (document.components.length === 0) return result;
  const tier = new Map(document.components.map((c) => [c.id, ROLE_TIER[c.kind]]));
  const rowOf = new Map([...new Set(tier.values())].sort((a, b) => a - b).map((t, row) => [t, row]));
  const setting: Setting = {
    document,
    width: new Map(document.components.map((c) => [c.id, tidyCardWidth(c, document)])),
    tier,
    top: new Map(document.components.map((c) => [c.id, (rowOf.get(ROLE_TIER[c.kind]) ?? 0) * ROW_PITCH])),
  };
  const widthOf = (id: string) => setting.width.get(id) ?? CARD_WIDTH;

  // Groups side by side, then the components without connections in their rows.
  const left = new Map<string, number>();
  let cursor = 0;
  const { groups, loose } = connectedGroups(document);
  for (const ids of groups) {
    const local = layOutGroup(ids, setting);
    const shift = cursor - Math.min(...local.values());
    for (const [id, x] of local) left.set(id, x + shift);
    cursor = snap(Math.max(...ids.map((id) => (left.get(id) ?? 0) + widthOf(id))) + GROUP_GAP);
  }
  const rowEnd = new Map<number, number>();
  for (const id of loose) {
    const y = setting.top.get(id) ?? 0;
    const x = rowEnd.get(y) ?? cursor;
    left.set(id, x);
    rowEnd.set(y, snap(x + widthOf(id) + NODE_GAP));
  }

  // A safety net: push a card right where it would overlap its left neighbour.
  const order = new Map(document.components.map((c, index) => [c.id, index]));
  const ends = new Map<number, number>();
  const sorted = document.components
    .map((c) => c.id)
    .sort((a, b) => (left.get(a) ?? 0) - (left.get(b) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  for (const id of sorted) {
    const y = setting.top.get(id) ?? 0;
    const end = ends.get(y);
    const x = Math.max(
      left.get(id) ?? 0,
      end === undefined ? Number.NEGATIVE_INFINITY : snap(end + NODE_GAP + 4),
    );
    left.set(id, x);
    ends.set(y, x + widthOf(id));
  }

  // Keep the diagram where it was on the canvas: the old top-left corner stays the top-left.
  const before = document.components.flatMap((c) => (c.position ? [c.position] : []));
  const anchorX = before.length ? snap(Math.min(...before.map((p) => p.x))) : 0;
  const anchorY = before.length ? snap(Math.min(...before.map((p) => p.y))) : 0;
  const minX = Math.min(...left.values());
  for (const { id } of document.components) {
    result.set(id, { x: (left.get(id) ?? 0) - minX + anchorX, y: (setting.top.get(id) ?? 0) + anchorY });
  }
  return result;
}
