import { useEffect, useSyncExternalStore } from 'react';
import { EmptyCanvasHint, usePaintedOnce } from '../canvas/canvas-frame';
import { useDesigner } from '../store/react';

// The canvas and React Flow are a chunk of their own, out of the first script (decision 012). The
// entry starts fetching it before anything else (`loadCanvas` in main.tsx), so it arrives while
// the library opens, and the slot renders it as soon as the module is there: a plain
// subscription, not `lazy` and Suspense, whose reveal React holds back until 300 ms after the
// placeholder was shown (decision 020).

type CanvasModule = typeof import('../canvas/designer-canvas');

type Loading =
  | { readonly kind: 'idle' | 'loading' | 'failed' }
  | { readonly kind: 'loaded'; readonly module: CanvasModule };

let loading: Loading = { kind: 'idle' };
const listeners = new Set<() => void>();

function settle(next: Loading): void {
  loading = next;
  for (const listener of [...listeners]) listener();
}

/** Starts fetching the canvas's chunk; later calls do nothing. */
export function loadCanvas(): void {
  if (loading.kind !== 'idle') return;
  loading = { kind: 'loading' };
  import('../canvas/designer-canvas').then(
    (module) => {
      performance.mark('wfm:open:canvas-module');
      settle({ kind: 'loaded', module });
    },
    () => settle({ kind: 'failed' }),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const current = () => loading;

/** What stands in the canvas's place until it has loaded: the empty canvas, with its hint when empty. */
function CanvasPlaceholder({ failed }: { failed: boolean }) {
  const empty = useDesigner((s) => s.document.components.length === 0);
  return (
    <div className="canvas">
      {failed ? (
        <div className="canvas__empty" role="alert">
          <p>The canvas could not be loaded. Check the connection and reload the page.</p>
        </div>
      ) : (
        empty && <EmptyCanvasHint />
      )}
    </div>
  );
}

/** The canvas once the page has painted once and its module is there; the placeholder before. */
export function CanvasSlot() {
  const painted = usePaintedOnce();
  const state = useSyncExternalStore(subscribe, current, current);
  // main.tsx has started it already; a test that renders the app alone starts it here.
  useEffect(loadCanvas, []);
  if (!painted || state.kind !== 'loaded') return <CanvasPlaceholder failed={state.kind === 'failed'} />;
  const { Canvas } = state.module;
  return <Canvas />;
}
