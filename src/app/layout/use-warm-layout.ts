import { useEffect } from 'react';
import { useDesigner, useDesignerStore } from '../../store/react';

/**
 * From this many components on, the layout worker is started while the browser is idle and lays
 * the open diagram out ahead of time: a Tidy up of that same diagram is then instant, and of an
 * edited one runs on a warm engine (docs/performance.md). A small diagram lays out fast cold, and
 * its page never loads the engine unless asked.
 */
export const WARM_FROM = 60;
/**
 * Up to this many: laying a larger diagram out ahead would keep a core busy for many seconds (a
 * minute and more at thousands of cards) while the user works, for a Tidy up they may never ask.
 */
export const WARM_UP_TO = 300;

let warmed = false;

/** Warms the layout engine once, at idle time, with the open diagram when it is large (not huge). */
export function useWarmLayout(): void {
  const store = useDesignerStore();
  const large = useDesigner(
    (s) => s.document.components.length >= WARM_FROM && s.document.components.length <= WARM_UP_TO,
  );
  useEffect(() => {
    if (!large || warmed) return;
    const warm = () => {
      warmed = true;
      const { document } = store.getState();
      import('./layout-client').then((client) => client.warmLayoutWorker(document)).catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(warm, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(warm, 1000);
    return () => window.clearTimeout(id);
  }, [large, store]);
}
