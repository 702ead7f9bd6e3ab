import { type ComponentKind, displayName } from './kinds';
import { isSourceKind, isTargetKind, MARKS, type MatrixCell, matrixCell } from './matrix';

/**
 * A cell of the matrix in plain words, for the inspector's rule card and the matrix explorer.
 * @example explainCell('builder', 'server') // 'A WFM Builder must connect to exactly one WFM Server.'
 */
export function explainCell(from: ComponentKind, to: ComponentKind): string {
  const cell = matrixCell(from, to);
  const source = displayName(from);
  const target = displayName(to);
  if (!cell) {
    if (!isSourceKind(from)) return `${source} never starts a connection: it has no row in the matrix.`;
    if (!isTargetKind(to)) return `Nothing connects to ${target}: it has no column in the matrix.`;
    return `${source} cannot connect to ${target}: the component connections matrix has no such connection.`;
  }
  return `A ${source} ${ruleWords(cell)} ${target}.`;
}

function ruleWords(cell: MatrixCell): string {
  switch (cell.mark) {
    case 'one':
      return 'must connect to exactly one';
    case 'one-or-more':
      return 'must connect to at least one';
    case 'optional-one':
      return 'may connect to at most one';
    case 'optional-many':
      return 'may connect to any number of';
    default: {
      const unreachable: never = cell.mark;
      return unreachable;
    }
  }
}

/** The symbol the source prints for a cell's mark, e.g. `markSymbol('optional-one') === '(X)'`. */
export function markSymbol(mark: MatrixCell['mark']): string {
  return MARKS[mark].symbol;
}
