import { useSyncExternalStore } from 'react';
import { EmptyCanvasHint, usePaintedOnce } from '../canvas/canvas-frame';
import { useDesigner } from '../store/react';
import { ContextMenuHost } from './context-menu';
import { useWarmLayout } from './layout/use-warm-layout';
import { canvasModule } from './open-early';

// The canvas and React Flow are a chunk of their own, out of the first script (decision 012). The
// page requests it as soon as its first script has run (open-early.ts), so it arrives while the
// library reads the document, and the slot renders it as soon as the module is there: a plain
// subscription, not `lazy` and Suspense, whose reveal React holds back until 300 ms after the
// placeholder showed (decision 020).

type CanvasModule = Awaited<typeof canvasModule>;

type Loading =
  | { readonly kind: 'loading' | 'failed' }
  | { readonly kind: 'loaded'; readonly module: CanvasModule };

let loading: Loading = { kind: 'loading' };
const listeners = new Set<() => void>();

function settle(next: Loading): void {
  loading = next;
  for (const listener of [...listeners]) listener();
}

canvasModule.then(
  (module) => {
    // Where an opening's time goes, for the bench (docs/performance.md).
    performance.mark('wfm:open:canvas-module');
    settle({ kind: 'loaded', module });
  },
  () => settle({ kind: 'failed' }),
);

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
  useWarmLayout();
  const state = useSyncExternalStore(subscribe, current, current);
  if (!painted || state.kind !== 'loaded') return <CanvasPlaceholder failed={state.kind === 'failed'} />;
  const { Canvas } = state.module;
  return (
    <ContextMenuHost>
      <Canvas />
    </ContextMenuHost>
  );
}
