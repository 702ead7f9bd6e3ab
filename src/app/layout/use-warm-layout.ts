import { useEffect } from 'react';
import { useDesigner } from '../../store/react';

/**
 * From this many components on, the layout worker is started and warmed while the browser is idle:
 * the first Tidy up of a large diagram then takes its warm time (0.7 s at 200 cards, not 1.3 s).
 * A small diagram lays out fast cold, and its page never loads the engine unless asked.
 */
export const WARM_FROM = 60;

let warmed = false;

/** Warms the layout engine once, at idle time, when the open diagram is large. */
export function useWarmLayout(): void {
  const large = useDesigner((s) => s.document.components.length >= WARM_FROM);
  useEffect(() => {
    if (!large || warmed) return;
    const warm = () => {
      warmed = true;
      import('./layout-client').then((client) => client.warmLayoutWorker()).catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(warm, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(warm, 1000);
    return () => window.clearTimeout(id);
  }, [large]);
}
