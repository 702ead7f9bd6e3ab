import {
  displayName,
  KIND_CATALOG,
  MARKS,
  matrixCell,
  RULESET,
  SOURCE_KINDS,
  type SourceKind,
  TARGET_KINDS,
} from '../src/domain';

const COLUMN_GAP = '  ';

// The source page heads its rows with the display names minus the product prefix ("Data
// Aggregator", "Database Utility") and its columns with the short names ("Data Aggr.").
function rowLabel(kind: SourceKind): string {
  return displayName(kind).replace(/^WFM /, '');
}

/**
 * The component connections matrix as the Genesys guide prints it, as aligned text with its
 * legend, one string a line; every mark is read from the domain's table, so the CLI cannot disagree with the canvas.
 */
export function renderMatrix(): string[] {
  const header = ['Component name', ...TARGET_KINDS.map((kind) => KIND_CATALOG[kind].shortName)];
  const rows = SOURCE_KINDS.map((from) => [
    rowLabel(from),
    ...TARGET_KINDS.map((to) => {
      const cell = matrixCell(from, to);
      return cell ? MARKS[cell.mark].symbol : '';
    }),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const align = (row: readonly string[]) =>
    row
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join(COLUMN_GAP)
      .trimEnd();

  const marks = Object.values(MARKS);
  const symbolWidth = Math.max(...marks.map((mark) => mark.symbol.length));
  return [
    `WFM component connections (rule-set ${RULESET}): each row lists the connections on its Connections tab.`,
    '',
    align(header),
    ...rows.map(align),
    '',
    'Legend:',
    ...marks.map((mark) => `  ${mark.symbol.padEnd(symbolWidth)}  ${mark.legend}`),
    '  empty: the connection is not allowed',
  ];
}
