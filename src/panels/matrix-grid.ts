// The matrix grid's pure helpers: row headings, cell positions, arrow-key moves, cell names.
import type { KeyboardEvent } from 'react';
import {
  type CellUsage,
  counted,
  displayName,
  MARKS,
  matrixCell,
  SOURCE_KINDS,
  type SourceKind,
  TARGET_KINDS,
} from '../domain';

/** The source page heads its rows with these words; its columns read the kinds' short names. */
export const ROW_LABEL: { readonly [S in SourceKind]: string } = {
  server: 'Server',
  builder: 'Builder',
  daemon: 'Daemon',
  'data-aggregator': 'Data Aggregator',
  web: 'Web',
  'db-utility': 'Database Utility (Backup-Restore Utility)',
};

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
export function cellLabel(usage: CellUsage): string {
  const cell = matrixCell(usage.from, usage.to);
  const rule = cell ? `${MARKS[cell.mark].symbol}, ${MARKS[cell.mark].legend}` : 'not allowed';
  const used = usage.count > 0 ? `; ${counted(usage.count, 'connection')} in this deployment` : '';
  const broken =
    usage.offences.length > 0
      ? `; broken by this deployment (${counted(usage.offences.length, 'problem')})`
      : '';
  return `${displayName(usage.from)} to ${displayName(usage.to)}: ${rule}${used}${broken}`;
}
