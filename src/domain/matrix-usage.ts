import { analyse } from './analyse';
import {
  isSourceKind,
  isTargetKind,
  SOURCE_KINDS,
  type SourceKind,
  TARGET_KINDS,
  type TargetKind,
} from './matrix';
import type { Topology } from './model';
import { recordOf } from './records';
import { validate } from './validate';

/** A problem that breaks one cell of the matrix, with the component it is about. */
export interface CellOffence {
  /** The component the problem is about; for a forbidden connection, the one it starts at. */
  readonly componentId: string;
  readonly code: 'missing-connection' | 'too-many-connections' | 'forbidden-connection';
  /** For a forbidden connection: the connection itself. */
  readonly connectionId?: string;
  /** The problem's message, as `validate` words it. */
  readonly message: string;
}

/** How the document uses one cell of the matrix (allowed or empty). */
export interface CellUsage {
  readonly from: SourceKind;
  readonly to: TargetKind;
  /** Connections of this from-kind → to-kind that count toward their source, as `validate` counts them. */
  readonly count: number;
  /** Problems that break the cell, in `validate`'s order; empty when the document keeps the rule. */
  readonly offences: readonly CellOffence[];
}

export type UsageGrid = { readonly [S in SourceKind]: { readonly [T in TargetKind]: CellUsage } };

export interface MatrixUsage {
  /** Every cell of the source's grid, allowed or empty. */
  readonly cells: UsageGrid;
  /** Forbidden connections the grid cannot show: from a kind without a row or to a kind without a column. */
  readonly outside: readonly CellOffence[];
}

interface MutableUsage {
  readonly from: SourceKind;
  readonly to: TargetKind;
  count: number;
  readonly offences: CellOffence[];
}

type MutableGrid = { readonly [S in SourceKind]: { readonly [T in TargetKind]: MutableUsage } };

function emptyGrid(): MutableGrid {
  return recordOf(SOURCE_KINDS, (from) =>
    recordOf(TARGET_KINDS, (to): MutableUsage => ({ from, to, count: 0, offences: [] })),
  );
}

/**
 * How the document uses each cell of the matrix: the counted connections, and the components whose
 * cardinality or forbidden connections break it. One pass over the document and its problems.
 * @example matrixUsage(doc).cells.builder.server // { count: 1, offences: [] } for one Builder → Server
 */
export function matrixUsage(topology: Topology): MatrixUsage {
  const analysis = analyse(topology);
  const cells = emptyGrid();
  const outside: CellOffence[] = [];

  for (const [fromId, byKind] of analysis.counted) {
    const from = analysis.byId.get(fromId);
    if (!from || !isSourceKind(from.kind)) continue;
    for (const [to, connections] of byKind) cells[from.kind][to].count += connections.length;
  }

  const byConnectionId = new Map(analysis.connections.map((c) => [c.connection.id, c] as const));
  for (const problem of validate(topology)) {
    if (problem.code === 'missing-connection' || problem.code === 'too-many-connections') {
      const component = analysis.byId.get(problem.componentId);
      if (!component || !isSourceKind(component.kind)) continue;
      cells[component.kind][problem.targetKind].offences.push({
        componentId: component.id,
        code: problem.code,
        message: problem.message,
      });
    } else if (problem.code === 'forbidden-connection') {
      const classified = byConnectionId.get(problem.connectionId);
      const from = classified?.from;
      const to = classified?.to;
      if (!from || !to) continue;
      const offence: CellOffence = {
        componentId: from.id,
        code: problem.code,
        connectionId: problem.connectionId,
        message: problem.message,
      };
      if (isSourceKind(from.kind) && isTargetKind(to.kind)) cells[from.kind][to.kind].offences.push(offence);
      else outside.push(offence);
    }
  }
  return { cells, outside };
}
