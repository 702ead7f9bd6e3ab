import { BaseEdge, type EdgeProps, useStore } from '@xyflow/react';
import { memo } from 'react';
import { cardBox } from './card-box';
import { segmentOf } from './edge-layer-geometry';
import type { StandbyEdgeType } from './layout-projection';

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
  const x = (start.x + end.x) / 2;
  const y = (start.y + end.y) / 2;
  return (
    <>
      <BaseEdge id={id} path={`M ${start.x},${start.y} L ${end.x},${end.y}`} className="standby-edge" />
      <g className="standby-label" transform={`translate(${x} ${y - 6})`}>
        <text textAnchor="middle">{data.standby} standby</text>
      </g>
    </>
  );
});
