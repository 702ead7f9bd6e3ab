import type { ComponentKind } from './kinds';
import type { Security, Topology, TopologyComponent, TopologyConnection } from './model';
import type { DeploymentOptions } from './options';
import type { Problem, ProblemCode } from './problems';

/** A component for a test document: `comp('bld-1', 'builder', 'B1')`. */
export function comp(
  id: string,
  kind: ComponentKind,
  name: string = id,
  extra: { readonly etl?: boolean } = {},
): TopologyComponent {
  return extra.etl === undefined ? { id, kind, name } : { id, kind, name, etl: extra.etl };
}

/** A connection for a test document: `conn('c-1', 'bld-1', 'srv-1')`, optionally with its security. */
export function conn(id: string, from: string, to: string, security?: Security): TopologyConnection {
  return security === undefined ? { id, from, to } : { id, from, to, security };
}

/** A test document; options default to off, as in a file that leaves them out. */
export function doc(
  components: readonly TopologyComponent[],
  connections: readonly TopologyConnection[] = [],
  options: Partial<DeploymentOptions> = {},
): Topology {
  return { options, components, connections };
}

/**
 * The components and connections of a small deployment that has no problem at all with the
 * options off: every required cell of every row is met, and every DAP and Stat Server is used.
 */
export function healthyComponents(): TopologyComponent[] {
  return [
    comp('srv', 'server', 'WFM_Server'),
    comp('bld', 'builder', 'WFM_Builder'),
    comp('dmn', 'daemon', 'WFM_Daemon'),
    comp('agg', 'data-aggregator', 'WFM_Data_Aggregator'),
    comp('web', 'web', 'WFM_Web'),
    comp('util', 'db-utility', 'WFM_Database_Utility'),
    comp('dap', 'dap', 'WFM_DAP'),
    comp('stat', 'stat-server', 'Stat_Server'),
  ];
}

/** The connections that make `healthyComponents()` a deployment without problems. */
export function healthyConnections(): TopologyConnection[] {
  return [
    conn('srv-bld', 'srv', 'bld'),
    conn('srv-dap', 'srv', 'dap'),
    conn('bld-srv', 'bld', 'srv'),
    conn('dmn-srv', 'dmn', 'srv'),
    conn('agg-srv', 'agg', 'srv'),
    conn('agg-dap', 'agg', 'dap'),
    conn('agg-stat', 'agg', 'stat'),
    conn('web-srv', 'web', 'srv'),
    conn('util-dap', 'util', 'dap'),
  ];
}

/** `healthyComponents()` and `healthyConnections()` with more of each, and options. */
export function healthyDoc(
  more: {
    readonly components?: readonly TopologyComponent[];
    readonly connections?: readonly TopologyConnection[];
    readonly options?: Partial<DeploymentOptions>;
  } = {},
): Topology {
  return doc(
    [...healthyComponents(), ...(more.components ?? [])],
    [...healthyConnections(), ...(more.connections ?? [])],
    more.options ?? {},
  );
}

/** The codes of a problem list, in order: handy for `toEqual([...])`. */
export function codes(problems: readonly Problem[]): ProblemCode[] {
  return problems.map((problem) => problem.code);
}

/** The problems with one code. */
export function withCode(problems: readonly Problem[], code: ProblemCode): Problem[] {
  return problems.filter((problem) => problem.code === code);
}

/**
 * The topology with every component on one Host that holds a certificate, and MutualAuth set on
 * every component: TLS raises none of the warnings of rules.md section 11 in it.
 */
export function certified(topology: Topology): Topology {
  return {
    ...topology,
    hosts: [{ id: 'host-cert', name: 'wfm-certified', certificate: true }],
    components: topology.components.map((c) => ({ ...c, host: 'host-cert', mutualAuth: true })),
  };
}

/** The problem codes added in version 2 (rules.md section 11). */
export const SECTION_11_CODES: readonly ProblemCode[] = [
  'ha-unsupported',
  'ha-invalid-pair',
  'ha-mismatch',
  'ha-backup-target',
  'port-conflict',
  'missing-lca',
  'tls-no-certificate',
  'tls-mutual-auth',
];
