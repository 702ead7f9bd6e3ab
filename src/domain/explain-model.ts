// The parts of the explanation that version 2 adds (issue 13): the release a deployment is designed
// for, where its applications run (hosts in zones), its backups, and the Framework context drawn
// beside it. Like the rest of the explanation, plain sentences naming things by their names.
import { counted } from './describe';
import { type Context, each, joinWords, names, verb } from './explain-context';
import { displayName, isContextKind } from './kinds';
import { DEFAULT_LCA_PORT, type Topology, type TopologyComponent } from './model';
import { resolveRuleset, rulesetInfo } from './rulesets';

/** What the explanation's version-2 sections read beyond the shared context. */
export interface ModelContext {
  readonly topology: Topology;
  readonly ctx: Context;
}

export function release({ topology }: ModelContext): string[] {
  const info = rulesetInfo(resolveRuleset(topology.ruleset));
  const sentences = [`It is designed for ${info.label}: ${info.description}`];
  if (info.notModelled) sentences.push(info.notModelled);
  return sentences;
}

/** Hosts described one by one; past this, a count of the rest. */
const MAX_HOSTS = 20;

export function hostsAndZones({ topology, ctx }: ModelContext): string[] {
  const hosts = topology.hosts ?? [];
  if (hosts.length === 0) {
    return ctx.components.length > 0
      ? ['No component is placed on a host yet: add hosts to show which applications share a machine.']
      : [];
  }
  const onHost = new Map<string, TopologyComponent[]>();
  const unplaced: TopologyComponent[] = [];
  const hostIds = new Set(hosts.map((host) => host.id));
  for (const component of ctx.components) {
    if (component.host !== undefined && hostIds.has(component.host)) {
      const list = onHost.get(component.host) ?? [];
      list.push(component);
      onHost.set(component.host, list);
    } else unplaced.push(component);
  }
  const zones = new Map((topology.zones ?? []).map((zone) => [zone.id, zone.name]));
  const sentences = [
    `${counted(ctx.components.length - unplaced.length, 'component')} ${verb(ctx.components.length - unplaced.length, 'runs', 'run')} on ${counted(hosts.length, 'host')}.`,
  ];
  for (const host of hosts.slice(0, MAX_HOSTS)) {
    const running = onHost.get(host.id) ?? [];
    const zone = host.zone !== undefined ? zones.get(host.zone) : undefined;
    const where = zone === undefined ? '' : ` in zone '${zone}'`;
    const what = running.length > 0 ? `runs ${names(running)}` : 'runs nothing yet';
    const extras = [
      host.lca ? `an LCA on port ${host.lcaPort ?? DEFAULT_LCA_PORT}` : '',
      host.certificate ? 'a TLS certificate' : '',
    ].filter(Boolean);
    const has = extras.length > 0 ? `, with ${joinWords(extras)}` : '';
    sentences.push(`The host '${host.name}'${where} ${what}${has}.`);
  }
  if (hosts.length > MAX_HOSTS) sentences.push(`…and ${counted(hosts.length - MAX_HOSTS, 'more host')}.`);
  if (unplaced.length > 0) {
    sentences.push(`${names(unplaced)} ${verb(unplaced.length, 'has', 'have')} no host yet.`);
  }
  const zoneList = topology.zones ?? [];
  if (zoneList.length > 0) {
    const zoneHosts = (id: string) => hosts.filter((host) => host.zone === id).length;
    sentences.push(
      `The hosts stand in ${counted(zoneList.length, 'zone')}: ${joinWords(
        zoneList.map((zone) => `'${zone.name}' (${counted(zoneHosts(zone.id), 'host')})`),
      )}.`,
    );
  }
  if (ctx.options.managementLayer) {
    const lca = hosts.filter((host) => host.lca);
    sentences.push(
      `Under the Management Layer, Solution Control Server starts and watches applications through the LCA of each host: ${counted(lca.length, 'host')} of ${hosts.length} ${verb(lca.length, 'runs', 'run')} one.`,
    );
  }
  return sentences;
}

export function highAvailability({ ctx }: ModelContext): string[] {
  const backups = ctx.components.filter((component) => component.backupOf !== undefined);
  if (backups.length === 0) return [];
  const sentences = each(
    backups,
    (backup) => {
      const primary = backup.backupOf === undefined ? undefined : ctx.byId.get(backup.backupOf);
      if (!primary)
        return [`${names([backup])} is marked as a backup of a component that is not in the deployment.`];
      return [
        `${names([backup])} is the backup of ${names([primary])}, in ${backup.standby ?? 'an unknown'} standby: clients list ${primary.name} only, and the backup keeps its own Connections tab with the same targets.`,
      ];
    },
    'server',
  );
  return sentences;
}

export function frameworkContext({ ctx }: ModelContext): string[] {
  const context = ctx.components.filter((component) => isContextKind(component.kind));
  if (context.length === 0) return [];
  return [
    `${names(context)} ${verb(context.length, 'is', 'are')} drawn for context: ${verb(context.length, 'it is', 'they are')} part of Genesys Framework or the network around WFM, and the component connections matrix does not govern ${verb(context.length, 'its', 'their')} links.`,
    ...contextRoles(context),
  ];
}

function contextRoles(context: readonly TopologyComponent[]): string[] {
  const kinds = [...new Set(context.map((component) => component.kind))];
  return kinds.flatMap((kind) => {
    switch (kind) {
      case 'config-server':
        return [
          'WFM Daemon authenticates against the Configuration Server, which holds the Configuration Database.',
        ];
      case 'scs':
        return ['Solution Control Server starts and watches the applications through the LCA of each host.'];
      case 'smtp-server':
        return [`WFM Daemon sends its notifications through the ${displayName(kind)}.`];
      case 'load-balancer':
        return ['The load balancer spreads users over the WFM Web instances behind it.'];
      default:
        return [];
    }
  });
}
