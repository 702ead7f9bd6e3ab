import { displayName } from './kinds';
import type { TopologyComponent } from './model';

/** How messages name a component: `describeComponent({ kind: 'builder', name: 'B1' })` is `WFM Builder 'B1'`. */
export function describeComponent(component: Pick<TopologyComponent, 'kind' | 'name'>): string {
  return `${displayName(component.kind)} '${component.name}'`;
}

/** "1 warning", "2 warnings": a count with its noun in the right number. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
