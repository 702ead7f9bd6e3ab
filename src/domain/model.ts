import type { ComponentKind } from './kinds';
import type { DeploymentOptions } from './options';

/** Security of one connection (rules.md section 5). */
export type Security = 'none' | 'tls' | 'mutual-tls';
export const SECURITY_LEVELS = ['none', 'tls', 'mutual-tls'] as const satisfies readonly Security[];

/** The part of a component the rules look at. Documents carry more (position, host, notes). */
export interface TopologyComponent {
  readonly id: string;
  readonly kind: ComponentKind;
  readonly name: string;
  readonly etl?: boolean | undefined;
}

export interface TopologyConnection {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly security?: Security | undefined;
}

/** What `validate` and `canConnect` read: any document of rules.md section 5 fits. */
export interface Topology {
  readonly options?: Partial<DeploymentOptions> | undefined;
  readonly components: readonly TopologyComponent[];
  readonly connections: readonly TopologyConnection[];
}
