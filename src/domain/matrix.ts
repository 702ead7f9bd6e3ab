import {
  COMPONENT_KINDS,
  type ComponentKind,
  type KindInfo,
  kindInfo,
  type SourceKind,
  type TargetKind,
} from './kinds';
import { type CellRule, MATRIX_ROWS } from './matrix-rows';
import { DEFAULT_RULESET, RULESET_IDS, type RulesetId } from './ruleset-ids';

// The matrix as the rest of the code reads it: rows and columns from the kinds' registry entries,
// cells from `matrix-rows.ts`.

export type { SourceKind, TargetKind } from './kinds';
export { MARKS, type Mark, type MarkInfo } from './marks';
export { type CellRule, MATRIX_ROWS, type ReleaseCell } from './matrix-rows';

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
  /** The rule set whose table the cell is read from. */
  readonly ruleset: RulesetId;
  /** Set when this rule set prints the cell differently from `wfm-8.5.2`: the source's wording of it. */
  readonly releaseNote?: string;
}

/**
 * The default rule-set id. The `validation` block and the CLI report the rule set the document
 * names (`resolveRuleset(topology.ruleset)`), which is this one when it names none.
 */
export const RULESET: RulesetId = DEFAULT_RULESET;

/**
 * The cell for `from → to` under a rule set (default `wfm-8.5.2`), or `undefined` when the matrix
 * forbids it: `matrixCell('builder', 'server')?.mark === 'one'`,
 * `matrixCell('server', 'data-aggregator', 'wfm-8.5.1')?.mark === 'one'`.
 */
export function matrixCell(
  from: ComponentKind,
  to: ComponentKind,
  ruleset: RulesetId = DEFAULT_RULESET,
): MatrixCell | undefined {
  if (!isSourceKind(from) || !isTargetKind(to)) return undefined;
  const row: { readonly [T in TargetKind]?: CellRule } = MATRIX_ROWS[from];
  const cell = row[to];
  if (cell === undefined) return undefined;
  const release = cell.releases?.[ruleset];
  return release === undefined
    ? { from, to, ...cell, ruleset }
    : { from, to, ...cell, ruleset, mark: release.mark, releaseNote: release.note };
}

/**
 * Every allowed cell of one row under a rule set, in column order:
 * `rowCells('builder').map(c => c.to)` is `['server', 'message-server']`.
 */
export function rowCells(from: ComponentKind, ruleset: RulesetId = DEFAULT_RULESET): readonly MatrixCell[] {
  return ROW_CELLS.get(ruleset)?.get(from) ?? [];
}

const ROW_CELLS: ReadonlyMap<RulesetId, ReadonlyMap<ComponentKind, readonly MatrixCell[]>> = new Map(
  RULESET_IDS.map((ruleset) => [
    ruleset,
    new Map(
      COMPONENT_KINDS.map((from) => [
        from,
        TARGET_KINDS.flatMap((to) => {
          const cell = matrixCell(from, to, ruleset);
          return cell ? [cell] : [];
        }),
      ]),
    ),
  ]),
);

/** Every allowed cell under a rule set (default `wfm-8.5.2`), row by row in the source's order. */
export function allCells(ruleset: RulesetId = DEFAULT_RULESET): readonly MatrixCell[] {
  return SOURCE_KINDS.flatMap((from) => rowCells(from, ruleset));
}

/** Every allowed cell of `wfm-8.5.2`, row by row in the source's order. */
export const ALL_CELLS: readonly MatrixCell[] = allCells();
