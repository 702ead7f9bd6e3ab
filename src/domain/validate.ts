import { analyse } from './analyse';
import { cellRequirement } from './cardinality';
import { describeComponent } from './describe';
import { displayName } from './kinds';
import { rowCells } from './matrix';
import type { Topology, TopologyComponent } from './model';
import { resolveOptions } from './options';
import type {
  CardinalityProblem,
  ComponentProblem,
  ConnectionProblem,
  DocumentProblem,
  Problem,
} from './problems';

const UNUSED_WHEN_UNREACHED = new Set(['dap', 'stat-server', 'message-server']);

/**
 * Every problem of rules.md section 4, in the contract's order: document problems, then component
 * problems in component order, then connection problems in connection order. Never throws.
 * @example validate({ components: [{ id: 'b', kind: 'builder', name: 'B1' }], connections: [] })[0].code === 'missing-connection'
 */
export function validate(topology: Topology): Problem[] {
  const options = resolveOptions(topology.options);
  const analysis = analyse(topology);
  const documentProblems: DocumentProblem[] = [];
  const componentProblems: (ComponentProblem | CardinalityProblem)[] = [];
  const connectionProblems: ConnectionProblem[] = [];

  let daemons = 0;
  let etlServers = 0;
  const names = new Map<string, TopologyComponent>();

  for (const component of topology.components) {
    const who = describeComponent(component);
    if (component.kind === 'daemon') {
      daemons += 1;
      if (daemons > 1) {
        componentProblems.push({
          code: 'too-many-instances',
          severity: 'error',
          message: `${who} is WFM Daemon number ${daemons}: a deployment may have only one, since more cause duplicate notifications and missing or duplicate scheduled reports`,
          componentId: component.id,
        });
      }
    } else if (component.kind === 'server' && component.etl === true) {
      etlServers += 1;
      if (etlServers > 1) {
        componentProblems.push({
          code: 'too-many-instances',
          severity: 'error',
          message: `${who} is ETL server number ${etlServers}: only one WFM Server may run ETL`,
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
        message: `${who} has the same name as ${describeComponent(firstWithName)}: Application names must be unique`,
        componentId: component.id,
      });
    } else {
      names.set(nameKey, component);
    }

    const byKind = analysis.counted.get(component.id);
    for (const cell of rowCells(component.kind)) {
      const requirement = cellRequirement(cell, options);
      const count = byKind?.get(cell.to)?.length ?? 0;
      const target = displayName(cell.to);
      if (count < requirement.min) {
        const how =
          requirement.requiredBy === 'management-layer'
            ? `a ${target} when the Management Layer is used`
            : requirement.requiredBy === 'scheduled-reporting'
              ? `a ${target} for scheduled reporting (without it WFM Daemon cannot generate the Report Scheduler)`
              : requirement.max === 1
                ? `exactly one ${target}`
                : `at least one ${target}`;
        componentProblems.push({
          code: 'missing-connection',
          severity: 'error',
          message: `${who} must connect to ${how}`,
          componentId: component.id,
          targetKind: cell.to,
        });
      } else if (requirement.max !== null && count > requirement.max) {
        componentProblems.push({
          code: 'too-many-connections',
          severity: 'error',
          message: `${who} has ${count} connections to ${target}, but the matrix allows ${
            requirement.min === 1 ? 'exactly one' : 'at most one'
          }`,
          componentId: component.id,
          targetKind: cell.to,
        });
      }
    }

    if (UNUSED_WHEN_UNREACHED.has(component.kind) && !analysis.reached.has(component.id)) {
      componentProblems.push({
        code: 'unused-component',
        severity: 'warning',
        message: `${who} is not used: no component connects to it`,
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

  for (const { connection, from, to, structural, duplicateOf } of analysis.connections) {
    if (!from || !to) continue;
    const pair = `${describeComponent(from)} → ${describeComponent(to)}`;
    if (structural === 'self-connection') {
      connectionProblems.push({
        code: 'self-connection',
        severity: 'error',
        message: `${describeComponent(from)} cannot connect to itself`,
        connectionId: connection.id,
      });
      continue;
    }
    if (structural === 'forbidden-connection') {
      connectionProblems.push({
        code: 'forbidden-connection',
        severity: 'error',
        message: `${describeComponent(from)} cannot connect to ${describeComponent(to)}: the component connections matrix has no ${displayName(from.kind)} → ${displayName(to.kind)} connection`,
        connectionId: connection.id,
      });
      continue;
    }
    if (structural === 'duplicate-connection') {
      connectionProblems.push({
        code: 'duplicate-connection',
        severity: 'error',
        message: `${pair} is listed twice: connection '${connection.id}' repeats '${duplicateOf?.id ?? ''}'`,
        connectionId: connection.id,
      });
      continue;
    }
    if (to.kind === 'message-server' && !options.managementLayer) {
      connectionProblems.push({
        code: 'management-layer-off',
        severity: 'warning',
        message: `${pair} is configured, but the Management Layer is off: Message Server connections are used only with the Management Layer`,
        connectionId: connection.id,
      });
    }
    const security = connection.security ?? 'none';
    if (security !== 'none' && (from.kind === 'web' || from.kind === 'daemon')) {
      connectionProblems.push({
        code: 'tls-web-daemon',
        severity: 'info',
        message: `${pair} uses ${security === 'tls' ? 'TLS' : 'mutual TLS'}: for ${displayName(from.kind)}, TLS is set up in the servlet container and Java keystore, not by the Genesys Security Deployment Guide`,
        connectionId: connection.id,
      });
    }
  }

  return [...documentProblems, ...componentProblems, ...connectionProblems];
}

/** True when no problem has severity `error`. */
export function isValid(problems: readonly Problem[]): boolean {
  return problems.every((problem) => problem.severity !== 'error');
}
