// TODO(issue 13): the `host` and `backup` goal checks, written here because the goal-check union
// lives in src/domain/goals.ts and its schema in src/document/exercise.ts, which this branch does
// not own. After merge: move this file to src/domain/goals-v2.ts, add both members to `GoalCheck`
// and `GOAL_CHECK_TYPES`, a `case` each in `createGoalJudge`, and a strict object each in
// `goalCheckSchema` (the lines are in the issue-13 export report); then delete this comment.
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
