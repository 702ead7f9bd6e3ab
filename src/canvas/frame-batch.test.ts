import { describe, expect, it } from 'vitest';
import { createFrameBatch, type FrameScheduler } from './frame-batch';

function manualFrames() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  const scheduler: FrameScheduler = {
    request(callback) {
      callbacks.set(next, callback);
      return next++;
    },
    cancel(handle) {
      callbacks.delete(handle);
    },
  };
  const runFrame = () => {
    const due = [...callbacks.values()];
    callbacks.clear();
    for (const callback of due) callback();
  };
  return { scheduler, runFrame, waiting: () => callbacks.size };
}

/** A batch on manual frames that records what it applies. */
function recordedBatch() {
  const frames = manualFrames();
  const applied: Array<Record<string, number>> = [];
  const batch = createFrameBatch<number>(
    (values) => applied.push(Object.fromEntries(values)),
    frames.scheduler,
  );
  return { frames, applied, batch };
}

describe('createFrameBatch', () => {
  it('applies the moves of one frame together, the last move of a card winning', () => {
    const { frames, applied, batch } = recordedBatch();
    batch.add('a', 1);
    batch.add('b', 2);
    batch.add('a', 3);
    expect(applied).toEqual([]);
    expect(frames.waiting()).toBe(1);
    frames.runFrame();
    expect(applied).toEqual([{ a: 3, b: 2 }]);
    frames.runFrame();
    expect(applied).toHaveLength(1);
  });

  it('flushes at once and cancels the frame it asked for', () => {
    const { frames, applied, batch } = recordedBatch();
    batch.add('a', 1);
    batch.flush();
    expect(applied).toEqual([{ a: 1 }]);
    expect(frames.waiting()).toBe(0);
    batch.flush();
    expect(applied).toHaveLength(1);
  });

  it('drops what is queued on cancel', () => {
    const frames = manualFrames();
    const applied: unknown[] = [];
    const batch = createFrameBatch<number>((values) => applied.push(values), frames.scheduler);
    batch.add('a', 1);
    batch.cancel();
    frames.runFrame();
    batch.flush();
    expect(applied).toEqual([]);
  });
});
