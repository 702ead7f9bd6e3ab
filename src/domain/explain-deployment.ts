import { capitalised, counted, describeComponent } from './describe';
import { database, scheduleBuilding, servers, statistics, webAndReports } from './explain-component-sections';
import {
  type Context,
  createContext,
  each,
  joinWords,
  kindCount,
  linkNames,
  MAX_ERRORS,
  names,
  verb,
} from './explain-context';
import {
  frameworkContext,
  highAvailability,
  hostsAndZones,
  type ModelContext,
  release,
} from './explain-model';
import { COMPONENT_KINDS, type ComponentKind, displayName, kindInfo } from './kinds';
import { matrixCell } from './matrix';
import type { Topology, TopologyComponent } from './model';
import { countBySeverity, type Problem } from './problems';
import { validate } from './validate';

/** One part of the explanation: a heading and the plain sentences under it. */
export interface ExplanationSection {
  heading: string;
  sentences: string[];
}

/** True when the kind's TLS follows the Genesys Security Deployment Guide, with the certificate on the Host. */
function guideTls(kind: ComponentKind): boolean {
  return kindInfo(kind).rules.tls === 'security-guide';
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
  const { error: errors, warning: warnings } = countBySeverity(ctx.problems);
  return [
    `This deployment has ${counted(total, 'component')} and ${counted(ctx.connectionCount, 'connection')}: ${joinWords(breakdown)}.`,
    errors === 0
      ? `It is valid: it follows the component connections matrix${
          warnings > 0 ? `, with ${counted(warnings, 'warning')}` : ''
        }.`
      : `It is not valid yet: it has ${counted(errors, 'error')} to fix, listed under “What is missing”.`,
  ];
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
  const mutualAuth = [...new Set(mutual.map((link) => link.to).filter((to) => guideTls(to.kind)))];
  if (mutualAuth.length > 0) {
    sentences.push(`For mutual TLS, add the option MutualAuth = true to ${names(mutualAuth)}.`);
  }
  if (secured.some((link) => guideTls(link.from.kind))) {
    const guided = COMPONENT_KINDS.filter(guideTls).map(displayName);
    sentences.push(
      `${joinWords(guided)} follow the Genesys Security Deployment Guide; their certificate is assigned on the Host object.`,
    );
  }
  const container = secured.filter((link) => kindInfo(link.from.kind).rules.tls === 'servlet-container');
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

function errorSentence(problem: Problem, byId: ReadonlyMap<string, TopologyComponent>): string {
  if (problem.code === 'missing-connection') {
    const component = byId.get(problem.componentId);
    const consequence = component && matrixCell(component.kind, problem.targetKind)?.consequence;
    if (component && consequence) {
      return `${describeComponent(component)} has no ${displayName(problem.targetKind)}, so ${consequence}.`;
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

type Section = { readonly heading: string; readonly write: (model: ModelContext) => string[] };
const shared = (write: (ctx: Context) => string[]) => (model: ModelContext) => write(model.ctx);

const SECTIONS: readonly Section[] = [
  {
    heading: 'Overview',
    write: (model) => [...overview(model.ctx), ...(model.ctx.components.length > 0 ? release(model) : [])],
  },
  { heading: 'WFM Servers', write: shared(servers) },
  { heading: 'Schedule building', write: shared(scheduleBuilding) },
  { heading: 'Statistics', write: shared(statistics) },
  { heading: 'Database', write: shared(database) },
  { heading: 'Web, notifications and reports', write: shared(webAndReports) },
  { heading: 'Hosts and zones', write: hostsAndZones },
  { heading: 'High availability', write: highAvailability },
  { heading: 'Framework context', write: frameworkContext },
  { heading: 'Security', write: shared(security) },
  { heading: 'Options', write: shared(options) },
  { heading: 'ETL', write: shared(etl) },
  { heading: 'What is missing', write: shared(missing) },
];

/**
 * The deployment in plain sentences, section by section; sections with nothing to say are left out.
 * Deterministic and linear in the size of the document.
 * @example explainDeployment({ components: [], connections: [] })[0].sentences[0] // 'The deployment is empty: …'
 */
export function explainDeployment(
  topology: Topology,
  problems: readonly Problem[] = validate(topology),
): ExplanationSection[] {
  const model: ModelContext = { topology, ctx: createContext(topology, problems) };
  return SECTIONS.map(({ heading, write }) => ({ heading, sentences: write(model) })).filter(
    (section) => section.sentences.length > 0,
  );
}
