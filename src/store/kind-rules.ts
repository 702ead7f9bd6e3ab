// Version-2 facts about kinds that the domain registry does not carry yet (issue 13 is built on
// several branches at once). Each reads the registry first, so once the domain fills it these
// fallbacks stop mattering; then switch the callers over and delete this file.

import type { ComponentKind, HaSupport, RulesetId } from '../domain';
import { kindInfo } from '../domain';

// TODO(i13-domain): delete this list and read `kindInfo(kind).rules.ha` alone once the registry
// fills it (rules.md section 10). It is a stop-gap copy of what the registry will say, written as
// pairs on purpose: tests/kind-lists.test.ts forbids tables keyed by kind outside the registry,
// and this one must not outlive the domain branch's merge.
const HA_FALLBACK: readonly (readonly [kind: string, ha: HaSupport])[] = [
  ['data-aggregator', 'hot'],
  ['server', 'warm'],
  ['dap', 'any'],
  ['stat-server', 'any'],
  ['message-server', 'any'],
];

/** The backup modes a kind supports (rules.md section 10): `haSupport('server') === 'warm'`. */
export function haSupport(kind: ComponentKind): HaSupport {
  const registered = kindInfo(kind).rules.ha;
  return registered !== 'none' ? registered : (HA_FALLBACK.find(([k]) => k === kind)?.[1] ?? 'none');
}

/**
 * Why a kind cannot have a backup under a rule set, or `null` when it can. A WFM Server backup is
 * documented from 8.5.2 on (rules.md section 7).
 */
export function whyNoBackup(kind: ComponentKind, ruleset: RulesetId | undefined): string | null {
  const ha = haSupport(kind);
  if (ha === 'none') return `A ${kindInfo(kind).displayName} has no backup in this guide.`;
  if (kind === 'server' && ruleset !== undefined && ruleset !== 'wfm-8.5.2') {
    return 'A warm standby WFM Server is documented from WFM 8.5.2 on.';
  }
  return null;
}

// TODO(i13-domain): switch to the registry's group of context kinds (rules.md section 8).
const CONTEXT_KINDS: ReadonlySet<string> = new Set(['config-server', 'scs', 'smtp-server', 'load-balancer']);

/** A Framework context kind (Configuration Server, SCS, SMTP server, load balancer): never judged by the matrix. */
export function isContextKind(kind: string): boolean {
  return CONTEXT_KINDS.has(kind);
}
