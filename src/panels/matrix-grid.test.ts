import { expect, test } from 'vitest';
import { matrixUsage } from '../domain';
import { cellLabel, matrixGrid, releaseMarks } from './matrix-grid';

const EMPTY = { components: [], connections: [] };

test('Server → Data Aggregator is the one cell the releases print differently, each with its mark', () => {
  expect(releaseMarks('server', 'data-aggregator').map((r) => [r.label, r.cell?.mark])).toEqual([
    ['WFM 8.5.2', 'optional-many'],
    ['WFM 8.5.1', 'one'],
    ['WFM 8.5.0', 'one'],
  ]);
  const grid = matrixGrid(matrixUsage(EMPTY), 'wfm-8.5.2');
  const differing = grid.rows.flatMap((row) =>
    row.cells.filter((cell) => cell.releases.length > 0).map((cell) => `${row.from}→${cell.to}`),
  );
  expect(differing).toEqual(['server→data-aggregator']);
});

test('the grid shows the chosen rule set’s mark, and the cell’s name says it differs between releases', () => {
  for (const [ruleset, mark] of [
    ['wfm-8.5.2', 'optional-many'],
    ['wfm-8.5.0', 'one'],
  ] as const) {
    const usage = matrixUsage({ ...EMPTY, ruleset });
    const server = matrixGrid(usage, ruleset).rows.find((row) => row.from === 'server');
    expect(server?.cells.find((cell) => cell.to === 'data-aggregator')?.cell?.mark).toBe(mark);
    expect(cellLabel(usage.cells.server['data-aggregator'], ruleset)).toMatch(
      /^WFM Server to WFM Data Aggregator: .*; differs between releases$/,
    );
  }
  const usage = matrixUsage(EMPTY);
  expect(cellLabel(usage.cells.builder.server, 'wfm-8.5.2')).not.toMatch(/differs/);
});
