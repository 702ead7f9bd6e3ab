// The goal checks version 2 adds (issue 13): a component on a host (with an LCA, a certificate),
// and a primary with a backup in a standby mode.
import type { ComponentKind, Standby, Topology } from '../domain';

/** A component of `kind` is on a host of the topology, optionally one with an LCA and/or a certificate. */
export interface HostGoalCheck {
  readonly type: 'host';
  readonly kind: ComponentKind;
  readonly lca?: boolean | undefined;
  readonly certificate?: boolean | undefined;
}

/** A component of `kind` (not itself a backup) has a backup of the same kind, in `standby` mode. */
export interface BackupGoalCheck {
  readonly type: 'backup';
  readonly kind: ComponentKind;
  readonly standby: Standby;
}

/**
 * Whether some component of the kind is on a host of the topology that meets the check.
 * @example meetsHostGoal(doc, { type: 'host', kind: 'server', lca: true })
 */
export function meetsHostGoal(topology: Topology, check: HostGoalCheck): boolean {
  const hosts = new Map((topology.hosts ?? []).map((h) => [h.id, h]));
  return topology.components.some((c) => {
    if (c.kind !== check.kind || c.host === undefined) return false;
    const host = hosts.get(c.host);
    if (!host) return false;
    if (check.lca !== undefined && (host.lca ?? false) !== check.lca) return false;
    return check.certificate === undefined || (host.certificate ?? false) === check.certificate;
  });
}

/**
 * Whether some primary of the kind has a backup of the same kind in the given standby mode.
 * @example meetsBackupGoal(doc, { type: 'backup', kind: 'data-aggregator', standby: 'hot' })
 */
export function meetsBackupGoal(topology: Topology, check: BackupGoalCheck): boolean {
  const byId = new Map(topology.components.map((c) => [c.id, c]));
  return topology.components.some((backup) => {
    if (backup.kind !== check.kind || backup.standby !== check.standby || backup.backupOf === undefined)
      return false;
    const primary = byId.get(backup.backupOf);
    return (
      primary !== undefined &&
      primary !== backup &&
      primary.kind === check.kind &&
      primary.backupOf === undefined
    );
  });
}
