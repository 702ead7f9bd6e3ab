import { displayName } from './kinds';
import type { TopologyComponent } from './model';

/** How messages name a component: `describeComponent({ kind: 'builder', name: 'B1' })` is `WFM Builder 'B1'`. */
export function describeComponent(component: Pick<TopologyComponent, 'kind' | 'name'>): string {
  return `${displayName(component.kind)} '${component.name}'`;
}
