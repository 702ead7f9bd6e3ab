import { createContext, useContext } from 'react';
import type { Rect } from '../drawing';

/**
 * What the rest of the designer asks of the canvas: where the view is, and to move it. The
 * canvas (with React Flow) loads after the first paint, in a chunk of its own, so the palette,
 * the panels and the commands reach it through this handle instead of React Flow's hooks, and the
 * first script does not carry React Flow (docs/performance.md: cold load). Until the canvas has
 * mounted the handle is empty, and what needs it does nothing or falls back.
 */
export interface FlowHandle {
  screenToFlowPosition(point: { x: number; y: number }): { x: number; y: number };
  getZoom(): number;
  setCenter(x: number, y: number, options: { zoom: number; duration: number }): void;
  /** Fits the view to the whole diagram in the part of the canvas the user sees (decision 025). */
  fitView(): void;
  /** A card's box in flow coordinates, once React Flow has it. */
  cardBox(id: string): Rect | undefined;
}

export interface FlowHandleRef {
  current: FlowHandle | null;
}

export const FlowHandleContext = createContext<FlowHandleRef>({ current: null });

export function useFlowHandle(): FlowHandleRef {
  return useContext(FlowHandleContext);
}

/** The MIME type the palette puts on a dragged kind. */
export const KIND_DRAG_TYPE = 'application/x-wfm-kind';

/** The MIME type the palette puts on a dragged host, zone or note. */
export const LAYOUT_DRAG_TYPE = 'application/x-wfm-layout';

/** What the palette's "Layout" group adds. */
export type LayoutItem = 'host' | 'zone' | 'note';
export const LAYOUT_ITEMS: readonly LayoutItem[] = ['host', 'zone', 'note'];

export function isLayoutItem(value: string): value is LayoutItem {
  return (LAYOUT_ITEMS as readonly string[]).includes(value);
}
