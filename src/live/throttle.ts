// Presence changes at the pointer's pace (a mouse reports 60–1,000 moves a second); the room needs
// far fewer. A throttle sends the first value at once and then at most one every `interval`, always
// ending with the latest, so a pointer that stops is published where it stopped.

/** The clock a throttle runs on; tests give it a fake one. */
export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: ThrottleClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttle<T> {
  /** Offers a value: sent now if the last send is `interval` ago, else when it is (the latest wins). */
  push(value: T): void;
  /** Sends the waiting value now, if any. */
  flush(): void;
  /** Drops the waiting value. */
  cancel(): void;
}

/**
 * A leading and trailing throttle.
 * Example: createThrottle(send, 50) sends at most 20 values a second, the last one always.
 */
export function createThrottle<T>(
  send: (value: T) => void,
  interval: number,
  clock: ThrottleClock = REAL_CLOCK,
): Throttle<T> {
  let last = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    last = clock.now();
    send(value);
  };
  return {
    push(value) {
      waiting = { value };
      if (timer !== null) return;
      const wait = last + interval - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    },
    flush() {
      if (timer !== null) clock.clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      waiting = null;
    },
  };
}
