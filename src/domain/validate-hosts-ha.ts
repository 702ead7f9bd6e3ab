import { type Classification, CONTEXT, COUNTED } from './classify';
import { describeComponent } from './describe';
import { displayName, type HaSupport, haSupport, isContextKind, kindInfo } from './kinds';
import {
  DEFAULT_LCA_PORT,
  type Topology,
  type TopologyComponent,
  type TopologyConnection,
  type TopologyHost,
} from './model';
import type { DeploymentOptions } from './options';
import type { ComponentProblem, ConnectionProblem, HostProblem } from './problems';
import type { RulesetId } from './ruleset-ids';
import { rulesetLabel } from './rulesets';

// The rules of rules.md sections 9–11 that look at hosts and backups: host problems, the HA and
// port problems of components, and the connection warnings about backups, certificates and mutual
// TLS. `validate` works the facts out once per topology; a topology with no hosts and no backups
// costs one scan of its components.

/** The hosts by id: the first host with an id stands for it. A component naming no host of these has none. */
export function hostsById(topology: Topology): ReadonlyMap<string, TopologyHost> {
  const byId = new Map<string, TopologyHost>();
  for (const host of topology.hosts ?? []) if (!byId.has(host.id)) byId.set(host.id, host);
  return byId;
}

/** The host a component runs on, or undefined when it names none or an id that is not a host's. */
export function hostOf(
  component: TopologyComponent,
  hosts: ReadonlyMap<string, TopologyHost>,
): TopologyHost | undefined {
  return component.host === undefined ? undefined : hosts.get(component.host);
}

/** How messages name a host: `Host 'wfm-app01'`. */
function describeHost(host: TopologyHost): string {
  return `host '${host.name}'`;
}

function hostKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The host problems in host order, each host's in the order `duplicate-name`, `missing-lca`:
 * host names are unique (trimmed, any case, among hosts only), and under the Management Layer a
 * host that runs a WFM server application needs a Local Control Agent.
 */
export function hostProblems(
  topology: Topology,
  options: DeploymentOptions,
  hosts: ReadonlyMap<string, TopologyHost>,
): HostProblem[] {
  const list = topology.hosts ?? [];
  if (list.length === 0) return [];
  /** The first LCA-managed component of each host that runs one. */
  const managed = new Map<TopologyHost, TopologyComponent>();
  if (options.managementLayer) {
    for (const component of topology.components) {
      const host = hostOf(component, hosts);
      if (host && !managed.has(host) && kindInfo(component.kind).rules.lcaManaged)
        managed.set(host, component);
    }
  }
  const out: HostProblem[] = [];
  const names = new Map<string, TopologyHost>();
  for (const host of list) {
    const key = hostKey(host.name);
    const first = names.get(key);
    if (first) {
      out.push({
        code: 'duplicate-name',
        severity: 'error',
        message: `Host '${host.name}' has the same name as ${describeHost(first)}: Host names must be unique`,
        hostId: host.id,
      });
    } else names.set(key, host);
    const runs = managed.get(host);
    if (runs && host.lca !== true) {
      out.push({
        code: 'missing-lca',
        severity: 'warning',
        message: `Host '${host.name}' runs ${describeComponent(runs)} but has no Local Control Agent: the Management Layer starts and watches applications through the LCA of each host`,
        hostId: host.id,
      });
    }
  }
  return out;
}

/** True when the topology has something the rules of hosts and backups look at. */
export function needsHostAndHaRules(topology: Topology): boolean {
  if ((topology.hosts?.length ?? 0) > 0) return true;
  for (const component of topology.components) if (component.backupOf !== undefined) return true;
  return false;
}

/**
 * The `ha-invalid-pair` or `ha-unsupported`, `ha-mismatch` and `port-conflict` problems of each
 * component, by component index (undefined where it has none), in that order.
 *
 * One backup per primary: a later backup of a primary that already has one (an earlier component
 * whose `backupOf` names it and which is not itself an invalid pair for another reason) is
 * `ha-invalid-pair`. A `backupOf` naming no component of the topology (the parser refuses such
 * files) is `ha-invalid-pair` too.
 */
export function componentHostAndHaProblems(
  topology: Topology,
  classification: Classification,
  hosts: ReadonlyMap<string, TopologyHost>,
  ruleset: RulesetId,
): (ComponentProblem[] | undefined)[] {
  const { components } = topology;
  const out: (ComponentProblem[] | undefined)[] = new Array(components.length);
  const add = (i: number, problem: ComponentProblem) => {
    const list = out[i];
    if (list) list.push(problem);
    else out[i] = [problem];
  };
  haProblems(topology, classification, ruleset, add);
  portProblems(components, hosts, add);
  return out;
}

function haProblems(
  topology: Topology,
  classification: Classification,
  ruleset: RulesetId,
  add: (i: number, problem: ComponentProblem) => void,
): void {
  const { components } = topology;
  const { indexOf } = classification;
  /** The first backup of each primary, by the primary's index. */
  const backupOfPrimary = new Map<number, number>();
  let targets: ReadonlyMap<number, ReadonlySet<string>> | undefined;
  for (let i = 0; i < components.length; i += 1) {
    const component = components[i] as TopologyComponent;
    if (component.backupOf === undefined || isContextKind(component.kind)) continue;
    const at = indexOf.get(component.backupOf);
    const primary = at === undefined ? undefined : components[at];
    const invalid = invalidPair(
      component,
      primary,
      at === undefined ? undefined : backupOfPrimary.get(at),
      components,
    );
    if (invalid)
      add(i, { code: 'ha-invalid-pair', severity: 'error', message: invalid, componentId: component.id });
    else {
      if (at !== undefined && !backupOfPrimary.has(at)) backupOfPrimary.set(at, i);
      const unsupported = unsupportedBackup(component, haSupport(component.kind, ruleset), ruleset);
      if (unsupported) {
        add(i, {
          code: 'ha-unsupported',
          severity: 'error',
          message: unsupported,
          componentId: component.id,
        });
      }
    }
    const self = classification.indexOf.get(component.id);
    if (at === undefined || !primary || at === self) continue;
    targets ??= outgoingTargets(topology, classification);
    const mismatch = targetMismatch(
      component,
      primary,
      targets.get(self ?? i),
      targets.get(at),
      topology,
      indexOf,
    );
    if (mismatch)
      add(i, { code: 'ha-mismatch', severity: 'warning', message: mismatch, componentId: component.id });
  }
}

function invalidPair(
  component: TopologyComponent,
  primary: TopologyComponent | undefined,
  earlier: number | undefined,
  components: readonly TopologyComponent[],
): string | null {
  const name = describeComponent(component);
  if (component.backupOf === component.id) {
    return `${name} is marked as the backup of itself: a backup stands in for another component of its kind`;
  }
  if (!primary) return `${name} is marked as the backup of a component that is not in the deployment`;
  if (primary.kind !== component.kind) {
    return `${name} is marked as the backup of ${describeComponent(primary)}: a backup and its primary must be of the same kind`;
  }
  if (primary.backupOf !== undefined) {
    return `${name} is marked as the backup of ${describeComponent(primary)}, which is itself a backup: a backup’s primary must not be a backup`;
  }
  const first = earlier === undefined ? undefined : components[earlier];
  if (first) {
    return `${name} is marked as the backup of ${describeComponent(primary)}, which already has a backup, ${describeComponent(first)}: a primary has one backup`;
  }
  return null;
}

function unsupportedBackup(
  component: TopologyComponent,
  support: HaSupport,
  ruleset: RulesetId,
): string | null {
  const name = describeComponent(component);
  const kind = displayName(component.kind);
  const rules = kindInfo(component.kind).rules;
  if (support === 'any' || support === 'not-checked') return null;
  if (support === 'none') {
    if (rules.ha !== 'none' && rules.haFrom !== undefined) {
      return `${name} is a backup, but ${rulesetLabel(ruleset)} documents no backup for a ${kind}: its ${rules.ha} standby is documented from ${rulesetLabel(rules.haFrom)} on`;
    }
    return `${name} is a backup, but a ${kind} has no backup${rules.haAdvice ? `: ${rules.haAdvice}` : ''}`;
  }
  if (component.standby !== undefined && component.standby !== support) {
    return `${name} is a ${component.standby} standby backup, but a ${kind} supports ${support} standby only`;
  }
  return null;
}

/** The ids of the components each component's connections reach, leaving out self, forbidden and duplicate ones. */
function outgoingTargets(topology: Topology, classification: Classification): Map<number, Set<string>> {
  const targets = new Map<number, Set<string>>();
  const { classes, fromIndex } = classification;
  for (let c = 0; c < topology.connections.length; c += 1) {
    const kind = classes[c];
    if (kind !== COUNTED && kind !== CONTEXT) continue;
    const from = fromIndex[c] ?? 0;
    let set = targets.get(from);
    if (!set) {
      set = new Set();
      targets.set(from, set);
    }
    set.add((topology.connections[c] as TopologyConnection).to);
  }
  return targets;
}

const NO_TARGETS: ReadonlySet<string> = new Set();
const MAX_NAMED = 3;

function targetMismatch(
  backup: TopologyComponent,
  primary: TopologyComponent,
  own: ReadonlySet<string> = NO_TARGETS,
  primarys: ReadonlySet<string> = NO_TARGETS,
  topology: Topology,
  indexOf: ReadonlyMap<string, number>,
): string | null {
  const lacks = [...primarys].filter((id) => !own.has(id));
  const adds = [...own].filter((id) => !primarys.has(id));
  if (lacks.length === 0 && adds.length === 0) return null;
  const named = (ids: readonly string[]) => {
    const names = ids.slice(0, MAX_NAMED).map((id) => {
      const component = topology.components[indexOf.get(id) ?? -1];
      return component ? describeComponent(component) : 'a component not in the deployment';
    });
    return ids.length > MAX_NAMED
      ? `${names.join(', ')} and ${ids.length - MAX_NAMED} more`
      : names.join(', ');
  };
  const parts = [
    lacks.length > 0 ? `it does not connect to ${named(lacks)}` : '',
    adds.length > 0 ? `it connects to ${named(adds)}, which the primary does not` : '',
  ].filter((part) => part !== '');
  return `${describeComponent(backup)} does not connect to the same components as its primary ${describeComponent(primary)} (${parts.join('; ')}): a backup takes over only with the primary’s connections`;
}

function portProblems(
  components: readonly TopologyComponent[],
  hosts: ReadonlyMap<string, TopologyHost>,
  add: (i: number, problem: ComponentProblem) => void,
): void {
  if (hosts.size === 0) return;
  /** The first component of each host and port, by `hostId NUL port`. */
  const firstOn = new Map<string, TopologyComponent>();
  for (let i = 0; i < components.length; i += 1) {
    const component = components[i] as TopologyComponent;
    const { port } = component;
    if (port === undefined) continue;
    const host = hostOf(component, hosts);
    if (!host) continue;
    const name = describeComponent(component);
    const where = `port ${port} on ${describeHost(host)}`;
    const key = `${host.id}\u0000${port}`;
    const first = firstOn.get(key);
    if (!first) firstOn.set(key, component);
    if (host.lca === true && port === (host.lcaPort ?? DEFAULT_LCA_PORT)) {
      add(i, {
        code: 'port-conflict',
        severity: 'error',
        message: `${name} uses ${where}, which the host’s Local Control Agent listens on`,
        componentId: component.id,
      });
    } else if (first) {
      add(i, {
        code: 'port-conflict',
        severity: 'error',
        message: `${name} uses ${where}, as ${describeComponent(first)} does: two applications on one host cannot listen on the same port`,
        componentId: component.id,
      });
    }
  }
}

/**
 * The connection problems of rules.md section 11 for a counted connection (never a context link,
 * never a self, forbidden or duplicate one), added to `out` in the order `ha-backup-target`,
 * `tls-no-certificate`, `tls-mutual-auth`.
 */
export function securedConnectionProblems(
  connection: TopologyConnection,
  from: TopologyComponent,
  to: TopologyComponent,
  primaryOf: (backup: TopologyComponent) => TopologyComponent | undefined,
  hosts: ReadonlyMap<string, TopologyHost>,
  out: ConnectionProblem[],
): void {
  const security = connection.security ?? 'none';
  if (to.backupOf === undefined && security === 'none') return;
  const pair = `${describeComponent(from)} → ${describeComponent(to)}`;
  if (to.backupOf !== undefined) {
    const primary = primaryOf(to);
    out.push({
      code: 'ha-backup-target',
      severity: 'warning',
      message: `${pair} names a backup: clients list the primary${primary ? `, ${describeComponent(primary)}` : ''}, and reach the backup through it`,
      connectionId: connection.id,
    });
  }
  if (security === 'none' || kindInfo(to.kind).rules.tls !== 'security-guide') return;
  const target = displayName(to.kind);
  const host = hostOf(to, hosts);
  if (host?.certificate !== true) {
    out.push({
      code: 'tls-no-certificate',
      severity: 'warning',
      message: `${pair} uses ${security === 'tls' ? 'TLS' : 'mutual TLS'}, but ${
        host
          ? `${describeHost(host)} of ${describeComponent(to)} has no certificate`
          : `${describeComponent(to)} has no host`
      }: for ${target}, the certificate can only be assigned at the Host object level`,
      connectionId: connection.id,
    });
  }
  if (security === 'mutual-tls' && to.mutualAuth !== true) {
    out.push({
      code: 'tls-mutual-auth',
      severity: 'warning',
      message: `${pair} uses mutual TLS, but ${describeComponent(to)} lacks MutualAuth = true: mutual authentication on ${target} needs that option in its Application properties`,
      connectionId: connection.id,
    });
  }
}
