import { analyse } from './analyse';
import { cellRequirement, type Requirement } from './cardinality';
import { type MatrixCell, rowCells } from './matrix';
import type { Topology } from './model';
import { resolveOptions } from './options';
import type { RulesetId } from './ruleset-ids';

export interface CellStatus {
  readonly cell: MatrixCell;
  readonly requirement: Requirement;
  /** Connections that count toward the cell, as `validate` counts them. */
  readonly count: number;
  readonly ok: boolean;
}

/**
 * How one component stands against each cell of its row, counted exactly as `validate` counts,
 * under the topology's rule set (or `ruleset` when given).
 * @example ruleStatus(doc, 'bld-1')[0] // { cell: Builder → Server (X), count: 1, ok: true, … }
 */
export function ruleStatus(topology: Topology, componentId: string, ruleset?: RulesetId): CellStatus[] {
  const analysis = analyse(topology, ruleset);
  const component = analysis.byId.get(componentId);
  if (!component) return [];
  const options = resolveOptions(topology.options);
  const byKind = analysis.counted.get(componentId);
  return rowCells(component.kind, analysis.ruleset).map((cell) => {
    const requirement = cellRequirement(cell, options);
    const count = byKind?.get(cell.to)?.length ?? 0;
    const ok = count >= requirement.min && (requirement.max === null || count <= requirement.max);
    return { cell, requirement, count, ok };
  });
}
