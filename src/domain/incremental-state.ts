import { COUNTED, cellTargetIndex, classifyConnections, DANGLING, DUPLICATE, kindIndex } from './classify';
import { COMPONENT_KINDS, isContextKind } from './kinds';
import { TARGET_KINDS } from './matrix';
import type { Topology, TopologyComponent, TopologyConnection, TopologyHost } from './model';
import { type DeploymentOptions, resolveOptions } from './options';
import type { CardinalityProblem, ComponentProblem, ConnectionProblem, Problem } from './problems';
import { resolveRuleset } from './rulesets';
import {
  type ConnectionFacts,
  componentProblems,
  connectionProblems,
  documentProblems,
  instanceKind,
  nameKey,
  type RowRule,
  rowRules,
} from './validate-rules';

// The state the incremental validator keeps of the last topology it judged: the facts each rule
// needs, per component and per connection, and the problems of each. `build` makes it from a
// topology; `settle` re-judges what an edit marked dirty (incremental-validate.ts follows edits).

export const TARGETS = TARGET_KINDS.length;
export const NONE: readonly Problem[] = [];

export interface Link {
  connection: TopologyConnection;
  /**
   * Its place in connection order. The editor appends connections and removes them without
   * reordering the rest, so numbers handed out in order keep that order.
   */
  readonly seq: number;
  readonly from: number;
  readonly to: number;
  kind: number;
  /** The matrix target index of a counted or duplicate connection. */
  readonly target: number;
  problems: readonly Problem[];
}

export interface State {
  topology: Topology;
  readonly options: DeploymentOptions;
  readonly rules: readonly (readonly RowRule[])[];
  /** Component index by id (ids are unique while the state is kept). */
  readonly index: Map<string, number>;
  readonly kinds: number[];
  /** Counted connections by `component index * TARGETS + target index`. */
  readonly counts: number[];
  /** How many connections point at each component. */
  readonly reachedBy: number[];
  /** Each component's number among its kind's components when the kind allows one, or among the ETL servers; 0 for the rest. */
  readonly ordinal: number[];
  /** Components of each kind, by kind index. */
  readonly perKind: number[];
  etlServers: number;
  /** Component indexes by name key, ascending: the first is the one the others repeat. */
  readonly names: Map<string, number[]>;
  readonly componentProblems: (readonly Problem[])[];
  /** The components and connections that have problems: the result is put together from these alone. */
  readonly withProblems: Set<number>;
  readonly linksWithProblems: Set<Link>;
  nextSeq: number;
  readonly links: Map<string, Link>;
  /** The ids of the connections from or to each component, so a rename re-judges only those. */
  readonly touching: string[][];
  /** The counted and duplicate connections of each (source, target) pair, in connection order. */
  readonly pairs: Map<number, string[]>;
  documentProblems: readonly Problem[];
  result: Problem[];
}

/** What an edit left to re-judge. */
export interface Dirty {
  readonly components: Set<number>;
  readonly links: Set<string>;
  documentProblems: boolean;
}

export const pairKey = (from: number, to: number) => from * 1_048_576 + to;

export function insertSorted(list: number[], value: number): void {
  let at = list.length;
  while (at > 0 && (list[at - 1] ?? 0) > value) at -= 1;
  list.splice(at, 0, value);
}

export function removeFrom<T>(list: T[], value: T): void {
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
}

/**
 * True when a component takes the state's bookkeeping beyond what it follows: a backup (its HA
 * problems, and those of the connections to it, reach other components) or a context kind (its
 * links are neither counted nor forbidden). The validator then validates in full.
 */
export function beyondIncremental(component: TopologyComponent): boolean {
  return component.backupOf !== undefined || isContextKind(component.kind);
}

/** What the connection rules read of hosts and backups, in a topology that has neither. */
export const NO_HOSTS_OR_BACKUPS: ConnectionFacts = {
  hosts: new Map<string, TopologyHost>(),
  primaryOf: () => undefined,
};

/**
 * The state of a topology, or null when it has repeated ids or unknown ends, or anything of
 * version 2 that reaches beyond one component or connection: hosts (names, ports, LCAs and
 * certificates tie components together), backups or context kinds. The rule set is followed.
 */
export function build(topology: Topology): State | null {
  const { components, connections } = topology;
  if ((topology.hosts?.length ?? 0) > 0 || components.some(beyondIncremental)) return null;
  const classification = classifyConnections(topology);
  if (classification.indexOf.size !== components.length) return null;
  const options = resolveOptions(topology.options);
  const state: State = {
    topology,
    options,
    rules: rowRules(options, resolveRuleset(topology.ruleset)),
    index: new Map(classification.indexOf),
    kinds: Array.from(classification.kinds),
    counts: Array.from(classification.counts),
    reachedBy: new Array<number>(components.length).fill(0),
    ordinal: new Array<number>(components.length).fill(0),
    perKind: new Array<number>(COMPONENT_KINDS.length).fill(0),
    etlServers: 0,
    names: new Map(),
    componentProblems: new Array<readonly Problem[]>(components.length).fill(NONE),
    withProblems: new Set(),
    linksWithProblems: new Set(),
    nextSeq: connections.length,
    links: new Map(),
    touching: Array.from({ length: components.length }, () => []),
    pairs: new Map(),
    documentProblems: NONE,
    result: [],
  };
  for (let c = 0; c < connections.length; c += 1) {
    const connection = connections[c] as TopologyConnection;
    const kind = classification.classes[c] ?? DANGLING;
    if (kind === DANGLING || state.links.has(connection.id)) return null;
    const from = classification.fromIndex[c] ?? 0;
    const to = classification.toIndex[c] ?? 0;
    const target = cellTargetIndex(state.kinds[from] ?? 0, state.kinds[to] ?? 0);
    state.links.set(connection.id, { connection, seq: c, from, to, kind, target, problems: NONE });
    touch(state, from, to, connection.id);
    state.reachedBy[to] = (state.reachedBy[to] ?? 0) + 1;
    if (kind === COUNTED || kind === DUPLICATE) pairList(state, from, to).push(connection.id);
  }
  const dirty: Dirty = { components: new Set(), links: new Set(state.links.keys()), documentProblems: true };
  for (let i = 0; i < components.length; i += 1) {
    addToIndexes(state, components[i] as TopologyComponent, i);
    dirty.components.add(i);
  }
  return settle(state, dirty);
}

export function touch(state: State, from: number, to: number, id: string): void {
  state.touching[from]?.push(id);
  if (to !== from) state.touching[to]?.push(id);
}

export function untouch(state: State, from: number, to: number, id: string): void {
  removeFrom(state.touching[from] ?? [], id);
  if (to !== from) removeFrom(state.touching[to] ?? [], id);
}

export function pairList(state: State, from: number, to: number): string[] {
  const key = pairKey(from, to);
  let list = state.pairs.get(key);
  if (!list) {
    list = [];
    state.pairs.set(key, list);
  }
  return list;
}

/** Numbers a component among its kind's instances and files it under its name. */
export function addToIndexes(state: State, component: TopologyComponent, i: number): void {
  const kind = state.kinds[i] ?? 0;
  const count = (state.perKind[kind] ?? 0) + 1;
  state.perKind[kind] = count;
  const instance = instanceKind(component);
  if (instance === 'etl') state.etlServers += 1;
  state.ordinal[i] = instance === 'single' ? count : instance === 'etl' ? state.etlServers : 0;
  const key = nameKey(component.name);
  const list = state.names.get(key);
  if (list) insertSorted(list, i);
  else state.names.set(key, [i]);
}

/** Re-judges what is dirty and puts the problems together in the contract's order. */
export function settle(state: State, dirty: Dirty): State {
  const { components } = state.topology;
  for (const i of dirty.components) {
    const component = components[i] as TopologyComponent;
    const first = state.names.get(nameKey(component.name))?.[0] ?? i;
    const out: (ComponentProblem | CardinalityProblem)[] = [];
    componentProblems(
      component,
      state.rules[state.kinds[i] ?? 0] ?? [],
      {
        ordinal: state.ordinal[i] ?? 0,
        firstWithName: first === i ? undefined : components[first],
        counts: state.counts,
        countsAt: i * TARGETS,
        reached: (state.reachedBy[i] ?? 0) > 0,
      },
      out,
    );
    state.componentProblems[i] = out.length > 0 ? out : NONE;
    if (out.length > 0) state.withProblems.add(i);
    else state.withProblems.delete(i);
  }
  for (const id of dirty.links) {
    const link = state.links.get(id);
    if (!link) continue;
    const out: ConnectionProblem[] = [];
    const from = components[link.from] as TopologyComponent;
    const to = components[link.to] as TopologyComponent;
    connectionProblems(link.connection, from, to, link.kind, state.options, NO_HOSTS_OR_BACKUPS, out);
    link.problems = out.length > 0 ? out : NONE;
    if (out.length > 0) state.linksWithProblems.add(link);
    else state.linksWithProblems.delete(link);
  }
  if (dirty.documentProblems) {
    state.documentProblems = documentProblems(state.options, (kind) => state.perKind[kindIndex(kind)] ?? 0);
  }
  const result: Problem[] = [...state.documentProblems];
  for (const i of [...state.withProblems].sort((a, b) => a - b)) {
    for (const problem of state.componentProblems[i] ?? NONE) result.push(problem);
  }
  for (const link of [...state.linksWithProblems].sort((a, b) => a.seq - b.seq)) {
    for (const problem of link.problems) result.push(problem);
  }
  state.result = result;
  return state;
}
