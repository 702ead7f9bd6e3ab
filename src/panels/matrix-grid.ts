// The matrix grid's pure helpers: the grid itself, cell positions, arrow-key moves, cell names.
import type { KeyboardEvent } from 'react';
import {
  type CellUsage,
  counted,
  displayName,
  kindInfo,
  MARKS,
  type MatrixCell,
  type MatrixUsage,
  matrixCell,
  RULESET_IDS,
  type RulesetId,
  recordOf,
  rulesetLabel,
  SOURCE_KINDS,
  type SourceKind,
  TARGET_KINDS,
  type TargetKind,
} from '../domain';

/** The words the source page heads each row with: each kind's `matrixRow` in the registry. */
export const ROW_LABEL: { readonly [S in SourceKind]: string } = recordOf(
  SOURCE_KINDS,
  (kind) => kindInfo(kind).matrixRow ?? displayName(kind),
);

/** How another release prints a cell that differs between releases (rules.md section 7). */
export interface ReleaseMark {
  readonly ruleset: RulesetId;
  readonly label: string;
  readonly cell: MatrixCell | undefined;
}

export interface GridCell {
  readonly to: TargetKind;
  /** The matrix's cell under the chosen rule set, or `undefined` where it forbids the connection. */
  readonly cell: MatrixCell | undefined;
  /** Where the releases print this cell differently: every release's mark; empty where they agree. */
  readonly releases: readonly ReleaseMark[];
  readonly usage: CellUsage;
  /** The cell's accessible name. */
  readonly label: string;
}

export interface GridRow {
  readonly from: SourceKind;
  readonly heading: string;
  readonly cells: readonly GridCell[];
}

export interface Grid {
  /** The columns' headings: the kinds' short names, as the source page prints them. */
  readonly columns: readonly { readonly to: TargetKind; readonly heading: string }[];
  readonly rows: readonly GridRow[];
}

/**
 * The matrix as the explorer draws it, every row and column read from the kinds' registry and
 * every cell from the matrix, with what the deployment does with it.
 * @example matrixGrid(matrixUsage(doc)).rows[0].heading === 'Server'
 */
export function matrixGrid(usage: MatrixUsage, ruleset: RulesetId): Grid {
  return {
    columns: TARGET_KINDS.map((to) => ({ to, heading: kindInfo(to).shortName })),
    rows: SOURCE_KINDS.map((from) => ({
      from,
      heading: ROW_LABEL[from],
      cells: TARGET_KINDS.map((to) => {
        const cellUsage = usage.cells[from][to];
        return {
          to,
          cell: matrixCell(from, to, ruleset),
          releases: releaseMarks(from, to),
          usage: cellUsage,
          label: cellLabel(cellUsage, ruleset),
        };
      }),
    })),
  };
}

/**
 * Every release's mark of a cell the releases print differently, newest first; an empty list where
 * they all agree (all but Server → Data Aggregator today).
 * @example releaseMarks('server', 'data-aggregator').map((r) => r.cell?.mark) // ['optional-many', 'one', 'one']
 */
export function releaseMarks(from: SourceKind, to: TargetKind): readonly ReleaseMark[] {
  const marks = RULESET_IDS.map((ruleset) => ({
    ruleset,
    label: rulesetLabel(ruleset),
    cell: matrixCell(from, to, ruleset),
  }));
  const first = marks[0]?.cell?.mark;
  return marks.every((release) => release.cell?.mark === first) ? [] : marks;
}

export interface Position {
  readonly row: number;
  readonly col: number;
}

const ROWS = SOURCE_KINDS.length;
export const COLS = TARGET_KINDS.length;

export function positionOf(
  cell: { readonly from: string; readonly to: string } | undefined,
): Position | null {
  if (!cell) return null;
  const rows: readonly string[] = SOURCE_KINDS;
  const cols: readonly string[] = TARGET_KINDS;
  const row = rows.indexOf(cell.from);
  const col = cols.indexOf(cell.to);
  return row >= 0 && col >= 0 ? { row, col } : null;
}

/** Where an arrow, Home or End key moves the grid's focus, or `null` for other keys. */
export function moveFrom({ row, col }: Position, event: KeyboardEvent): Position | null {
  const clampRow = (r: number) => Math.min(ROWS - 1, Math.max(0, r));
  const clampCol = (c: number) => Math.min(COLS - 1, Math.max(0, c));
  switch (event.key) {
    case 'ArrowUp':
      return { row: clampRow(row - 1), col };
    case 'ArrowDown':
      return { row: clampRow(row + 1), col };
    case 'ArrowLeft':
      return { row, col: clampCol(col - 1) };
    case 'ArrowRight':
      return { row, col: clampCol(col + 1) };
    case 'Home':
      return event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return event.ctrlKey ? { row: ROWS - 1, col: COLS - 1 } : { row, col: COLS - 1 };
    default:
      return null;
  }
}

/** The cell's accessible name: what the source prints, then what this deployment does with it. */
export function cellLabel(usage: CellUsage, ruleset: RulesetId): string {
  const cell = matrixCell(usage.from, usage.to, ruleset);
  const rule = cell ? `${MARKS[cell.mark].symbol}, ${MARKS[cell.mark].legend}` : 'not allowed';
  const differs = releaseMarks(usage.from, usage.to).length > 0 ? '; differs between releases' : '';
  const used = usage.count > 0 ? `; ${counted(usage.count, 'connection')} in this deployment` : '';
  const broken =
    usage.offences.length > 0
      ? `; broken by this deployment (${counted(usage.offences.length, 'problem')})`
      : '';
  return `${displayName(usage.from)} to ${displayName(usage.to)}: ${rule}${differs}${used}${broken}`;
}
