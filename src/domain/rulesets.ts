import {
  COMPONENT_KINDS,
  type ComponentKind,
  displayName,
  type HaSupport,
  haSupport,
  kindInfo,
} from './kinds';
import type { Mark } from './marks';
import { allCells, type MatrixCell, matrixCell, type SourceKind, type TargetKind } from './matrix';
import { DEFAULT_RULESET, isRulesetId, RULESET_IDS, type RulesetId } from './ruleset-ids';

// The product releases a document may be designed for (rules.md section 7), as the "Rule set"
// control, the matrix explorer, the CLI's `--ruleset` and the validation block name them. What a
// release changes is data of the cell (`releases` in matrix-rows.ts) and of the kind (`haFrom` in
// the registry); this module only reads it back, per rule set.

export interface RulesetInfo {
  readonly id: RulesetId;
  /** What the rule-set control shows: 'WFM 8.5.2'. */
  readonly label: string;
  /** One line on the release, for the control's description. */
  readonly description: string;
  /** What of this release's guide the product does not model, or null. */
  readonly notModelled: string | null;
}

/**
 * What the 8.5.0 table holds that the product cannot place (rules.md section 7): the place the
 * rule set is chosen says so.
 */
export const NOT_MODELLED_NOTE =
  'The 8.5.0 table’s “Config Utility” row and the Database Utility’s second target cannot be placed in columns from the source, so they are not modelled.';

const RULESETS = {
  'wfm-8.5.2': {
    id: 'wfm-8.5.2',
    label: 'WFM 8.5.2',
    description: 'The 8.5.2 and latest component connections matrix, with warm standby for WFM Server.',
    notModelled: null,
  },
  'wfm-8.5.1': {
    id: 'wfm-8.5.1',
    label: 'WFM 8.5.1',
    description:
      'WFM Server must connect to exactly one WFM Data Aggregator, and only WFM Data Aggregator has a backup (hot standby).',
    notModelled: null,
  },
  'wfm-8.5.0': {
    id: 'wfm-8.5.0',
    label: 'WFM 8.5.0',
    description:
      'As 8.5.1: WFM Server must connect to exactly one WFM Data Aggregator, and only WFM Data Aggregator has a backup (hot standby).',
    notModelled: NOT_MODELLED_NOTE,
  },
} as const satisfies { readonly [R in RulesetId]: RulesetInfo & { readonly id: R } };

/** The rule sets in the order the control lists them, the default first. */
export const RULESET_CATALOG: readonly RulesetInfo[] = RULESET_IDS.map((id) => RULESETS[id]);

/** A rule set's entry: `rulesetInfo('wfm-8.5.0').label === 'WFM 8.5.0'`. */
export function rulesetInfo(id: RulesetId): RulesetInfo {
  return RULESETS[id];
}

/** The label the rule-set control shows: `rulesetLabel('wfm-8.5.1') === 'WFM 8.5.1'`. */
export function rulesetLabel(id: RulesetId): string {
  return RULESETS[id].label;
}

/**
 * The rule set a topology is judged under: the override when given, else the one it names, else
 * the default. An unknown value (never from a parsed file) counts as the default.
 * @example resolveRuleset(undefined) === 'wfm-8.5.2'
 */
export function resolveRuleset(named: unknown, override?: unknown): RulesetId {
  if (isRulesetId(override)) return override;
  return isRulesetId(named) ? named : DEFAULT_RULESET;
}

/** A cell this rule set prints differently from the default one. */
export interface CellDifference {
  readonly from: SourceKind;
  readonly to: TargetKind;
  /** The mark under this rule set. */
  readonly mark: Mark;
  /** The mark under `wfm-8.5.2`. */
  readonly defaultMark: Mark;
  /** The source's wording of the difference. */
  readonly note: string;
  /** The cell as this rule set reads it. */
  readonly cell: MatrixCell;
}

/** A kind whose backups this rule set judges differently from the default one. */
export interface HaDifference {
  readonly kind: ComponentKind;
  readonly ha: HaSupport;
  readonly defaultHa: HaSupport;
  readonly note: string;
}

export interface RulesetDifferences {
  readonly ruleset: RulesetId;
  readonly label: string;
  readonly cells: readonly CellDifference[];
  readonly ha: readonly HaDifference[];
  /** What of this release's guide is not modelled, or null. */
  readonly notModelled: string | null;
}

/**
 * What a rule set changes against `wfm-8.5.2`, for the matrix explorer: the cells it prints
 * differently (with the source's wording), the kinds whose backups it judges differently, and
 * what of its guide is not modelled. Empty lists for `wfm-8.5.2` itself.
 * @example rulesetDifferences('wfm-8.5.1').cells[0] // { from: 'server', to: 'data-aggregator', mark: 'one', defaultMark: 'optional-many', note: 'The 8.5.0/8.5.1 tables print X …' }
 */
export function rulesetDifferences(ruleset: RulesetId): RulesetDifferences {
  const cells = allCells(ruleset).flatMap((cell): CellDifference[] => {
    const standard = matrixCell(cell.from, cell.to, DEFAULT_RULESET);
    if (cell.releaseNote === undefined || !standard) return [];
    return [
      {
        from: cell.from,
        to: cell.to,
        mark: cell.mark,
        defaultMark: standard.mark,
        note: cell.releaseNote,
        cell,
      },
    ];
  });
  const ha = COMPONENT_KINDS.flatMap((kind): HaDifference[] => {
    const here = haSupport(kind, ruleset);
    const standard = haSupport(kind, DEFAULT_RULESET);
    const from = kindInfo(kind).rules.haFrom;
    if (here === standard || from === undefined) return [];
    return [
      {
        kind,
        ha: here,
        defaultHa: standard,
        note: `A ${displayName(kind)} backup (${standard} standby) is documented from ${rulesetLabel(from)} on: under ${rulesetLabel(ruleset)} it is not supported.`,
      },
    ];
  });
  const info = rulesetInfo(ruleset);
  return { ruleset, label: info.label, cells, ha, notModelled: info.notModelled };
}
