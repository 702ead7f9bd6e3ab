/**
 * Gathers the positions of a drag and hands them on once per animation frame. React Flow reports
 * a move for every mouse event (125 per second from many mice), and each reached the store and
 * re-rendered the canvas synchronously, so at 1,000 components the input handlers took the whole
 * main thread and frames were starved (docs/performance.md). Batched, the canvas renders at most
 * once per frame; a later move of a card replaces its earlier one.
 */
export interface FrameBatch<Value> {
  /** Queues `value` for `id`, to be applied on the next frame. */
  add(id: string, value: Value): void;
  /** Applies what is queued now (a drag ends, the selection changes), and cancels the frame. */
  flush(): void;
  /** Drops what is queued (the canvas goes away). */
  cancel(): void;
}

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export function createFrameBatch<Value>(
  apply: (values: ReadonlyMap<string, Value>) => void,
  scheduler: FrameScheduler = animationFrames,
): FrameBatch<Value> {
  let pending = new Map<string, Value>();
  let handle: number | null = null;
  const flush = () => {
    if (handle !== null) scheduler.cancel(handle);
    handle = null;
    if (pending.size === 0) return;
    const values = pending;
    pending = new Map();
    apply(values);
  };
  return {
    add(id, value) {
      pending.set(id, value);
      if (handle === null) handle = scheduler.request(flush);
    },
    flush,
    cancel() {
      if (handle !== null) scheduler.cancel(handle);
      handle = null;
      pending = new Map();
    },
  };
}
