import { cellRequirement, type Requirement } from './cardinality';
import { CONTEXT, DUPLICATE, FORBIDDEN, SELF, TARGET_INDEX } from './classify';
import { capitalised, describeComponent } from './describe';
import { COMPONENT_KINDS, type ComponentKind, displayName, type KindRules, kindInfo } from './kinds';
import { ALL_CELLS, rowCells, type TargetKind } from './matrix';
import type { TopologyComponent, TopologyConnection, TopologyHost } from './model';
import {
  type DeploymentOptions,
  OPTION_CATALOG,
  type OptionInfo,
  optionInfo,
  requiringOption,
} from './options';
import type { CardinalityProblem, ComponentProblem, ConnectionProblem, DocumentProblem } from './problems';
import type { RulesetId } from './ruleset-ids';
import { securedConnectionProblems } from './validate-hosts-ha';

// The rules of rules.md sections 4 and 11 for one component, one connection and the document, given the
// facts the classification worked out. `validate` applies them to everything; the incremental
// validator of the editor to what an edit touched. One copy of each rule, so they cannot differ.

/** Each kind's rules, by id: a Map, so that a kind the registry does not know has none. */
const RULES: ReadonlyMap<string, KindRules> = new Map(
  COMPONENT_KINDS.map((kind) => [kind, kindInfo(kind).rules]),
);

/** By source and target kind: the option whose warning a connection of that cell gets while it is off. */
const OFF_WARNING: ReadonlyMap<string, ReadonlyMap<string, OptionInfo>> = (() => {
  const byCell = new Map<string, Map<string, OptionInfo>>();
  for (const cell of ALL_CELLS) {
    const option = cell.requiredWhen === undefined ? undefined : optionInfo(cell.requiredWhen);
    if (!option?.offWarning) continue;
    const row = byCell.get(cell.from) ?? new Map<string, OptionInfo>();
    row.set(cell.to, option);
    byCell.set(cell.from, row);
  }
  return byCell;
})();

export interface RowRule {
  readonly to: TargetKind;
  readonly target: number;
  readonly requirement: Requirement;
}

/** Every cell of every row, by kind index, with its requirement under `options` and `ruleset`. */
export function rowRules(options: DeploymentOptions, ruleset: RulesetId): readonly (readonly RowRule[])[] {
  return COMPONENT_KINDS.map((kind) =>
    rowCells(kind, ruleset).map((cell) => ({
      to: cell.to,
      target: TARGET_INDEX.get(cell.to) ?? -1,
      requirement: cellRequirement(cell, options),
    })),
  );
}

/**
 * Which rule of one per deployment a component counts under: its kind's (`single`, a WFM Daemon),
 * the ETL server's (`etl`, a WFM Server with `etl: true`), or none. A backup (`backupOf`) counts
 * under none (rules.md section 10).
 */
export type InstanceKind = 'single' | 'etl' | null;

export function instanceKind(component: TopologyComponent): InstanceKind {
  if (component.backupOf !== undefined) return null;
  const rules = RULES.get(component.kind);
  if (rules?.singleInstance != null) return 'single';
  if (rules?.etl && component.etl === true) return 'etl';
  return null;
}

/** What the rules of one component need to know beyond the component itself. */
export interface ComponentFacts {
  /** Its number among its kind's components when the kind allows one, or among the ETL servers; 0 for the rest. */
  readonly ordinal: number;
  /** The first component with its name (trimmed, any case), when that is another one. */
  readonly firstWithName: TopologyComponent | undefined;
  /** Counted connections by target index, at `countsAt` in `counts`. */
  readonly counts: ArrayLike<number>;
  readonly countsAt: number;
  /** True when a connection points at it, or at its primary when it is a backup. */
  readonly reached: boolean;
  /** Its `ha-invalid-pair` or `ha-unsupported`, `ha-mismatch` and `port-conflict` problems, worked out beforehand. */
  readonly hostAndHa?: readonly ComponentProblem[] | undefined;
}

/** What the connection rules of rules.md section 11 need beyond the connection and its ends. */
export interface ConnectionFacts {
  readonly hosts: ReadonlyMap<string, TopologyHost>;
  /** The primary a backup stands in for, when it names one in the topology. */
  readonly primaryOf: (backup: TopologyComponent) => TopologyComponent | undefined;
}

/** The component and cardinality problems of one component, in the contract's order, added to `out`. */
export function componentProblems(
  component: TopologyComponent,
  rules: readonly RowRule[],
  facts: ComponentFacts,
  out: (ComponentProblem | CardinalityProblem)[],
): void {
  if (facts.ordinal > 1) {
    const why = RULES.get(component.kind)?.singleInstance;
    const kind = displayName(component.kind);
    out.push({
      code: 'too-many-instances',
      severity: 'error',
      message:
        why != null
          ? `${describeComponent(component)} is ${kind} number ${facts.ordinal}: a deployment may have only one, since ${why}`
          : `${describeComponent(component)} is ETL server number ${facts.ordinal}: only one ${kind} may run ETL`,
      componentId: component.id,
    });
  }
  if (facts.firstWithName) {
    out.push({
      code: 'duplicate-name',
      severity: 'error',
      message: `${describeComponent(component)} has the same name as ${describeComponent(facts.firstWithName)}: Application names must be unique`,
      componentId: component.id,
    });
  }
  if (facts.hostAndHa) for (const problem of facts.hostAndHa) out.push(problem);
  for (const { to, target, requirement } of rules) {
    const count = facts.counts[facts.countsAt + target] ?? 0;
    if (count < requirement.min) {
      out.push(missingConnection(component, to, requirement));
    } else if (requirement.max !== null && count > requirement.max) {
      out.push({
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
  if (RULES.get(component.kind)?.unusedWhenUnreached && !facts.reached) {
    out.push({
      code: 'unused-component',
      severity: 'warning',
      message: `${describeComponent(component)} is not used: no component connects to it`,
      componentId: component.id,
    });
  }
}

/** The document problems: an option that is on needs a kind the deployment lacks (scheduled reporting, a WFM Daemon). */
export function documentProblems(
  options: DeploymentOptions,
  countOf: (kind: ComponentKind) => number,
): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  for (const option of OPTION_CATALOG) {
    const needed = option.requiresKind;
    if (!needed || !options[option.key] || countOf(needed.kind) > 0) continue;
    out.push({
      code: 'missing-component',
      severity: 'error',
      message: `${capitalised(option.inSentence)} is on, but the deployment has no ${displayName(needed.kind)} to ${needed.toDo}`,
    });
  }
  return out;
}

/**
 * The problems of one connection with both ends in the document, added to `out`. `kind` is its
 * class (SELF, FORBIDDEN, DUPLICATE, COUNTED or CONTEXT): a context link gets none but self and
 * duplicate (rules.md section 8).
 */
export function connectionProblems(
  connection: TopologyConnection,
  from: TopologyComponent,
  to: TopologyComponent,
  kind: number,
  options: DeploymentOptions,
  facts: ConnectionFacts,
  out: ConnectionProblem[],
): void {
  if (kind === SELF) {
    out.push({
      code: 'self-connection',
      severity: 'error',
      message: `${describeComponent(from)} cannot connect to itself`,
      connectionId: connection.id,
    });
    return;
  }
  if (kind === FORBIDDEN) {
    out.push({
      code: 'forbidden-connection',
      severity: 'error',
      message: `${describeComponent(from)} cannot connect to ${describeComponent(to)}: the component connections matrix has no ${displayName(from.kind)} → ${displayName(to.kind)} connection`,
      connectionId: connection.id,
    });
    return;
  }
  if (kind === DUPLICATE) {
    out.push({
      code: 'duplicate-connection',
      severity: 'error',
      message: `${pairName(from, to)} is listed twice: a Connections tab names each component once`,
      connectionId: connection.id,
    });
    return;
  }
  if (kind === CONTEXT) return;
  const governing = OFF_WARNING.get(from.kind)?.get(to.kind);
  if (governing?.offWarning && !options[governing.key]) {
    out.push({
      code: governing.offWarning,
      severity: 'warning',
      message: `${pairName(from, to)} is configured, but ${governing.inSentence} is off: ${displayName(to.kind)} connections are used only with ${governing.inSentence}`,
      connectionId: connection.id,
    });
  }
  const security = connection.security ?? 'none';
  if (security !== 'none' && RULES.get(from.kind)?.tls === 'servlet-container') {
    out.push({
      code: 'tls-web-daemon',
      severity: 'info',
      message: `${pairName(from, to)} uses ${security === 'tls' ? 'TLS' : 'mutual TLS'}: for ${displayName(from.kind)}, TLS is set up in the servlet container and Java keystore, not by the Genesys Security Deployment Guide`,
      connectionId: connection.id,
    });
  }
  securedConnectionProblems(connection, from, to, facts.primaryOf, facts.hosts, out);
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
  const option = requiringOption(requirement.requiredBy);
  const how = option
    ? `a ${target} ${option.missingConnectionWords}`
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

/** The key two names are the same under: trimmed, any case. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
