import { expect, test } from 'vitest';
import { createThrottle, type ThrottleClock } from './throttle';

/** A clock the test moves by hand: timers run when their time is reached. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 1;
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout(run, ms) {
      const id = next++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== timer);
      timer.run();
    }
  };
  return { clock, advance };
}

test('the first value goes at once; the next ones at most one per interval, the latest winning', () => {
  const { clock, advance } = manualClock();
  const sent: number[] = [];
  const throttle = createThrottle<number>((v) => sent.push(v), 50, clock);
  throttle.push(1);
  expect(sent).toEqual([1]);
  for (let v = 2; v <= 10; v += 1) {
    advance(5);
    throttle.push(v);
  }
  expect(sent).toEqual([1]);
  advance(5);
  expect(sent).toEqual([1, 10]);
  advance(100);
  expect(sent).toEqual([1, 10]);
  throttle.push(11);
  expect(sent).toEqual([1, 10, 11]);
});

test('a thousand moves in a second send at most 21 values, the last one included', () => {
  const { clock, advance } = manualClock();
  const sent: number[] = [];
  const throttle = createThrottle<number>((v) => sent.push(v), 50, clock);
  for (let v = 1; v <= 1000; v += 1) {
    throttle.push(v);
    advance(1);
  }
  advance(50);
  expect(sent.length).toBeLessThanOrEqual(21);
  expect(sent.at(-1)).toBe(1000);
});

test('flush sends the waiting value now; cancel drops it', () => {
  const { clock, advance } = manualClock();
  const sent: string[] = [];
  const throttle = createThrottle<string>((v) => sent.push(v), 50, clock);
  throttle.push('a');
  throttle.push('b');
  throttle.flush();
  expect(sent).toEqual(['a', 'b']);
  throttle.push('c');
  throttle.cancel();
  advance(100);
  expect(sent).toEqual(['a', 'b']);
});
