import { COMPONENT_KINDS, type ComponentKind } from './kinds';

/** The four marks of the source's legend. */
export type Mark = 'one' | 'one-or-more' | 'optional-one' | 'optional-many';

export interface MarkInfo {
  readonly mark: Mark;
  /** The symbol the source page prints in the cell. */
  readonly symbol: 'X' | 'X+' | '(X)' | '(X+)';
  readonly min: 0 | 1;
  /** `null` means unbounded. */
  readonly max: 1 | null;
  /** Plain words for the legend. */
  readonly legend: string;
}

export const MARKS = {
  one: { mark: 'one', symbol: 'X', min: 1, max: 1, legend: 'single connection (required)' },
  'one-or-more': { mark: 'one-or-more', symbol: 'X+', min: 1, max: null, legend: 'one or more connections' },
  'optional-one': { mark: 'optional-one', symbol: '(X)', min: 0, max: 1, legend: 'optional connection' },
  'optional-many': {
    mark: 'optional-many',
    symbol: '(X+)',
    min: 0,
    max: null,
    legend: 'optional, one or more connections',
  },
} as const satisfies { readonly [M in Mark]: MarkInfo & { readonly mark: M } };

/** Kinds that have a row in the matrix: they start connections. */
export const SOURCE_KINDS = ['server', 'builder', 'daemon', 'data-aggregator', 'web', 'db-utility'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Kinds that have a column in the matrix: something may connect to them. */
export const TARGET_KINDS = [
  'server',
  'builder',
  'daemon',
  'data-aggregator',
  'web',
  'dap',
  'stat-server',
  'message-server',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface MatrixCell {
  readonly from: SourceKind;
  readonly to: TargetKind;
  readonly mark: Mark;
  /** The source's footnote or context for this cell, quoted where the guide words it. */
  readonly note?: string;
  /** Short label for the connection on the canvas, where the cell has a name of its own. */
  readonly label?: string;
}

const MESSAGE_SERVER_NOTE =
  'Configure the Message Server connections if you are using Management Layer to run Workforce Management.';

type Row = {
  readonly [T in TargetKind]?: { readonly mark: Mark; readonly note?: string; readonly label?: string };
};

/**
 * The component connections matrix of rule-set `wfm-8.5.2` (rules.md section 2), as data.
 * A row is the Application whose Connections tab lists the target; a missing cell is forbidden.
 */
export const MATRIX_ROWS = {
  server: {
    server: {
      mark: 'optional-many',
      note: 'WFM Server may connect to other instances of WFM Server if you are using an environment with a number of WFM Servers and want to create schedules for all the sites they serve.',
    },
    builder: {
      mark: 'one-or-more',
      note: 'You can configure and connect to multiple instances of WFM Builder.',
    },
    'data-aggregator': { mark: 'optional-many' },
    dap: { mark: 'one', note: 'The WFM database, represented by its DAP, is a central hub of its own.' },
    'message-server': { mark: 'optional-one', note: MESSAGE_SERVER_NOTE },
  },
  builder: {
    server: { mark: 'one' },
    'message-server': { mark: 'optional-one', note: MESSAGE_SERVER_NOTE },
  },
  daemon: {
    server: {
      mark: 'one',
      note: 'WFM Daemon retrieves all data required for its work from WFM Server.',
    },
    web: {
      mark: 'optional-one',
      note: 'Although the WFM Daemon connection to WFM Web is marked as optional (X), it is required if you want to use WFM’s scheduled reporting: without it WFM Daemon cannot generate the Report Scheduler.',
      label: 'scheduled reports',
    },
    'message-server': { mark: 'optional-one', note: MESSAGE_SERVER_NOTE },
  },
  'data-aggregator': {
    server: { mark: 'one' },
    dap: { mark: 'one' },
    'stat-server': {
      mark: 'one',
      note: 'Through its connection to Stat Server, WFM Data Aggregator provides one point of interaction between Workforce Management and the Genesys Framework.',
    },
    'message-server': { mark: 'optional-one', note: MESSAGE_SERVER_NOTE },
  },
  web: {
    server: { mark: 'one' },
    web: {
      mark: 'optional-one',
      note: 'Present in the source without explanation; other pages of the guide name a “WFM Web server, report engine”, so this is read as a link to a WFM Web instance that serves as report engine (inferred).',
      label: 'report engine (inferred)',
    },
    'message-server': { mark: 'optional-one', note: MESSAGE_SERVER_NOTE },
  },
  'db-utility': {
    dap: { mark: 'one' },
  },
} as const satisfies { readonly [S in SourceKind]: Row };

/** The rule-set id written in every exported `validation` block. */
export const RULESET = 'wfm-8.5.2';

/** True when a component of this kind may start connections (it has a row in the matrix). */
export function isSourceKind(kind: ComponentKind): kind is SourceKind {
  return kind in MATRIX_ROWS;
}

/** True when components of this kind may be connected to (it has a column in the matrix). */
export function isTargetKind(kind: ComponentKind): kind is TargetKind {
  return (TARGET_KINDS as readonly string[]).includes(kind);
}

/** The cell for `from → to`, or `undefined` when the matrix forbids it: `matrixCell('builder', 'server')?.mark === 'one'`. */
export function matrixCell(from: ComponentKind, to: ComponentKind): MatrixCell | undefined {
  if (!isSourceKind(from) || !isTargetKind(to)) return undefined;
  const row: Row = MATRIX_ROWS[from];
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
