// Tidy up's layout engine, off the main thread: ELK (1.6 MB) loads here on first use, never in
// the first screen. The layout code is the one the CLI and the tests run (src/drawing/elk-layout).
import ELK from 'elkjs/lib/elk.bundled.js';
import type { TopologyDocument } from '../../document';
import { elkLayout } from '../../drawing/elk-layout';

interface Request {
  readonly id: number;
  readonly document: TopologyDocument;
}

const elk = new ELK({ algorithms: ['layered'] });

// elk.bundled.js sets its own message handler when loaded in a worker; this one replaces it.
self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, document } = event.data;
  try {
    const layout = await elkLayout(elk, document);
    self.postMessage({ id, layout });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
