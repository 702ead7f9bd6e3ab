import { type KeyboardEvent, type PointerEvent, type RefObject, useEffect, useState } from 'react';

/** The smallest height: the panel's title line, which says "No problems" or the counts. */
export const PROBLEMS_MIN_HEIGHT = 38;
/** What the canvas keeps, at least, when the panel is dragged up. */
const CANVAS_KEEPS = 240;
const STEP = 16;
const PAGE = 80;

/** The panel's height as laid out, followed as it changes. */
function useHeight(panel: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(Math.round(element.getBoundingClientRect().height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [panel]);
  return height;
}

/** The tallest the panel may be: its column less what the canvas keeps. */
function maximum(panel: HTMLElement | null): number {
  const column = panel?.parentElement?.getBoundingClientRect().height ?? 0;
  return Math.max(PROBLEMS_MIN_HEIGHT, Math.round(column - CANVAS_KEEPS));
}

/**
 * The bar above the Problems panel that resizes it (decision 028): a focusable separator whose
 * value is the panel's height in pixels. Drag it, or use the arrow keys (Page Up and Down for
 * larger steps, Home and End for the smallest and largest); a double click or Enter gives the
 * panel back the height its content needs.
 */
export function ProblemsResizer({
  panel,
  controls,
  onResize,
}: {
  panel: RefObject<HTMLElement | null>;
  controls: string;
  onResize: (height: number | null) => void;
}) {
  const height = useHeight(panel);
  const [drag, setDrag] = useState<{ readonly y: number; readonly height: number } | null>(null);
  const clamp = (value: number) =>
    Math.round(Math.min(maximum(panel.current), Math.max(PROBLEMS_MIN_HEIGHT, value)));

  const onKeyDown = (event: KeyboardEvent) => {
    const by: { readonly [key: string]: number } = {
      ArrowUp: STEP,
      ArrowDown: -STEP,
      PageUp: PAGE,
      PageDown: -PAGE,
    };
    const step = by[event.key];
    if (step !== undefined) onResize(clamp(height + step));
    else if (event.key === 'Home') onResize(PROBLEMS_MIN_HEIGHT);
    else if (event.key === 'End') onResize(maximum(panel.current));
    else if (event.key === 'Enter') onResize(null);
    else return;
    event.preventDefault();
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ y: event.clientY, height });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) onResize(clamp(drag.height - (event.clientY - drag.y)));
  };
  const onPointerEnd = () => setDrag(null);

  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot take focus, be dragged or hold a value.
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize Problems"
      aria-controls={controls}
      aria-valuenow={height}
      aria-valuemin={PROBLEMS_MIN_HEIGHT}
      aria-valuemax={Math.max(height, maximum(panel.current))}
      aria-valuetext={`${height} pixels high`}
      tabIndex={0}
      title="Drag to resize the Problems panel; double-click to fit its content"
      className={drag ? 'problems-resizer is-dragging' : 'problems-resizer'}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={() => onResize(null)}
    />
  );
}
