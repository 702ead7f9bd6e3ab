// Keeps stored routes true after cards move: a connection whose two cards moved together moves
// with them; one whose card moved alone, or that a moved card now lies on, is routed again around
// the cards (issue 14: "moving a card re-routes only its own connections around other cards").
import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import type { Point, Rect } from './geometry';
import { CARD_HEIGHT, cardWidth, hostNames } from './layout';
import { facingPorts, routeInWindow } from './orthogonal-router';

/** The format keeps at most this many points per route (rules.md section 12). */
export const MAX_WAYPOINTS = 50;

type Cards = Map<string, Rect>;

function cardRects(document: TopologyDocument): Cards {
  const names = hostNames(document);
  const out: Cards = new Map();
  for (const c of document.components) {
    out.set(c.id, {
      x: c.position?.x ?? 0,
      y: c.position?.y ?? 0,
      width: cardWidth(c, c.host === undefined ? undefined : names.get(c.host)),
      height: CARD_HEIGHT,
    });
  }
  return out;
}

function crosses(points: readonly Point[], rect: Rect): boolean {
  const x1 = rect.x + 2;
  const y1 = rect.y + 2;
  const x2 = rect.x + rect.width - 2;
  const y2 = rect.y + rect.height - 2;
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    if (
      Math.max(a.x, b.x) > x1 &&
      Math.min(a.x, b.x) < x2 &&
      Math.max(a.y, b.y) > y1 &&
      Math.min(a.y, b.y) < y2
    ) {
      return true;
    }
  }
  return false;
}

/** How far apart (px) the routes of connections between the same two cards run. */
export const PARALLEL_GAP = 14;

/**
 * A route for `connection` between its cards, around every other card; undefined when none fits.
 * `offset` moves both ends along their card sides (the same way in absolute terms), so the
 * connections between one pair of cards run side by side instead of on top of each other.
 */
export function routeConnection(
  connection: DocumentConnection,
  cards: ReadonlyMap<string, Rect>,
  obstacles: readonly Rect[],
  offset = 0,
): Point[] | undefined {
  const from = cards.get(connection.from);
  const to = cards.get(connection.to);
  if (!from || !to || connection.from === connection.to) return undefined;
  const ports = facingPorts(from, to);
  const along = (port: typeof ports.from, card: Rect) => {
    if (offset === 0) return port;
    const vertical = port.side === 'N' || port.side === 'S';
    const half = (vertical ? card.width : card.height) / 2 - 8;
    const by = Math.max(-half, Math.min(half, offset));
    return vertical ? { ...port, x: port.x + by } : { ...port, y: port.y + by };
  };
  const route = routeInWindow(obstacles, along(ports.from, from), along(ports.to, to));
  return route && route.length <= MAX_WAYPOINTS ? route : undefined;
}

/**
 * Each connection's offset among the connections between the same two cards (either way), in
 * document order: none for a lone connection, -7 and +7 for a pair, and so on.
 */
function parallelOffsets(connections: readonly DocumentConnection[]): Map<string, number> {
  const byPair = new Map<string, string[]>();
  for (const c of connections) {
    const key = c.from < c.to ? `${c.from}\u0000${c.to}` : `${c.to}\u0000${c.from}`;
    const list = byPair.get(key) ?? [];
    list.push(c.id);
    byPair.set(key, list);
  }
  const offsets = new Map<string, number>();
  for (const ids of byPair.values()) {
    if (ids.length < 2) continue;
    ids.forEach((id, i) => {
      offsets.set(id, (i - (ids.length - 1) / 2) * PARALLEL_GAP);
    });
  }
  return offsets;
}

function withoutRoute(connection: DocumentConnection): DocumentConnection {
  const { waypoints: _w, ...rest } = connection;
  return rest;
}

/**
 * `after` with the routes of its connections kept true to where the cards now are. Connections
 * without a route are left alone (they are drawn straight); so is every document in which no
 * connection has one, at the cost of one pass over the connections.
 */
export function keepRoutes(before: TopologyDocument, after: TopologyDocument): TopologyDocument {
  if (before === after || !after.connections.some((c) => c.waypoints !== undefined)) return after;
  const previous = new Map<string, DocumentComponent>(before.components.map((c) => [c.id, c]));
  const moved = new Map<string, Point>();
  const changed = new Set<string>();
  // A card's width includes its host's name: a renamed host can widen its cards.
  const hostNameBefore = new Map((before.hosts ?? []).map((h) => [h.id, h.name]));
  const renamedHosts = new Set(
    (after.hosts ?? []).filter((h) => hostNameBefore.get(h.id) !== h.name).map((h) => h.id),
  );
  const hostsRenamed = renamedHosts.size > 0;
  for (const c of after.components) {
    const old = previous.get(c.id);
    if (old === c && !hostsRenamed) continue;
    const a = old?.position;
    const b = c.position;
    if (!old || !a || !b) {
      changed.add(c.id);
      continue;
    }
    if (a.x !== b.x || a.y !== b.y) moved.set(c.id, { x: b.x - a.x, y: b.y - a.y });
    if (
      old.name !== c.name ||
      old.host !== c.host ||
      old.port !== c.port ||
      old.kind !== c.kind ||
      (c.host !== undefined && renamedHosts.has(c.host))
    ) {
      changed.add(c.id);
    }
  }
  if (moved.size === 0 && changed.size === 0) return after;
  const cards = cardRects(after);
  const obstacles = [...cards.values()];
  const movedRects = [...moved.keys(), ...changed].map((id) => cards.get(id) as Rect);
  let any = false;
  const offsets = parallelOffsets(after.connections);
  const connections = after.connections.map((connection) => {
    const points = connection.waypoints;
    if (!points) return connection;
    const a = moved.get(connection.from);
    const b = moved.get(connection.to);
    const touched = a || b || changed.has(connection.from) || changed.has(connection.to);
    // Both cards moved by the same distance (a host or a selection moved): the route moves too.
    if (
      a &&
      b &&
      a.x === b.x &&
      a.y === b.y &&
      !changed.has(connection.from) &&
      !changed.has(connection.to)
    ) {
      const shifted = points.map((p) => ({ x: p.x + a.x, y: p.y + a.y }));
      const own = [cards.get(connection.from), cards.get(connection.to)];
      if (!obstacles.some((r) => !own.includes(r) && crosses(shifted, r))) {
        any = true;
        return { ...connection, waypoints: shifted };
      }
    }
    if (!touched && !movedRects.some((r) => crosses(points, r))) return connection;
    any = true;
    const route = routeConnection(connection, cards, obstacles, offsets.get(connection.id));
    return route ? { ...connection, waypoints: route } : withoutRoute(connection);
  });
  return any ? { ...after, connections } : after;
}
