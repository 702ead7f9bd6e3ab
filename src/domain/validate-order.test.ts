import { expect, test } from 'vitest';
import type { Topology } from './model';
import { countBySeverity, type Problem, problemComponentId, problemConnectionId } from './problems';
import { codes, comp, conn, doc, healthyDoc, withCode } from './test-builders';
import { isValid, validate } from './validate';

/** `code@subject` for each problem, the subject being the component, the connection or `document`. */
function trail(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code}@${problemComponentId(p) ?? problemConnectionId(p) ?? 'document'}`);
}

test('problems come in order: document, then components in component order, then connections in connection order', () => {
  const topology = doc(
    [
      comp('msg', 'message-server', 'Msg'),
      comp('bld', 'builder', 'B'),
      comp('web', 'web', 'W'),
      comp('srv', 'server', 'S'),
      comp('dap', 'dap', 'D'),
    ],
    [
      conn('web-web', 'web', 'web'),
      conn('srv-dap', 'srv', 'dap'),
      conn('bld-dap', 'bld', 'dap'),
      conn('web-srv', 'web', 'srv', 'tls'),
      conn('srv-bld', 'srv', 'bld'),
    ],
    { scheduledReporting: true },
  );
  expect(trail(validate(topology))).toEqual([
    'missing-component@document',
    'unused-component@msg',
    'missing-connection@bld',
    'self-connection@web-web',
    'forbidden-connection@bld-dap',
    'tls-web-daemon@web-srv',
    'tls-no-certificate@web-srv',
  ]);
});

test('within a component, instance and name problems come before cardinality, and unused comes last', () => {
  const topology = doc([
    comp('d1', 'daemon', 'Daemon'),
    comp('d2', 'daemon', 'daemon'),
    comp('st', 'stat-server', 'Stats'),
  ]);
  expect(trail(validate(topology))).toEqual([
    'missing-connection@d1',
    'too-many-instances@d2',
    'duplicate-name@d2',
    'missing-connection@d2',
    'unused-component@st',
  ]);
});

test('"second or later" follows the order of the components', () => {
  const a = comp('a', 'stat-server', 'Stats');
  const b = comp('b', 'stat-server', 'STATS');
  const c = comp('c', 'stat-server', ' stats');
  const links = [comp('agg', 'data-aggregator', 'Agg')];
  const reach = [conn('1', 'agg', 'a'), conn('2', 'agg', 'b'), conn('3', 'agg', 'c')];
  const names = (topology: Topology) =>
    withCode(validate(topology), 'duplicate-name').map((p) => problemComponentId(p));
  expect(names(doc([a, b, c, ...links], reach))).toEqual(['b', 'c']);
  expect(names(doc([c, b, a, ...links], reach))).toEqual(['b', 'a']);
});

test('a duplicate is reported on the second and every later copy, each naming both ends, not the ids', () => {
  const problems = validate(
    healthyDoc({ connections: [conn('again-1', 'bld', 'srv'), conn('again-2', 'bld', 'srv')] }),
  );
  expect(trail(problems)).toEqual(['duplicate-connection@again-1', 'duplicate-connection@again-2']);
  for (const problem of problems) {
    expect(problem.message).toContain("WFM Builder 'WFM_Builder' → WFM Server 'WFM_Server'");
    expect(problem.message).not.toMatch(/bld-srv|again-/);
  }
});

test('which copy is the duplicate follows the order of the connections', () => {
  const topology = healthyDoc({ connections: [conn('again', 'bld', 'srv')] });
  const reversed = { ...topology, connections: [...topology.connections].reverse() };
  expect(trail(validate(reversed))).toEqual(['duplicate-connection@bld-srv']);
});

test('a self-connection is only a self-connection, even where the kind cannot start connections', () => {
  const problems = validate(healthyDoc({ connections: [conn('dap-dap', 'dap', 'dap')] }));
  expect(trail(problems)).toEqual(['self-connection@dap-dap']);
});

test('a repeated self-connection is a self-connection each time, not a duplicate', () => {
  const problems = validate(
    healthyDoc({ connections: [conn('loop-1', 'srv', 'srv'), conn('loop-2', 'srv', 'srv')] }),
  );
  expect(trail(problems)).toEqual(['self-connection@loop-1', 'self-connection@loop-2']);
});

test('a repeated forbidden connection is forbidden each time, not a duplicate', () => {
  const problems = validate(
    healthyDoc({ connections: [conn('no-1', 'bld', 'dap'), conn('no-2', 'bld', 'dap')] }),
  );
  expect(trail(problems)).toEqual(['forbidden-connection@no-1', 'forbidden-connection@no-2']);
});

test('a connection gets at most one of self, forbidden and duplicate', () => {
  const problems = validate(
    healthyDoc({
      connections: [
        conn('self', 'web', 'web'),
        conn('self-again', 'web', 'web'),
        conn('bad', 'web', 'dmn'),
        conn('bad-again', 'web', 'dmn'),
        conn('dup', 'web', 'srv'),
      ],
    }),
  );
  const structural = ['self-connection', 'forbidden-connection', 'duplicate-connection'];
  const perConnection = new Map<string, number>();
  for (const problem of problems) {
    const id = problemConnectionId(problem);
    if (id && structural.includes(problem.code)) perConnection.set(id, (perConnection.get(id) ?? 0) + 1);
  }
  expect([...perConnection.values()].every((count) => count === 1)).toBe(true);
  expect(perConnection.size).toBe(5);
});

test('a self-connection does not count toward the cardinality of its source', () => {
  // WFM Web → WFM Web is (X): were the loop counted, the link to the report engine would be one too many.
  const topology = doc(
    [comp('srv', 'server', 'S'), comp('web', 'web', 'W'), comp('web2', 'web', 'W2')],
    [
      conn('loop', 'web', 'web'),
      conn('web-srv', 'web', 'srv'),
      conn('web-web2', 'web', 'web2'),
      conn('web2-srv', 'web2', 'srv'),
    ],
  );
  expect(trail(validate(topology))).toEqual([
    'missing-connection@srv',
    'missing-connection@srv',
    'self-connection@loop',
  ]);
});

test('a duplicate does not count toward the cardinality of its source', () => {
  const problems = validate(healthyDoc({ connections: [conn('again', 'bld', 'srv')] }));
  expect(codes(problems)).toEqual(['duplicate-connection']);
});

test('a forbidden connection does not meet a required cell', () => {
  // A WFM Builder must connect to a WFM Server; a link to a DAP is forbidden and does not stand in for it.
  const topology = doc(
    [comp('bld', 'builder', 'B'), comp('dap', 'dap', 'D')],
    [conn('bld-dap', 'bld', 'dap')],
  );
  expect(trail(validate(topology))).toEqual(['missing-connection@bld', 'forbidden-connection@bld-dap']);
});

test('a faulty connection gets no warning and no info', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'Msg')],
      connections: [
        conn('util-msg', 'util', 'msg', 'tls'),
        conn('dmn-loop', 'dmn', 'dmn', 'mutual-tls'),
        conn('web-msg', 'web', 'msg'),
        conn('web-msg-again', 'web', 'msg', 'tls'),
      ],
    }),
  );
  expect(trail(problems)).toEqual([
    'forbidden-connection@util-msg',
    'self-connection@dmn-loop',
    'management-layer-off@web-msg',
    'duplicate-connection@web-msg-again',
  ]);
});

test('a counted connection may get both a warning and an info', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'Msg')],
      connections: [conn('dmn-msg', 'dmn', 'msg', 'tls')],
    }),
  );
  expect(trail(problems)).toEqual(['management-layer-off@dmn-msg', 'tls-web-daemon@dmn-msg']);
});

test('a component reached only by a faulty connection is not unused', () => {
  const reachedByForbidden = healthyDoc({
    components: [comp('stat2', 'stat-server', 'Stat2')],
    connections: [conn('bld-stat2', 'bld', 'stat2')],
  });
  expect(trail(validate(reachedByForbidden))).toEqual(['forbidden-connection@bld-stat2']);

  const reachedByDuplicate = healthyDoc({
    components: [comp('msg', 'message-server', 'Msg')],
    connections: [conn('m1', 'srv', 'msg'), conn('m2', 'srv', 'msg')],
  });
  expect(withCode(validate(reachedByDuplicate), 'unused-component')).toEqual([]);

  const reachedBySelf = healthyDoc({
    components: [comp('msg', 'message-server', 'Msg')],
    connections: [conn('loop', 'msg', 'msg')],
  });
  expect(trail(validate(reachedBySelf))).toEqual(['self-connection@loop']);
});

test('validating twice gives the same problems in the same order', () => {
  const topology = healthyDoc({
    components: [comp('dmn2', 'daemon', 'wfm_daemon'), comp('msg', 'message-server', 'Msg')],
    connections: [conn('x', 'bld', 'dap'), conn('y', 'bld', 'srv'), conn('z', 'web', 'msg', 'tls')],
    options: { managementLayer: true, scheduledReporting: true },
  });
  const first = validate(topology);
  expect(first.length).toBeGreaterThan(5);
  expect(validate(topology)).toEqual(first);
  expect(validate(structuredClone(topology))).toEqual(first);
});

test('validate does not change the document', () => {
  const topology = healthyDoc({ connections: [conn('again', 'bld', 'srv')] });
  const before = structuredClone(topology);
  validate(topology);
  expect(topology).toEqual(before);
});

test('validate does not throw on a connection that names a missing component', () => {
  const topology = healthyDoc({ connections: [conn('ghost', 'bld', 'nowhere')] });
  expect(() => validate(topology)).not.toThrow();
});

test('a document with only warnings and infos is valid', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'Msg'), comp('stat2', 'stat-server', 'Unused')],
      connections: [conn('web-msg', 'web', 'msg', 'tls')],
    }),
  );
  expect(countBySeverity(problems)).toEqual({ error: 0, warning: 2, info: 1 });
  expect(isValid(problems)).toBe(true);
});

test('a document with one error is not valid', () => {
  const problems = validate(healthyDoc({ connections: [conn('bad', 'bld', 'dap')] }));
  expect(countBySeverity(problems)).toEqual({ error: 1, warning: 0, info: 0 });
  expect(isValid(problems)).toBe(false);
});

test('a document without problems is valid', () => {
  expect(isValid(validate(healthyDoc()))).toBe(true);
  expect(isValid([])).toBe(true);
  expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
});
