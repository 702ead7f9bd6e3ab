import { DEFAULT_RULESET, type RulesetId } from '../domain';

// TODO(issue 13, after the domain branch merges): use the domain's rule-set label (the "Rule set"
// control's option text) and delete this file. The ids are fixed by rules.md section 7.
/**
 * The rule set a document is judged by, as the "Rule set" control names it.
 * @example rulesetLabel('wfm-8.5.1') === 'WFM 8.5.1'; rulesetLabel(undefined) === 'WFM 8.5.2'
 */
export function rulesetLabel(ruleset: RulesetId | undefined): string {
  return `WFM ${(ruleset ?? DEFAULT_RULESET).replace(/^wfm-/, '')}`;
}
