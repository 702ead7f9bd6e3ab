import { useMemo } from 'react';
import { useFlowHandle } from '../canvas/flow-handle';
import { useViewCentre } from '../canvas/view';
import { useDerivations, useDesignerStore } from '../store/react';
import type { CommandContext } from './command';

/** What the commands run with: the store, its derivations and the canvas's handle. */
export function useCommandContext(): CommandContext {
  const store = useDesignerStore();
  const derivations = useDerivations();
  const viewCentre = useViewCentre();
  const flow = useFlowHandle();
  return useMemo<CommandContext>(
    () => ({
      store,
      derivations,
      viewCentre,
      fitView: () => {
        requestAnimationFrame(() => flow.current?.fitView());
      },
      // The fit's code comes with the canvas's chunk, not the first script (decision 012).
      zoomTo: (ids) => {
        if (!flow.current || ids.length === 0) return false;
        void import('../canvas/zoom-to').then(({ zoomToNodes }) => zoomToNodes(flow.current, ids));
        return true;
      },
    }),
    [store, derivations, viewCentre, flow],
  );
}
