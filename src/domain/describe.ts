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

/** The text with its first letter in capitals: `capitalised('the Management Layer')` is `The Management Layer`. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
