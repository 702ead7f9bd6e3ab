import type { DesignerStore } from '../store/store';

/** Lays the diagram out by role as one undo step. The layout library loads on first use. */
export async function tidyUp(store: DesignerStore): Promise<void> {
  store.getState().notify('Tidy up is not available yet.');
}
