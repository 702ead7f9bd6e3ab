// What the store asks of a kind's high availability, read from the domain's registry under the
// document's rule set (rules.md sections 7 and 10).

import {
  type ComponentKind,
  DEFAULT_RULESET,
  haSupport as domainHaSupport,
  kindInfo,
  type RulesetId,
  rulesetLabel,
} from '../domain';

/** The backup modes a kind supports under a rule set; context kinds (never checked) get no backup command. */
export function haSupport(
  kind: ComponentKind,
  ruleset: RulesetId = DEFAULT_RULESET,
): 'none' | 'warm' | 'hot' | 'any' {
  const ha = domainHaSupport(kind, ruleset);
  return ha === 'not-checked' ? 'none' : ha;
}

/** Why a kind cannot have a backup under a rule set, or `null` when it can. */
export function whyNoBackup(kind: ComponentKind, ruleset: RulesetId = DEFAULT_RULESET): string | null {
  if (haSupport(kind, ruleset) !== 'none') return null;
  if (haSupport(kind, 'wfm-8.5.2') !== 'none') {
    return `A ${kindInfo(kind).displayName} backup is not supported under ${rulesetLabel(ruleset)}: it is documented from WFM 8.5.2 on.`;
  }
  return `A ${kindInfo(kind).displayName} has no backup in this guide.`;
}
