import { rulesetLabel as label, type RulesetId, resolveRuleset } from '../domain';

/**
 * The rule set a document is judged by, as the "Rule set" control names it; the default when the
 * document names none.
 * @example rulesetLabel('wfm-8.5.1') === 'WFM 8.5.1'; rulesetLabel(undefined) === 'WFM 8.5.2'
 */
export function rulesetLabel(ruleset: RulesetId | undefined): string {
  return label(resolveRuleset(ruleset));
}
