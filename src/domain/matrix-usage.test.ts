import { expect, test } from 'vitest';
import { SOURCE_KINDS, TARGET_KINDS } from './matrix';
import { matrixUsage } from './matrix-usage';
import { comp, conn, doc, healthyDoc } from './test-builders';

test('an empty document uses no cell and breaks none', () => {
  const usage = matrixUsage(doc([]));
  for (const from of SOURCE_KINDS) {
    for (const to of TARGET_KINDS) {
      expect(usage.cells[from][to]).toEqual({ from, to, count: 0, offences: [] });
    }
  }
  expect(usage.outside).toEqual([]);
});

test('each cell counts the connections of its from-kind → to-kind', () => {
  const usage = matrixUsage(
    healthyDoc({
      components: [comp('bld-2', 'builder', 'B2'), comp('bld-3', 'builder', 'B3')],
      connections: [conn('srv-bld-2', 'srv', 'bld-2'), conn('srv-bld-3', 'srv', 'bld-3')],
    }),
  );
  expect(usage.cells.server.builder.count).toBe(3);
  expect(usage.cells.server.dap.count).toBe(1);
  expect(usage.cells['data-aggregator']['stat-server'].count).toBe(1);
  expect(usage.cells['db-utility'].dap.count).toBe(1);
  expect(usage.cells.web.web.count).toBe(0);
  expect(usage.cells.server['message-server'].count).toBe(0);
});

test('a healthy deployment breaks no cell', () => {
  const usage = matrixUsage(healthyDoc());
  const broken = SOURCE_KINDS.flatMap((from) =>
    TARGET_KINDS.filter((to) => usage.cells[from][to].offences.length > 0).map((to) => `${from}→${to}`),
  );
  expect(broken).toEqual([]);
});

test('a WFM Server without a WFM Builder breaks the Server → Builder cell', () => {
  const usage = matrixUsage(
    doc([comp('s1', 'server', 'S1'), comp('dap', 'dap', 'D')], [conn('c1', 's1', 'dap')]),
  );
  expect(usage.cells.server.builder.offences).toEqual([
    {
      componentId: 's1',
      code: 'missing-connection',
      message: "WFM Server 'S1' must connect to at least one WFM Builder",
    },
  ]);
  expect(usage.cells.server.dap.offences).toEqual([]);
});

test('a WFM Builder with two WFM Servers breaks the Builder → Server cell', () => {
  const usage = matrixUsage(
    doc(
      [comp('b1', 'builder', 'B1'), comp('s1', 'server', 'S1'), comp('s2', 'server', 'S2')],
      [conn('c1', 'b1', 's1'), conn('c2', 'b1', 's2')],
    ),
  );
  expect(usage.cells.builder.server.count).toBe(2);
  expect(usage.cells.builder.server.offences.map((o) => [o.componentId, o.code])).toEqual([
    ['b1', 'too-many-connections'],
  ]);
});

test('a forbidden connection breaks the empty cell it falls in', () => {
  const usage = matrixUsage(
    doc(
      [comp('b1', 'builder', 'B1'), comp('st', 'stat-server', 'Stat')],
      [conn('bad', 'b1', 'st'), conn('bad-again', 'b1', 'st')],
    ),
  );
  expect(usage.cells.builder['stat-server'].count).toBe(0);
  expect(usage.cells.builder['stat-server'].offences).toEqual([
    {
      componentId: 'b1',
      code: 'forbidden-connection',
      connectionId: 'bad',
      message:
        "WFM Builder 'B1' cannot connect to Stat Server 'Stat': the component connections matrix has no WFM Builder → Stat Server connection",
    },
    expect.objectContaining({ componentId: 'b1', connectionId: 'bad-again' }),
  ]);
});

test('a forbidden connection from a kind without a row is listed outside the grid', () => {
  const usage = matrixUsage(
    doc([comp('dap', 'dap', 'D'), comp('s1', 'server', 'S1')], [conn('back', 'dap', 's1')]),
  );
  expect(usage.outside).toEqual([expect.objectContaining({ componentId: 'dap', connectionId: 'back' })]);
});

test('a forbidden connection to a kind without a column is listed outside the grid', () => {
  const usage = matrixUsage(
    doc([comp('s1', 'server', 'S1'), comp('u', 'db-utility', 'U')], [conn('to-util', 's1', 'u')]),
  );
  expect(usage.outside.map((o) => o.connectionId)).toEqual(['to-util']);
});

test('self and duplicate connections neither count nor break a cell', () => {
  const usage = matrixUsage(
    healthyDoc({ connections: [conn('self', 'web', 'web'), conn('again', 'bld', 'srv')] }),
  );
  expect(usage.cells.web.web).toEqual({ from: 'web', to: 'web', count: 0, offences: [] });
  expect(usage.cells.builder.server).toEqual({ from: 'builder', to: 'server', count: 1, offences: [] });
});

test('a Message Server becomes required under the Management Layer, and its absence breaks the cell', () => {
  const off = matrixUsage(healthyDoc());
  const on = matrixUsage(healthyDoc({ options: { managementLayer: true } }));
  expect(off.cells.builder['message-server'].offences).toEqual([]);
  expect(on.cells.builder['message-server'].offences.map((o) => [o.componentId, o.code])).toEqual([
    ['bld', 'missing-connection'],
  ]);
});

test('scheduled reporting makes WFM Daemon → WFM Web required', () => {
  const usage = matrixUsage(healthyDoc({ options: { scheduledReporting: true } }));
  expect(usage.cells.daemon.web.offences.map((o) => [o.componentId, o.code])).toEqual([
    ['dmn', 'missing-connection'],
  ]);
});
