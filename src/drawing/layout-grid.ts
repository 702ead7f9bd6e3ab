/** The card size every writer and the automatic layout assume; a card grows up to 300 px wide. */
export const CARD_WIDTH = 200;
export const CARD_HEIGHT = 60;
/** The same, as a size: a card before it is measured, on the canvas and in every drawing. */
export const CARD = { width: CARD_WIDTH, height: CARD_HEIGHT } as const;
/** The canvas's snap grid: a card placed off it would jump sideways on its first arrow-key nudge. */
export const GRID = 8;

/** Rounds a flow coordinate to the canvas's snap grid. */
export function snapToGrid(value: number): number {
  return Math.round(value / GRID) * GRID;
}
