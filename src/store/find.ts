// Find (issue 15 item 5): the components, hosts and zones whose name, host or kind contains what
// was typed, best first. Pure, so the dialog and its tests read the same ranking.

import type { TopologyDocument } from '../document/schema';
import { kindInfo } from '../domain';

export interface FindMatch {
  /** The node to select and zoom to. */
  readonly id: string;
  readonly sort: 'component' | 'host' | 'zone';
  readonly name: string;
  /** The kind's display name, or "Host" / "Zone". */
  readonly kindName: string;
  /** The host a component runs on, if any. */
  readonly hostName: string | undefined;
}

/** How well a match answers: a name that starts with the text first, then within it, then host, then kind. */
const RANK = { nameStart: 0, name: 1, host: 2, kind: 3 } as const;

/**
 * Every component, host and zone that matches `query` (trimmed, case-insensitive, contained in its
 * name, its host's name or address, or its kind's name or id), best first and in document order
 * within a rank. An empty query matches everything. E.g. `findMatches(doc, 'builder')` lists every
 * WFM Builder and every component whose name or host says "builder".
 */
export function findMatches(document: TopologyDocument, query: string): FindMatch[] {
  const text = query.trim().toLowerCase();
  const has = (value: string | undefined) => value?.toLowerCase().includes(text) === true;
  const hosts = new Map((document.hosts ?? []).map((h) => [h.id, h]));
  const ranked: { match: FindMatch; rank: number; order: number }[] = [];
  const add = (match: FindMatch, rank: number | null) => {
    if (rank !== null) ranked.push({ match, rank, order: ranked.length });
  };
  const nameRank = (name: string) =>
    name.toLowerCase().startsWith(text) ? RANK.nameStart : has(name) ? RANK.name : null;
  for (const c of document.components) {
    const info = kindInfo(c.kind);
    const host = c.host === undefined ? undefined : hosts.get(c.host);
    const rank =
      nameRank(c.name) ??
      (has(host?.name) || has(host?.address) ? RANK.host : null) ??
      (has(info.displayName) || has(c.kind) ? RANK.kind : null);
    add(
      { id: c.id, sort: 'component', name: c.name, kindName: info.displayName, hostName: host?.name },
      rank,
    );
  }
  for (const h of document.hosts ?? []) {
    const rank = nameRank(h.name) ?? (has(h.address) ? RANK.host : has('host') ? RANK.kind : null);
    add({ id: h.id, sort: 'host', name: h.name, kindName: 'Host', hostName: undefined }, rank);
  }
  for (const z of document.zones ?? []) {
    add(
      { id: z.id, sort: 'zone', name: z.name, kindName: 'Zone', hostName: undefined },
      nameRank(z.name) ?? (has('zone') ? RANK.kind : null),
    );
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ match }) => match);
}
