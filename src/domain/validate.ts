import { classifyConnections, DANGLING, kindIndex } from './classify';
import { COMPONENT_KINDS } from './kinds';
import { TARGET_KINDS } from './matrix';
import type { Topology, TopologyComponent, TopologyHost } from './model';
import { resolveOptions } from './options';
import type { CardinalityProblem, ComponentProblem, ConnectionProblem, Problem } from './problems';
import type { RulesetId } from './ruleset-ids';
import { resolveRuleset } from './rulesets';
import {
  componentHostAndHaProblems,
  hostProblems,
  hostsById,
  needsHostAndHaRules,
} from './validate-hosts-ha';
import {
  type ConnectionFacts,
  componentProblems,
  connectionProblems,
  documentProblems,
  instanceKind,
  nameKey,
  rowRules,
} from './validate-rules';

/** What a caller may change about how a topology is judged. */
export interface ValidateOverrides {
  /**
   * Judge under this rule set instead of the one the topology names (the CLI's `--ruleset`, the
   * designer's "what would an upgrade break"). Left out: `topology.ruleset`, default `wfm-8.5.2`.
   */
  readonly ruleset?: RulesetId | undefined;
}

const NO_HOSTS: ReadonlyMap<string, TopologyHost> = new Map();

/**
 * Every problem of rules.md sections 4 and 11, in the contract's order: document problems, then
 * host problems in host order, then component problems in component order, then connection
 * problems in connection order. Judged under `topology.ruleset` (default `wfm-8.5.2`), or under
 * `overrides.ruleset` when given. Never throws.
 * @example validate({ components: [{ id: 'b', kind: 'builder', name: 'B1' }], connections: [] })[0].code === 'missing-connection'
 * @example validate(topology, { ruleset: 'wfm-8.5.1' }) // as if the document named WFM 8.5.1
 */
export function validate(topology: Topology, overrides?: ValidateOverrides): Problem[] {
  const options = resolveOptions(topology.options);
  // `overrides` may be a stray argument (an index, when `validate` is passed to `map`): only a ruleset id counts.
  const ruleset = resolveRuleset(
    topology.ruleset,
    typeof overrides === 'object' ? overrides?.ruleset : undefined,
  );
  const rules = rowRules(options, ruleset);
  const { components, connections } = topology;
  const classification = classifyConnections(topology);
  const { canonical, kinds, counts, reached, classes, fromIndex, toIndex, indexOf } = classification;
  const targets = TARGET_KINDS.length;

  const v2 = needsHostAndHaRules(topology);
  const hosts = v2 ? hostsById(topology) : NO_HOSTS;
  const hostAndHa = v2 ? componentHostAndHaProblems(topology, classification, hosts, ruleset) : [];
  const primaryOf = (backup: TopologyComponent) =>
    backup.backupOf === undefined ? undefined : components[indexOf.get(backup.backupOf) ?? -1];
  const connectionFacts: ConnectionFacts = { hosts, primaryOf };

  const componentList: (ComponentProblem | CardinalityProblem)[] = [];
  const connectionList: ConnectionProblem[] = [];
  /** Components of each kind so far, by kind index. */
  const perKind = new Int32Array(COMPONENT_KINDS.length);
  let etlServers = 0;
  const names = new Map<string, TopologyComponent>();

  for (let i = 0; i < components.length; i += 1) {
    const component = components[i] as TopologyComponent;
    const kind = kinds[i] ?? 0;
    perKind[kind] = (perKind[kind] ?? 0) + 1;
    const instance = instanceKind(component);
    if (instance === 'etl') etlServers += 1;
    const key = nameKey(component.name);
    const firstWithName = names.get(key);
    if (!firstWithName) names.set(key, component);
    // Counts live on the component that stands for the id, as `analyse` keys them by id.
    const at = canonical[i] ?? i;
    // A backup is reached when its primary is (rules.md section 10).
    const primary = component.backupOf === undefined ? undefined : indexOf.get(component.backupOf);
    componentProblems(
      component,
      rules[kind] ?? [],
      {
        ordinal: instance === 'single' ? (perKind[kind] ?? 0) : instance === 'etl' ? etlServers : 0,
        firstWithName,
        counts,
        countsAt: at * targets,
        reached: reached[at] === 1 || (primary !== undefined && reached[primary] === 1),
        hostAndHa: hostAndHa[i],
      },
      componentList,
    );
  }

  for (let c = 0; c < connections.length; c += 1) {
    const kind = classes[c] ?? DANGLING;
    if (kind === DANGLING) continue;
    const from = components[fromIndex[c] ?? 0] as TopologyComponent;
    const to = components[toIndex[c] ?? 0] as TopologyComponent;
    const connection = connections[c] as Topology['connections'][number];
    connectionProblems(connection, from, to, kind, options, connectionFacts, connectionList);
  }

  const countOf = (kind: string) => perKind[kindIndex(kind)] ?? 0;
  return [
    ...documentProblems(options, countOf),
    ...(v2 ? hostProblems(topology, options, hosts) : []),
    ...componentList,
    ...connectionList,
  ];
}

/** True when no problem has severity `error`. */
export function isValid(problems: readonly Problem[]): boolean {
  return problems.every((problem) => problem.severity !== 'error');
}
