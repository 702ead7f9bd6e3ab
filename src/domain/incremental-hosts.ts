import { CONTEXT, COUNTED, classifyConnections } from './classify';
import { kindInfo } from './kinds';
import type { Topology, TopologyComponent, TopologyConnection, TopologyHost } from './model';
import type { DeploymentOptions } from './options';
import type { ComponentProblem, HostProblem } from './problems';
import type { RulesetId } from './ruleset-ids';
import { componentHostAndHaProblems, hostProblems } from './validate-hosts-ha';

// The rules of hosts and backups (rules.md sections 9–11) for the incremental validator, judged by
// group rather than by component: each reaches beyond one component, but never beyond its group.
// - A port conflict involves only the components on one host and port (and that host's LCA).
// - The HA problems of a backup involve only its primary, the other backups of that primary, the
//   components the backups and the primary connect to, and those connections.
// - The host problems involve the host list and the first LCA-managed component of each host.
// Each group is judged by the functions `validate` uses, applied to a topology of the group alone,
// so there is still one copy of each rule.

/** What the groups read of the incremental validator's state (incremental-state.ts), and write back. */
export interface GroupState {
  readonly topology: Topology;
  readonly options: DeploymentOptions;
  readonly ruleset: RulesetId;
  readonly index: ReadonlyMap<string, number>;
  readonly hosts: ReadonlyMap<string, TopologyHost>;
  readonly onHost: ReadonlyMap<string, readonly number[]>;
  readonly ports: ReadonlyMap<string, readonly number[]>;
  readonly backupsOf: ReadonlyMap<string, readonly number[]>;
  readonly touching: readonly (readonly string[])[];
  readonly links: ReadonlyMap<string, GroupLink>;
  readonly haProblems: (readonly ComponentProblem[])[];
  readonly portProblems: (readonly ComponentProblem[])[];
}

interface GroupLink {
  readonly connection: TopologyConnection;
  readonly seq: number;
  readonly from: number;
  readonly to: number;
  readonly kind: number;
}

export const NO_COMPONENT_PROBLEMS: readonly ComponentProblem[] = [];
const NO_HOST_PROBLEMS: readonly HostProblem[] = [];
const NO_HOSTS: ReadonlyMap<string, TopologyHost> = new Map();
/** The classification of an empty topology: a port group is judged with no connections and no primaries. */
const NOTHING = classifyConnections({ components: [], connections: [] });

/** The key of a component's host and port group, or undefined when it lacks either. */
export function portKey(component: TopologyComponent): string | undefined {
  return component.host === undefined || component.port === undefined
    ? undefined
    : `${component.host}\u0000${component.port}`;
}

/** A component's host and HA problems split into its HA problems and its port conflicts, each in order. */
export function splitHostAndHa(
  list: readonly ComponentProblem[] | undefined,
): [ha: readonly ComponentProblem[], port: readonly ComponentProblem[]] {
  if (!list || list.length === 0) return [NO_COMPONENT_PROBLEMS, NO_COMPONENT_PROBLEMS];
  const ha = list.filter((problem) => problem.code !== 'port-conflict');
  const port = list.filter((problem) => problem.code === 'port-conflict');
  return [ha.length > 0 ? ha : NO_COMPONENT_PROBLEMS, port.length > 0 ? port : NO_COMPONENT_PROBLEMS];
}

/** Judges the port conflicts of the components on one host and port; adds them to `changed`. */
export function judgePortGroup(state: GroupState, key: string, changed: Set<number>): void {
  const members = state.ports.get(key);
  if (!members) return;
  const { components } = state.topology;
  const group = members.map((i) => components[i] as TopologyComponent);
  // A backup in the group gets an ha-invalid-pair here (its primary is not in this topology):
  // only the port conflicts are kept.
  const out = componentHostAndHaProblems(
    { components: group, connections: [] },
    NOTHING,
    state.hosts,
    state.ruleset,
  );
  for (let k = 0; k < members.length; k += 1) {
    const i = members[k] as number;
    state.portProblems[i] = splitHostAndHa(out[k])[1];
    changed.add(i);
  }
}

/** Judges the HA problems of the backups of the primary with id `primary`; adds them to `changed`. */
export function judgeBackupGroup(state: GroupState, primary: string, changed: Set<number>): void {
  const backups = state.backupsOf.get(primary);
  if (!backups) return;
  const { components } = state.topology;
  const chosen = new Set<number>(backups);
  const at = state.index.get(primary);
  if (at !== undefined) chosen.add(at);
  // The connections `ha-mismatch` compares: the counted and context links of the backups and the
  // primary (the first of each pair), and the components they reach, whose names it gives.
  const links: GroupLink[] = [];
  for (const from of [...chosen]) {
    for (const id of state.touching[from] ?? []) {
      const link = state.links.get(id);
      if (!link || link.from !== from || (link.kind !== COUNTED && link.kind !== CONTEXT)) continue;
      links.push(link);
      chosen.add(link.to);
    }
  }
  links.sort((a, b) => a.seq - b.seq);
  // In topology order, so "a later backup of a primary that already has one" reads the same.
  const order = [...chosen].sort((a, b) => a - b);
  const place = new Map<number, number>();
  for (let k = 0; k < order.length; k += 1) place.set(order[k] as number, k);
  const group: Topology = {
    components: order.map((i) => components[i] as TopologyComponent),
    connections: links.map((link) => link.connection),
  };
  const out = componentHostAndHaProblems(group, classifyConnections(group), NO_HOSTS, state.ruleset);
  for (const i of backups) {
    state.haProblems[i] = splitHostAndHa(out[place.get(i) ?? -1])[0];
    changed.add(i);
  }
}

/** The host problems, from the host list and the first LCA-managed component of each host. */
export function judgeHostProblems(state: GroupState): readonly HostProblem[] {
  const list = state.topology.hosts ?? [];
  if (list.length === 0) return NO_HOST_PROBLEMS;
  const { components } = state.topology;
  const managed: TopologyComponent[] = [];
  if (state.options.managementLayer) {
    for (const [id, members] of state.onHost) {
      if (!state.hosts.has(id)) continue;
      for (const i of members) {
        const component = components[i] as TopologyComponent;
        if (kindInfo(component.kind).rules.lcaManaged) {
          managed.push(component);
          break;
        }
      }
    }
  }
  return hostProblems({ hosts: list, components: managed, connections: [] }, state.options, state.hosts);
}
