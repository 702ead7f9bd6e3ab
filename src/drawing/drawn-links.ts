import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';

export type MessageServerLinks = 'lines' | 'badges' | 'hidden';

/** How the document asks its Message Server connections to be drawn (rules.md section 12). */
export function messageServerLinks(document: TopologyDocument): MessageServerLinks {
  return document.view?.messageServerLinks ?? 'lines';
}

/** A connection to or from the Message Server: the Management Layer's, drawn as the view says. */
export function isMessageServerLink(source: DocumentComponent, target: DocumentComponent): boolean {
  return source.kind === 'message-server' || target.kind === 'message-server';
}

export interface DrawnLink {
  readonly connection: DocumentConnection;
  readonly source: DocumentComponent;
  readonly target: DocumentComponent;
}

/**
 * The connections drawn as lines: both ends exist and differ, and a Message Server connection
 * only when the view draws them as lines. The layout routes exactly these.
 */
export function drawnLinks(document: TopologyDocument): DrawnLink[] {
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const lines = messageServerLinks(document) === 'lines';
  const out: DrawnLink[] = [];
  for (const connection of document.connections) {
    const source = byId.get(connection.from);
    const target = byId.get(connection.to);
    if (!source || !target || source === target) continue;
    if (!lines && isMessageServerLink(source, target)) continue;
    out.push({ connection, source, target });
  }
  return out;
}

const drawnCache = new WeakMap<
  readonly DocumentConnection[],
  { key: unknown; value: DocumentConnection[] }
>();

/**
 * The connections a drawing shows as lines: all of them, or without the Message Server's when the
 * view draws those as badges or hides them. The same array comes back while nothing changed.
 */
export function connectionsDrawn(document: TopologyDocument): readonly DocumentConnection[] {
  if (messageServerLinks(document) === 'lines') return document.connections;
  const hit = drawnCache.get(document.connections);
  if (hit && hit.key === document.components) return hit.value;
  const kinds = new Map(document.components.map((c) => [c.id, c.kind]));
  const value = document.connections.filter(
    (c) => kinds.get(c.from) !== 'message-server' && kinds.get(c.to) !== 'message-server',
  );
  drawnCache.set(document.connections, { key: document.components, value });
  return value;
}

/** The components that carry a Message Server badge: those with a Message Server connection, in badge view. */
const NO_BADGES: ReadonlySet<string> = new Set();

export function messageServerBadges(document: TopologyDocument): ReadonlySet<string> {
  if (messageServerLinks(document) !== 'badges') return NO_BADGES;
  const kinds = new Map(document.components.map((c) => [c.id, c.kind]));
  const out = new Set<string>();
  for (const c of document.connections) {
    if (c.from === c.to) continue;
    if (kinds.get(c.to) === 'message-server' && kinds.has(c.from)) out.add(c.from);
    if (kinds.get(c.from) === 'message-server' && kinds.has(c.to)) out.add(c.to);
  }
  return out;
}
