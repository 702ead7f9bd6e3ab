// The release ids on their own, with no imports, so that the kinds' registry can name the release a
// rule starts from without an import cycle through `model.ts` (which re-exports them).

/** The WFM release a document is designed for (rules.md section 7). */
export type RulesetId = 'wfm-8.5.2' | 'wfm-8.5.1' | 'wfm-8.5.0';
/** In the order the "Rule set" control lists them: the default (and newest) first. */
export const RULESET_IDS = ['wfm-8.5.2', 'wfm-8.5.1', 'wfm-8.5.0'] as const satisfies readonly RulesetId[];
export const DEFAULT_RULESET: RulesetId = 'wfm-8.5.2';

/** True when `value` is a rule-set id: `isRulesetId('wfm-8.5.1') === true`. */
export function isRulesetId(value: unknown): value is RulesetId {
  return typeof value === 'string' && (RULESET_IDS as readonly string[]).includes(value);
}

/**
 * True when `ruleset` is `since` or a later release: `isReleaseFrom('wfm-8.5.1', 'wfm-8.5.2') === false`.
 * RULESET_IDS lists the newest first.
 */
export function isReleaseFrom(ruleset: RulesetId, since: RulesetId): boolean {
  return RULESET_IDS.indexOf(ruleset) <= RULESET_IDS.indexOf(since);
}
