import { BaseEdge, type EdgeProps, useStore } from '@xyflow/react';
import { memo } from 'react';
import { cardBox } from './card-box';
import { segmentOf } from './edge-layer-geometry';
import type { StandbyEdgeType } from './layout-projection';

const BOW = 36;

/**
 * The link between a primary and its backup: dashed, with no arrow, labelled with the standby
 * mode. It is a drawing of the pair, not a connection (clients list the primary only).
 */
export const StandbyEdge = memo(function StandbyEdge({
  id,
  source,
  target,
  data,
}: EdgeProps<StandbyEdgeType>) {
  const from = useStore((s) => s.nodeLookup.get(source));
  const to = useStore((s) => s.nodeLookup.get(target));
  if (!from || !to || !data) return null;
  const { start, end } = segmentOf(id, cardBox(from), cardBox(to), false);
  // Bowed to one side: a pair often sits on one row with other cards between, which a straight
  // line would run through. The bow is a fixed share of the length, at least BOW.
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  const bow = Math.max(BOW, length * 0.18);
  const cx = (start.x + end.x) / 2 - (dy / length) * bow;
  const cy = (start.y + end.y) / 2 + (dx / length) * bow;
  // The curve's middle is half way to its control point.
  const x = ((start.x + end.x) / 2 + cx) / 2;
  const y = ((start.y + end.y) / 2 + cy) / 2;
  return (
    <>
      <BaseEdge
        id={id}
        path={`M ${start.x},${start.y} Q ${cx},${cy} ${end.x},${end.y}`}
        className="standby-edge"
      />
      <g className="standby-label" transform={`translate(${x} ${y + 12})`}>
        <text textAnchor="middle">{data.standby} standby</text>
      </g>
    </>
  );
});
