// Where hosts and zones are: their rectangles in absolute canvas coordinates (decision 023).
// A host or zone the file gives no position and size (a host migrated from version 1) is drawn
// around what it holds; the first move or resize writes that rectangle into the document.

import type { DocumentComponent, DocumentHost, DocumentZone, TopologyDocument } from '../document/schema';
import { CARD, cardWidth, type Rect, rectAround } from '../drawing';

/** Room around what a container holds; the top leaves space for its title. */
export const CONTAINER_PADDING = { side: 24, top: 44, bottom: 24 } as const;
/** The size a new host gets: room for two cards side by side. */
export const NEW_HOST_SIZE = { width: 480, height: 140 } as const;
/** The size a new zone gets: room for two new hosts. */
export const NEW_ZONE_SIZE = { width: 1080, height: 240 } as const;
/** The smallest a resize may make a container. */
export const MIN_CONTAINER_SIZE = { width: 200, height: 90 } as const;

/** A card's box: its position and the width its text needs (as the canvas and the exports draw it). */
export function componentRect(component: DocumentComponent): Rect {
  return {
    x: component.position?.x ?? 0,
    y: component.position?.y ?? 0,
    width: cardWidth(component),
    height: CARD.height,
  };
}

function around(rects: readonly Rect[]): Rect | null {
  const box = rectAround(rects);
  if (!box) return null;
  const { side, top: head, bottom: foot } = CONTAINER_PADDING;
  return {
    x: box.x - side,
    y: box.y - head,
    width: box.width + 2 * side,
    height: box.height + head + foot,
  };
}

export interface ContainerRects {
  readonly hosts: ReadonlyMap<string, Rect>;
  readonly zones: ReadonlyMap<string, Rect>;
}

/**
 * Every host's and zone's rectangle: its own when the document has one, else the box around what
 * it holds, else a free place above the origin.
 */
export function containerRects(document: TopologyDocument): ContainerRects {
  const hosts = new Map<string, Rect>();
  const zones = new Map<string, Rect>();
  const docHosts = document.hosts ?? [];
  const docZones = document.zones ?? [];
  let spare = 0;
  const fallback = (size: { width: number; height: number }): Rect => {
    const rect = { x: spare, y: -size.height - 80, ...size };
    spare += size.width + 40;
    return rect;
  };
  const byHost = new Map<string, Rect[]>();
  for (const c of document.components) {
    if (c.host === undefined) continue;
    const list = byHost.get(c.host) ?? [];
    list.push(componentRect(c));
    byHost.set(c.host, list);
  }
  for (const host of docHosts) {
    hosts.set(host.id, ownRect(host) ?? around(byHost.get(host.id) ?? []) ?? fallback(NEW_HOST_SIZE));
  }
  const byZone = new Map<string, Rect[]>();
  for (const host of docHosts) {
    const rect = hosts.get(host.id);
    if (host.zone === undefined || !rect) continue;
    const list = byZone.get(host.zone) ?? [];
    list.push(rect);
    byZone.set(host.zone, list);
  }
  for (const zone of docZones) {
    zones.set(zone.id, ownRect(zone) ?? around(byZone.get(zone.id) ?? []) ?? fallback(NEW_ZONE_SIZE));
  }
  return { hosts, zones };
}

function ownRect(container: DocumentHost | DocumentZone): Rect | null {
  const { position, size } = container;
  return position && size ? { x: position.x, y: position.y, width: size.width, height: size.height } : null;
}

function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
}

/** The smallest rectangle of `rects` that holds the point, by id; `undefined` when none does. */
export function innermostAt(rects: ReadonlyMap<string, Rect>, x: number, y: number): string | undefined {
  let best: { id: string; area: number } | undefined;
  for (const [id, rect] of rects) {
    if (!contains(rect, x, y)) continue;
    const area = rect.width * rect.height;
    if (!best || area < best.area) best = { id, area };
  }
  return best?.id;
}

/** The centre of a rectangle: what decides where a dropped card or host belongs. */
export function centreOf(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}
