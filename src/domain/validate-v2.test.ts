import { expect, test } from 'vitest';
import { canConnect } from './connect';
import { explainCell } from './explain';
import { matrixUsage } from './matrix-usage';
import type { Topology, TopologyComponent, TopologyHost } from './model';
import {
  type Problem,
  type ProblemCode,
  problemComponentId,
  problemConnectionId,
  problemHostId,
} from './problems';
import { ruleStatus } from './rule-status';
import { RULESET_CATALOG, rulesetDifferences, rulesetLabel } from './rulesets';
import { codes, comp, conn, doc, healthyDoc, SECTION_11_CODES, withCode } from './test-builders';
import { validate } from './validate';

// rules.md Part II (sections 7–11): rule sets, context kinds, hosts, high availability and the
// problems version 2 adds. Expectations are written by hand from the contract.

const produced = new Set<ProblemCode>();

function check(topology: Topology, ruleset?: Topology['ruleset']): Problem[] {
  const problems = ruleset === undefined ? validate(topology) : validate(topology, { ruleset });
  for (const problem of problems) produced.add(problem.code);
  return problems;
}

/** `code@subject` for each problem. */
function trail(problems: readonly Problem[]): string[] {
  return problems.map(
    (p) => `${p.code}@${problemHostId(p) ?? problemComponentId(p) ?? problemConnectionId(p) ?? 'document'}`,
  );
}

function withHosts(topology: Topology, hosts: readonly TopologyHost[]): Topology {
  return { ...topology, hosts };
}

function placed(component: TopologyComponent, extra: Partial<TopologyComponent>): TopologyComponent {
  return { ...component, ...extra };
}

/** The healthy deployment with extra fields on some of its components. */
function healthyWith(
  changes: Readonly<Record<string, Partial<TopologyComponent>>>,
  more: Parameters<typeof healthyDoc>[0] = {},
): Topology {
  const base = healthyDoc(more);
  return { ...base, components: base.components.map((c) => placed(c, changes[c.id] ?? {})) };
}

// Section 7: rule sets

test('the rule sets are labelled as the control shows them, the default first', () => {
  expect(RULESET_CATALOG.map((r) => [r.id, r.label])).toEqual([
    ['wfm-8.5.2', 'WFM 8.5.2'],
    ['wfm-8.5.1', 'WFM 8.5.1'],
    ['wfm-8.5.0', 'WFM 8.5.0'],
  ]);
  expect(rulesetLabel('wfm-8.5.0')).toBe('WFM 8.5.0');
});

test('under 8.5.2 a WFM Server needs no WFM Data Aggregator and may have several', () => {
  expect(check(healthyDoc())).toEqual([]);
  const two = healthyDoc({
    components: [comp('agg2', 'data-aggregator', 'DA2')],
    connections: [
      conn('srv-agg', 'srv', 'agg'),
      conn('srv-agg2', 'srv', 'agg2'),
      conn('agg2-srv', 'agg2', 'srv'),
      conn('agg2-dap', 'agg2', 'dap'),
      conn('agg2-stat', 'agg2', 'stat'),
    ],
  });
  expect(check(two)).toEqual([]);
});

test('under 8.5.1 and 8.5.0 a WFM Server must connect to exactly one WFM Data Aggregator', () => {
  for (const ruleset of ['wfm-8.5.1', 'wfm-8.5.0'] as const) {
    const problems = check({ ...healthyDoc(), ruleset });
    expect(problems).toEqual([
      {
        code: 'missing-connection',
        severity: 'error',
        message: "WFM Server 'WFM_Server' must connect to exactly one WFM Data Aggregator",
        componentId: 'srv',
        targetKind: 'data-aggregator',
      },
    ]);
    const met = healthyDoc({ connections: [conn('srv-agg', 'srv', 'agg')] });
    expect(check({ ...met, ruleset })).toEqual([]);
  }
});

test('an override judges the document under another rule set than it names', () => {
  const named = { ...healthyDoc(), ruleset: 'wfm-8.5.1' as const };
  expect(codes(check(named))).toEqual(['missing-connection']);
  expect(check(named, 'wfm-8.5.2')).toEqual([]);
  expect(codes(check(healthyDoc(), 'wfm-8.5.0'))).toEqual(['missing-connection']);
});

test('the rule status, the judge and the explanation of the cell follow the rule set', () => {
  const older = {
    ...healthyDoc({ connections: [conn('srv-agg', 'srv', 'agg')] }),
    ruleset: 'wfm-8.5.1' as const,
  };
  const status = ruleStatus(older, 'srv').find((s) => s.cell.to === 'data-aggregator');
  expect(status).toMatchObject({ count: 1, ok: true, requirement: { min: 1, max: 1 } });
  const withSecond = { ...older, components: [...older.components, comp('agg2', 'data-aggregator', 'DA2')] };
  expect(canConnect(withSecond, 'srv', 'agg2')).toMatchObject({ ok: false, reason: 'cell-full' });
  expect(canConnect({ ...withSecond, ruleset: 'wfm-8.5.2' }, 'srv', 'agg2')).toMatchObject({ ok: true });
  expect(explainCell('server', 'data-aggregator')).toBe(
    'A WFM Server may connect to any number of WFM Data Aggregator.',
  );
  expect(explainCell('server', 'data-aggregator', 'wfm-8.5.1')).toMatch(
    /^A WFM Server must connect to exactly one WFM Data Aggregator under WFM 8\.5\.1: The 8\.5\.0\/8\.5\.1 tables print X.*inferred/,
  );
});

test('the differences of a rule set list the cell with the source’s wording, the HA change and what is not modelled', () => {
  expect(rulesetDifferences('wfm-8.5.2')).toMatchObject({ cells: [], ha: [], notModelled: null });
  const older = rulesetDifferences('wfm-8.5.1');
  expect(older.cells).toHaveLength(1);
  expect(older.cells[0]).toMatchObject({
    from: 'server',
    to: 'data-aggregator',
    mark: 'one',
    defaultMark: 'optional-many',
  });
  expect(older.cells[0]?.note).toContain('The 8.5.0/8.5.1 tables print X');
  expect(older.cells[0]?.note).toContain('its column is inferred');
  expect(older.ha.map((h) => [h.kind, h.ha, h.defaultHa])).toEqual([['server', 'none', 'warm']]);
  expect(older.notModelled).toBeNull();
  const oldest = rulesetDifferences('wfm-8.5.0');
  expect(oldest.label).toBe('WFM 8.5.0');
  expect(oldest.notModelled).toContain('Config Utility');
  expect(oldest.notModelled).toContain('Database Utility');
});

// Section 8: context kinds

const contextDoc = (): Topology =>
  healthyDoc({
    components: [
      comp('cfg', 'config-server', 'confserv'),
      comp('scs', 'scs', 'SCS'),
      comp('smtp', 'smtp-server', 'mail'),
      comp('lb', 'load-balancer', 'Front'),
    ],
    connections: [
      conn('dmn-cfg', 'dmn', 'cfg', 'mutual-tls'),
      conn('dmn-smtp', 'dmn', 'smtp', 'tls'),
      conn('lb-web', 'lb', 'web', 'tls'),
      conn('scs-srv', 'scs', 'srv', 'mutual-tls'),
      conn('cfg-scs', 'cfg', 'scs'),
    ],
    options: { managementLayer: false },
  });

test('context links are never forbidden, counted, or warned about, and context kinds are never unused', () => {
  expect(check(contextDoc())).toEqual([]);
});

test('a context link is not counted for cardinality: it does not meet a required cell', () => {
  const topology = doc(
    [comp('web', 'web', 'W'), comp('lb', 'load-balancer', 'LB')],
    [conn('c', 'web', 'lb')],
  );
  expect(trail(check(topology))).toEqual(['missing-connection@web']);
});

test('a context link may still be a self-connection or a duplicate', () => {
  const topology = doc(
    [comp('lb', 'load-balancer', 'LB'), comp('web', 'web', 'W'), comp('srv', 'server', 'S')],
    [
      conn('web-srv', 'web', 'srv'),
      conn('lb-lb', 'lb', 'lb'),
      conn('lb-web', 'lb', 'web'),
      conn('lb-web-2', 'lb', 'web', 'tls'),
    ],
  );
  const problems = check(topology).filter((p) => problemConnectionId(p) !== undefined);
  expect(trail(problems)).toEqual(['self-connection@lb-lb', 'duplicate-connection@lb-web-2']);
  expect(problems[1]?.message).toBe(
    "Load balancer 'LB' → WFM Web 'W' is listed twice: a Connections tab names each component once",
  );
});

test('canConnect allows a context link as one the matrix does not govern, and refuses a repeat', () => {
  const topology = doc(
    [comp('dmn', 'daemon', 'D'), comp('cfg', 'config-server', 'C')],
    [conn('c', 'dmn', 'cfg')],
  );
  expect(canConnect(topology, 'cfg', 'dmn')).toEqual({
    ok: true,
    contextLink: true,
    message: 'Configuration Server → WFM Daemon is allowed: a context link, not governed by the matrix.',
  });
  expect(canConnect(topology, 'dmn', 'cfg')).toMatchObject({ ok: false, reason: 'duplicate-connection' });
  expect(canConnect(topology, 'cfg', 'cfg')).toMatchObject({ ok: false, reason: 'self-connection' });
  expect(explainCell('daemon', 'config-server')).toContain('context link, not governed by the matrix');
});

test('the matrix usage grid keeps the nine kinds of the matrix and shows no context link', () => {
  const usage = matrixUsage(contextDoc());
  expect(Object.keys(usage.cells)).toEqual([
    'server',
    'builder',
    'daemon',
    'data-aggregator',
    'web',
    'db-utility',
  ]);
  expect(Object.keys(usage.cells.server)).toEqual([
    'server',
    'builder',
    'daemon',
    'data-aggregator',
    'web',
    'dap',
    'stat-server',
    'message-server',
  ]);
  expect(usage.outside).toEqual([]);
});

// Section 9: hosts

test('host names are unique, trimmed and in any case, among hosts only', () => {
  const topology = withHosts(healthyWith({ srv: { host: 'h1' } }), [
    { id: 'h1', name: 'WFM_Server' },
    { id: 'h2', name: ' wfm_server ' },
    { id: 'h3', name: 'app02' },
  ]);
  const problems = check(topology);
  expect(problems).toEqual([
    {
      code: 'duplicate-name',
      severity: 'error',
      message: "Host ' wfm_server ' has the same name as host 'WFM_Server': Host names must be unique",
      hostId: 'h2',
    },
  ]);
});

test('under the Management Layer a host that runs a WFM server application needs an LCA', () => {
  const hosts: TopologyHost[] = [
    { id: 'h1', name: 'app01' },
    { id: 'h2', name: 'db01' },
    { id: 'h3', name: 'app03', lca: true },
  ];
  const placedDoc = withHosts(
    healthyWith({ bld: { host: 'h1' }, dap: { host: 'h2' }, srv: { host: 'h3' }, web: { host: 'h1' } }),
    hosts,
  );
  expect(withCode(check(placedDoc), 'missing-lca')).toEqual([]);
  const problems = check({ ...placedDoc, options: { managementLayer: true } });
  expect(withCode(problems, 'missing-lca')).toEqual([
    {
      code: 'missing-lca',
      severity: 'warning',
      message:
        "Host 'app01' runs WFM Builder 'WFM_Builder' but has no Local Control Agent: the Management Layer starts and watches applications through the LCA of each host",
      hostId: 'h1',
    },
  ]);
});

test('host problems come after document problems and before component problems, in host order', () => {
  const topology = withHosts(
    {
      ...doc([comp('web', 'web', 'W', {}), comp('dmn', 'daemon', 'D')], [], { scheduledReporting: true }),
      components: [
        { id: 'web', kind: 'web', name: 'W', host: 'h2' },
        { id: 'msg', kind: 'message-server', name: 'M' },
      ],
      options: { scheduledReporting: true, managementLayer: true },
    },
    [
      { id: 'h1', name: 'a' },
      { id: 'h2', name: 'A' },
    ],
  );
  expect(trail(check(topology))).toEqual([
    'missing-component@document',
    'duplicate-name@h2',
    'missing-lca@h2',
    'missing-connection@web',
    'missing-connection@web',
    'unused-component@msg',
  ]);
});

// Section 11: port-conflict

test('two components on one host may not listen on the same port; another host or port is fine', () => {
  const hosts: TopologyHost[] = [
    { id: 'h1', name: 'app01' },
    { id: 'h2', name: 'app02' },
  ];
  const topology = withHosts(
    healthyWith({
      srv: { host: 'h1', port: 7000 },
      bld: { host: 'h1', port: 7001 },
      agg: { host: 'h2', port: 7000 },
      web: { host: 'h1', port: 7000 },
      cfgless: {},
    }),
    hosts,
  );
  expect(check(topology)).toEqual([
    {
      code: 'port-conflict',
      severity: 'error',
      message:
        "WFM Web 'WFM_Web' uses port 7000 on host 'app01', as WFM Server 'WFM_Server' does: two applications on one host cannot listen on the same port",
      componentId: 'web',
    },
  ]);
});

test('a component may not use the LCA port of its host while the host runs an LCA, whatever its kind', () => {
  const lcaHost = (lca: boolean, lcaPort?: number): TopologyHost =>
    lcaPort === undefined ? { id: 'h1', name: 'app01', lca } : { id: 'h1', name: 'app01', lca, lcaPort };
  const topology = (host: TopologyHost) =>
    withHosts(
      {
        ...healthyDoc({
          components: [{ id: 'cfg', kind: 'config-server', name: 'C', host: 'h1', port: 4999 }],
        }),
      },
      [host],
    );
  expect(trail(check(topology(lcaHost(true))))).toEqual(['port-conflict@cfg']);
  expect(withCode(check(topology(lcaHost(true))), 'port-conflict')[0]?.message).toBe(
    "Configuration Server 'C' uses port 4999 on host 'app01', which the host’s Local Control Agent listens on",
  );
  expect(check(topology(lcaHost(false)))).toEqual([]);
  expect(check(topology(lcaHost(true, 5000)))).toEqual([]);
});

test('a component naming no host of the topology has no host', () => {
  const topology = withHosts(
    healthyWith({ srv: { host: 'nowhere', port: 4999 }, bld: { host: 'nowhere', port: 4999 } }),
    [{ id: 'h1', name: 'app01', lca: true }],
  );
  expect(check(topology)).toEqual([]);
});

// Section 10–11: high availability

test('a WFM Data Aggregator may have a hot standby backup with the same connections', () => {
  const topology = healthyDoc({
    components: [
      { id: 'agg-b', kind: 'data-aggregator', name: 'DA_backup', backupOf: 'agg', standby: 'hot' },
    ],
    connections: [
      conn('b-srv', 'agg-b', 'srv'),
      conn('b-dap', 'agg-b', 'dap'),
      conn('b-stat', 'agg-b', 'stat'),
    ],
  });
  expect(check(topology)).toEqual([]);
});

test('a backup needs its own required connections, and reaches other components than its primary: ha-mismatch', () => {
  const topology = healthyDoc({
    components: [
      { id: 'agg-b', kind: 'data-aggregator', name: 'DA_backup', backupOf: 'agg', standby: 'hot' },
    ],
    connections: [conn('b-srv', 'agg-b', 'srv'), conn('b-dap', 'agg-b', 'dap')],
  });
  expect(check(topology)).toEqual([
    {
      code: 'ha-mismatch',
      severity: 'warning',
      message:
        "WFM Data Aggregator 'DA_backup' does not connect to the same components as its primary WFM Data Aggregator 'WFM_Data_Aggregator' (it does not connect to Stat Server 'Stat_Server'): a backup takes over only with the primary’s connections",
      componentId: 'agg-b',
    },
    {
      code: 'missing-connection',
      severity: 'error',
      message: "WFM Data Aggregator 'DA_backup' must connect to exactly one Stat Server",
      componentId: 'agg-b',
      targetKind: 'stat-server',
    },
  ]);
});

test('ha-mismatch ignores self, forbidden and duplicate connections and counts context links', () => {
  const base = healthyDoc({
    components: [
      { id: 'web-b', kind: 'web', name: 'Web_backup', backupOf: 'web', standby: 'warm' },
      comp('lb', 'load-balancer', 'LB'),
    ],
    connections: [
      conn('b-srv', 'web-b', 'srv'),
      conn('b-dap', 'web-b', 'dap'),
      conn('b-srv-2', 'web-b', 'srv'),
    ],
  });
  expect(codes(check(base))).toEqual(['ha-unsupported', 'forbidden-connection', 'duplicate-connection']);
  const withLink = { ...base, connections: [...base.connections, conn('b-lb', 'web-b', 'lb')] };
  expect(codes(check(withLink))).toEqual([
    'ha-unsupported',
    'ha-mismatch',
    'forbidden-connection',
    'duplicate-connection',
  ]);
});

test('a kind without HA may not have a backup: ha-unsupported, naming why', () => {
  const topology = healthyDoc({
    components: [{ id: 'bld-b', kind: 'builder', name: 'B_backup', backupOf: 'bld', standby: 'warm' }],
    connections: [conn('b-srv', 'bld-b', 'srv')],
  });
  expect(check(topology)).toEqual([
    {
      code: 'ha-unsupported',
      severity: 'error',
      message:
        "WFM Builder 'B_backup' is a backup, but a WFM Builder has no backup: a WFM Server spreads its work over a pool of WFM Builders instead",
      componentId: 'bld-b',
    },
  ]);
});

test('a standby mode the kind does not support is ha-unsupported; any mode suits a DAP', () => {
  const hotServer = healthyDoc({
    components: [{ id: 'srv-b', kind: 'server', name: 'S_backup', backupOf: 'srv', standby: 'hot' }],
    connections: [conn('b-bld', 'srv-b', 'bld'), conn('b-dap', 'srv-b', 'dap')],
  });
  expect(check(hotServer)).toEqual([
    {
      code: 'ha-unsupported',
      severity: 'error',
      message: "WFM Server 'S_backup' is a hot standby backup, but a WFM Server supports warm standby only",
      componentId: 'srv-b',
    },
  ]);
  const warmServer = {
    ...hotServer,
    components: hotServer.components.map((c) => (c.id === 'srv-b' ? { ...c, standby: 'warm' as const } : c)),
  };
  expect(check(warmServer)).toEqual([]);
  const dap = healthyDoc({
    components: [{ id: 'dap-b', kind: 'dap', name: 'DAP_b', backupOf: 'dap', standby: 'warm' }],
  });
  expect(check(dap)).toEqual([]);
});

test('a WFM Server backup is ha-unsupported under 8.5.1 and 8.5.0', () => {
  const topology = healthyDoc({
    components: [{ id: 'srv-b', kind: 'server', name: 'S_backup', backupOf: 'srv', standby: 'warm' }],
    connections: [
      conn('b-bld', 'srv-b', 'bld'),
      conn('b-dap', 'srv-b', 'dap'),
      conn('srv-agg', 'srv', 'agg'),
      conn('b-agg', 'srv-b', 'agg'),
    ],
  });
  expect(check(topology)).toEqual([]);
  const problems = check(topology, 'wfm-8.5.1');
  expect(trail(problems)).toEqual(['ha-unsupported@srv-b']);
  expect(problems[0]?.message).toBe(
    "WFM Server 'S_backup' is a backup, but WFM 8.5.1 documents no backup for a WFM Server: its warm standby is documented from WFM 8.5.2 on",
  );
  expect(trail(check(topology, 'wfm-8.5.0'))).toEqual(['ha-unsupported@srv-b']);
});

test('ha-invalid-pair: itself, another kind, a backup as primary, a second backup; it wins over ha-unsupported', () => {
  const topology = doc([
    comp('dap', 'dap', 'D1'),
    { id: 'self', kind: 'stat-server', name: 'Self', backupOf: 'self', standby: 'hot' },
    { id: 'kind', kind: 'stat-server', name: 'Other_kind', backupOf: 'dap', standby: 'hot' },
    { id: 'dap-b', kind: 'dap', name: 'D2', backupOf: 'dap', standby: 'hot' },
    { id: 'chain', kind: 'dap', name: 'D3', backupOf: 'dap-b', standby: 'hot' },
    { id: 'second', kind: 'dap', name: 'D4', backupOf: 'dap', standby: 'hot' },
    comp('bld', 'builder', 'B'),
    { id: 'bld-b', kind: 'builder', name: 'B2', backupOf: 'srv-x', standby: 'warm' },
  ]);
  const pairs = check(topology).filter((p) => p.code.startsWith('ha-'));
  expect(trail(pairs)).toEqual([
    'ha-invalid-pair@self',
    'ha-invalid-pair@kind',
    'ha-invalid-pair@chain',
    'ha-invalid-pair@second',
    'ha-invalid-pair@bld-b',
  ]);
  expect(pairs.map((p) => p.message)).toEqual([
    "Stat Server 'Self' is marked as the backup of itself: a backup stands in for another component of its kind",
    "Stat Server 'Other_kind' is marked as the backup of DAP 'D1': a backup and its primary must be of the same kind",
    "DAP 'D3' is marked as the backup of DAP 'D2', which is itself a backup: a backup’s primary must not be a backup",
    "DAP 'D4' is marked as the backup of DAP 'D1', which already has a backup, DAP 'D2': a primary has one backup",
    "WFM Builder 'B2' is marked as the backup of a component that is not in the deployment",
  ]);
});

test('a backup is not counted by too-many-instances', () => {
  const etl = healthyWith(
    { srv: { etl: true } },
    {
      components: [
        { id: 'srv-b', kind: 'server', name: 'S_backup', etl: true, backupOf: 'srv', standby: 'warm' },
      ],
      connections: [conn('b-bld', 'srv-b', 'bld'), conn('b-dap', 'srv-b', 'dap')],
    },
  );
  expect(check(etl)).toEqual([]);
  const daemons = healthyDoc({
    components: [{ id: 'dmn-b', kind: 'daemon', name: 'D_backup', backupOf: 'dmn', standby: 'warm' }],
    connections: [conn('b-srv', 'dmn-b', 'srv')],
  });
  expect(codes(check(daemons))).toEqual(['ha-unsupported']);
});

test('a backup DAP, Stat Server or Message Server is reached when its primary is', () => {
  const topology = healthyDoc({
    components: [
      { id: 'stat-b', kind: 'stat-server', name: 'Stat_b', backupOf: 'stat', standby: 'hot' },
      comp('msg', 'message-server', 'Msg'),
      { id: 'msg-b', kind: 'message-server', name: 'Msg_b', backupOf: 'msg', standby: 'warm' },
    ],
  });
  expect(trail(check(topology))).toEqual(['unused-component@msg', 'unused-component@msg-b']);
});

test('a matrix connection to a backup is ha-backup-target, and still counts for its source', () => {
  const topology = healthyDoc({
    components: [
      { id: 'agg-b', kind: 'data-aggregator', name: 'DA_backup', backupOf: 'agg', standby: 'hot' },
    ],
    connections: [
      conn('b-srv', 'agg-b', 'srv'),
      conn('b-dap', 'agg-b', 'dap'),
      conn('b-stat', 'agg-b', 'stat'),
      conn('srv-b', 'srv', 'agg-b'),
      conn('srv-b-2', 'srv', 'agg-b'),
    ],
  });
  const problems = check({ ...topology, ruleset: 'wfm-8.5.1' });
  expect(trail(problems)).toEqual(['ha-backup-target@srv-b', 'duplicate-connection@srv-b-2']);
  expect(problems[0]?.message).toBe(
    "WFM Server 'WFM_Server' → WFM Data Aggregator 'DA_backup' names a backup: clients list the primary, WFM Data Aggregator 'WFM_Data_Aggregator', and reach the backup through it",
  );
});

test('a context link to a backup is not ha-backup-target', () => {
  const topology = healthyDoc({
    components: [
      { id: 'stat-b', kind: 'stat-server', name: 'Stat_b', backupOf: 'stat', standby: 'hot' },
      comp('scs', 'scs', 'SCS'),
    ],
    connections: [conn('scs-b', 'scs', 'stat-b')],
  });
  expect(check(topology)).toEqual([]);
});

test('a context kind gets no HA check', () => {
  const topology = doc(
    [
      comp('lb', 'load-balancer', 'LB'),
      { id: 'lb-b', kind: 'load-balancer', name: 'LB2', backupOf: 'lb', standby: 'hot' },
      { id: 'lb-c', kind: 'load-balancer', name: 'LB3', backupOf: 'lb-c', standby: 'warm' },
    ],
    [conn('c', 'lb', 'lb-b')],
  );
  expect(check(topology)).toEqual([]);
});

// Section 11: TLS

test('TLS to a WFM Server, Builder or Data Aggregator needs a certificate on its Host', () => {
  const tls = (hosts: readonly TopologyHost[], host?: string) =>
    withHosts(
      {
        ...healthyWith(host === undefined ? {} : { srv: { host } }),
        connections: healthyDoc().connections.map((c) =>
          c.id === 'bld-srv' ? conn(c.id, c.from, c.to, 'tls') : c,
        ),
      },
      hosts,
    );
  expect(check(tls([]))).toEqual([
    {
      code: 'tls-no-certificate',
      severity: 'warning',
      message:
        "WFM Builder 'WFM_Builder' → WFM Server 'WFM_Server' uses TLS, but WFM Server 'WFM_Server' has no host: for WFM Server, the certificate can only be assigned at the Host object level",
      connectionId: 'bld-srv',
    },
  ]);
  expect(check(tls([{ id: 'h1', name: 'app01' }], 'h1'))[0]?.message).toContain(
    "but host 'app01' of WFM Server 'WFM_Server' has no certificate",
  );
  expect(check(tls([{ id: 'h1', name: 'app01', certificate: true }], 'h1'))).toEqual([]);
});

test('TLS to a DAP or a WFM Web needs no certificate on a Host', () => {
  const topology = {
    ...healthyDoc(),
    connections: healthyDoc().connections.map((c) =>
      c.id === 'srv-dap' ? conn(c.id, c.from, c.to, 'mutual-tls') : c,
    ),
  };
  expect(check(topology)).toEqual([]);
});

test('mutual TLS to a WFM Server, Builder or Data Aggregator needs MutualAuth on the target', () => {
  const hosts = [{ id: 'h1', name: 'app01', certificate: true }];
  const topology = (mutualAuth: boolean) =>
    withHosts(
      {
        ...healthyWith({ bld: { host: 'h1', mutualAuth } }),
        connections: healthyDoc().connections.map((c) =>
          c.id === 'srv-bld' ? conn(c.id, c.from, c.to, 'mutual-tls') : c,
        ),
      },
      hosts,
    );
  expect(check(topology(false))).toEqual([
    {
      code: 'tls-mutual-auth',
      severity: 'warning',
      message:
        "WFM Server 'WFM_Server' → WFM Builder 'WFM_Builder' uses mutual TLS, but WFM Builder 'WFM_Builder' lacks MutualAuth = true: mutual authentication on WFM Builder needs that option in its Application properties",
      connectionId: 'srv-bld',
    },
  ]);
  expect(check(topology(true))).toEqual([]);
});

test('a faulty connection gets none of the connection codes of section 11', () => {
  const topology = doc(
    [
      { id: 'bld', kind: 'builder', name: 'B' },
      { id: 'agg', kind: 'data-aggregator', name: 'A', backupOf: 'agg0', standby: 'hot' },
      { id: 'agg0', kind: 'data-aggregator', name: 'A0' },
    ],
    [conn('self', 'agg', 'agg', 'mutual-tls'), conn('forbidden', 'bld', 'agg', 'mutual-tls')],
  );
  const connectionCodes = check(topology).filter((p) => problemConnectionId(p) !== undefined);
  expect(codes(connectionCodes)).toEqual(['self-connection', 'forbidden-connection']);
});

test('the messages of section 11 name hosts and components by name, never by id', () => {
  const ids = ['h-x1', 'h-x2', 'srv-x', 'srv-b-x', 'bld-x'];
  const topology = withHosts(
    {
      options: { managementLayer: true },
      components: [
        { id: 'srv-x', kind: 'server', name: 'S', host: 'h-x1', port: 4999 },
        {
          id: 'srv-b-x',
          kind: 'server',
          name: 'S2',
          host: 'h-x1',
          port: 4999,
          backupOf: 'srv-x',
          standby: 'hot',
        },
        { id: 'bld-x', kind: 'builder', name: 'B', host: 'h-x2', backupOf: 'srv-x', standby: 'warm' },
      ],
      connections: [conn('c-x1', 'bld-x', 'srv-b-x', 'mutual-tls')],
    },
    [
      { id: 'h-x1', name: 'one', lca: true },
      { id: 'h-x2', name: 'ONE' },
    ],
  );
  const problems = check(topology, 'wfm-8.5.0');
  expect(problems.length).toBeGreaterThan(5);
  for (const problem of problems) for (const id of ids) expect(problem.message).not.toContain(id);
});

// The meta-test: keep it last, it reads what the tests above produced.

test('every problem code of section 11 is produced by some document of this file', () => {
  expect([...produced].filter((code) => SECTION_11_CODES.includes(code)).sort()).toEqual(
    [...SECTION_11_CODES].sort(),
  );
});
