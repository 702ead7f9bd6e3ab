import { analyse } from './analyse';
import { cellRequirement, type Requirement } from './cardinality';
import { type MatrixCell, rowCells } from './matrix';
import type { Topology } from './model';
import { resolveOptions } from './options';

export interface CellStatus {
  readonly cell: MatrixCell;
  readonly requirement: Requirement;
  /** Connections that count toward the cell, as `validate` counts them. */
  readonly count: number;
  readonly ok: boolean;
}

/**
 * How one component stands against each cell of its row, counted exactly as `validate` counts.
 * @example ruleStatus(doc, 'bld-1')[0] // { cell: Builder → Server (X), count: 1, ok: true, … }
 */
export function ruleStatus(topology: Topology, componentId: string): CellStatus[] {
  const analysis = analyse(topology);
  const component = analysis.byId.get(componentId);
  if (!component) return [];
  const options = resolveOptions(topology.options);
  const byKind = analysis.counted.get(componentId);
  return rowCells(component.kind).map((cell) => {
    const requirement = cellRequirement(cell, options);
    const count = byKind?.get(cell.to)?.length ?? 0;
    const ok = count >= requirement.min && (requirement.max === null || count <= requirement.max);
    return { cell, requirement, count, ok };
  });
}
