// Pure edits of the version-2 parts of a document: hosts, zones, notes, labels, the rule set, and
// moves that carry what a container holds (decision 023). Each returns a new document.

import type {
  DocumentAnnotation,
  DocumentComponent,
  DocumentHost,
  DocumentZone,
  TopologyDocument,
} from '../document/schema';
import { DEFAULT_RULESET, type RulesetId } from '../domain';
import { CARD, type Rect } from '../drawing';

export { applyLayout } from '../drawing';

import {
  CONTAINER_PADDING,
  centreOf,
  componentRect,
  containerRects,
  innermostAt,
  MIN_CONTAINER_SIZE,
  NEW_HOST_SIZE,
  NEW_ZONE_SIZE,
} from './containers';
import { nextId } from './names';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Every id of the document: the format wants them unique across zones, hosts, components, connections and notes. */
export function documentIds(document: TopologyDocument): Set<string> {
  const ids = new Set<string>();
  for (const c of document.components) ids.add(c.id);
  for (const c of document.connections) ids.add(c.id);
  for (const h of document.hosts ?? []) ids.add(h.id);
  for (const z of document.zones ?? []) ids.add(z.id);
  for (const a of document.annotations ?? []) ids.add(a.id);
  return ids;
}

/** The next free name of the form `Host_3`, compared trimmed and case-insensitively. */
function nextName(prefix: string, taken: Iterable<string>): string {
  const names = new Set<string>();
  for (const name of taken) names.add(name.trim().toLowerCase());
  for (let n = 1; ; n += 1) {
    const candidate = `${prefix}_${n}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

const at = (point: XY) => ({ x: Math.round(point.x), y: Math.round(point.y) });

export function addHost(
  document: TopologyDocument,
  position: XY,
): { document: TopologyDocument; id: string } {
  const hosts = document.hosts ?? [];
  const id = nextId('host', documentIds(document));
  const host: DocumentHost = {
    id,
    name: nextName(
      'Host',
      hosts.map((h) => h.name),
    ),
    position: at(position),
    size: { ...NEW_HOST_SIZE },
  };
  const zone = innermostAt(
    containerRects(document).zones,
    position.x + NEW_HOST_SIZE.width / 2,
    position.y + NEW_HOST_SIZE.height / 2,
  );
  return { document: { ...document, hosts: [...hosts, zone ? { ...host, zone } : host] }, id };
}

export function addZone(
  document: TopologyDocument,
  position: XY,
): { document: TopologyDocument; id: string } {
  const zones = document.zones ?? [];
  const id = nextId('zone', documentIds(document));
  const zone: DocumentZone = {
    id,
    name: nextName(
      'Zone',
      zones.map((z) => z.name),
    ),
    position: at(position),
    size: { ...NEW_ZONE_SIZE },
  };
  return { document: { ...document, zones: [...zones, zone] }, id };
}

export function addNote(
  document: TopologyDocument,
  position: XY,
  text = 'Note',
): { document: TopologyDocument; id: string } {
  const id = nextId('note', documentIds(document));
  const note: DocumentAnnotation = { id, text, position: at(position) };
  return { document: { ...document, annotations: [...(document.annotations ?? []), note] }, id };
}

/** The editable properties of a host; `undefined` (or an empty string) removes an optional one. */
export interface HostPatch {
  readonly name?: string;
  readonly address?: string | undefined;
  readonly zone?: string | undefined;
  readonly lca?: boolean | undefined;
  readonly lcaPort?: number | undefined;
  readonly certificate?: boolean | undefined;
  readonly notes?: string | undefined;
}

export interface ZonePatch {
  readonly name?: string;
  readonly notes?: string | undefined;
}

function patched<T extends object>(item: T, patch: object): T {
  const next: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'name' && (value === undefined || value === '')) continue;
    if (value === undefined || value === '' || value === false) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

function updateIn<T extends { id: string }>(
  list: readonly T[],
  id: string,
  patch: object,
): readonly T[] | null {
  let changed = false;
  const next = list.map((item) => {
    if (item.id !== id) return item;
    const updated = patched(item, patch);
    changed = JSON.stringify(updated) !== JSON.stringify(item);
    return changed ? updated : item;
  });
  return changed ? next : null;
}

/**
 * Edits a host. Put in a zone from the Inspector, the host (with its cards) moves into the zone,
 * below the hosts already there, and the zone grows to hold it: what the file says and what the
 * canvas draws agree.
 */
export function updateHost(document: TopologyDocument, id: string, patch: HostPatch): TopologyDocument {
  const before = document.hosts?.find((h) => h.id === id);
  const hosts = updateIn(document.hosts ?? [], id, patch);
  if (!hosts || !before) return document;
  const next = { ...document, hosts: [...hosts] };
  const zoneId = patch.zone;
  if (zoneId === undefined || zoneId === before.zone) return next;
  const ready = materialise(next);
  const rects = containerRects(ready);
  const hostRect = rects.hosts.get(id);
  const zoneRect = rects.zones.get(zoneId);
  if (!hostRect || !zoneRect) return ready;
  const centre = centreOf(hostRect);
  if (innermostAt(new Map([[zoneId, zoneRect]]), centre.x, centre.y) !== undefined) return ready;
  // Below the lowest host already in the zone, or at the zone's top.
  let y = zoneRect.y + CONTAINER_PADDING.top;
  for (const h of ready.hosts ?? []) {
    const r = rects.hosts.get(h.id);
    if (h.id !== id && h.zone === zoneId && r) y = Math.max(y, r.y + r.height + GAP);
  }
  const x = zoneRect.x + CONTAINER_PADDING.side;
  const moved = moveNodes(ready, new Map([[id, { x, y }]]));
  const right = Math.max(zoneRect.x + zoneRect.width, x + hostRect.width + CONTAINER_PADDING.side);
  const bottom = Math.max(zoneRect.y + zoneRect.height, y + hostRect.height + CONTAINER_PADDING.bottom);
  return {
    ...moved,
    zones: (moved.zones ?? []).map((z) =>
      z.id === zoneId ? { ...z, size: { width: right - zoneRect.x, height: bottom - zoneRect.y } } : z,
    ),
  };
}

export function updateZone(document: TopologyDocument, id: string, patch: ZonePatch): TopologyDocument {
  const zones = updateIn(document.zones ?? [], id, patch);
  return zones ? { ...document, zones: [...zones] } : document;
}

export function updateNote(document: TopologyDocument, id: string, text: string): TopologyDocument {
  if (text.trim() === '') return document;
  const annotations = updateIn(document.annotations ?? [], id, { text });
  return annotations ? { ...document, annotations: [...annotations] } : document;
}

export function setConnectionLabel(document: TopologyDocument, id: string, label: string): TopologyDocument {
  const trimmed = label.trim();
  let changed = false;
  const connections = document.connections.map((c) => {
    if (c.id !== id || (c.label ?? '') === trimmed) return c;
    changed = true;
    const { label: _old, ...rest } = c;
    return trimmed ? { ...rest, label: trimmed } : rest;
  });
  return changed ? { ...document, connections } : document;
}

export function setRuleset(document: TopologyDocument, ruleset: RulesetId): TopologyDocument {
  return (document.ruleset ?? DEFAULT_RULESET) === ruleset ? document : { ...document, ruleset };
}

/** How Message Server connections are drawn (issue 14 item 4); `lines` is the default and is not written. */
export function setMessageServerLinks(
  document: TopologyDocument,
  mode: 'lines' | 'badges' | 'hidden',
): TopologyDocument {
  if ((document.view?.messageServerLinks ?? 'lines') === mode) return document;
  const { messageServerLinks: _old, ...rest } = document.view ?? {};
  const view = mode === 'lines' ? rest : { ...rest, messageServerLinks: mode };
  const { view: _view, ...withoutView } = document;
  return Object.keys(view).length > 0 ? { ...withoutView, view } : withoutView;
}

const GAP = 24;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * A free spot for a card inside a host, row by row; when the host is full it grows by a row.
 * Returns the card's position and the host's rectangle afterwards.
 */
export function freeSpotInHost(
  document: TopologyDocument,
  hostId: string,
  exceptId?: string,
  width: number = CARD.width,
): { position: XY; rect: Rect } | null {
  const rect = containerRects(document).hosts.get(hostId);
  if (!rect) return null;
  const taken = document.components
    .filter((c) => c.id !== exceptId && c.position)
    .map(componentRect)
    .filter((r) => overlaps(r, rect));
  const left = rect.x + GAP;
  const top = rect.y + 44;
  const columns = Math.max(1, Math.floor((rect.width - GAP) / (CARD.width + GAP)));
  for (let row = 0; row < 50; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const spot = {
        x: left + column * (CARD.width + GAP),
        y: top + row * (CARD.height + GAP),
        width,
        height: CARD.height,
      };
      if (taken.some((r) => overlaps(r, spot))) continue;
      // The host grows to hold the card: down by a row, or right for a wide card.
      const grown = {
        ...rect,
        width: Math.max(rect.width, spot.x + spot.width + GAP - rect.x),
        height: Math.max(rect.height, spot.y + spot.height + GAP - rect.y),
      };
      return { position: { x: spot.x, y: spot.y }, rect: grown };
    }
  }
  return null;
}

/**
 * Gives a host a bigger rectangle. The hosts of its zone that stand below it move down by as much
 * (with their cards), and the zone grows, so a host that fills up never covers its neighbours.
 */
export function growHost(document: TopologyDocument, hostId: string, rect: Rect): TopologyDocument {
  const ready = materialise(document);
  const rects = containerRects(ready);
  const old = rects.hosts.get(hostId);
  const host = ready.hosts?.find((h) => h.id === hostId);
  if (!old || !host) return ready;
  const resized = {
    ...ready,
    hosts: (ready.hosts ?? []).map((h) =>
      h.id === hostId
        ? { ...h, position: { x: rect.x, y: rect.y }, size: { width: rect.width, height: rect.height } }
        : h,
    ),
  };
  const grownBy = rect.y + rect.height - (old.y + old.height);
  if (grownBy <= 0 || host.zone === undefined) return resized;
  const below = new Map<string, XY>();
  for (const h of ready.hosts ?? []) {
    const r = rects.hosts.get(h.id);
    if (h.id === hostId || h.zone !== host.zone || !r || r.y < old.y + old.height - 1) continue;
    if (r.x >= rect.x + rect.width || r.x + r.width <= rect.x) continue;
    below.set(h.id, { x: r.x, y: r.y + grownBy });
  }
  const moved = below.size ? moveNodes(resized, below) : resized;
  const zoneRect = rects.zones.get(host.zone);
  if (!zoneRect) return moved;
  let bottom = zoneRect.y + zoneRect.height;
  for (const h of moved.hosts ?? []) {
    if (h.zone !== host.zone || !h.position || !h.size) continue;
    bottom = Math.max(bottom, h.position.y + h.size.height + CONTAINER_PADDING.bottom);
  }
  return {
    ...moved,
    zones: (moved.zones ?? []).map((z) =>
      z.id === host.zone ? { ...z, size: { width: zoneRect.width, height: bottom - zoneRect.y } } : z,
    ),
  };
}

/**
 * Puts a component on a host (or on none). The card moves into the host's rectangle when it is
 * not already there (the host grows to hold it), and out below it when it leaves.
 */
export function setComponentHost(
  document: TopologyDocument,
  componentId: string,
  hostId: string | undefined,
): TopologyDocument {
  const component = document.components.find((c) => c.id === componentId);
  if (!component || component.host === hostId) return document;
  if (hostId !== undefined && !(document.hosts ?? []).some((h) => h.id === hostId)) return document;
  let next = materialise(document);
  const rects = containerRects(next).hosts;
  const centre = centreOf(componentRect(component));
  let position = component.position;
  if (hostId !== undefined) {
    const rect = rects.get(hostId);
    if (rect && innermostAt(new Map([[hostId, rect]]), centre.x, centre.y) === undefined) {
      const spot = freeSpotInHost(next, hostId, componentId, componentRect(component).width);
      if (spot) {
        position = spot.position;
        next = growHost(next, hostId, spot.rect);
      }
    }
  } else if (component.host !== undefined) {
    const rect = rects.get(component.host);
    if (rect && innermostAt(new Map([[component.host, rect]]), centre.x, centre.y) !== undefined) {
      position = { x: component.position?.x ?? rect.x, y: rect.y + rect.height + GAP };
    }
  }
  const components = next.components.map((c) => {
    if (c.id !== componentId) return c;
    const { host: _host, ...rest } = c;
    const moved: DocumentComponent = position
      ? { ...rest, position: { x: position.x, y: position.y } }
      : rest;
    return hostId === undefined ? moved : { ...moved, host: hostId };
  });
  return { ...next, components };
}

/**
 * Writes the drawn rectangle of the hosts and zones that have none (a host migrated from version
 * 1 is drawn around its cards): all of them, or those of `only`.
 */
export function materialise(document: TopologyDocument, only?: ReadonlySet<string>): TopologyDocument {
  const hosts = document.hosts ?? [];
  const zones = document.zones ?? [];
  const wanted = (item: DocumentHost | DocumentZone) =>
    !(item.position && item.size) && (!only || only.has(item.id));
  if (!hosts.some(wanted) && !zones.some(wanted)) return document;
  const rects = containerRects(document);
  const fix = <T extends DocumentHost | DocumentZone>(item: T, rect: Rect | undefined): T =>
    !wanted(item) || !rect
      ? item
      : { ...item, position: { x: rect.x, y: rect.y }, size: { width: rect.width, height: rect.height } };
  return {
    ...document,
    hosts: hosts.map((h) => fix(h, rects.hosts.get(h.id))),
    zones: zones.map((z) => fix(z, rects.zones.get(z.id))),
  };
}

/** Resizes a host or zone: its new rectangle, position included (a resize from the top or left moves it). */
export function resizeContainer(document: TopologyDocument, id: string, rect: Rect): TopologyDocument {
  const next = materialise(document, new Set([id]));
  const size = {
    width: Math.max(MIN_CONTAINER_SIZE.width, Math.round(rect.width)),
    height: Math.max(MIN_CONTAINER_SIZE.height, Math.round(rect.height)),
  };
  const position = at(rect);
  const same = (c: DocumentHost | DocumentZone) =>
    c.position?.x === position.x &&
    c.position.y === position.y &&
    c.size?.width === size.width &&
    c.size.height === size.height;
  const hosts = next.hosts ?? [];
  const zones = next.zones ?? [];
  if (hosts.some((h) => h.id === id && !same(h))) {
    return { ...next, hosts: hosts.map((h) => (h.id === id ? { ...h, position, size } : h)) };
  }
  if (zones.some((z) => z.id === id && !same(z))) {
    return { ...next, zones: zones.map((z) => (z.id === id ? { ...z, position, size } : z)) };
  }
  return next === document ? document : next;
}

const shift = (point: XY | undefined, dx: number, dy: number) => ({
  x: (point?.x ?? 0) + dx,
  y: (point?.y ?? 0) + dy,
});

/**
 * Moves components, hosts, zones and notes to absolute positions. A moved zone carries its hosts
 * and a moved host its components, by the same distance (positions in the file are absolute).
 * With `drop`, what moved then belongs where its centre landed: a card to the innermost host under
 * it (or none), a host to the zone under it (or none).
 */
export function moveNodes(
  document: TopologyDocument,
  moves: ReadonlyMap<string, XY>,
  drop = false,
): TopologyDocument {
  if (moves.size === 0) return document;
  // A container that moves gets its drawn rectangle first (and a zone's hosts, which move with
  // it); a host without one that does not move keeps being drawn around its cards.
  const moving = new Set<string>();
  for (const z of document.zones ?? []) if (moves.has(z.id)) moving.add(z.id);
  for (const h of document.hosts ?? []) {
    if (moves.has(h.id) || (h.zone !== undefined && moving.has(h.zone))) moving.add(h.id);
  }
  const base = moving.size > 0 ? materialise(document, moving) : document;
  const delta = new Map<string, XY>();
  for (const z of base.zones ?? []) {
    const to = moves.get(z.id);
    if (to && z.position) delta.set(z.id, { x: to.x - z.position.x, y: to.y - z.position.y });
  }
  const hostDelta = new Map<string, XY>();
  for (const h of base.hosts ?? []) {
    const to = moves.get(h.id);
    if (to && h.position) hostDelta.set(h.id, { x: to.x - h.position.x, y: to.y - h.position.y });
    else if (h.zone !== undefined && delta.has(h.zone)) hostDelta.set(h.id, delta.get(h.zone) as XY);
  }
  let changed = base !== document;
  const zones = base.zones?.map((z) => {
    const d = delta.get(z.id);
    if (!d || (d.x === 0 && d.y === 0)) return z;
    changed = true;
    return { ...z, position: shift(z.position, d.x, d.y) };
  });
  const hosts = base.hosts?.map((h) => {
    const d = hostDelta.get(h.id);
    if (!d || (d.x === 0 && d.y === 0)) return h;
    changed = true;
    return { ...h, position: shift(h.position, d.x, d.y) };
  });
  const components = base.components.map((c) => {
    const to = moves.get(c.id);
    const d = to ? undefined : c.host !== undefined ? hostDelta.get(c.host) : undefined;
    const next = to ?? (d ? shift(c.position, d.x, d.y) : undefined);
    if (!next || (c.position && c.position.x === next.x && c.position.y === next.y)) return c;
    changed = true;
    return { ...c, position: { x: next.x, y: next.y } };
  });
  const annotations = base.annotations?.map((a) => {
    const to = moves.get(a.id);
    if (!to || (a.position.x === to.x && a.position.y === to.y)) return a;
    changed = true;
    return { ...a, position: { x: to.x, y: to.y } };
  });
  let next: TopologyDocument = changed
    ? {
        ...base,
        components,
        ...(hosts ? { hosts } : {}),
        ...(zones ? { zones } : {}),
        ...(annotations ? { annotations } : {}),
      }
    : document;
  if (drop) next = dropInto(next, moves);
  return next;
}

/**
 * Decides membership by the centre of each moved card and host (decision 023): the innermost
 * drawn host (zone) under it, or none. A card whose host has no drawn rectangle of its own (it is
 * drawn around its cards) keeps it unless dropped into another; likewise a host's zone.
 */
function dropInto(document: TopologyDocument, moved: ReadonlyMap<string, XY>): TopologyDocument {
  const rects = containerRects(document);
  const drawn = (
    items: readonly (DocumentHost | DocumentZone)[] | undefined,
    all: ReadonlyMap<string, Rect>,
  ) => {
    const own = new Map<string, Rect>();
    for (const item of items ?? []) {
      const rect = all.get(item.id);
      if (rect && item.position && item.size) own.set(item.id, rect);
    }
    return own;
  };
  const drawnHosts = drawn(document.hosts, rects.hosts);
  const drawnZones = drawn(document.zones, rects.zones);
  const keeps = (
    current: string | undefined,
    own: ReadonlyMap<string, Rect>,
    all: ReadonlyMap<string, Rect>,
  ) => current !== undefined && !own.has(current) && all.has(current);
  let changed = false;
  const components = document.components.map((c) => {
    if (!moved.has(c.id)) return c;
    const centre = centreOf(componentRect(c));
    const host =
      innermostAt(drawnHosts, centre.x, centre.y) ??
      (keeps(c.host, drawnHosts, rects.hosts) ? c.host : undefined);
    if (host === c.host) return c;
    changed = true;
    const { host: _old, ...rest } = c;
    return host === undefined ? rest : { ...rest, host };
  });
  const hosts = document.hosts?.map((h) => {
    const rect = rects.hosts.get(h.id);
    if (!moved.has(h.id) || !rect) return h;
    const centre = centreOf(rect);
    const zone =
      innermostAt(drawnZones, centre.x, centre.y) ??
      (keeps(h.zone, drawnZones, rects.zones) ? h.zone : undefined);
    if (zone === h.zone) return h;
    changed = true;
    const { zone: _old, ...rest } = h;
    return zone === undefined ? rest : { ...rest, zone };
  });
  return changed ? { ...document, components, ...(hosts ? { hosts } : {}) } : document;
}

/** Puts a just-added card on the host its centre is over, if any (as a drop would). */
export function joinHostUnder(document: TopologyDocument, componentId: string): TopologyDocument {
  if (!document.hosts?.length) return document;
  const component = document.components.find((c) => c.id === componentId);
  if (!component || component.host !== undefined) return document;
  const centre = centreOf(componentRect(component));
  const host = innermostAt(containerRects(document).hosts, centre.x, centre.y);
  if (host === undefined) return document;
  return {
    ...document,
    components: document.components.map((c) => (c.id === componentId ? { ...c, host } : c)),
  };
}
