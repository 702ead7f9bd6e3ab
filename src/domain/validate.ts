import { cellRequirement, type Requirement } from './cardinality';
import { classifyConnections, DANGLING, DUPLICATE, FORBIDDEN, SELF, TARGET_INDEX } from './classify';
import { describeComponent } from './describe';
import { COMPONENT_KINDS, displayName } from './kinds';
import { rowCells, TARGET_KINDS, type TargetKind } from './matrix';
import type { Topology, TopologyComponent } from './model';
import { type DeploymentOptions, resolveOptions } from './options';
import type {
  CardinalityProblem,
  ComponentProblem,
  ConnectionProblem,
  DocumentProblem,
  Problem,
} from './problems';

const UNUSED_WHEN_UNREACHED = new Set(['dap', 'stat-server', 'message-server']);

interface RowRule {
  readonly to: TargetKind;
  readonly target: number;
  readonly requirement: Requirement;
}

/** Every cell of every row, by kind index, with its requirement under `options`: worked out once per call. */
function rowRules(options: DeploymentOptions): readonly (readonly RowRule[])[] {
  return COMPONENT_KINDS.map((kind) =>
    rowCells(kind).map((cell) => ({
      to: cell.to,
      target: TARGET_INDEX.get(cell.to) ?? -1,
      requirement: cellRequirement(cell, options),
    })),
  );
}

/**
 * Every problem of rules.md section 4, in the contract's order: document problems, then component
 * problems in component order, then connection problems in connection order. Never throws.
 * @example validate({ components: [{ id: 'b', kind: 'builder', name: 'B1' }], connections: [] })[0].code === 'missing-connection'
 */
export function validate(topology: Topology): Problem[] {
  const options = resolveOptions(topology.options);
  const rules = rowRules(options);
  const { components, connections } = topology;
  const componentCount = components.length;
  const connectionCount = connections.length;

  const { canonical, kinds, counts, reached, classes, fromIndex, toIndex, duplicateOf } =
    classifyConnections(topology);
  const targets = TARGET_KINDS.length;

  const documentProblems: DocumentProblem[] = [];
  const componentProblems: (ComponentProblem | CardinalityProblem)[] = [];
  const connectionProblems: ConnectionProblem[] = [];

  let daemons = 0;
  let etlServers = 0;
  const names = new Map<string, TopologyComponent>();

  for (let i = 0; i < componentCount; i += 1) {
    const component = components[i] as TopologyComponent;
    if (component.kind === 'daemon') {
      daemons += 1;
      if (daemons > 1) {
        componentProblems.push({
          code: 'too-many-instances',
          severity: 'error',
          message: `${describeComponent(component)} is WFM Daemon number ${daemons}: a deployment may have only one, since more cause duplicate notifications and missing or duplicate scheduled reports`,
          componentId: component.id,
        });
      }
    } else if (component.kind === 'server' && component.etl === true) {
      etlServers += 1;
      if (etlServers > 1) {
        componentProblems.push({
          code: 'too-many-instances',
          severity: 'error',
          message: `${describeComponent(component)} is ETL server number ${etlServers}: only one WFM Server may run ETL`,
          componentId: component.id,
        });
      }
    }

    const nameKey = component.name.trim().toLowerCase();
    const firstWithName = names.get(nameKey);
    if (firstWithName) {
      componentProblems.push({
        code: 'duplicate-name',
        severity: 'error',
        message: `${describeComponent(component)} has the same name as ${describeComponent(firstWithName)}: Application names must be unique`,
        componentId: component.id,
      });
    } else {
      names.set(nameKey, component);
    }

    // Counts live on the component that stands for the id, as `analyse` keys them by id.
    const countsAt = (canonical[i] ?? i) * targets;
    for (const { to, target, requirement } of rules[kinds[i] ?? 0] ?? []) {
      const count = counts[countsAt + target] ?? 0;
      if (count < requirement.min) {
        componentProblems.push(missingConnection(component, to, requirement));
      } else if (requirement.max !== null && count > requirement.max) {
        componentProblems.push({
          code: 'too-many-connections',
          severity: 'error',
          message: `${describeComponent(component)} has ${count} connections to ${displayName(to)}, but the matrix allows ${
            requirement.min === 1 ? 'exactly one' : 'at most one'
          }`,
          componentId: component.id,
          targetKind: to,
        });
      }
    }

    if (UNUSED_WHEN_UNREACHED.has(component.kind) && reached[canonical[i] ?? i] === 0) {
      componentProblems.push({
        code: 'unused-component',
        severity: 'warning',
        message: `${describeComponent(component)} is not used: no component connects to it`,
        componentId: component.id,
      });
    }
  }

  if (options.scheduledReporting && daemons === 0) {
    documentProblems.push({
      code: 'missing-component',
      severity: 'error',
      message: 'Scheduled reporting is on, but the deployment has no WFM Daemon to run the scheduled reports',
    });
  }

  for (let c = 0; c < connectionCount; c += 1) {
    const kind = classes[c];
    if (kind === DANGLING) continue;
    const connection = connections[c] as Topology['connections'][number];
    const from = components[fromIndex[c] ?? 0] as TopologyComponent;
    const to = components[toIndex[c] ?? 0] as TopologyComponent;
    if (kind === SELF) {
      connectionProblems.push({
        code: 'self-connection',
        severity: 'error',
        message: `${describeComponent(from)} cannot connect to itself`,
        connectionId: connection.id,
      });
      continue;
    }
    if (kind === FORBIDDEN) {
      connectionProblems.push({
        code: 'forbidden-connection',
        severity: 'error',
        message: `${describeComponent(from)} cannot connect to ${describeComponent(to)}: the component connections matrix has no ${displayName(from.kind)} → ${displayName(to.kind)} connection`,
        connectionId: connection.id,
      });
      continue;
    }
    if (kind === DUPLICATE) {
      const first = connections[duplicateOf[c] ?? 0];
      connectionProblems.push({
        code: 'duplicate-connection',
        severity: 'error',
        message: `${pairName(from, to)} is listed twice: connection '${connection.id}' repeats '${first?.id ?? ''}'`,
        connectionId: connection.id,
      });
      continue;
    }
    if (to.kind === 'message-server' && !options.managementLayer) {
      connectionProblems.push({
        code: 'management-layer-off',
        severity: 'warning',
        message: `${pairName(from, to)} is configured, but the Management Layer is off: Message Server connections are used only with the Management Layer`,
        connectionId: connection.id,
      });
    }
    const security = connection.security ?? 'none';
    if (security !== 'none' && (from.kind === 'web' || from.kind === 'daemon')) {
      connectionProblems.push({
        code: 'tls-web-daemon',
        severity: 'info',
        message: `${pairName(from, to)} uses ${security === 'tls' ? 'TLS' : 'mutual TLS'}: for ${displayName(from.kind)}, TLS is set up in the servlet container and Java keystore, not by the Genesys Security Deployment Guide`,
        connectionId: connection.id,
      });
    }
  }

  return [...documentProblems, ...componentProblems, ...connectionProblems];
}

function pairName(from: TopologyComponent, to: TopologyComponent): string {
  return `${describeComponent(from)} → ${describeComponent(to)}`;
}

function missingConnection(
  component: TopologyComponent,
  to: TargetKind,
  requirement: Requirement,
): CardinalityProblem {
  const target = displayName(to);
  const how =
    requirement.requiredBy === 'management-layer'
      ? `a ${target} when the Management Layer is used`
      : requirement.requiredBy === 'scheduled-reporting'
        ? `a ${target} for scheduled reporting (without it WFM Daemon cannot generate the Report Scheduler)`
        : requirement.max === 1
          ? `exactly one ${target}`
          : `at least one ${target}`;
  return {
    code: 'missing-connection',
    severity: 'error',
    message: `${describeComponent(component)} must connect to ${how}`,
    componentId: component.id,
    targetKind: to,
  };
}

/** True when no problem has severity `error`. */
export function isValid(problems: readonly Problem[]): boolean {
  return problems.every((problem) => problem.severity !== 'error');
}
