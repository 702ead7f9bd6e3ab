import { MARKS, type MatrixCell } from './matrix';
import { type DeploymentOptions, type OptionRequirement, optionInfo } from './options';

/** Why a cell's minimum is what it is: the matrix, an option that makes the cell required, or nothing. */
export type RequiredBy = 'matrix' | OptionRequirement | 'none';

export interface Requirement {
  readonly min: 0 | 1;
  /** `null` means unbounded. */
  readonly max: 1 | null;
  readonly requiredBy: RequiredBy;
}

/**
 * The cardinality one source component must meet for one cell, once the options apply:
 * `cellRequirement(matrixCell('builder', 'message-server')!, { managementLayer: true, scheduledReporting: false }).min === 1`.
 */
export function cellRequirement(cell: MatrixCell, options: DeploymentOptions): Requirement {
  const { min, max } = MARKS[cell.mark];
  if (min === 1) return { min, max, requiredBy: 'matrix' };
  if (cell.requiredWhen !== undefined && options[cell.requiredWhen]) {
    return { min: 1, max, requiredBy: optionInfo(cell.requiredWhen).requiredBy };
  }
  return { min, max, requiredBy: 'none' };
}
