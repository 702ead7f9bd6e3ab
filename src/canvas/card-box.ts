import type { InternalNode } from '@xyflow/react';
import { CARD, type Rect } from '../drawing';

export type CardNode = InternalNode;

/** A card's box as React Flow has it: where it is, and its measured size. */
export function cardBox(node: CardNode): Rect {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? CARD.width,
    height: node.measured.height ?? CARD.height,
  };
}
