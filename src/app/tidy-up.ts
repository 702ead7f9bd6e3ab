import type { XY } from '../drawing/tidy-layout';
import type { DesignerStore } from '../store/store';

/**
 * Lays the diagram out by role as one undo step, then calls `onDone` (the toolbar fits the view).
 * The layout and dagre load on first use, so they stay out of the initial bundle.
 */
export async function tidyUp(store: DesignerStore, onDone?: () => void): Promise<void> {
  const before = store.getState().document;
  if (before.components.length === 0) return;
  let positions: Map<string, XY>;
  try {
    const { tidyLayout } = await import('../drawing/tidy-layout');
    positions = tidyLayout(before);
  } catch (error) {
    store
      .getState()
      .notify(`Tidy up failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    return;
  }
  const state = store.getState();
  // The diagram changed while the layout loaded: these positions would undo that change.
  if (state.document !== before) {
    state.notify('The diagram changed while it was being tidied up; try again.', 'refusal');
    return;
  }
  state.moveComponents(positions, 'step');
  const moved = store.getState().document !== before;
  onDone?.();
  state.notify(
    moved ? 'Tidied up the diagram by role. Undo puts the cards back.' : 'The diagram is already tidy.',
  );
}
