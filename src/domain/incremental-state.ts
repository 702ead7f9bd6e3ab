import {
  CONTEXT,
  COUNTED,
  cellTargetIndex,
  classifyConnections,
  DANGLING,
  DUPLICATE,
  kindIndex,
} from './classify';
import {
  judgeBackupGroup,
  judgeHostProblems,
  judgePortGroup,
  NO_COMPONENT_PROBLEMS,
  portKey,
  splitHostAndHa,
} from './incremental-hosts';
import { COMPONENT_KINDS } from './kinds';
import { TARGET_KINDS } from './matrix';
import type { Topology, TopologyComponent, TopologyConnection, TopologyHost } from './model';
import { type DeploymentOptions, resolveOptions } from './options';
import type {
  CardinalityProblem,
  ComponentProblem,
  ConnectionProblem,
  HostProblem,
  Problem,
} from './problems';
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
  type RowRule,
  rowRules,
} from './validate-rules';

// The state the incremental validator keeps of the last topology it judged: the facts each rule
// needs, per component and per connection, and the problems of each. `build` makes it from a
// topology; `settle` re-judges what an edit marked dirty (incremental-validate.ts follows edits).
// The rules of hosts and backups are judged by group (incremental-hosts.ts): the components on
// one host and port, a primary and its backups, and the host list as a whole.

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
  /** SELF, FORBIDDEN, DUPLICATE, COUNTED or CONTEXT (never DANGLING while the state is kept). */
  kind: number;
  /** The matrix target index of a counted or duplicate connection; -1 for a context link. */
  readonly target: number;
  problems: readonly Problem[];
}

export interface State {
  topology: Topology;
  readonly options: DeploymentOptions;
  readonly ruleset: RulesetId;
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
  /** The ids of the connections from or to each component, in connection order, so a rename re-judges only those. */
  readonly touching: string[][];
  /** The counted (or context) and duplicate connections of each (source, target) pair, in connection order. */
  readonly pairs: Map<number, string[]>;
  /** The hosts by id, the first with an id standing for it (`hostsById`), holding the topology's current host objects. */
  readonly hosts: Map<string, TopologyHost>;
  /** Component indexes by the host id they name (whether a host has it or not), ascending. */
  readonly onHost: Map<string, number[]>;
  /** Component indexes by host id and port (`portKey`), ascending: the first is the one the others clash with. */
  readonly ports: Map<string, number[]>;
  /** Backup indexes by the id of the primary they name (in the topology or not), ascending. */
  readonly backupsOf: Map<string, number[]>;
  /** Each component's `ha-invalid-pair` or `ha-unsupported` and `ha-mismatch` problems. */
  readonly haProblems: (readonly ComponentProblem[])[];
  /** Each component's `port-conflict` problems. */
  readonly portProblems: (readonly ComponentProblem[])[];
  hostProblems: readonly HostProblem[];
  documentProblems: readonly Problem[];
  result: Problem[];
}

/** What an edit left to re-judge. */
export interface Dirty {
  readonly components: Set<number>;
  readonly links: Set<string>;
  /** Port groups (`portKey`) whose members' port conflicts are judged again. */
  readonly portGroups: Set<string>;
  /** Primary ids whose backups' HA problems are judged again. */
  readonly backupGroups: Set<string>;
  documentProblems: boolean;
  hostProblems: boolean;
}

export function createDirty(): Dirty {
  return {
    components: new Set(),
    links: new Set(),
    portGroups: new Set(),
    backupGroups: new Set(),
    documentProblems: false,
    hostProblems: false,
  };
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

/** Files `i` under `key` in a map of ascending index lists. */
export function addToGroup(groups: Map<string, number[]>, key: string, i: number): void {
  const list = groups.get(key);
  if (list) insertSorted(list, i);
  else groups.set(key, [i]);
}

/** Takes `i` out of the list under `key`, dropping the list when it empties. */
export function removeFromGroup(groups: Map<string, number[]>, key: string, i: number): void {
  const list = groups.get(key);
  if (!list) return;
  removeFrom(list, i);
  if (list.length === 0) groups.delete(key);
}

/**
 * The state of a topology, or null when it has repeated ids or a connection to an unknown
 * component, where the contract's "the first with the id stands for it" rules let a local change
 * reach far (the parser refuses such files; the editor never makes them). Hosts, backups and
 * context kinds are followed; so is the rule set.
 */
export function build(topology: Topology): State | null {
  const { components, connections } = topology;
  const classification = classifyConnections(topology);
  if (classification.indexOf.size !== components.length) return null;
  const options = resolveOptions(topology.options);
  const ruleset = resolveRuleset(topology.ruleset);
  const hosts = new Map(hostsById(topology));
  const state: State = {
    topology,
    options,
    ruleset,
    rules: rowRules(options, ruleset),
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
    hosts,
    onHost: new Map(),
    ports: new Map(),
    backupsOf: new Map(),
    haProblems: new Array<readonly ComponentProblem[]>(components.length).fill(NO_COMPONENT_PROBLEMS),
    portProblems: new Array<readonly ComponentProblem[]>(components.length).fill(NO_COMPONENT_PROBLEMS),
    hostProblems: NONE as readonly HostProblem[],
    documentProblems: NONE,
    result: [],
  };
  for (let c = 0; c < connections.length; c += 1) {
    const connection = connections[c] as TopologyConnection;
    const kind = classification.classes[c] ?? DANGLING;
    if (kind === DANGLING || state.links.has(connection.id)) return null;
    const from = classification.fromIndex[c] ?? 0;
    const to = classification.toIndex[c] ?? 0;
    const target = kind === CONTEXT ? -1 : cellTargetIndex(state.kinds[from] ?? 0, state.kinds[to] ?? 0);
    state.links.set(connection.id, { connection, seq: c, from, to, kind, target, problems: NONE });
    touch(state, from, to, connection.id);
    state.reachedBy[to] = (state.reachedBy[to] ?? 0) + 1;
    if (kind === COUNTED || kind === DUPLICATE || kind === CONTEXT)
      pairList(state, from, to).push(connection.id);
  }
  const dirty = createDirty();
  for (const id of state.links.keys()) dirty.links.add(id);
  dirty.documentProblems = true;
  for (let i = 0; i < components.length; i += 1) {
    addToIndexes(state, components[i] as TopologyComponent, i);
    dirty.components.add(i);
  }
  // The host and HA problems of the whole topology at once, as `validate` works them out.
  if (needsHostAndHaRules(topology)) {
    const hostAndHa = componentHostAndHaProblems(topology, classification, hosts, ruleset);
    for (let i = 0; i < components.length; i += 1) {
      const [ha, port] = splitHostAndHa(hostAndHa[i]);
      state.haProblems[i] = ha;
      state.portProblems[i] = port;
    }
    state.hostProblems = hostProblems(topology, options, hosts);
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

/**
 * Numbers a component among its kind's instances and files it under its name, its host, its host
 * and port, and the primary it is the backup of.
 */
export function addToIndexes(state: State, component: TopologyComponent, i: number): void {
  const kind = state.kinds[i] ?? 0;
  const count = (state.perKind[kind] ?? 0) + 1;
  state.perKind[kind] = count;
  const instance = instanceKind(component);
  if (instance === 'etl') state.etlServers += 1;
  state.ordinal[i] = instance === 'single' ? count : instance === 'etl' ? state.etlServers : 0;
  addToGroup(state.names, nameKey(component.name), i);
  if (component.host !== undefined) addToGroup(state.onHost, component.host, i);
  const port = portKey(component);
  if (port !== undefined) addToGroup(state.ports, port, i);
  if (component.backupOf !== undefined) addToGroup(state.backupsOf, component.backupOf, i);
}

/** The host and HA problems of component `i`, as `componentProblems` takes them. */
function hostAndHaOf(state: State, i: number): readonly ComponentProblem[] | undefined {
  const ha = state.haProblems[i] ?? NO_COMPONENT_PROBLEMS;
  const port = state.portProblems[i] ?? NO_COMPONENT_PROBLEMS;
  if (port.length === 0) return ha.length === 0 ? undefined : ha;
  return ha.length === 0 ? port : [...ha, ...port];
}

/** Re-judges what is dirty and puts the problems together in the contract's order. */
export function settle(state: State, dirty: Dirty): State {
  const { components } = state.topology;
  // The groups first: they mark the components whose host and HA problems they changed.
  for (const key of dirty.portGroups) judgePortGroup(state, key, dirty.components);
  for (const primary of dirty.backupGroups) judgeBackupGroup(state, primary, dirty.components);
  if (dirty.hostProblems) state.hostProblems = judgeHostProblems(state);
  for (const i of dirty.components) {
    const component = components[i] as TopologyComponent;
    const first = state.names.get(nameKey(component.name))?.[0] ?? i;
    // A backup is reached when its primary is (rules.md section 10).
    const primary = component.backupOf === undefined ? undefined : state.index.get(component.backupOf);
    const out: (ComponentProblem | CardinalityProblem)[] = [];
    componentProblems(
      component,
      state.rules[state.kinds[i] ?? 0] ?? [],
      {
        ordinal: state.ordinal[i] ?? 0,
        firstWithName: first === i ? undefined : components[first],
        counts: state.counts,
        countsAt: i * TARGETS,
        reached:
          (state.reachedBy[i] ?? 0) > 0 || (primary !== undefined && (state.reachedBy[primary] ?? 0) > 0),
        hostAndHa: hostAndHaOf(state, i),
      },
      out,
    );
    state.componentProblems[i] = out.length > 0 ? out : NONE;
    if (out.length > 0) state.withProblems.add(i);
    else state.withProblems.delete(i);
  }
  if (dirty.links.size > 0) {
    const facts: ConnectionFacts = {
      hosts: state.hosts,
      primaryOf: (backup) =>
        backup.backupOf === undefined ? undefined : components[state.index.get(backup.backupOf) ?? -1],
    };
    for (const id of dirty.links) {
      const link = state.links.get(id);
      if (!link) continue;
      const out: ConnectionProblem[] = [];
      const from = components[link.from] as TopologyComponent;
      const to = components[link.to] as TopologyComponent;
      connectionProblems(link.connection, from, to, link.kind, state.options, facts, out);
      link.problems = out.length > 0 ? out : NONE;
      if (out.length > 0) state.linksWithProblems.add(link);
      else state.linksWithProblems.delete(link);
    }
  }
  if (dirty.documentProblems) {
    state.documentProblems = documentProblems(state.options, (kind) => state.perKind[kindIndex(kind)] ?? 0);
  }
  const result: Problem[] = [...state.documentProblems, ...state.hostProblems];
  for (const i of [...state.withProblems].sort((a, b) => a - b)) {
    for (const problem of state.componentProblems[i] ?? NONE) result.push(problem);
  }
  for (const link of [...state.linksWithProblems].sort((a, b) => a.seq - b.seq)) {
    for (const problem of link.problems) result.push(problem);
  }
  state.result = result;
  return state;
}
