import type { InternalNode } from '@xyflow/react';
import type { TopologyDocument } from '../document';
import { CARD } from '../drawing';
import type { ContainerRects } from '../store/containers';
import type { Box, FitInput } from './fit';

// What the fit of fit.ts is given, read from the page: the part of the pane the user sees and what
// is drawn over it, in the pane's pixels, and the boxes of the diagram in flow coordinates.

/**
 * The selector of the side panels (Explain, Exercises). They dock beside the canvas (decision 028),
 * so the pane shrinks instead; one that still lay over the pane would take its side away.
 */
const SIDE_PANEL = '.side-panel';
/** React Flow's panels in the pane: the overview map, the zoom controls, the attribution. */
const OVERLAY = '.react-flow__panel';

function relative(rect: DOMRect, to: DOMRect): Box {
  return { x: rect.left - to.left, y: rect.top - to.top, width: rect.width, height: rect.height };
}

/**
 * The visible part of `pane` (React Flow's `.react-flow` element) and its overlays. A side panel
 * over the canvas would take its side of the pane away; the overview map and the zoom controls are
 * obstacles no card may lie under.
 */
export function measureFitArea(pane: Element): Omit<FitInput, 'items'> | null {
  const box = pane.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return null;
  let left = 0;
  let right = box.width;
  for (const panel of pane.ownerDocument.querySelectorAll(SIDE_PANEL)) {
    const rect = panel.getBoundingClientRect();
    const across =
      rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top;
    if (!across || rect.width === 0) continue;
    if (rect.left + rect.width / 2 > box.left + box.width / 2) right = Math.min(right, rect.left - box.left);
    else left = Math.max(left, rect.right - box.left);
  }
  if (right - left < box.width / 4) {
    // A panel over most of a narrow canvas: fit to the whole pane rather than to a sliver.
    left = 0;
    right = box.width;
  }
  const obstacles = [...pane.querySelectorAll(OVERLAY)]
    .map((overlay) => relative(overlay.getBoundingClientRect(), box))
    .filter((overlay) => overlay.width > 0 && overlay.height > 0);
  return { area: { x: left, y: 0, width: right - left, height: box.height }, obstacles };
}

/** What `nodeBoxes` reads of React Flow's internal node, whatever the canvas's node type. */
export type MeasuredNode = Pick<InternalNode, 'internals' | 'measured' | 'hidden' | 'width' | 'height'>;

/** Each node's box in flow coordinates: as measured, or, before it is, at its given or usual size. */
export function nodeBoxes(nodes: Iterable<MeasuredNode>): Box[] {
  const boxes: Box[] = [];
  for (const node of nodes) {
    if (node.hidden) continue;
    boxes.push({
      x: node.internals.positionAbsolute.x,
      y: node.internals.positionAbsolute.y,
      width: node.measured.width ?? node.width ?? CARD.width,
      height: node.measured.height ?? node.height ?? CARD.height,
    });
  }
  return boxes;
}

/** A note's usual size on the canvas (its box is at most 260 px wide). */
const NOTE = { width: 260, height: 80 } as const;

/**
 * The diagram's boxes as the document places them, before React Flow has measured anything: each
 * card at its usual size, each host and zone at its rectangle, each note at a note's usual size.
 */
export function documentBoxes(document: TopologyDocument, rects: ContainerRects): Box[] {
  const boxes: Box[] = [];
  for (const { position } of document.components) {
    boxes.push({ x: position?.x ?? 0, y: position?.y ?? 0, width: CARD.width, height: CARD.height });
  }
  for (const rect of rects.hosts.values()) boxes.push(rect);
  for (const rect of rects.zones.values()) boxes.push(rect);
  for (const { position } of document.annotations ?? []) boxes.push({ ...position, ...NOTE });
  return boxes;
}
