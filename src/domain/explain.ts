import type { Requirement } from './cardinality';
import { capitalised } from './describe';
import { type ComponentKind, displayName, isContextKind } from './kinds';
import { isSourceKind, isTargetKind, MARKS, type MatrixCell, matrixCell } from './matrix';
import { type DeploymentOptions, optionInfo, requiringOption } from './options';
import type { RulesetId } from './ruleset-ids';
import { rulesetLabel } from './rulesets';

/**
 * A cell of the matrix in plain words under a rule set (default `wfm-8.5.2`), for the inspector's
 * rule card and the matrix explorer; a cell an older release prints differently says so.
 * @example explainCell('builder', 'server') // 'A WFM Builder must connect to exactly one WFM Server.'
 * @example explainCell('server', 'data-aggregator', 'wfm-8.5.1') // 'A WFM Server must connect to exactly one WFM Data Aggregator under WFM 8.5.1: …'
 */
export function explainCell(from: ComponentKind, to: ComponentKind, ruleset?: RulesetId): string {
  const source = displayName(from);
  const target = displayName(to);
  if (isContextKind(from) || isContextKind(to)) {
    return `${source} → ${target} is a context link, not governed by the matrix: it may be drawn, and no rule counts it.`;
  }
  const cell = matrixCell(from, to, ruleset);
  if (!cell) {
    if (!isSourceKind(from)) return `${source} never starts a connection: it has no row in the matrix.`;
    if (!isTargetKind(to)) return `Nothing connects to ${target}: it has no column in the matrix.`;
    return `${source} cannot connect to ${target}: the component connections matrix has no such connection.`;
  }
  if (cell.releaseNote !== undefined) {
    return `A ${source} ${ruleWords(cell)} ${target} under ${rulesetLabel(cell.ruleset)}: ${cell.releaseNote}`;
  }
  return `A ${source} ${ruleWords(cell)} ${target}.`;
}

function ruleWords(cell: MatrixCell): string {
  switch (cell.mark) {
    case 'one':
      return 'must connect to exactly one';
    case 'one-or-more':
      return 'must connect to at least one';
    case 'optional-one':
      return 'may connect to at most one';
    case 'optional-many':
      return 'may connect to any number of';
    default: {
      const unreachable: never = cell.mark;
      return unreachable;
    }
  }
}

/** The symbol the source prints for a cell's mark, e.g. `markSymbol('optional-one') === '(X)'`. */
export function markSymbol(mark: MatrixCell['mark']): string {
  return MARKS[mark].symbol;
}

/**
 * What the deployment's options do to a cell, in plain words, for the matrix explorer; `null` when
 * no option touches it. Read from the cell's `requiredWhen` and the option's entry.
 * @example optionEffect(matrixCell('daemon', 'web')!, DEFAULT_OPTIONS) // 'Scheduled reporting is off in this deployment, so …'
 */
export function optionEffect(cell: MatrixCell, options: DeploymentOptions): string | null {
  if (cell.requiredWhen === undefined) return null;
  const option = optionInfo(cell.requiredWhen);
  const name = option.inSentence;
  if (options[option.key])
    return `${capitalised(name)} is on in this deployment, so this connection is required.`;
  const off = option.offWarning
    ? ': the connection is not needed, and one that is drawn gets a warning.'
    : ', so this connection is optional.';
  return `${capitalised(name)} is off in this deployment${off} With ${name} on, it is required.`;
}

/**
 * Why a cell is required beyond its mark, for the rule card: `Required: the Management Layer is on.`,
 * or `null` when the requirement is the matrix's own or none.
 */
export function requirementNote(requirement: Requirement): string | null {
  const option = requiringOption(requirement.requiredBy);
  return option ? `Required: ${option.inSentence} is on.` : null;
}
