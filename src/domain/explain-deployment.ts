import { analyse } from './analyse';
import { counted, describeComponent } from './describe';
import { COMPONENT_KINDS, type ComponentKind, displayName } from './kinds';
import { isSourceKind, type SourceKind, type TargetKind } from './matrix';
import type { Security, Topology, TopologyComponent } from './model';
import { type DeploymentOptions, resolveOptions } from './options';
import type { Problem } from './problems';
import { validate } from './validate';

/** One part of the explanation: a heading and the plain sentences under it. */
export interface ExplanationSection {
  heading: string;
  sentences: string[];
}

/** Past this many items, a sentence or a section names the first ones and counts the rest. */
const MAX_NAMES = 8;
const MAX_ITEMS = 20;
const MAX_ERRORS = 12;

const PLURAL: { readonly [K in ComponentKind]: string } = {
  server: 'WFM Servers',
  builder: 'WFM Builders',
  daemon: 'WFM Daemons',
  'data-aggregator': 'WFM Data Aggregators',
  web: 'WFM Web instances',
  'db-utility': 'WFM Database Utilities',
  dap: 'DAPs',
  'stat-server': 'Stat Servers',
  'message-server': 'Message Servers',
};

const MESSAGE_SERVER_LOST = 'the Management Layer gets none of its logs and alarms';

/** What a missing required connection costs, in plain words; absent cells read the problem's message. */
const CONSEQUENCES: { readonly [S in SourceKind]: { readonly [T in TargetKind]?: string } } = {
  server: {
    builder: 'it cannot build schedules',
    dap: 'it cannot reach the WFM database',
    'message-server': MESSAGE_SERVER_LOST,
  },
  builder: {
    server: 'no WFM Server sends it schedules to build',
    'message-server': MESSAGE_SERVER_LOST,
  },
  daemon: {
    server: 'it cannot get the data it needs for notifications and reports',
    web: 'it cannot generate the Report Scheduler that scheduled reporting needs',
    'message-server': MESSAGE_SERVER_LOST,
  },
  'data-aggregator': {
    server: 'it works for no WFM Server',
    dap: 'its statistics cannot be written into the WFM database',
    'stat-server': 'it has no statistics to collect',
    'message-server': MESSAGE_SERVER_LOST,
  },
  web: {
    server: 'supervisors and agents cannot reach WFM through it',
    'message-server': MESSAGE_SERVER_LOST,
  },
  'db-utility': {
    dap: 'it cannot create, update, back up or restore the WFM database',
  },
};

/** The kinds that connect to a WFM Server as its clients, in the order the explanation names them. */
const CLIENT_KINDS = ['builder', 'data-aggregator', 'web', 'daemon'] as const satisfies readonly SourceKind[];
/** Kinds whose TLS follows the Genesys Security Deployment Guide, with the certificate on the Host. */
const GUIDE_TLS_KINDS: ReadonlySet<ComponentKind> = new Set(['server', 'builder', 'data-aggregator']);

interface Link {
  readonly from: TopologyComponent;
  readonly to: TopologyComponent;
  readonly security: Security;
}

/** The document indexed once: components by kind, counted connections out of and into each one. */
interface Context {
  readonly components: readonly TopologyComponent[];
  readonly connectionCount: number;
  readonly options: DeploymentOptions;
  readonly problems: readonly Problem[];
  readonly byId: ReadonlyMap<string, TopologyComponent>;
  readonly links: readonly Link[];
  ofKind(kind: ComponentKind): readonly TopologyComponent[];
  /** Components `component` connects to, of one kind, in connection order. */
  targets(component: TopologyComponent, kind: ComponentKind): readonly TopologyComponent[];
  /** Components that connect to `component`, of one kind (every kind when left out). */
  sources(component: TopologyComponent, kind?: ComponentKind): readonly TopologyComponent[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function createContext(topology: Topology): Context {
  const analysis = analyse(topology);
  const kinds = new Map<ComponentKind, TopologyComponent[]>();
  for (const component of topology.components) push(kinds, component.kind, component);
  const out = new Map<string, TopologyComponent[]>();
  const into = new Map<string, TopologyComponent[]>();
  const all = new Map<string, TopologyComponent[]>();
  const links: Link[] = [];
  for (const { connection, from, to, cell } of analysis.connections) {
    if (!from || !to || !cell) continue;
    links.push({ from, to, security: connection.security ?? 'none' });
    push(out, `${from.id}\u0000${to.kind}`, to);
    push(into, `${to.id}\u0000${from.kind}`, from);
    push(all, to.id, from);
  }
  return {
    components: topology.components,
    connectionCount: topology.connections.length,
    options: resolveOptions(topology.options),
    problems: validate(topology),
    byId: analysis.byId,
    links,
    ofKind: (kind) => kinds.get(kind) ?? [],
    targets: (component, kind) => out.get(`${component.id}\u0000${kind}`) ?? [],
    sources: (component, kind) =>
      (kind === undefined ? all.get(component.id) : into.get(`${component.id}\u0000${kind}`)) ?? [],
  };
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function kindCount(count: number, kind: ComponentKind): string {
  return counted(count, displayName(kind), PLURAL[kind]);
}

/** Names the first components and counts the rest: "WFM Builder 'B1', WFM Builder 'B2' and 3 more". */
function names(components: readonly TopologyComponent[]): string {
  const shown = components.slice(0, MAX_NAMES).map(describeComponent);
  const rest = components.length - shown.length;
  return joinWords(rest > 0 ? [...shown, `${rest} more`] : shown);
}

function linkNames(links: readonly Link[]): string {
  const shown = links
    .slice(0, MAX_NAMES)
    .map((l) => `${describeComponent(l.from)} → ${describeComponent(l.to)}`);
  const rest = links.length - shown.length;
  return joinWords(rest > 0 ? [...shown, `${rest} more`] : shown);
}

/** One sentence group per item, for the first items only, then a count of the rest. */
function each<T>(items: readonly T[], describe: (item: T) => string[], kind: ComponentKind): string[] {
  const sentences = items.slice(0, MAX_ITEMS).flatMap(describe);
  const rest = items.length - MAX_ITEMS;
  if (rest > 0) sentences.push(`…and ${rest} more ${rest === 1 ? displayName(kind) : PLURAL[kind]}.`);
  return sentences;
}

function verb(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

function overview(ctx: Context): string[] {
  const total = ctx.components.length;
  if (total === 0) {
    return [
      'The deployment is empty: it has no components yet. Start with a WFM Server: every other WFM component connects to it.',
    ];
  }
  const breakdown = COMPONENT_KINDS.filter((kind) => ctx.ofKind(kind).length > 0).map((kind) =>
    kindCount(ctx.ofKind(kind).length, kind),
  );
  let errors = 0;
  let warnings = 0;
  for (const problem of ctx.problems) {
    if (problem.severity === 'error') errors += 1;
    else if (problem.severity === 'warning') warnings += 1;
  }
  return [
    `This deployment has ${counted(total, 'component')} and ${counted(ctx.connectionCount, 'connection')}: ${joinWords(breakdown)}.`,
    errors === 0
      ? `It is valid: it follows the component connections matrix${
          warnings > 0 ? `, with ${counted(warnings, 'warning')}` : ''
        }.`
      : `It is not valid yet: it has ${counted(errors, 'error')} to fix, listed under “What is missing”.`,
  ];
}

function servers(ctx: Context): string[] {
  const all = ctx.ofKind('server');
  if (all.length === 0) {
    const others = ctx.components.some((c) => c.kind !== 'server');
    return others
      ? [
          'There is no WFM Server. It is the hub every other WFM component connects to, so nothing can work yet.',
        ]
      : [];
  }
  const sentences = [
    all.length === 1
      ? `There is one WFM Server: ${names(all)}.`
      : `There are ${all.length} WFM Servers: ${names(all)}.`,
  ];
  sentences.push(
    ...each(
      all,
      (server) => {
        const clients = CLIENT_KINDS.flatMap((kind) => ctx.sources(server, kind));
        const peers = ctx.targets(server, 'server');
        const about = [
          clients.length > 0
            ? `${describeComponent(server)} serves ${names(clients)}, which ${verb(clients.length, 'connects', 'connect')} to it.`
            : `No WFM application connects to ${describeComponent(server)} yet.`,
        ];
        if (peers.length > 0) {
          about.push(
            `${describeComponent(server)} connects to ${names(peers)} to create schedules for all the sites they serve.`,
          );
        }
        return about;
      },
      'server',
    ),
  );
  const linked = ctx.links.some((link) => link.from.kind === 'server' && link.to.kind === 'server');
  if (all.length > 1 && !linked) {
    sentences.push(
      'The WFM Servers are not linked to each other, so none of them creates schedules for the sites of another.',
    );
  }
  return sentences;
}

function scheduleBuilding(ctx: Context): string[] {
  const withPool = ctx.ofKind('server').filter((server) => ctx.targets(server, 'builder').length > 0);
  const idle = ctx.ofKind('builder').filter((builder) => ctx.sources(builder, 'server').length === 0);
  return [
    ...each(
      withPool,
      (server) => {
        const pool = ctx.targets(server, 'builder');
        return pool.length === 1
          ? [`${describeComponent(server)} uses ${names(pool)} to build schedules.`]
          : [
              `${describeComponent(server)} uses a pool of ${pool.length} WFM Builders to build schedules: ${names(pool)}. It sends each build request to a Builder that is alive, choosing the one with the shortest queue.`,
            ];
      },
      'server',
    ),
    ...each(
      idle,
      (builder) => {
        const server = ctx.targets(builder, 'server');
        return [
          server.length > 0
            ? `${describeComponent(builder)} connects to ${names(server)}, but no WFM Server lists it in its pool, so it gets no schedules to build.`
            : `${describeComponent(builder)} is in no WFM Server's pool, so it gets no schedules to build.`,
        ];
      },
      'builder',
    ),
  ];
}

function statistics(ctx: Context): string[] {
  const aggregators = ctx.ofKind('data-aggregator');
  const stats = ctx.ofKind('stat-server');
  const sentences: string[] = [];
  if (aggregators.length === 0) {
    if (stats.length > 0 || ctx.ofKind('server').length > 0) {
      sentences.push(
        'There is no WFM Data Aggregator, so no statistics from Stat Server reach the WFM database.',
      );
    }
  }
  sentences.push(
    ...each(
      aggregators,
      (aggregator) => {
        const from = ctx.targets(aggregator, 'stat-server');
        const into = ctx.targets(aggregator, 'dap');
        const who = describeComponent(aggregator);
        if (from.length > 0 && into.length > 0) {
          return [
            `${who} reads statistics from ${names(from)} and writes them into the WFM database through ${names(into)}.`,
          ];
        }
        if (from.length > 0)
          return [`${who} reads statistics from ${names(from)}, but has no DAP to write them into.`];
        if (into.length > 0)
          return [`${who} has no Stat Server, so it has no statistics to write into ${names(into)}.`];
        return [`${who} has no Stat Server and no DAP, so it moves no statistics.`];
      },
      'data-aggregator',
    ),
  );
  if (aggregators.some((aggregator) => ctx.targets(aggregator, 'stat-server').length > 0)) {
    sentences.push(
      'Through its connection to Stat Server, WFM Data Aggregator is the one point where Workforce Management meets the statistics of the Genesys Framework.',
    );
  }
  const unread = stats.filter((stat) => ctx.sources(stat, 'data-aggregator').length === 0);
  sentences.push(
    ...each(
      unread,
      (stat) => [`${describeComponent(stat)} is not used: no WFM Data Aggregator reads from it.`],
      'stat-server',
    ),
  );
  return sentences;
}

function database(ctx: Context): string[] {
  const daps = ctx.ofKind('dap');
  const sentences: string[] = [];
  if (daps.length === 0) {
    const needs = ctx.components.some(
      (c) => c.kind === 'server' || c.kind === 'data-aggregator' || c.kind === 'db-utility',
    );
    if (needs) sentences.push('There is no DAP, so no component can reach the WFM database.');
  }
  sentences.push(
    ...each(
      daps,
      (dap) => {
        const users = ctx.sources(dap);
        return [
          users.length > 0
            ? `${describeComponent(dap)} stands for the WFM database; ${names(users)} ${verb(users.length, 'uses', 'use')} it directly.`
            : `${describeComponent(dap)} stands for a WFM database, but no component uses it.`,
        ];
      },
      'dap',
    ),
  );
  sentences.push(
    ...each(
      ctx.ofKind('db-utility').filter((utility) => ctx.targets(utility, 'dap').length > 0),
      (utility) => [
        `${describeComponent(utility)} creates, updates, backs up and restores the database of ${names(ctx.targets(utility, 'dap'))}.`,
      ],
      'db-utility',
    ),
  );
  const indirect = (['builder', 'web', 'daemon'] as const).filter((kind) => ctx.ofKind(kind).length > 0);
  if (indirect.length > 0) {
    sentences.push(
      `${joinWords(indirect.map(displayName))} reach the database indirectly, through WFM Server.`,
    );
  }
  return sentences;
}

function webAndReports(ctx: Context): string[] {
  const webs = ctx.ofKind('web');
  const daemons = ctx.ofKind('daemon');
  const sentences = each(
    webs,
    (web) => {
      const about: string[] = [];
      const server = ctx.targets(web, 'server');
      if (server.length > 0) {
        about.push(`${describeComponent(web)} serves supervisors and agents through ${names(server)}.`);
      }
      const engine = ctx.targets(web, 'web');
      if (engine.length > 0) {
        about.push(`${describeComponent(web)} uses ${names(engine)} as its report engine (inferred).`);
      }
      return about;
    },
    'web',
  );
  if (daemons.length === 0 && ctx.ofKind('server').length > 0) {
    sentences.push(
      'There is no WFM Daemon, so WFM sends no e-mail notifications and runs no scheduled reports.',
    );
  }
  sentences.push(
    ...each(
      daemons,
      (daemon) => {
        const server = ctx.targets(daemon, 'server');
        const web = ctx.targets(daemon, 'web');
        const about = [
          `${describeComponent(daemon)} sends e-mail notifications and runs scheduled reports${
            server.length > 0 ? ` with data from ${names(server)}` : ''
          }.`,
        ];
        if (web.length > 0)
          about.push(`It connects to ${names(web)}, so it can generate the Report Scheduler.`);
        else if (!ctx.options.scheduledReporting) {
          about.push(
            'It has no connection to WFM Web, so it cannot generate the Report Scheduler; that is fine while scheduled reporting is off.',
          );
        }
        return about;
      },
      'daemon',
    ),
  );
  return sentences;
}

function security(ctx: Context): string[] {
  if (ctx.links.length === 0) return [];
  const secured = ctx.links.filter((link) => link.security !== 'none');
  if (secured.length === 0) return ['No connection is secured with TLS.'];
  const tls = secured.filter((link) => link.security === 'tls');
  const mutual = secured.filter((link) => link.security === 'mutual-tls');
  const sentences = [
    `${secured.length} of ${counted(ctx.links.length, 'connection')} ${verb(secured.length, 'is', 'are')} secured.`,
  ];
  if (tls.length > 0) sentences.push(`${linkNames(tls)} ${verb(tls.length, 'uses', 'use')} TLS.`);
  if (mutual.length > 0)
    sentences.push(`${linkNames(mutual)} ${verb(mutual.length, 'uses', 'use')} mutual TLS.`);
  const mutualAuth = [...new Set(mutual.map((link) => link.to).filter((to) => GUIDE_TLS_KINDS.has(to.kind)))];
  if (mutualAuth.length > 0) {
    sentences.push(`For mutual TLS, add the option MutualAuth = true to ${names(mutualAuth)}.`);
  }
  if (secured.some((link) => GUIDE_TLS_KINDS.has(link.from.kind))) {
    sentences.push(
      'WFM Server, WFM Builder and WFM Data Aggregator follow the Genesys Security Deployment Guide; their certificate is assigned on the Host object.',
    );
  }
  const container = secured.filter((link) => link.from.kind === 'web' || link.from.kind === 'daemon');
  if (container.length > 0) {
    sentences.push(
      `${linkNames(container)} ${verb(container.length, 'is', 'are')} secured in the servlet container and the Java keystore, not by the Genesys Security Deployment Guide.`,
    );
  }
  return sentences;
}

function options(ctx: Context): string[] {
  const sentences: string[] = [];
  const toMessageServer = ctx.links.filter((link) => link.to.kind === 'message-server');
  if (ctx.options.managementLayer) {
    sentences.push(
      'The Management Layer is on: every WFM application must connect to a Message Server, which stores its logs and raises its alarms.',
    );
    sentences.push(
      ...each(
        ctx.ofKind('message-server').filter((server) => ctx.sources(server).length > 0),
        (server) => [
          `${names(ctx.sources(server))} ${verb(ctx.sources(server).length, 'sends', 'send')} logs and alarms to ${describeComponent(server)}.`,
        ],
        'message-server',
      ),
    );
  } else {
    sentences.push('The Management Layer is off, so no WFM application needs a Message Server.');
    if (toMessageServer.length > 0) {
      sentences.push(
        `${capitalised(counted(toMessageServer.length, 'connection'))} to Message Server ${verb(toMessageServer.length, 'is', 'are')} drawn, but ${verb(toMessageServer.length, 'it is', 'they are')} used only with the Management Layer.`,
      );
    }
  }
  sentences.push(
    ctx.options.scheduledReporting
      ? 'Scheduled reporting is on: the deployment needs one WFM Daemon that connects to WFM Web, or the Report Scheduler cannot be generated.'
      : 'Scheduled reporting is off, so a WFM Daemon and its connection to WFM Web are optional.',
  );
  return sentences;
}

function etl(ctx: Context): string[] {
  const servers = ctx.ofKind('server');
  if (servers.length === 0) return [];
  const etlServers = servers.filter((server) => server.etl === true);
  if (etlServers.length === 0) return ['No WFM Server is marked as the ETL server.'];
  if (etlServers.length === 1)
    return [`${names(etlServers)} is the ETL server, the only one the guide allows.`];
  return [
    `${etlServers.length} WFM Servers are marked as ETL servers (${names(etlServers)}), but the guide allows only one.`,
  ];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function errorSentence(problem: Problem, byId: ReadonlyMap<string, TopologyComponent>): string {
  if (problem.code === 'missing-connection') {
    const component = byId.get(problem.componentId);
    if (component && isSourceKind(component.kind)) {
      const consequence = CONSEQUENCES[component.kind][problem.targetKind];
      if (consequence) {
        return `${describeComponent(component)} has no ${displayName(problem.targetKind)}, so ${consequence}.`;
      }
    }
  }
  return `${capitalised(problem.message)}.`;
}

function missing(ctx: Context): string[] {
  const errors = ctx.problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) {
    return ctx.components.length > 0
      ? ['Nothing is missing: the deployment follows the component connections matrix.']
      : [];
  }
  const sentences = errors.slice(0, MAX_ERRORS).map((problem) => errorSentence(problem, ctx.byId));
  if (errors.length > MAX_ERRORS)
    sentences.push(`…and ${counted(errors.length - MAX_ERRORS, 'more error')}.`);
  return sentences;
}

const SECTIONS: readonly { readonly heading: string; readonly write: (ctx: Context) => string[] }[] = [
  { heading: 'Overview', write: overview },
  { heading: 'WFM Servers', write: servers },
  { heading: 'Schedule building', write: scheduleBuilding },
  { heading: 'Statistics', write: statistics },
  { heading: 'Database', write: database },
  { heading: 'Web, notifications and reports', write: webAndReports },
  { heading: 'Security', write: security },
  { heading: 'Options', write: options },
  { heading: 'ETL', write: etl },
  { heading: 'What is missing', write: missing },
];

/**
 * The deployment in plain sentences, section by section; sections with nothing to say are left out.
 * Deterministic and linear in the size of the document.
 * @example explainDeployment({ components: [], connections: [] })[0].sentences[0] // 'The deployment is empty: …'
 */
export function explainDeployment(topology: Topology): ExplanationSection[] {
  const ctx = createContext(topology);
  return SECTIONS.map(({ heading, write }) => ({ heading, sentences: write(ctx) })).filter(
    (section) => section.sentences.length > 0,
  );
}
