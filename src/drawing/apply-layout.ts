import type { DocumentHost, DocumentZone, TopologyDocument } from '../document';
import type { DiagramLayout } from './elk-layout';
import type { Point, Rect } from './geometry';
import { MAX_WAYPOINTS } from './route-upkeep';

/**
 * Puts everything where a layout says (Tidy up), as one edit: cards, hosts and zones, and each
 * connection's route; a connection the layout did not route (a Message Server connection drawn as
 * a badge or hidden) loses its old route. Notes stay where the user put them.
 */
export function applyLayout(document: TopologyDocument, layout: DiagramLayout): TopologyDocument {
  const samePoint = (a: Point | undefined, b: Point) => a !== undefined && a.x === b.x && a.y === b.y;
  const components = document.components.map((c) => {
    const to = layout.components.get(c.id);
    return !to || samePoint(c.position, to) ? c : { ...c, position: { x: to.x, y: to.y } };
  });
  const boxed = <T extends DocumentHost | DocumentZone>(item: T, rect: Rect | undefined): T => {
    if (!rect) return item;
    const size = { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
    if (
      samePoint(item.position, rect) &&
      item.size?.width === size.width &&
      item.size?.height === size.height
    ) {
      return item;
    }
    return { ...item, position: { x: rect.x, y: rect.y }, size };
  };
  const hosts = document.hosts?.map((h) => boxed(h, layout.hosts.get(h.id)));
  const zones = document.zones?.map((z) => boxed(z, layout.zones.get(z.id)));
  const connections = document.connections.map((c) => {
    const route = layout.routes.get(c.id);
    if (!route || route.length > MAX_WAYPOINTS) {
      if (c.waypoints === undefined) return c;
      const { waypoints: _old, ...rest } = c;
      return rest;
    }
    return { ...c, waypoints: route.map((p) => ({ x: p.x, y: p.y })) };
  });
  return {
    ...document,
    components,
    connections,
    ...(hosts ? { hosts } : {}),
    ...(zones ? { zones } : {}),
  };
}
