import { useMemo } from 'react';
import { useFlowHandle } from '../canvas/flow-handle';
import { useViewCentre } from '../canvas/view';
import { zoomToNodes } from '../canvas/zoom-to';
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
      zoomTo: (ids) => zoomToNodes(flow.current, ids),
    }),
    [store, derivations, viewCentre, flow],
  );
}
