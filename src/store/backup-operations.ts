// "Add backup" (rules.md section 10): a second Application of the primary's kind that waits in
// standby, with the primary's outgoing connections, as one edit (decision 023).

import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import { MAX_COMPONENT_NAME_LENGTH } from '../document';
import type { Standby } from '../domain';
import { CARD, cardWidth } from '../drawing';
import { haSupport } from './kind-rules';
import { documentIds, freeSpotInHost, growHost } from './layout-operations';
import { idPrefix, nextId } from './names';

export interface BackupOptions {
  /** The host the backup runs on; by default the primary's. */
  readonly hostId?: string | undefined;
  /** Only read for kinds that allow either mode (DAP, Stat Server, Message Server). */
  readonly standby?: Standby;
}

/** `WFM_Server_1` → `WFM_Server_1_backup`, then `_backup2`, … until free (names compare case-insensitively). */
export function backupName(name: string, taken: Iterable<string>): string {
  const names = new Set<string>();
  for (const n of taken) names.add(n.trim().toLowerCase());
  const base = name.trim();
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '_backup' : `_backup${n}`;
    const candidate = `${base.slice(0, MAX_COMPONENT_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/** The mode a new backup of a kind gets: the only one it supports, or the chosen one (hot by default). */
export function backupStandby(primary: DocumentComponent, chosen: Standby | undefined): Standby | null {
  const ha = haSupport(primary.kind);
  if (ha === 'none') return null;
  return ha === 'any' ? (chosen ?? 'hot') : ha;
}

/**
 * Adds the backup of `primaryId`: same kind, `<name>_backup`, in standby, on the chosen host (or
 * the primary's), placed beside the primary (or in the chosen host), with a copy of each of the
 * primary's outgoing connections (same target, same security). `null` when the primary does not
 * exist, is itself a backup, or its kind has no HA.
 */
export function addBackup(
  document: TopologyDocument,
  primaryId: string,
  options: BackupOptions = {},
): { document: TopologyDocument; id: string } | null {
  const primary = document.components.find((c) => c.id === primaryId);
  if (!primary || primary.backupOf !== undefined) return null;
  const standby = backupStandby(primary, options.standby);
  if (!standby) return null;
  const ids = documentIds(document);
  const id = nextId(idPrefix(primary.kind), ids);
  ids.add(id);
  const hostId = options.hostId ?? primary.host;
  const sameHost = hostId !== undefined && hostId === primary.host;
  const beside = {
    x: (primary.position?.x ?? 0) + CARD.width + 40,
    y: primary.position?.y ?? 0,
  };
  let next = document;
  let position = beside;
  if (hostId !== undefined) {
    // The backup's name is longer than its primary's: room for the wider card.
    const spot = freeSpotInHost(
      document,
      hostId,
      undefined,
      cardWidth({ ...primary, name: `${primary.name}_backup` }),
    );
    if (spot) {
      position = spot.position;
      next = growHost(document, hostId, spot.rect);
    }
  }
  const { id: _id, name: _name, etl: _etl, host: _host, port, position: _p, notes: _n, ...kept } = primary;
  const backup: DocumentComponent = {
    ...kept,
    id,
    name: backupName(
      primary.name,
      document.components.map((c) => c.name),
    ),
    position,
    ...(hostId !== undefined ? { host: hostId } : {}),
    // The same port on another host is the usual set-up; on the same host it would conflict.
    ...(port !== undefined && !sameHost ? { port } : {}),
    backupOf: primary.id,
    standby,
  };
  const copies: DocumentConnection[] = [];
  for (const c of document.connections) {
    if (c.from !== primary.id || c.to === primary.id) continue;
    const copyId = nextId('c', ids);
    ids.add(copyId);
    copies.push({ ...c, id: copyId, from: id });
  }
  return {
    id,
    document: {
      ...next,
      components: [...next.components, backup],
      connections: copies.length ? [...next.connections, ...copies] : next.connections,
    },
  };
}
