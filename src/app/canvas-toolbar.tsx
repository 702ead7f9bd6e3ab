import { useFlowHandle } from '../canvas/flow-handle';
import { FIT_VIEW_OPTIONS } from '../canvas/view';
import { useDesigner, useDesignerStore } from '../store/react';
import { tidyUp } from './tidy-up';

/** Commands about the diagram as a whole: start from a template, learn the rules, lay it out. */
export function CanvasToolbar() {
  const store = useDesignerStore();
  const sidePanel = useDesigner((s) => s.sidePanel);
  const empty = useDesigner((s) => s.document.components.length === 0);
  const flow = useFlowHandle();
  // After the next render, when React Flow knows the new positions.
  const fitAfterTidyUp = () => requestAnimationFrame(() => flow.current?.fitView(FIT_VIEW_OPTIONS));
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Diagram">
      <button
        type="button"
        className="button"
        onClick={() => store.getState().openDialog({ kind: 'templates' })}
      >
        Templates
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void tidyUp(store, fitAfterTidyUp)}
        disabled={empty}
      >
        Tidy up
      </button>
      <span className="top-bar__divider" aria-hidden="true" />
      <button
        type="button"
        className="button"
        onClick={() => store.getState().openDialog({ kind: 'matrix' })}
      >
        Matrix
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={sidePanel === 'explain'}
        onClick={() => store.getState().toggleSidePanel('explain')}
      >
        Explain
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={sidePanel === 'exercises'}
        onClick={() => store.getState().toggleSidePanel('exercises')}
      >
        Exercises
      </button>
    </div>
  );
}
