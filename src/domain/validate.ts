import { classifyConnections, DANGLING, kindIndex } from './classify';
import { COMPONENT_KINDS } from './kinds';
import { TARGET_KINDS } from './matrix';
import type { Topology, TopologyComponent } from './model';
import { resolveOptions } from './options';
import type { CardinalityProblem, ComponentProblem, ConnectionProblem, Problem } from './problems';
import {
  componentProblems,
  connectionProblems,
  documentProblems,
  instanceKind,
  nameKey,
  rowRules,
} from './validate-rules';

/**
 * Every problem of rules.md section 4, in the contract's order: document problems, then component
 * problems in component order, then connection problems in connection order. Never throws.
 * @example validate({ components: [{ id: 'b', kind: 'builder', name: 'B1' }], connections: [] })[0].code === 'missing-connection'
 */
export function validate(topology: Topology): Problem[] {
  const options = resolveOptions(topology.options);
  const rules = rowRules(options);
  const { components, connections } = topology;
  const { canonical, kinds, counts, reached, classes, fromIndex, toIndex } = classifyConnections(topology);
  const targets = TARGET_KINDS.length;

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
    componentProblems(
      component,
      rules[kind] ?? [],
      {
        ordinal: instance === 'single' ? (perKind[kind] ?? 0) : instance === 'etl' ? etlServers : 0,
        firstWithName,
        counts,
        countsAt: at * targets,
        reached: reached[at] === 1,
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
    connectionProblems(connection, from, to, kind, options, connectionList);
  }

  const countOf = (kind: string) => perKind[kindIndex(kind)] ?? 0;
  return [...documentProblems(options, countOf), ...componentList, ...connectionList];
}

/** True when no problem has severity `error`. */
export function isValid(problems: readonly Problem[]): boolean {
  return problems.every((problem) => problem.severity !== 'error');
}
