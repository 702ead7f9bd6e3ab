import {
  type HaSupport,
  KIND_GROUP_TITLES,
  KIND_REGISTRY,
  type KindEntry,
  type KindGroup,
} from './kind-registry';
import { isReleaseFrom, type RulesetId } from './ruleset-ids';

// The kinds as the rest of the code reads them, all derived from the registry (decision 017).

export type { HaSupport, KindEntry, KindGroup, KindRules, TlsSetup } from './kind-registry';
export { KIND_GROUP_TITLES, KIND_REGISTRY } from './kind-registry';

type Registry = typeof KIND_REGISTRY;

/** A kind id of rules.md sections 1 and 8: a key of the registry. */
export type ComponentKind = keyof Registry;

/** Kinds that have a row in the matrix: they start connections. */
export type SourceKind = {
  [K in ComponentKind]: Registry[K] extends { readonly matrixRow: string } ? K : never;
}[ComponentKind];

/** Kinds that have a column in the matrix: something may connect to them. */
export type TargetKind = {
  [K in ComponentKind]: Registry[K] extends { readonly matrixColumn: true } ? K : never;
}[ComponentKind];

type Expect<T extends true> = T;
/** Compile-time proof that every entry's `kind` is its own key. */
export type KindIdsMatchTheirKeys = Expect<
  { [K in ComponentKind]: Registry[K]['kind'] extends K ? true : false }[ComponentKind] extends true
    ? true
    : false
>;

/** A registry entry with its kind id typed as one. */
export interface KindInfo extends KindEntry {
  readonly kind: ComponentKind;
}

/** True when `value` is one of the kind ids of rules.md sections 1 and 8. */
export function isComponentKind(value: unknown): value is ComponentKind {
  return typeof value === 'string' && Object.hasOwn(KIND_REGISTRY, value);
}

/** Every component kind, in the order the palette and the matrix show them (the registry's order). */
export const COMPONENT_KINDS: readonly ComponentKind[] = Object.keys(KIND_REGISTRY).filter(isComponentKind);

/** The component catalog, by kind id: the registry itself. */
export const KIND_CATALOG: Registry = KIND_REGISTRY;

/** The registry entry of a kind, e.g. `kindInfo('dap').displayName === 'DAP'`. */
export function kindInfo(kind: ComponentKind): KindInfo {
  return KIND_REGISTRY[kind];
}

/** The display name of a kind, e.g. `displayName('builder') === 'WFM Builder'`. */
export function displayName(kind: ComponentKind): string {
  return KIND_REGISTRY[kind].displayName;
}

export interface KindGroupSection {
  readonly group: KindGroup;
  readonly title: string;
  readonly kinds: readonly KindInfo[];
}

function isKindGroup(value: string): value is KindGroup {
  return Object.hasOwn(KIND_GROUP_TITLES, value);
}

/** The kinds by group, groups with no kind left out: `kindsByGroup()[0].title === 'WFM applications'`. */
export function kindsByGroup(): KindGroupSection[] {
  return Object.keys(KIND_GROUP_TITLES)
    .filter(isKindGroup)
    .map((group) => ({
      group,
      title: KIND_GROUP_TITLES[group],
      kinds: COMPONENT_KINDS.map(kindInfo).filter((info) => info.group === group),
    }))
    .filter((section) => section.kinds.length > 0);
}

/**
 * True for the Framework context kinds of rules.md section 8 (Configuration Server, Solution Control
 * Server, SMTP server, load balancer): a connection with one at either end is a context link, which
 * the matrix does not govern. `isContextKind('scs') === true`, `isContextKind('dap') === false`.
 */
export function isContextKind(kind: ComponentKind): boolean {
  return KIND_REGISTRY[kind]?.group === 'context';
}

/** The context kinds, in the registry's order: no row and no column of the matrix. */
export const CONTEXT_KINDS: readonly ComponentKind[] = COMPONENT_KINDS.filter(isContextKind);

/** The kinds of the matrix's world (rules.md section 1): every kind but the context kinds. */
export const MATRIX_WORLD_KINDS: readonly ComponentKind[] = COMPONENT_KINDS.filter(
  (kind) => !isContextKind(kind),
);

/**
 * The backup modes a kind supports under a rule set (rules.md section 10): its entry's `ha`, or
 * `none` before the release its `haFrom` names.
 * @example haSupport('server', 'wfm-8.5.2') === 'warm'; haSupport('server', 'wfm-8.5.1') === 'none'
 */
export function haSupport(kind: ComponentKind, ruleset: RulesetId): HaSupport {
  const rules: KindEntry['rules'] | undefined = KIND_REGISTRY[kind]?.rules;
  if (!rules) return 'none';
  if (rules.haFrom !== undefined && !isReleaseFrom(ruleset, rules.haFrom)) return 'none';
  return rules.ha;
}
