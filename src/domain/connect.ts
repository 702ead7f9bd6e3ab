import { type Analysis, analyse, pairKey } from './analyse';
import { describeComponent } from './describe';
import { displayName, isContextKind } from './kinds';
import { isSourceKind, isTargetKind, MARKS, type MatrixCell, matrixCell } from './matrix';
import type { Topology, TopologyComponent, TopologyConnection } from './model';

/** Why `canConnect` refused: the canvas and the "Connect to…" list switch over it. */
export type RefusalReason =
  | 'unknown-component'
  | 'self-connection'
  | 'forbidden-connection'
  | 'duplicate-connection'
  | 'cell-full';

export type ConnectVerdict =
  | {
      readonly ok: true;
      /** The matrix cell that allows it; absent for a context link. */
      readonly cell?: MatrixCell;
      /** True for a context link (a context kind at either end): allowed, not governed by the matrix. */
      readonly contextLink: boolean;
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly reason: RefusalReason;
      readonly message: string;
      /** The connection that already uses the pair or the X/(X) cell. */
      readonly existing?: TopologyConnection;
    };

/** Judges many candidate connections against one topology after a single O(n) pass. */
export interface ConnectionJudge {
  canConnect(fromId: string, toId: string): ConnectVerdict;
  /** Components `fromId` may connect to now, in document order. */
  legalTargets(fromId: string): TopologyComponent[];
}

function refuse(
  reason: RefusalReason,
  message: string,
  existing?: TopologyConnection,
): ConnectVerdict & { ok: false } {
  return existing ? { ok: false, reason, message, existing } : { ok: false, reason, message };
}

function judge(analysis: Analysis, fromId: string, toId: string): ConnectVerdict {
  const from = analysis.byId.get(fromId);
  const to = analysis.byId.get(toId);
  if (!from || !to) return refuse('unknown-component', 'That component is not in the deployment.');
  const fromKind = displayName(from.kind);
  const toKind = displayName(to.kind);
  if (fromId === toId) {
    return refuse('self-connection', `${describeComponent(from)} cannot connect to itself.`);
  }
  const existing = analysis.pairs.get(pairKey(fromId, toId));
  if (existing) {
    return refuse(
      'duplicate-connection',
      `${describeComponent(from)} already connects to ${describeComponent(to)}.`,
      existing,
    );
  }
  if (isContextKind(from.kind) || isContextKind(to.kind)) {
    return {
      ok: true,
      contextLink: true,
      message: `${fromKind} → ${toKind} is allowed: a context link, not governed by the matrix.`,
    };
  }
  const cell = matrixCell(from.kind, to.kind, analysis.ruleset);
  if (!cell) {
    const why = !isSourceKind(from.kind)
      ? `${fromKind} never starts a connection`
      : !isTargetKind(to.kind)
        ? `nothing connects to ${toKind}`
        : 'the component connections matrix has no such connection';
    return refuse('forbidden-connection', `${fromKind} cannot connect to ${toKind}: ${why}.`);
  }
  const { max, symbol, legend } = MARKS[cell.mark];
  const used = analysis.counted.get(fromId)?.get(cell.to);
  const first = used?.[0];
  if (max === 1 && first) {
    const other = analysis.byId.get(first.to);
    return refuse(
      'cell-full',
      `${describeComponent(from)} already connects to ${other ? describeComponent(other) : toKind}: the matrix allows ${symbol === 'X' ? 'exactly one' : 'at most one'} ${toKind} (${symbol}).`,
      first,
    );
  }
  return {
    ok: true,
    cell,
    contextLink: false,
    message: `${fromKind} → ${toKind} is allowed: ${symbol}, ${legend}.`,
  };
}

/** Builds a judge for one topology; build it once per document version, not once per candidate. */
export function createConnectionJudge(topology: Topology): ConnectionJudge {
  const analysis = analyse(topology);
  return {
    canConnect: (fromId, toId) => judge(analysis, fromId, toId),
    legalTargets: (fromId) => topology.components.filter((c) => judge(analysis, fromId, c.id).ok),
  };
}

/**
 * The verdict on a new connection `fromId → toId`, with the reason when it is refused.
 * @example canConnect(doc, 'bld-1', 'stat-1') // { ok: false, reason: 'forbidden-connection', message: 'WFM Builder cannot connect to Stat Server: …' }
 */
export function canConnect(topology: Topology, fromId: string, toId: string): ConnectVerdict {
  return createConnectionJudge(topology).canConnect(fromId, toId);
}
