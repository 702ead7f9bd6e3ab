// How the canvas frames a diagram, in a module of its own with no imports: the bench's plain
// React Flow page (bench/floor) fits the same documents with exactly these options.

/** How the canvas fits a diagram: the whole of it with a margin, never zoomed in past 120 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 } as const;

/** How far the user may zoom out and in. */
export const ZOOM_RANGE = { minZoom: 0.1, maxZoom: 2.5 } as const;
