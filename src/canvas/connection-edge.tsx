import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import { connectionEnds } from '../export/geometry';

export type ConnectionEdgeData = {
  /** `error`, `warning` or `info` when the connection has a problem of that severity. */
  severity: 'error' | 'warning' | 'info' | null;
  secured: 'tls' | 'mutual-tls' | null;
  label: string | null;
  /** True when the opposite connection also exists: both are drawn apart. */
  hasReverse: boolean;
};
export type ConnectionEdgeType = Edge<ConnectionEdgeData, 'connection'>;

const FALLBACK = { width: 180, height: 56 };

/** A straight, directed connection from border to border of the two cards. */
export const ConnectionEdge = memo(function ConnectionEdge({
  id,
  source,
  target,
  data,
  markerEnd,
  selected,
}: EdgeProps<ConnectionEdgeType>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to || !data) return null;
  const rect = (node: typeof from) => ({
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? FALLBACK.width,
    height: node.measured.height ?? FALLBACK.height,
  });
  const { start, end } = connectionEnds(rect(from), rect(to), data.hasReverse ? 7 : 0, 3);
  const path = `M ${start.x},${start.y} L ${end.x},${end.y}`;
  // Short of the middle, so the labels of a two-way pair do not cover each other.
  const midX = start.x + (end.x - start.x) * 0.42;
  const midY = start.y + (end.y - start.y) * 0.42;
  const className = [
    'connection-edge',
    data.severity ? `has-${data.severity}` : '',
    selected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={className}
        interactionWidth={14}
        {...(markerEnd ? { markerEnd } : {})}
      />
      {(data.secured || data.label) && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${data.severity === 'error' ? 'has-error' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${midX}px, ${midY}px)` }}
          >
            {data.secured && (
              <span className="edge-label__lock" title={data.secured === 'tls' ? 'TLS' : 'Mutual TLS'}>
                <svg width="11" height="11" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path
                    d="M6 11h12v10H6z M8 11V8a4 4 0 0 1 8 0v3"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2.4"
                  />
                </svg>
                {data.secured === 'mutual-tls' ? 'mTLS' : 'TLS'}
              </span>
            )}
            {data.label && <span>{data.label}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
