import { expect, test } from 'vitest';
import { type FrameState, fittedAndPaintedAt, revealFrames } from '../bench/open-frames';

// The open scenarios compare the designer with React Flow alone by one definition of "fitted and
// painted" (decision 020); these pin it down.

const FIT = 'translate(308px, 57px) scale(1.08)';
const UNFITTED = 'translate(0px, 0px) scale(1)';

function frame(at: number, visible: number, edges: number, transform: string, flow = true): FrameState {
  return { at, visible, edges, transform, shell: true, flow };
}

test('the fitted frame is painted by the start of the frame after it', () => {
  const frames = [
    frame(100, 0, 0, '', false),
    frame(116, 0, 0, UNFITTED),
    frame(133, 10, 15, UNFITTED),
    frame(150, 10, 15, FIT),
    frame(166, 10, 15, FIT),
    frame(183, 10, 15, FIT),
  ];
  expect(fittedAndPaintedAt(frames, 10, 15)).toBe(166);
});

test('a fit that changes again later counts from the last change', () => {
  const frames = [
    frame(100, 10, 15, FIT),
    frame(116, 10, 15, UNFITTED),
    frame(133, 10, 15, FIT),
    frame(150, 10, 15, FIT),
  ];
  expect(fittedAndPaintedAt(frames, 10, 15)).toBe(150);
});

test('cards or connections still missing at the end mean the diagram was never shown', () => {
  expect(fittedAndPaintedAt([frame(100, 9, 15, FIT), frame(116, 9, 15, FIT)], 10, 15)).toBeNull();
  expect(fittedAndPaintedAt([frame(100, 10, 14, FIT), frame(116, 10, 14, FIT)], 10, 15)).toBeNull();
});

test('a fitted frame with no frame after it has no paint to count', () => {
  expect(fittedAndPaintedAt([frame(100, 10, 15, UNFITTED), frame(116, 10, 15, FIT)], 10, 15)).toBeNull();
});

test('the reveal counts frames from the later of the shell and the module to React Flow in the page', () => {
  const shell = (at: number, flow: boolean): FrameState => ({ ...frame(at, 0, 0, '', flow), shell: true });
  const frames = [
    { ...frame(100, 0, 0, '', false), shell: false },
    shell(116, false),
    shell(133, false),
    shell(150, true),
  ];
  // The module arrived at 120: frames at 133 and 150.
  expect(revealFrames(frames, 120)).toBe(2);
  // A canvas that never shows: every frame after the shell's counts against it.
  const held = Array.from({ length: 20 }, (_, index) => shell(116 + index * 16, false));
  expect(revealFrames(held, 0)).toBe(19);
});
