import type { DocumentComponent, TopologyDocument } from '../document';
import { createDesignerStore, type DesignerStore } from './store';

// Builders for the tests of the store and of what binds to it (the live binding): one small
// deployment, so each test file does not keep its own copy.

/** A component for a test document at (x, y): `component('srv-1', 'server', 'WFM_Server_1', 0)`. */
export function component(
  id: string,
  kind: DocumentComponent['kind'],
  name: string,
  x: number,
  y = 0,
): DocumentComponent {
  return { id, kind, name, position: { x, y } };
}

/** What a test may change of the small deployment: the Builder's name and the row both stand on. */
export interface DeploymentOptions {
  readonly builderName?: string;
  readonly y?: number;
}

/**
 * The small deployment "Lab": a WFM Server, a WFM Builder and one Builder → Server connection:
 * `deployment({ builderName: 'Site_A_Builder' })`.
 */
export function deployment({
  builderName = 'WFM_Builder_1',
  y = 0,
}: DeploymentOptions = {}): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'Lab',
    components: [
      component('srv-1', 'server', 'WFM_Server_1', 0, y),
      component('bld-1', 'builder', builderName, 200, y),
    ],
    connections: [{ id: 'c-1', from: 'bld-1', to: 'srv-1' }],
  };
}

/** A fresh store holding the small deployment. */
export function storeWithDeployment(options: DeploymentOptions = {}): DesignerStore {
  return createDesignerStore(deployment(options));
}
