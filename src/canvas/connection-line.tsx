import type { ConnectionLineComponentProps } from '@xyflow/react';
import { borderPoint } from '../drawing/geometry';

/** The line drawn while connecting: straight to the pointer, or to the border of a legal target. */
export function ConnectionLine({
  fromX,
  fromY,
  toNode,
  connectionStatus,
  pointer,
}: ConnectionLineComponentProps) {
  let end = pointer;
  if (toNode && connectionStatus === 'valid') {
    const rect = {
      x: toNode.internals.positionAbsolute.x,
      y: toNode.internals.positionAbsolute.y,
      width: toNode.measured.width ?? 0,
      height: toNode.measured.height ?? 0,
    };
    end = borderPoint(rect, { x: fromX, y: fromY }, 3);
  }
  return (
    <g className={`connection-line ${connectionStatus ?? ''}`}>
      <path
        className="react-flow__connection-path"
        d={`M ${fromX},${fromY} L ${end.x},${end.y}`}
        fill="none"
      />
      <circle cx={end.x} cy={end.y} r={3.5} className="connection-line__end" />
    </g>
  );
}
