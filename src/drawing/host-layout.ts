// The grouping pass of both automatic layouts: the components of a host stay together in the
// host's box, the hosts of a zone in the zone's box. Each host's components are laid out by the
// layout that asked (rows by role, or Tidy up), then the boxes are placed.
import type { DocumentComponent, TopologyDocument } from '../document';
import { pushTo } from '../domain';
import { HOST_HEADER, HOST_PAD, hostHeaderWidth, ZONE_HEADER, ZONE_PAD } from './containers';
import { CARD_HEIGHT, GRID, snapToGrid } from './layout-grid';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Lays out some components from (0, 0); the positions are their top-left corners. */
export type LocalLayout = (components: readonly DocumentComponent[]) => ReadonlyMap<string, XY>;

const BLOCK_GAP_X = 48;
const BLOCK_GAP_Y = 64;
/** Below the hosts and zones, the components that are on no host. */
const LOOSE_GAP_Y = 96;
const MIN_WRAP_WIDTH = 10_000;
const WRAP_ASPECT = 16 / 9;

function up(value: number): number {
  return Math.ceil(value / GRID) * GRID;
}

/** Something of a known size that is placed by moving it: a host or a zone with what it holds. */
interface Block {
  readonly width: number;
  readonly height: number;
  /** The role row of its highest component: blocks are stacked in rows by it. */
  readonly tier: number;
  readonly place: (x: number, y: number, out: Map<string, XY>) => void;
}

/** True when some component is on a host the document has: the layouts then group by host. */
export function hasHostedComponents(document: TopologyDocument, components = document.components): boolean {
  if (!document.hosts?.length) return false;
  const hosts = new Set(document.hosts.map((h) => h.id));
  return components.some((c) => c.host !== undefined && hosts.has(c.host));
}

function wrapWidth(blocks: readonly Block[]): number {
  const area = blocks.reduce((sum, b) => sum + (b.width + BLOCK_GAP_X) * (b.height + BLOCK_GAP_Y), 0);
  return Math.max(MIN_WRAP_WIDTH, Math.sqrt(area * WRAP_ASPECT));
}

/**
 * Blocks in rows by tier (a row wraps past `maxWidth`), each row centred: web hosts above
 * application hosts above database hosts, as the role layout puts their components.
 */
function stack(blocks: readonly Block[]): { width: number; height: number; place: Block['place'] } {
  const byTier = new Map<number, Block[]>();
  for (const block of blocks) pushTo(byTier, block.tier, block);
  const maxWidth = wrapWidth(blocks);
  const rows: Block[][] = [];
  for (const tier of [...byTier.keys()].sort((a, b) => a - b)) {
    let row: Block[] = [];
    let rowWidth = 0;
    for (const block of byTier.get(tier) ?? []) {
      if (row.length > 0 && rowWidth + BLOCK_GAP_X + block.width > maxWidth) {
        rows.push(row);
        row = [];
        rowWidth = 0;
      }
      rowWidth += (row.length > 0 ? BLOCK_GAP_X : 0) + block.width;
      row.push(block);
    }
    if (row.length > 0) rows.push(row);
  }
  const widthOf = (row: readonly Block[]) =>
    row.reduce((sum, b) => sum + b.width + BLOCK_GAP_X, -BLOCK_GAP_X);
  const width = Math.max(0, ...rows.map(widthOf));
  const height = rows.reduce(
    (sum, row) => sum + Math.max(...row.map((b) => b.height)) + BLOCK_GAP_Y,
    -BLOCK_GAP_Y,
  );
  return {
    width,
    height: Math.max(0, height),
    place: (x, y, out) => {
      let top = y;
      for (const row of rows) {
        let left = x + snapToGrid((width - widthOf(row)) / 2);
        for (const block of row) {
          block.place(left, top, out);
          left += block.width + BLOCK_GAP_X;
        }
        top += Math.max(...row.map((b) => b.height)) + BLOCK_GAP_Y;
      }
    },
  };
}

/** A host's block: its components laid out by `layOut`, inside the host's padding and name band. */
function hostBlock(
  minWidth: number,
  members: readonly DocumentComponent[],
  layOut: LocalLayout,
  tierOf: (c: DocumentComponent) => number,
  widthOf: (c: DocumentComponent) => number,
): Block {
  const local = layOut(members);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of members) {
    const at = local.get(c.id) ?? { x: 0, y: 0 };
    minX = Math.min(minX, at.x);
    minY = Math.min(minY, at.y);
    maxX = Math.max(maxX, at.x + widthOf(c));
    maxY = Math.max(maxY, at.y + CARD_HEIGHT);
  }
  return {
    width: up(Math.max(maxX - minX + HOST_PAD * 2, minWidth)),
    height: up(maxY - minY + HOST_PAD * 2 + HOST_HEADER),
    tier: Math.min(...members.map(tierOf)),
    place: (x, y, out) => {
      for (const c of members) {
        const at = local.get(c.id) ?? { x: 0, y: 0 };
        out.set(c.id, {
          x: snapToGrid(x + HOST_PAD + at.x - minX),
          y: snapToGrid(y + HOST_PAD + HOST_HEADER + at.y - minY),
        });
      }
    },
  };
}

export interface HostArrangement {
  readonly tierOf: (component: DocumentComponent) => number;
  readonly widthOf: (component: DocumentComponent) => number;
}

/**
 * Positions for `components`, grouped: each host's components together (laid out by `layOut`),
 * the hosts of a zone together, zones side by side, hosts without a zone after them, and the
 * components on no host (laid out by `layOut`) below. Every box leaves room for the padding and
 * name band that `containerBoxes` draws around it, so boxes computed from the result do not overlap.
 * @example arrangeByHost(doc, doc.components, layOut, { x: 0, y: 0 }, sizes).get('srv-1')
 */
export function arrangeByHost(
  document: TopologyDocument,
  components: readonly DocumentComponent[],
  layOut: LocalLayout,
  origin: XY,
  { tierOf, widthOf }: HostArrangement,
): Map<string, XY> {
  const hostIds = new Set((document.hosts ?? []).map((h) => h.id));
  const membersOf = new Map<string, DocumentComponent[]>();
  const loose: DocumentComponent[] = [];
  for (const c of components) {
    if (c.host !== undefined && hostIds.has(c.host)) pushTo(membersOf, c.host, c);
    else loose.push(c);
  }
  const zoneIds = new Set((document.zones ?? []).map((z) => z.id));
  const hostsOfZone = new Map<string, Block[]>();
  const zoneless: Block[] = [];
  for (const host of document.hosts ?? []) {
    const members = membersOf.get(host.id);
    if (!members) continue;
    const block = hostBlock(hostHeaderWidth(host), members, layOut, tierOf, widthOf);
    if (host.zone !== undefined && zoneIds.has(host.zone)) pushTo(hostsOfZone, host.zone, block);
    else zoneless.push(block);
  }
  const top: Block[] = [];
  for (const zone of document.zones ?? []) {
    const hosts = hostsOfZone.get(zone.id);
    if (!hosts) continue;
    const inside = stack(hosts);
    top.push({
      width: up(inside.width + ZONE_PAD * 2),
      height: up(inside.height + ZONE_PAD * 2 + ZONE_HEADER),
      tier: Math.min(...hosts.map((b) => b.tier)),
      place: (x, y, out) => inside.place(x + ZONE_PAD, y + ZONE_PAD + ZONE_HEADER, out),
    });
  }
  if (zoneless.length > 0) {
    const rest = stack(zoneless);
    top.push({ width: up(rest.width), height: up(rest.height), tier: 0, place: rest.place });
  }
  const out = new Map<string, XY>();
  // Zones (and the hosts outside them) side by side: one row, wrapped like a role's row.
  const maxWidth = wrapWidth(top);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const block of top) {
    if (x > 0 && x + block.width > maxWidth) {
      x = 0;
      y += rowHeight + BLOCK_GAP_Y;
      rowHeight = 0;
    }
    block.place(origin.x + x, origin.y + y, out);
    x += block.width + BLOCK_GAP_X;
    rowHeight = Math.max(rowHeight, block.height);
  }
  if (loose.length > 0) {
    const local = layOut(loose);
    const below = top.length > 0 ? y + rowHeight + LOOSE_GAP_Y : 0;
    const minX = Math.min(...loose.map((c) => local.get(c.id)?.x ?? 0));
    const minY = Math.min(...loose.map((c) => local.get(c.id)?.y ?? 0));
    for (const c of loose) {
      const at = local.get(c.id) ?? { x: 0, y: 0 };
      out.set(c.id, { x: snapToGrid(origin.x + at.x - minX), y: snapToGrid(origin.y + below + at.y - minY) });
    }
  }
  return out;
}
