import { expect, test } from 'vitest';
import type { Topology } from './model';
import { PROBLEM_CATALOG, PROBLEM_CODES, type Problem, type ProblemCode } from './problems';
import { certified, codes, comp, conn, doc, healthyDoc, SECTION_11_CODES, withCode } from './test-builders';
import { validate } from './validate';

// Every code any document of this file produced, for the meta-test at the end.
const produced = new Set<ProblemCode>();

function check(topology: Topology): Problem[] {
  const problems = validate(topology);
  for (const problem of problems) produced.add(problem.code);
  return problems;
}

/** The one problem of a list, failing the test when there is not exactly one. */
function only(problems: readonly Problem[]): Problem {
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  if (!problem) throw new Error('no problem');
  return problem;
}

function expectNames(problem: Problem | undefined, ...names: string[]): void {
  for (const name of names) expect(problem?.message).toContain(`'${name}'`);
}

const anyMessage = expect.any(String);

test('the healthy test deployment has no problem at all', () => {
  expect(check(healthyDoc())).toEqual([]);
});

test('an empty deployment has no problem', () => {
  expect(check(doc([]))).toEqual([]);
});

// forbidden-connection

test('a WFM Web cannot connect to a WFM Daemon', () => {
  const problem = only(check(healthyDoc({ connections: [conn('web-dmn', 'web', 'dmn')] })));
  expect(problem).toEqual({
    code: 'forbidden-connection',
    severity: 'error',
    message: anyMessage,
    connectionId: 'web-dmn',
  });
  expectNames(problem, 'WFM_Web', 'WFM_Daemon');
});

test('a WFM Web may connect to another WFM Web', () => {
  const problems = check(
    healthyDoc({
      components: [comp('web2', 'web', 'WFM_Web_Reports')],
      connections: [conn('web2-srv', 'web2', 'srv'), conn('web-web2', 'web', 'web2')],
    }),
  );
  expect(problems).toEqual([]);
});

test('a DAP never starts a connection', () => {
  const problem = only(check(healthyDoc({ connections: [conn('dap-srv', 'dap', 'srv')] })));
  expect(problem).toMatchObject({ code: 'forbidden-connection', severity: 'error', connectionId: 'dap-srv' });
  expectNames(problem, 'WFM_DAP', 'WFM_Server');
});

test('nothing connects to a WFM Database Utility', () => {
  const problem = only(check(healthyDoc({ connections: [conn('srv-util', 'srv', 'util')] })));
  expect(problem).toMatchObject({ code: 'forbidden-connection', connectionId: 'srv-util' });
  expectNames(problem, 'WFM_Server', 'WFM_Database_Utility');
});

// self-connection

test('a component cannot connect to itself, even where its kind may connect to its own kind', () => {
  const problem = only(check(healthyDoc({ connections: [conn('web-web', 'web', 'web')] })));
  expect(problem).toEqual({
    code: 'self-connection',
    severity: 'error',
    message: anyMessage,
    connectionId: 'web-web',
  });
  expectNames(problem, 'WFM_Web');
});

test('a WFM Server may connect to another WFM Server', () => {
  const problems = check(
    healthyDoc({
      components: [comp('srv2', 'server', 'WFM_Server_Site2')],
      connections: [
        conn('srv2-bld', 'srv2', 'bld'),
        conn('srv2-dap', 'srv2', 'dap'),
        conn('srv-srv2', 'srv', 'srv2'),
      ],
    }),
  );
  expect(problems).toEqual([]);
});

// duplicate-connection

test('a connection listed twice is a duplicate, reported on the second one', () => {
  const problem = only(check(healthyDoc({ connections: [conn('bld-srv-again', 'bld', 'srv')] })));
  expect(problem).toEqual({
    code: 'duplicate-connection',
    severity: 'error',
    message: anyMessage,
    connectionId: 'bld-srv-again',
  });
  expectNames(problem, 'WFM_Builder', 'WFM_Server');
  expect(problem?.message).not.toContain('bld-srv');
});

test('connections in opposite directions are not duplicates', () => {
  // healthyDoc has srv → bld and bld → srv.
  const problems = check(healthyDoc());
  expect(withCode(problems, 'duplicate-connection')).toEqual([]);
});

// missing-connection

test('a WFM Builder must connect to exactly one WFM Server', () => {
  const builderAlone = doc(
    [comp('srv', 'server', 'S'), comp('bld', 'builder', 'B1'), comp('dap', 'dap', 'D')],
    [conn('srv-bld', 'srv', 'bld'), conn('srv-dap', 'srv', 'dap')],
  );
  const problem = only(check(builderAlone));
  expect(problem).toEqual({
    code: 'missing-connection',
    severity: 'error',
    message: anyMessage,
    componentId: 'bld',
    targetKind: 'server',
  });
  expectNames(problem, 'B1');
  expect(problem.message).toContain('exactly one WFM Server');

  const connected = doc(builderAlone.components, [
    ...builderAlone.connections,
    conn('bld-srv', 'bld', 'srv'),
  ]);
  expect(check(connected)).toEqual([]);
});

test('a WFM Server must connect to at least one WFM Builder', () => {
  const noBuilder = doc(
    [comp('srv', 'server', 'S'), comp('dap', 'dap', 'D')],
    [conn('srv-dap', 'srv', 'dap')],
  );
  const problem = only(check(noBuilder));
  expect(problem).toMatchObject({ code: 'missing-connection', componentId: 'srv', targetKind: 'builder' });
  expectNames(problem, 'S');
  expect(problem.message).toContain('at least one WFM Builder');
});

test('a WFM Data Aggregator must connect to a WFM Server, a DAP and a Stat Server', () => {
  const problems = check(doc([comp('agg', 'data-aggregator', 'Agg')]));
  expect(problems.map((p) => ('targetKind' in p ? p.targetKind : undefined))).toEqual([
    'server',
    'dap',
    'stat-server',
  ]);
  expect(codes(problems)).toEqual(['missing-connection', 'missing-connection', 'missing-connection']);
});

test('a WFM Database Utility must connect to a DAP', () => {
  const problem = only(check(doc([comp('util', 'db-utility', 'Util')])));
  expect(problem).toMatchObject({ code: 'missing-connection', componentId: 'util', targetKind: 'dap' });
});

test('optional cells are not required when the options are off', () => {
  const problems = check(
    doc([comp('web', 'web', 'W'), comp('srv', 'server', 'S')], [conn('web-srv', 'web', 'srv')]),
  );
  expect(withCode(problems, 'missing-connection').map((p) => 'targetKind' in p && p.targetKind)).toEqual([
    'builder',
    'dap',
  ]);
});

// too-many-connections

test('a WFM Builder connected to two WFM Servers has too many connections', () => {
  const problem = only(
    check(
      healthyDoc({
        components: [comp('srv2', 'server', 'WFM_Server_2')],
        connections: [
          conn('srv2-bld', 'srv2', 'bld'),
          conn('srv2-dap', 'srv2', 'dap'),
          conn('bld-srv2', 'bld', 'srv2'),
        ],
      }),
    ),
  );
  expect(problem).toEqual({
    code: 'too-many-connections',
    severity: 'error',
    message: anyMessage,
    componentId: 'bld',
    targetKind: 'server',
  });
  expectNames(problem, 'WFM_Builder');
  expect(problem.message).toContain('exactly one');
});

test('a WFM Web connected to two report engines has too many connections on an (X) cell', () => {
  const problem = only(
    check(
      healthyDoc({
        components: [comp('web2', 'web', 'Web2'), comp('web3', 'web', 'Web3')],
        connections: [
          conn('web2-srv', 'web2', 'srv'),
          conn('web3-srv', 'web3', 'srv'),
          conn('web-web2', 'web', 'web2'),
          conn('web-web3', 'web', 'web3'),
        ],
      }),
    ),
  );
  expect(problem).toMatchObject({ code: 'too-many-connections', componentId: 'web', targetKind: 'web' });
  expect(problem.message).toContain('at most one');
});

test('a WFM Server may connect to many WFM Builders and many WFM Data Aggregators', () => {
  const problems = check(
    healthyDoc({
      components: [comp('bld2', 'builder', 'B2'), comp('agg2', 'data-aggregator', 'A2')],
      connections: [
        conn('bld2-srv', 'bld2', 'srv'),
        conn('srv-bld2', 'srv', 'bld2'),
        conn('agg2-srv', 'agg2', 'srv'),
        conn('agg2-dap', 'agg2', 'dap'),
        conn('agg2-stat', 'agg2', 'stat'),
        conn('srv-agg', 'srv', 'agg'),
        conn('srv-agg2', 'srv', 'agg2'),
      ],
    }),
  );
  expect(problems).toEqual([]);
});

// too-many-instances

test('a second WFM Daemon is one too many', () => {
  const problem = only(
    check(
      healthyDoc({
        components: [comp('dmn2', 'daemon', 'WFM_Daemon_2')],
        connections: [conn('dmn2-srv', 'dmn2', 'srv')],
      }),
    ),
  );
  expect(problem).toEqual({
    code: 'too-many-instances',
    severity: 'error',
    message: anyMessage,
    componentId: 'dmn2',
  });
  expectNames(problem, 'WFM_Daemon_2');

  // healthyDoc has exactly one WFM Daemon.
  expect(withCode(check(healthyDoc()), 'too-many-instances')).toEqual([]);
});

test('every WFM Daemon after the first is one too many', () => {
  const problems = check(
    doc(
      [
        comp('srv', 'server', 'S'),
        comp('d1', 'daemon', 'D1'),
        comp('d2', 'daemon', 'D2'),
        comp('d3', 'daemon', 'D3'),
      ],
      [conn('d1-srv', 'd1', 'srv'), conn('d2-srv', 'd2', 'srv'), conn('d3-srv', 'd3', 'srv')],
    ),
  );
  expect(withCode(problems, 'too-many-instances').map((p) => 'componentId' in p && p.componentId)).toEqual([
    'd2',
    'd3',
  ]);
});

test('a second WFM Server with ETL is one too many', () => {
  const servers = (etl2: boolean) =>
    healthyDoc({
      components: [comp('srv2', 'server', 'WFM_Server_ETL2', { etl: etl2 })],
      connections: [conn('srv2-bld', 'srv2', 'bld'), conn('srv2-dap', 'srv2', 'dap')],
    });
  const withEtlFirst = (topology: Topology): Topology => ({
    ...topology,
    components: topology.components.map((c) => (c.id === 'srv' ? { ...c, etl: true } : c)),
  });

  const problem = only(check(withEtlFirst(servers(true))));
  expect(problem).toEqual({
    code: 'too-many-instances',
    severity: 'error',
    message: anyMessage,
    componentId: 'srv2',
  });
  expectNames(problem, 'WFM_Server_ETL2');

  expect(check(withEtlFirst(servers(false)))).toEqual([]);
  expect(check(servers(true))).toEqual([]);
});

test('several WFM Servers without ETL are fine', () => {
  const problems = check(
    healthyDoc({
      components: [comp('srv2', 'server', 'S2'), comp('srv3', 'server', 'S3')],
      connections: [
        conn('srv2-bld', 'srv2', 'bld'),
        conn('srv2-dap', 'srv2', 'dap'),
        conn('srv3-bld', 'srv3', 'bld'),
        conn('srv3-dap', 'srv3', 'dap'),
      ],
    }),
  );
  expect(problems).toEqual([]);
});

// duplicate-name

test('two components cannot share a name, compared trimmed and case-insensitive', () => {
  const named = (name: string) =>
    healthyDoc({
      components: [comp('bld2', 'builder', name)],
      connections: [conn('bld2-srv', 'bld2', 'srv')],
    });
  const problem = only(check(named('  wfm_BUILDER ')));
  expect(problem).toEqual({
    code: 'duplicate-name',
    severity: 'error',
    message: anyMessage,
    componentId: 'bld2',
  });
  expectNames(problem, '  wfm_BUILDER ', 'WFM_Builder');

  expect(check(named('WFM_Builder_2'))).toEqual([]);
});

test('a name is duplicated across kinds too', () => {
  const problems = check(healthyDoc({ components: [comp('stat2', 'stat-server', 'wfm_dap')] }));
  expect(withCode(problems, 'duplicate-name')).toMatchObject([{ componentId: 'stat2' }]);
  expectNames(withCode(problems, 'duplicate-name')[0], 'wfm_dap', 'WFM_DAP');
});

// missing-component

test('scheduled reporting needs a WFM Daemon', () => {
  const withoutDaemon = doc(
    [
      comp('web', 'web', 'W'),
      comp('srv', 'server', 'S'),
      comp('bld', 'builder', 'B'),
      comp('dap', 'dap', 'D'),
    ],
    [
      conn('web-srv', 'web', 'srv'),
      conn('srv-bld', 'srv', 'bld'),
      conn('bld-srv', 'bld', 'srv'),
      conn('srv-dap', 'srv', 'dap'),
    ],
    { scheduledReporting: true },
  );
  const problem = only(check(withoutDaemon));
  expect(problem).toEqual({ code: 'missing-component', severity: 'error', message: anyMessage });
  expect(problem.message).toContain('WFM Daemon');

  expect(check({ ...withoutDaemon, options: { scheduledReporting: false } })).toEqual([]);
  expect(check({ ...withoutDaemon, options: {} })).toEqual([]);
});

test('scheduled reporting is met by a WFM Daemon that connects to WFM Web', () => {
  expect(
    check(
      healthyDoc({ connections: [conn('dmn-web', 'dmn', 'web')], options: { scheduledReporting: true } }),
    ),
  ).toEqual([]);
});

// unused-component

test('a Message Server that no component connects to is unused', () => {
  const problem = only(check(healthyDoc({ components: [comp('msg', 'message-server', 'MsgSrv')] })));
  expect(problem).toEqual({
    code: 'unused-component',
    severity: 'warning',
    message: anyMessage,
    componentId: 'msg',
  });
  expectNames(problem, 'MsgSrv');
});

test('a DAP and a Stat Server that no component connects to are unused', () => {
  const problems = check(
    healthyDoc({ components: [comp('dap2', 'dap', 'DAP2'), comp('stat2', 'stat-server', 'Stat2')] }),
  );
  expect(problems).toMatchObject([
    { code: 'unused-component', componentId: 'dap2' },
    { code: 'unused-component', componentId: 'stat2' },
  ]);
});

test('a WFM application that nothing connects to is not unused', () => {
  // In healthyDoc nothing connects to the WFM Daemon, Data Aggregator, Web or Database Utility.
  expect(withCode(check(healthyDoc()), 'unused-component')).toEqual([]);
});

test('a Message Server that some component connects to is used', () => {
  const problems = check(
    healthyDoc({
      components: [comp('msg', 'message-server', 'MsgSrv')],
      connections: [conn('bld-msg', 'bld', 'msg')],
    }),
  );
  expect(withCode(problems, 'unused-component')).toEqual([]);
});

// management-layer-off

test('a connection to a Message Server while the Management Layer is off gets a warning', () => {
  const topology = healthyDoc({
    components: [comp('msg', 'message-server', 'MsgSrv')],
    connections: [conn('bld-msg', 'bld', 'msg')],
  });
  const problem = only(check(topology));
  expect(problem).toEqual({
    code: 'management-layer-off',
    severity: 'warning',
    message: anyMessage,
    connectionId: 'bld-msg',
  });
  expectNames(problem, 'WFM_Builder', 'MsgSrv');

  const problemsWithLayer = check({ ...topology, options: { managementLayer: true } });
  expect(withCode(problemsWithLayer, 'management-layer-off')).toEqual([]);
});

// tls-web-daemon

test('TLS on a connection from WFM Web is set up outside Genesys security', () => {
  const secured = (security: 'none' | 'tls' | 'mutual-tls') =>
    certified(
      doc(
        [...healthyDoc().components],
        healthyDoc().connections.map((c) => (c.id === 'web-srv' ? conn(c.id, c.from, c.to, security) : c)),
      ),
    );
  const problem = only(check(secured('tls')));
  expect(problem).toEqual({
    code: 'tls-web-daemon',
    severity: 'info',
    message: anyMessage,
    connectionId: 'web-srv',
  });
  expectNames(problem, 'WFM_Web', 'WFM_Server');
  expect(problem.message).toContain('TLS');

  expect(only(check(secured('mutual-tls')))).toMatchObject({
    code: 'tls-web-daemon',
    connectionId: 'web-srv',
  });
  expect(only(check(secured('mutual-tls'))).message).toContain('mutual TLS');
  expect(check(secured('none'))).toEqual([]);
});

test('TLS on a connection from WFM Daemon gets the same info', () => {
  const topology = certified(
    doc(
      healthyDoc().components,
      healthyDoc().connections.map((c) => (c.id === 'dmn-srv' ? conn(c.id, c.from, c.to, 'mutual-tls') : c)),
    ),
  );
  expect(only(check(topology))).toMatchObject({
    code: 'tls-web-daemon',
    severity: 'info',
    connectionId: 'dmn-srv',
  });
});

test('TLS on a connection from any other WFM application gets no info', () => {
  const topology = certified(
    doc(
      healthyDoc().components,
      healthyDoc().connections.map((c) =>
        c.from === 'web' || c.from === 'dmn' ? c : conn(c.id, c.from, c.to, 'tls'),
      ),
    ),
  );
  expect(check(topology)).toEqual([]);
});

// The meta-test: keep it last, it reads what the tests above produced.

test('the problem catalog is exactly the codes and severities of the contract', () => {
  // Written by hand from rules.md section 4.
  const expected = {
    'forbidden-connection': 'error',
    'self-connection': 'error',
    'duplicate-connection': 'error',
    'missing-connection': 'error',
    'too-many-connections': 'error',
    'too-many-instances': 'error',
    'duplicate-name': 'error',
    'missing-component': 'error',
    'unused-component': 'warning',
    'management-layer-off': 'warning',
    'tls-web-daemon': 'info',
    // Section 11.
    'ha-unsupported': 'error',
    'ha-invalid-pair': 'error',
    'ha-mismatch': 'warning',
    'ha-backup-target': 'warning',
    'port-conflict': 'error',
    'missing-lca': 'warning',
    'tls-no-certificate': 'warning',
    'tls-mutual-auth': 'warning',
  };
  expect(Object.fromEntries(PROBLEM_CODES.map((code) => [code, PROBLEM_CATALOG[code].severity]))).toEqual(
    expected,
  );
});

test('every problem code of section 4 is produced by some document of this file', () => {
  // Section 11's codes are produced by validate-v2.test.ts, which has its own meta-test.
  const section4 = PROBLEM_CODES.filter((code) => !SECTION_11_CODES.includes(code));
  expect([...produced].filter((code) => section4.includes(code)).sort()).toEqual([...section4].sort());
});
