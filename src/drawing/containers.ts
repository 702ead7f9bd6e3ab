import type { TopologyDocument } from '../document';
import { type Rect, rectAround } from './geometry';
import { estimateTextWidth } from './text-metrics';

type DocumentHost = NonNullable<TopologyDocument['hosts']>[number];

// Hosts and zones are drawn as labelled rectangles behind the cards: a zone around its hosts, a
// host around its components. The insets are on the 8-px grid, so laid-out cards stay on it.

/** Space between a host's border and its cards. */
export const HOST_PAD = 16;
/** The band above a host's cards that holds its name and, below it, its address, LCA and certificate. */
export const HOST_HEADER = 40;
/** Space between a zone's border and its hosts. */
export const ZONE_PAD = 24;
/** The band above a zone's hosts that holds its name. */
export const ZONE_HEADER = 32;
/** A host or zone with a position but nothing in it and no stored size. */
export const EMPTY_CONTAINER = { width: 240, height: 96 } as const;

/** What a host's band says under its name: address (when not the name), LCA port, certificate. */
export function hostDetails(host: DocumentHost): string {
  const parts: string[] = [];
  if (host.address && host.address.trim() !== host.name.trim()) parts.push(host.address);
  if (host.lca) parts.push(`LCA ${host.lcaPort ?? 4999}`);
  if (host.certificate) parts.push('certificate');
  return parts.join(' · ');
}

/** How wide a host must be for its band: its name and details whole, up to 480 px. */
export function hostHeaderWidth(host: DocumentHost): number {
  const text = Math.max(estimateTextWidth(host.name, 12, true), estimateTextWidth(hostDetails(host), 10.5));
  return Math.min(480, Math.ceil(text + 24));
}

export interface ContainerBoxes {
  readonly zones: ReadonlyMap<string, Rect>;
  readonly hosts: ReadonlyMap<string, Rect>;
}

/** The smallest rectangle around `rects`, grown by `pad` on each side and `header` more on top. */
export function boxAround(rects: readonly Rect[], pad: number, header: number): Rect | undefined {
  const box = rectAround(rects);
  if (!box) return undefined;
  return {
    x: box.x - pad,
    y: box.y - pad - header,
    width: box.width + pad * 2,
    height: box.height + pad * 2 + header,
  };
}

interface Placeable {
  readonly position?: { readonly x: number; readonly y: number } | undefined;
  readonly size?: { readonly width: number; readonly height: number } | undefined;
}

/** A stored box when the file has both position and size, else the box around the members. */
function boxOf(
  item: Placeable,
  members: readonly Rect[],
  pad: number,
  header: number,
  minWidth = 0,
): Rect | undefined {
  const { position, size } = item;
  if (position && size) return { ...position, ...size };
  const around = boxAround(members, pad, header);
  if (around) return { ...around, width: Math.max(around.width, minWidth) };
  return position ? { ...position, ...EMPTY_CONTAINER } : undefined;
}

/**
 * Where every host and zone is drawn, given where the cards are: their stored position and size
 * (absolute canvas coordinates, docs/format.md) when the file has both, else a box around their
 * members (a host around its components, a zone around its hosts) with padding and a band for the
 * name, a host at least as wide as its band's text. A host or zone with nothing in it and no position is not drawn.
 * @example containerBoxes(doc, cards).hosts.get('h-app1') // { x: 24, y: -40, width: 464, height: 140 }
 */
export function containerBoxes(document: TopologyDocument, cards: ReadonlyMap<string, Rect>): ContainerBoxes {
  const membersOf = new Map<string, Rect[]>();
  for (const component of document.components) {
    const card = cards.get(component.id);
    if (component.host === undefined || !card) continue;
    const list = membersOf.get(component.host);
    if (list) list.push(card);
    else membersOf.set(component.host, [card]);
  }
  const hosts = new Map<string, Rect>();
  const hostsOfZone = new Map<string, Rect[]>();
  for (const host of document.hosts ?? []) {
    const box = boxOf(host, membersOf.get(host.id) ?? [], HOST_PAD, HOST_HEADER, hostHeaderWidth(host));
    if (!box) continue;
    hosts.set(host.id, box);
    if (host.zone === undefined) continue;
    const list = hostsOfZone.get(host.zone);
    if (list) list.push(box);
    else hostsOfZone.set(host.zone, [box]);
  }
  const zones = new Map<string, Rect>();
  for (const zone of document.zones ?? []) {
    const box = boxOf(zone, hostsOfZone.get(zone.id) ?? [], ZONE_PAD, ZONE_HEADER);
    if (box) zones.set(zone.id, box);
  }
  return { zones, hosts };
}
