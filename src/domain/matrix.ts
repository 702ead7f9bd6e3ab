import {
  COMPONENT_KINDS,
  type ComponentKind,
  type KindInfo,
  kindInfo,
  type SourceKind,
  type TargetKind,
} from './kinds';
import { type CellRule, MATRIX_ROWS } from './matrix-rows';

// The matrix as the rest of the code reads it: rows and columns from the kinds' registry entries,
// cells from `matrix-rows.ts`.

export type { SourceKind, TargetKind } from './kinds';
export { MARKS, type Mark, type MarkInfo } from './marks';
export { type CellRule, MATRIX_ROWS } from './matrix-rows';

/** The entries by id: a Map, so that a kind id the registry does not know is in no row and no column. */
const ENTRIES: ReadonlyMap<string, KindInfo> = new Map(COMPONENT_KINDS.map((kind) => [kind, kindInfo(kind)]));

/** True when a component of this kind may start connections (it has a row in the matrix). */
export function isSourceKind(kind: ComponentKind): kind is SourceKind {
  return ENTRIES.get(kind)?.matrixRow !== undefined;
}

/** True when components of this kind may be connected to (it has a column in the matrix). */
export function isTargetKind(kind: ComponentKind): kind is TargetKind {
  return ENTRIES.get(kind)?.matrixColumn === true;
}

/** Kinds that have a row in the matrix, in the registry's order: they start connections. */
export const SOURCE_KINDS: readonly SourceKind[] = COMPONENT_KINDS.filter(isSourceKind);

/** Kinds that have a column in the matrix, in the registry's order: something may connect to them. */
export const TARGET_KINDS: readonly TargetKind[] = COMPONENT_KINDS.filter(isTargetKind);

export interface MatrixCell extends CellRule {
  readonly from: SourceKind;
  readonly to: TargetKind;
}

/** The rule-set id written in every exported `validation` block. */
export const RULESET = 'wfm-8.5.2';

/** The cell for `from → to`, or `undefined` when the matrix forbids it: `matrixCell('builder', 'server')?.mark === 'one'`. */
export function matrixCell(from: ComponentKind, to: ComponentKind): MatrixCell | undefined {
  if (!isSourceKind(from) || !isTargetKind(to)) return undefined;
  const row: { readonly [T in TargetKind]?: CellRule } = MATRIX_ROWS[from];
  const cell = row[to];
  return cell === undefined ? undefined : { from, to, ...cell };
}

/** Every allowed cell of one row, in column order: `rowCells('builder').map(c => c.to)` is `['server', 'message-server']`. */
export function rowCells(from: ComponentKind): readonly MatrixCell[] {
  return ROW_CELLS.get(from) ?? [];
}

const ROW_CELLS: ReadonlyMap<ComponentKind, readonly MatrixCell[]> = new Map(
  COMPONENT_KINDS.map((from) => [
    from,
    TARGET_KINDS.flatMap((to) => {
      const cell = matrixCell(from, to);
      return cell ? [cell] : [];
    }),
  ]),
);

/** Every allowed cell, row by row in the source's order. */
export const ALL_CELLS: readonly MatrixCell[] = SOURCE_KINDS.flatMap((from) => rowCells(from));
