// Section writers for what the components do together: servers, builders, statistics, database, web.
import { describeComponent } from './describe';
import { type Context, each, joinWords, names, verb } from './explain-context';
import { COMPONENT_KINDS, type ComponentKind, displayName, kindInfo } from './kinds';
import { matrixCell } from './matrix';

// The narrative sections name the kinds they tell about (the Server, its Builders, the statistics,
// the database, WFM Web and the Daemon); which kinds are a Server's clients, which reach the
// database and how, is read from the kinds' registry entries and the matrix (decision 017).

/** The kinds that connect to a WFM Server as its clients, in the order the explanation names them. */
const CLIENT_KINDS: readonly ComponentKind[] = COMPONENT_KINDS.flatMap((kind) => {
  const order = kindInfo(kind).rules.serverClientOrder;
  return order === null ? [] : [{ kind, order }];
})
  .sort((a, b) => a.order - b.order)
  .map(({ kind }) => kind);

/** True when the matrix lets the kind list a DAP: it uses the WFM database directly. */
function usesDatabase(kind: ComponentKind): boolean {
  return matrixCell(kind, 'dap') !== undefined;
}

export function servers(ctx: Context): string[] {
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

export function scheduleBuilding(ctx: Context): string[] {
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

export function statistics(ctx: Context): string[] {
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

export function database(ctx: Context): string[] {
  const daps = ctx.ofKind('dap');
  const sentences: string[] = [];
  if (daps.length === 0) {
    const needs = ctx.components.some((c) => usesDatabase(c.kind));
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
  const indirect = CLIENT_KINDS.filter((kind) => !usesDatabase(kind) && ctx.ofKind(kind).length > 0);
  if (indirect.length > 0) {
    sentences.push(
      `${joinWords(indirect.map(displayName))} reach the database indirectly, through WFM Server.`,
    );
  }
  return sentences;
}

export function webAndReports(ctx: Context): string[] {
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
