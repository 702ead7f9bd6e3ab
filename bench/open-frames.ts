// How the open scenarios read the frames a page recorded (bench/open-scenarios.ts): pure, so the
// definition of "fitted and painted" is tested (tests/bench-open-frames.test.ts).

/** One animation frame as the recorder saw it. */
export interface FrameState {
  /** `performance.now()` in the frame's animation callback: milliseconds since navigation began. */
  readonly at: number;
  /** Cards in the document, measured and shown (React Flow hides a card until it is measured). */
  readonly visible: number;
  readonly edges: number;
  /** The viewport's CSS transform: the fit. */
  readonly transform: string;
  /** Whether the page's shell (the designer's top bar and panels) and React Flow are in the DOM. */
  readonly shell: boolean;
  readonly flow: boolean;
}

/**
 * When the diagram of `cards` cards and `edges` connections was fitted and painted, or `null`
 * when it never was. The fit is final when it no longer changes: the fitted frame is the first
 * from which every later frame shows the last frame's transform with every card and connection,
 * and the start of the frame after it is when it had been painted.
 */
export function fittedAndPaintedAt(
  frames: readonly FrameState[],
  cards: number,
  edges: number,
): number | null {
  const final = frames.at(-1)?.transform;
  const done = (frame: FrameState) =>
    frame.transform === final && frame.visible === cards && frame.edges === edges;
  let first = frames.length;
  while (first > 0 && done(frames[first - 1] as FrameState)) first -= 1;
  if (first === frames.length) return null;
  return frames[first + 1]?.at ?? null;
}

/**
 * Animation frames from the moment the canvas could be shown (the shell on screen and the canvas's
 * module loaded, at `moduleAt`) to the first frame with React Flow in it. A page without a shell or
 * a module (the floor) could show it from its first frame.
 */
export function revealFrames(frames: readonly FrameState[], moduleAt: number): number {
  const shellAt = frames.find((frame) => frame.shell)?.at ?? 0;
  const readyAt = Math.max(shellAt, moduleAt);
  const mountedAt = frames.find((frame) => frame.flow)?.at ?? Number.POSITIVE_INFINITY;
  return frames.filter((frame) => frame.at > readyAt && frame.at <= mountedAt).length;
}
