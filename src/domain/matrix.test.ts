import { expect, test } from 'vitest';
import { COMPONENT_KINDS, CONTEXT_KINDS, isContextKind, KIND_CATALOG } from './kinds';
import {
  ALL_CELLS,
  isSourceKind,
  isTargetKind,
  MARKS,
  matrixCell,
  RULESET,
  rowCells,
  SOURCE_KINDS,
  TARGET_KINDS,
} from './matrix';

// The matrix of rules.md section 2, copied by hand. The expectations below are read from this text,
// never from the module's own data.
const EXPECTED_MATRIX = `
| from \\ to      | server | builder | daemon | data-aggregator | web  | dap | stat-server | message-server |
| server          | (X+)   | X+      |        | (X+)            |      | X   |             | (X)            |
| builder         | X      |         |        |                 |      |     |             | (X)            |
| daemon          | X      |         |        |                 | (X)  |     |             | (X)            |
| data-aggregator | X      |         |        |                 |      | X   | X           | (X)            |
| web             | X      |         |        |                 | (X)  |     |             | (X)            |
| db-utility      |        |         |        |                 |      | X   |             |                |
`;

// The cardinality table of rules.md section 2, by hand.
const EXPECTED_MARKS = {
  X: { mark: 'one', min: 1, max: 1 },
  'X+': { mark: 'one-or-more', min: 1, max: null },
  '(X)': { mark: 'optional-one', min: 0, max: 1 },
  '(X+)': { mark: 'optional-many', min: 0, max: null },
} as const;

type MarkSymbol = keyof typeof EXPECTED_MARKS;

function isMarkSymbol(text: string): text is MarkSymbol {
  return text in EXPECTED_MARKS;
}

function cellsOf(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

const [headerLine, ...rowLines] = EXPECTED_MATRIX.trim().split('\n');
const COLUMNS = cellsOf(headerLine ?? '').slice(1);
const ROWS = rowLines.map((line) => cellsOf(line)[0] ?? '');

interface ExpectedCell {
  readonly from: string;
  readonly to: string;
  readonly symbol: MarkSymbol | '';
}

const EXPECTED_CELLS: ExpectedCell[] = rowLines.flatMap((line) => {
  const [from = '', ...marks] = cellsOf(line);
  return COLUMNS.map((to, index) => {
    const symbol = marks[index] ?? '';
    if (symbol === '' || isMarkSymbol(symbol)) return { from, to, symbol };
    throw new Error(`bad symbol ${symbol} in the expectation table`);
  });
});

function kind(id: string) {
  const found = COMPONENT_KINDS.find((k) => k === id);
  if (!found) throw new Error(`${id} is not a component kind`);
  return found;
}

test('the hand-written expectation covers 6 source rows and 8 target columns', () => {
  expect(ROWS).toEqual(['server', 'builder', 'daemon', 'data-aggregator', 'web', 'db-utility']);
  expect(COLUMNS).toEqual([
    'server',
    'builder',
    'daemon',
    'data-aggregator',
    'web',
    'dap',
    'stat-server',
    'message-server',
  ]);
  expect(EXPECTED_CELLS).toHaveLength(48);
});

test.each(EXPECTED_CELLS)('the $from → $to cell is "$symbol"', ({ from, to, symbol }) => {
  const cell = matrixCell(kind(from), kind(to));
  if (symbol === '') {
    expect(cell).toBeUndefined();
    return;
  }
  expect(cell).toBeDefined();
  expect(cell?.from).toBe(from);
  expect(cell?.to).toBe(to);
  expect(cell?.mark).toBe(EXPECTED_MARKS[symbol].mark);
  if (cell) expect(MARKS[cell.mark].symbol).toBe(symbol);
});

test('the matrix allows exactly the 18 cells of the source', () => {
  const expected = EXPECTED_CELLS.filter((c) => c.symbol !== '').map((c) => `${c.from}→${c.to}`);
  expect(expected).toHaveLength(18);
  expect(ALL_CELLS.map((c) => `${c.from}→${c.to}`).sort()).toEqual(expected.sort());
});

test.each(Object.entries(EXPECTED_MARKS))('the mark %s means min %o, max %o', (symbol, expected) => {
  const info = MARKS[expected.mark];
  expect(info.symbol).toBe(symbol);
  expect(info.min).toBe(expected.min);
  expect(info.max).toBe(expected.max);
  expect(info.legend.length).toBeGreaterThan(0);
});

test.each(['dap', 'stat-server', 'message-server'] as const)('a %s never starts a connection', (from) => {
  expect(isSourceKind(from)).toBe(false);
  expect(rowCells(from)).toEqual([]);
  for (const to of COMPONENT_KINDS) expect(matrixCell(from, to)).toBeUndefined();
});

test('nothing connects to a WFM Database Utility', () => {
  expect(isTargetKind('db-utility')).toBe(false);
  for (const from of COMPONENT_KINDS) expect(matrixCell(from, 'db-utility')).toBeUndefined();
});

test('the six WFM applications start connections and the other kinds can be connected to', () => {
  for (const from of ['server', 'builder', 'daemon', 'data-aggregator', 'web', 'db-utility'] as const) {
    expect(isSourceKind(from)).toBe(true);
  }
  for (const to of ['server', 'builder', 'daemon', 'data-aggregator', 'web', 'dap'] as const) {
    expect(isTargetKind(to)).toBe(true);
  }
  expect(isTargetKind('stat-server')).toBe(true);
  expect(isTargetKind('message-server')).toBe(true);
  expect([...SOURCE_KINDS]).toEqual(ROWS);
  expect([...TARGET_KINDS]).toEqual(COLUMNS);
});

test('a row lists its allowed cells in column order', () => {
  expect(rowCells('builder').map((c) => c.to)).toEqual(['server', 'message-server']);
  expect(rowCells('server').map((c) => c.to)).toEqual([
    'server',
    'builder',
    'data-aggregator',
    'dap',
    'message-server',
  ]);
  expect(rowCells('db-utility').map((c) => c.to)).toEqual(['dap']);
});

test('the rule-set is wfm-8.5.2', () => {
  expect(RULESET).toBe('wfm-8.5.2');
});

test('WFM Server → WFM Server quotes the guide on multi-site scheduling', () => {
  expect(matrixCell('server', 'server')?.note).toContain(
    'WFM Server may connect to other instances of WFM Server if you are using an environment with a number of WFM Servers and want to create schedules for all the sites they serve.',
  );
});

test('WFM Server → WFM Builder quotes the guide on Builder pools', () => {
  expect(matrixCell('server', 'builder')?.note).toContain(
    'You can configure and connect to multiple instances of WFM Builder.',
  );
});

test.each(['server', 'builder', 'daemon', 'data-aggregator', 'web'] as const)(
  'a %s → Message Server connection quotes the guide on the Management Layer',
  (from) => {
    expect(matrixCell(from, 'message-server')?.note).toContain(
      'Configure the Message Server connections if you are using Management Layer',
    );
  },
);

test('WFM Daemon → WFM Web explains it is required for scheduled reporting', () => {
  const note = matrixCell('daemon', 'web')?.note ?? '';
  expect(note).toMatch(/required if you want to use WFM.s scheduled reporting/);
  expect(note).toContain('Report Scheduler');
});

test('WFM Web → WFM Web is labelled as an inferred report engine', () => {
  const cell = matrixCell('web', 'web');
  expect(cell?.label).toBe('report engine (inferred)');
  expect(cell?.note).toContain('report engine');
});

test('WFM Data Aggregator → Stat Server explains where WFM meets the Genesys Framework', () => {
  expect(matrixCell('data-aggregator', 'stat-server')?.note).toContain('Genesys Framework');
});

test('every kind but the context kinds is in the catalog and in the matrix as a row or a column', () => {
  const matrixKinds = COMPONENT_KINDS.filter((k) => !isContextKind(k));
  expect(matrixKinds).toHaveLength(9);
  for (const k of COMPONENT_KINDS) expect(KIND_CATALOG[k].kind).toBe(k);
  for (const k of CONTEXT_KINDS) expect(isSourceKind(k) || isTargetKind(k)).toBe(false);
  for (const k of matrixKinds) {
    expect(isSourceKind(k) || isTargetKind(k)).toBe(true);
    expect(ROWS.includes(k) || COLUMNS.includes(k)).toBe(true);
  }
  const appearing = new Set(ALL_CELLS.flatMap((c) => [c.from, c.to]));
  expect([...appearing].sort()).toEqual([...matrixKinds].sort());
});
