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
