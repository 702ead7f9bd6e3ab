import { BaseEdge, type EdgeProps, type ReactFlowState, useStore } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { estimateTextWidth, placeTag, type Rect, roundedPath, standbyRoute, TakenSpace } from '../drawing';
import { cardBox } from './card-box';
import type { StandbyEdgeType } from './layout-projection';

/** How far around the pair other cards are looked at (the router's first window is as wide). */
const NEAR = 240;
const TEXT_SIZE = 10.5;
const TEXT_HEIGHT = 14;

/**
 * The boxes of the pair's two cards and of every other card near them, as one string: the edge
 * draws again only when one of them moves or changes size, not on every change of the canvas.
 */
function nearCards(source: string, target: string) {
  return (s: ReactFlowState): string => {
    const from = s.nodeLookup.get(source);
    const to = s.nodeLookup.get(target);
    if (!from || !to) return '';
    const a = cardBox(from);
    const b = cardBox(to);
    const x1 = Math.min(a.x, b.x) - NEAR;
    const y1 = Math.min(a.y, b.y) - NEAR;
    const x2 = Math.max(a.x + a.width, b.x + b.width) + NEAR;
    const y2 = Math.max(a.y + a.height, b.y + b.height) + NEAR;
    const boxes = [a, b];
    for (const node of s.nodeLookup.values()) {
      if (node.type !== 'component' || node.id === source || node.id === target) continue;
      const r = cardBox(node);
      if (r.x < x2 && r.x + r.width > x1 && r.y < y2 && r.y + r.height > y1) boxes.push(r);
    }
    return boxes.map((r) => `${r.x},${r.y},${r.width},${r.height}`).join(';');
  };
}

function readBoxes(key: string): Rect[] {
  return key.split(';').map((part) => {
    const [x, y, width, height] = part.split(',').map(Number) as [number, number, number, number];
    return { x, y, width, height };
  });
}

/**
 * The link between a primary and its backup: dashed, with no arrow, labelled with the standby
 * mode. It is a drawing of the pair, not a connection (clients list the primary only). Drawn
 * along the same line as in the exports (`standbyRoute`): straight between two cards side by
 * side, else routed around the other cards, never under one.
 */
export const StandbyEdge = memo(function StandbyEdge({
  id,
  source,
  target,
  data,
}: EdgeProps<StandbyEdgeType>) {
  const key = useStore(useMemo(() => nearCards(source, target), [source, target]));
  const drawn = useMemo(() => {
    if (!key || !data) return undefined;
    const [primary, backup, ...others] = readBoxes(key) as [Rect, Rect, ...Rect[]];
    const route = standbyRoute(backup, primary, [primary, backup, ...others]);
    const text = `${data.standby} standby`;
    const width = estimateTextWidth(text, TEXT_SIZE) + 8;
    const taken = new TakenSpace();
    for (const r of [primary, backup, ...others]) taken.add(r);
    const at = placeTag(route, width, 2 * TEXT_HEIGHT, taken);
    return { path: roundedPath(route), text, x: at.x + width / 2, y: at.y + TEXT_HEIGHT - 3 };
  }, [key, data]);
  if (!drawn) return null;
  return (
    <>
      <BaseEdge id={id} path={drawn.path} className="standby-edge" />
      <g className="standby-label" transform={`translate(${drawn.x} ${drawn.y})`}>
        <text textAnchor="middle">{drawn.text}</text>
      </g>
    </>
  );
});
