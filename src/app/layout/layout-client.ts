// Talks to the layout worker: one request at a time per document, with a time limit, so a layout
// that never answers (a worker the browser refused, an engine stuck on a huge diagram) ends in a
// message instead of a silent button.
import type { TopologyDocument } from '../../document';
import type { DiagramLayout } from '../../drawing';

interface Answer {
  readonly id: number;
  readonly layout?: DiagramLayout;
  readonly error?: string;
}

let worker: Worker | undefined;
let sequence = 0;
const waiting = new Map<number, { resolve(layout: DiagramLayout): void; reject(error: Error): void }>();

function failAll(error: Error): void {
  for (const pending of waiting.values()) pending.reject(error);
  waiting.clear();
  worker?.terminate();
  worker = undefined;
}

function start(): Worker {
  const created = new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
    name: 'layout',
  });
  created.onmessage = (event: MessageEvent<Answer>) => {
    const pending = waiting.get(event.data.id);
    if (!pending) return;
    waiting.delete(event.data.id);
    if (event.data.layout) pending.resolve(event.data.layout);
    else pending.reject(new Error(event.data.error ?? 'the layout engine gave no answer'));
  };
  created.onerror = (event) => {
    event.preventDefault();
    failAll(new Error(event.message || 'the layout engine could not start'));
  };
  return created;
}

/**
 * A layout asked for ahead of time (`warmLayoutWorker`): Tidy up of the very same document takes
 * its answer instead of asking again.
 */
let ahead: { readonly document: TopologyDocument; readonly answer: Promise<DiagramLayout> } | undefined;

/** Lays `document` out in the worker; rejects after `timeoutMs` (the worker is then replaced). */
export function layoutInWorker(document: TopologyDocument, timeoutMs = 60_000): Promise<DiagramLayout> {
  if (ahead?.document === document) {
    const { answer } = ahead;
    ahead = undefined;
    return answer;
  }
  ahead = undefined;
  return ask(document, timeoutMs);
}

function ask(document: TopologyDocument, timeoutMs: number): Promise<DiagramLayout> {
  worker ??= start();
  sequence += 1;
  const id = sequence;
  const running = worker;
  return new Promise<DiagramLayout>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (!waiting.has(id)) return;
      failAll(new Error(`the layout took longer than ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    waiting.set(id, {
      resolve: (layout) => {
        clearTimeout(timer);
        resolve(layout);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    running.postMessage({ id, document });
  });
}

/**
 * Starts the worker ahead of the first Tidy up and lays `document` out in it: ELK's code is then
 * loaded and compiled when the user asks, and if the document is still the same, its layout is
 * already there. A failure here is forgotten (Tidy up will ask again and report it).
 */
export function warmLayoutWorker(document: TopologyDocument): void {
  if (worker) return;
  const answer = ask(document, 60_000);
  answer.catch(() => {
    if (ahead?.answer === answer) ahead = undefined;
  });
  ahead = { document, answer };
}
