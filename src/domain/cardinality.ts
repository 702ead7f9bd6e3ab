import { MARKS, type MatrixCell } from './matrix';
import type { DeploymentOptions } from './options';

/** Why a cell's minimum is what it is. */
export type RequiredBy = 'matrix' | 'management-layer' | 'scheduled-reporting' | 'none';

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
  if (cell.to === 'message-server' && options.managementLayer) {
    return { min: 1, max, requiredBy: 'management-layer' };
  }
  if (cell.from === 'daemon' && cell.to === 'web' && options.scheduledReporting) {
    return { min: 1, max, requiredBy: 'scheduled-reporting' };
  }
  return { min, max, requiredBy: 'none' };
}
