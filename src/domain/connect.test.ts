import { expect, test } from 'vitest';
import { canConnect, createConnectionJudge } from './connect';
import { comp, conn, doc, healthyDoc } from './test-builders';

test('a WFM Builder may connect to a WFM Server, by the X rule', () => {
  const topology = doc([comp('bld', 'builder', 'B1'), comp('srv', 'server', 'S')]);
  const verdict = canConnect(topology, 'bld', 'srv');
  expect(verdict).toEqual({
    ok: true,
    contextLink: false,
    cell: expect.objectContaining({ from: 'builder', to: 'server', mark: 'one' }),
    message: expect.stringContaining('WFM Builder → WFM Server is allowed: X'),
  });
});

test('an allowed verdict carries the cell with its note and label', () => {
  const topology = doc([comp('web', 'web', 'W'), comp('web2', 'web', 'W2')]);
  const verdict = canConnect(topology, 'web', 'web2');
  expect(verdict.ok).toBe(true);
  if (!verdict.ok) return;
  expect(verdict.cell?.mark).toBe('optional-one');
  expect(verdict.cell?.label).toBe('report engine (inferred)');
  expect(verdict.message).toContain('(X)');
});

test('a WFM Builder cannot connect to a Stat Server', () => {
  const topology = doc([comp('bld', 'builder', 'B1'), comp('stat', 'stat-server', 'Stats')]);
  expect(canConnect(topology, 'bld', 'stat')).toEqual({
    ok: false,
    reason: 'forbidden-connection',
    message:
      'WFM Builder cannot connect to Stat Server: the component connections matrix has no such connection.',
  });
});

test('a DAP cannot start a connection and nothing may connect to a WFM Database Utility', () => {
  const topology = doc([
    comp('dap', 'dap', 'D'),
    comp('srv', 'server', 'S'),
    comp('util', 'db-utility', 'U'),
  ]);
  const fromDap = canConnect(topology, 'dap', 'srv');
  expect(fromDap).toMatchObject({ ok: false, reason: 'forbidden-connection' });
  expect(fromDap.message).toContain('DAP never starts a connection');
  const toUtility = canConnect(topology, 'srv', 'util');
  expect(toUtility).toMatchObject({ ok: false, reason: 'forbidden-connection' });
  expect(toUtility.message).toContain('nothing connects to WFM Database Utility');
});

test('a component cannot connect to itself', () => {
  const topology = doc([comp('web', 'web', 'W')]);
  const verdict = canConnect(topology, 'web', 'web');
  expect(verdict).toMatchObject({ ok: false, reason: 'self-connection' });
  expect(verdict.message).toContain("WFM Web 'W'");
});

test('a connection that already exists cannot be made again', () => {
  const topology = healthyDoc();
  const verdict = canConnect(topology, 'srv', 'bld');
  expect(verdict).toEqual({
    ok: false,
    reason: 'duplicate-connection',
    message: "WFM Server 'WFM_Server' already connects to WFM Builder 'WFM_Builder'.",
    existing: { id: 'srv-bld', from: 'srv', to: 'bld' },
  });
  expect(verdict.message).toContain("'WFM_Server'");
  expect(verdict.message).toContain("'WFM_Builder'");
});

test('the reverse of an existing connection is judged on its own', () => {
  const topology = doc(
    [comp('srv', 'server', 'S'), comp('bld', 'builder', 'B')],
    [conn('srv-bld', 'srv', 'bld')],
  );
  expect(canConnect(topology, 'bld', 'srv').ok).toBe(true);
});

test('an X cell that is already used is full, naming the component that fills it', () => {
  const topology = doc(
    [comp('bld', 'builder', 'B1'), comp('srv', 'server', 'S1'), comp('srv2', 'server', 'S2')],
    [conn('c-1', 'bld', 'srv')],
  );
  const verdict = canConnect(topology, 'bld', 'srv2');
  expect(verdict).toEqual({
    ok: false,
    reason: 'cell-full',
    message: expect.not.stringContaining('c-1'),
    existing: { id: 'c-1', from: 'bld', to: 'srv' },
  });
  expect(verdict.message).toContain("WFM Builder 'B1' already connects to WFM Server 'S1'");
  expect(verdict.message).toContain('exactly one WFM Server (X)');
});

test('an (X) cell that is already used is full', () => {
  const topology = doc(
    [comp('web', 'web', 'W'), comp('msg', 'message-server', 'M1'), comp('msg2', 'message-server', 'M2')],
    [conn('c-7', 'web', 'msg')],
  );
  const verdict = canConnect(topology, 'web', 'msg2');
  expect(verdict).toMatchObject({ ok: false, reason: 'cell-full', existing: { id: 'c-7' } });
  expect(verdict.message).toContain("WFM Web 'W' already connects to Message Server 'M1'");
  expect(verdict.message).not.toContain('c-7');
  expect(verdict.message).toContain('at most one Message Server ((X))');
});

test('an X+ cell is never full', () => {
  const topology = doc(
    [
      comp('srv', 'server', 'S'),
      comp('b1', 'builder', 'B1'),
      comp('b2', 'builder', 'B2'),
      comp('b3', 'builder', 'B3'),
    ],
    [conn('1', 'srv', 'b1'), conn('2', 'srv', 'b2')],
  );
  expect(canConnect(topology, 'srv', 'b3')).toMatchObject({ ok: true, cell: { mark: 'one-or-more' } });
});

test('an (X+) cell is never full', () => {
  const topology = doc(
    [
      comp('s1', 'server', 'S1'),
      comp('s2', 'server', 'S2'),
      comp('s3', 'server', 'S3'),
      comp('s4', 'server', 'S4'),
    ],
    [conn('1', 's1', 's2'), conn('2', 's1', 's3')],
  );
  expect(canConnect(topology, 's1', 's4')).toMatchObject({ ok: true, cell: { mark: 'optional-many' } });
});

test('faulty connections do not fill a cell', () => {
  const topology = doc(
    [comp('web', 'web', 'W'), comp('web2', 'web', 'W2'), comp('srv', 'server', 'S')],
    [conn('loop', 'web', 'web'), conn('bad', 'srv', 'web')],
  );
  expect(canConnect(topology, 'web', 'web2').ok).toBe(true);
});

test('a component that is not in the deployment cannot be connected', () => {
  const topology = doc([comp('bld', 'builder', 'B1')]);
  expect(canConnect(topology, 'bld', 'nowhere')).toMatchObject({ ok: false, reason: 'unknown-component' });
  expect(canConnect(topology, 'nowhere', 'bld')).toMatchObject({ ok: false, reason: 'unknown-component' });
});

test('a judge answers many candidates for one document', () => {
  const judge = createConnectionJudge(healthyDoc());
  expect(judge.canConnect('bld', 'stat')).toMatchObject({ ok: false, reason: 'forbidden-connection' });
  expect(judge.canConnect('bld', 'srv')).toMatchObject({ ok: false, reason: 'duplicate-connection' });
  expect(judge.canConnect('dmn', 'web')).toMatchObject({ ok: true, cell: { from: 'daemon', to: 'web' } });
});

test('the legal targets are exactly the components a connection may go to now, in document order', () => {
  const topology = doc(
    [
      comp('srv', 'server', 'S'),
      comp('web', 'web', 'W'),
      comp('msg', 'message-server', 'M'),
      comp('web2', 'web', 'W2'),
      comp('srv2', 'server', 'S2'),
      comp('dmn', 'daemon', 'D'),
      comp('web3', 'web', 'W3'),
      comp('msg2', 'message-server', 'M2'),
      comp('dap', 'dap', 'DAP'),
    ],
    [conn('web-srv', 'web', 'srv'), conn('web-web3', 'web', 'web3')],
  );
  const judge = createConnectionJudge(topology);
  // Server cell is full (X), the report engine cell is full ((X)), Message Server is free.
  expect(judge.legalTargets('web').map((c) => c.id)).toEqual(['msg', 'msg2']);
  expect(judge.legalTargets('srv').map((c) => c.id)).toEqual(['msg', 'srv2', 'msg2', 'dap']);
  expect(judge.legalTargets('dap')).toEqual([]);
  expect(judge.legalTargets('nowhere')).toEqual([]);
});

test('every legal target is accepted by canConnect and every other component is refused', () => {
  const topology = healthyDoc({
    components: [comp('msg', 'message-server', 'M'), comp('web2', 'web', 'W2')],
    connections: [conn('web2-srv', 'web2', 'srv')],
  });
  const judge = createConnectionJudge(topology);
  for (const from of topology.components) {
    const legal = new Set(judge.legalTargets(from.id).map((c) => c.id));
    for (const to of topology.components) {
      expect(canConnect(topology, from.id, to.id).ok).toBe(legal.has(to.id));
    }
  }
});
