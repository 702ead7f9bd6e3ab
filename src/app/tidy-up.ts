import type { DiagramLayout } from '../drawing';
import type { DesignerStore } from '../store/store';

/** After this long the status line says the layout is still running. */
const SAY_RUNNING_AFTER_MS = 400;

/**
 * Lays the diagram out (zones ⊃ hosts ⊃ cards, tiers by role, routed connections) as one undo
 * step, then calls `onDone` (the toolbar fits the view). The layout engine runs in a worker that
 * loads on first use (decision 026), so it stays out of the first screen and the page stays
 * responsive while it works.
 */
export async function tidyUp(store: DesignerStore, onDone?: () => void): Promise<void> {
  const before = store.getState().document;
  if (before.components.length === 0) return;
  const slow = setTimeout(() => store.getState().notify('Tidying up the diagram…'), SAY_RUNNING_AFTER_MS);
  let layout: DiagramLayout;
  try {
    const { layoutInWorker } = await import('./layout/layout-client');
    layout = await layoutInWorker(before);
  } catch (error) {
    store
      .getState()
      .notify(
        `Tidy up failed: ${error instanceof Error ? error.message : String(error)}. The diagram is unchanged.`,
        'error',
      );
    return;
  } finally {
    clearTimeout(slow);
  }
  const state = store.getState();
  // The diagram changed while the layout ran: applying it would undo that change.
  if (state.document !== before) {
    state.notify('The diagram changed while it was being tidied up; try again.', 'refusal');
    return;
  }
  state.applyLayout(layout);
  const moved = store.getState().document !== before;
  onDone?.();
  state.notify(
    moved
      ? 'Tidied up the diagram: roles in rows, hosts and zones around their cards, connections routed. Undo puts everything back.'
      : 'The diagram is already tidy.',
  );
}
