import { useEffect, useState } from 'react';

/** The hint an empty canvas shows. */
export function EmptyCanvasHint() {
  return (
    <div className="canvas__empty" aria-hidden="true">
      <p>Drag components here from the palette, or click one to add it.</p>
      <p>Then drag from a component’s bottom dot to another component to connect them.</p>
    </div>
  );
}

/**
 * False until the page has painted once. The canvas (React Flow, in a chunk of its own) loads and
 * mounts after the first paint, so the top bar, the palette and the problems show without waiting
 * for it or for a diagram of hundreds of cards (docs/performance.md: cold load).
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timeout = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timeout);
    };
  }, []);
  return painted;
}
