import type { ComponentKind } from './kinds';
import type { DeploymentOptions } from './options';
import type { RulesetId } from './ruleset-ids';

/** Security of one connection (rules.md section 5). */
export type Security = 'none' | 'tls' | 'mutual-tls';
export const SECURITY_LEVELS = ['none', 'tls', 'mutual-tls'] as const satisfies readonly Security[];

export {
  DEFAULT_RULESET,
  isReleaseFrom,
  isRulesetId,
  RULESET_IDS,
  type RulesetId,
} from './ruleset-ids';

/** How a backup waits for its primary to fail (rules.md section 10). */
export type Standby = 'warm' | 'hot';
export const STANDBY_MODES = ['warm', 'hot'] as const satisfies readonly Standby[];

/** The part of a component the rules look at. Documents carry more (position, notes). */
export interface TopologyComponent {
  readonly id: string;
  readonly kind: ComponentKind;
  readonly name: string;
  readonly etl?: boolean | undefined;
  /** Version 2: the id of a host of the topology (rules.md section 9). */
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  /** The id of the primary this component is the backup of (rules.md section 10). */
  readonly backupOf?: string | undefined;
  readonly standby?: Standby | undefined;
  /** Mutual TLS authentication is set up on this server, builder or data aggregator. */
  readonly mutualAuth?: boolean | undefined;
}

export interface TopologyConnection {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly security?: Security | undefined;
}

/** A Genesys Host object, as the rules read it (rules.md section 9). */
export interface TopologyHost {
  readonly id: string;
  readonly name: string;
  readonly lca?: boolean | undefined;
  /** Default 4999 (`DEFAULT_LCA_PORT`). */
  readonly lcaPort?: number | undefined;
  readonly certificate?: boolean | undefined;
  /** The zone it stands in: drawing and explanation only, zones carry no rules. */
  readonly zone?: string | undefined;
}

/** A place or network area that holds hosts (rules.md section 9): no rules, only words. */
export interface TopologyZone {
  readonly id: string;
  readonly name: string;
}

export const DEFAULT_LCA_PORT = 4999;

/** What `validate` and `canConnect` read: any document of rules.md sections 5 and 12 fits. */
export interface Topology {
  /** Default `wfm-8.5.2`. */
  readonly ruleset?: RulesetId | undefined;
  readonly options?: Partial<DeploymentOptions> | undefined;
  readonly zones?: readonly TopologyZone[] | undefined;
  readonly hosts?: readonly TopologyHost[] | undefined;
  readonly components: readonly TopologyComponent[];
  readonly connections: readonly TopologyConnection[];
}
