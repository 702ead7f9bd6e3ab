import { BaseEdge, type Edge, type EdgeProps, type InternalNode, useStore } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { connectionRoute, roundedPath } from '../drawing/edge-route';
import type { Point } from '../drawing/geometry';
import { estimateTextWidth } from '../drawing/text-metrics';
import { cardBox } from './card-box';
import type { ConnectionEdgeData } from './edge-data';
import { useEditingInPlace } from './in-place-edit';
import { LabelEditor } from './in-place-editors';

export type { ConnectionEdgeData };

import { END_GAP, segmentOf } from './edge-layer-geometry';

/** The middle of a route's longest segment: where its label goes on the canvas. */
function longestSegmentMiddle(route: readonly Point[]): Point {
  let best = { x: route[0]?.x ?? 0, y: route[0]?.y ?? 0 };
  let longest = -1;
  for (let i = 0; i + 1 < route.length; i += 1) {
    const a = route[i] as Point;
    const b = route[i + 1] as Point;
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (length > longest) {
      longest = length;
      best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return best;
}

export type ConnectionEdgeType = Edge<ConnectionEdgeData, 'connection'>;

/**
 * A connection's SVG path between its two cards, and where its label goes: what the edge draws,
 * and what the presence layer outlines when another participant selects it.
 */
export function connectionGeometry(
  id: string,
  from: InternalNode,
  to: InternalNode,
  data: Pick<ConnectionEdgeData, 'waypoints' | 'hasReverse'>,
): { path: string; midX: number; midY: number } {
  if (data.waypoints && data.waypoints.length > 0) {
    // Along its stored route, bends rounded, as every export draws it (src/drawing/edge-route.ts).
    const route = connectionRoute(cardBox(from), cardBox(to), data.waypoints);
    const middle = longestSegmentMiddle(route);
    return { path: roundedPath(route, 8, END_GAP), midX: middle.x, midY: middle.y };
  }
  const { start, end } = segmentOf(id, cardBox(from), cardBox(to), data.hasReverse);
  return {
    path: `M ${start.x},${start.y} L ${end.x},${end.y}`,
    // Short of the middle, so the labels of a two-way pair do not cover each other.
    midX: start.x + (end.x - start.x) * 0.42,
    midY: start.y + (end.y - start.y) * 0.42,
  };
}

type Ends = readonly [InternalNode | undefined, InternalNode | undefined];

/**
 * The two cards of an edge from one store subscription (a thousand edges, each subscribed twice,
 * made every drag frame run thousands more selectors). The same pair comes back while neither
 * card changed, so the edge skips rendering.
 */
function useEnds(source: string, target: string): Ends {
  const select = useMemo(() => {
    let last: Ends = [undefined, undefined];
    return (state: { nodeLookup: ReadonlyMap<string, InternalNode> }): Ends => {
      const from = state.nodeLookup.get(source);
      const to = state.nodeLookup.get(target);
      if (from !== last[0] || to !== last[1]) last = [from, to];
      return last;
    };
  }, [source, target]);
  return useStore(select);
}

/** A directed connection from border to border of the two cards: along its route, or straight. */
export const ConnectionEdge = memo(function ConnectionEdge({
  id,
  source,
  target,
  data,
  markerEnd,
  selected,
}: EdgeProps<ConnectionEdgeType>) {
  const [from, to] = useEnds(source, target);
  const editing = useEditingInPlace('label', id);
  if (!from || !to || !data) return null;
  const { path, midX, midY } = connectionGeometry(id, from, to, data);
  const className = [
    'connection-edge',
    data.severity ? `has-${data.severity}` : '',
    data.context ? 'is-context' : '',
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
      {editing ? (
        <LabelEditor
          id={id}
          x={midX}
          y={midY}
          label={data.userLabel ? (data.label ?? '') : ''}
          placeholder={data.userLabel ? 'Label' : (data.label ?? 'Label')}
        />
      ) : (
        (data.secured || data.label) && (
          <EdgeLabel
            x={midX}
            y={midY}
            secured={data.secured}
            label={data.label}
            userLabel={data.userLabel}
            error={data.severity === 'error'}
          />
        )
      )}
    </>
  );
});

const LABEL_FONT_SIZE = 10.5;
const LOCK_WIDTH = 13;

/**
 * The security and matrix label of a connection, drawn in the edge's own SVG: no HTML overlay to
 * position, and no portal for React Flow to look up on every store update (docs/performance.md).
 * A halo in the canvas colour keeps the text readable where it crosses lines. An invisible box
 * under the text takes clicks, so a double click on the label edits it (decision 024).
 */
function EdgeLabel({
  x,
  y,
  secured,
  label,
  userLabel,
  error,
}: {
  x: number;
  y: number;
  secured: ConnectionEdgeData['secured'];
  label: string | null;
  userLabel: boolean;
  error: boolean;
}) {
  const security = secured === 'mutual-tls' ? 'mTLS' : secured === 'tls' ? 'TLS' : '';
  const text = [security, label ?? ''].filter(Boolean).join(' · ');
  const width = estimateTextWidth(text, LABEL_FONT_SIZE, userLabel) + (secured ? LOCK_WIDTH : 0);
  const left = -width / 2;
  return (
    <g
      className={`edge-label${error ? ' has-error' : ''}${userLabel ? ' is-user-label' : ''}`}
      transform={`translate(${x} ${y})`}
    >
      {secured && <title>{secured === 'tls' ? 'TLS' : 'Mutual TLS'}</title>}
      <rect className="edge-label__hit" x={left - 4} y={-8} width={width + 8} height={16} rx={4} />
      {secured && (
        <path
          className="edge-label__icon"
          d={`M${left + 1} -1h8v6h-8z M${left + 2.5} -1v-2a2.5 2.5 0 0 1 5 0v2`}
        />
      )}
      <text x={secured ? left + LOCK_WIDTH : left} dy="0.35em">
        {secured && <tspan className="edge-label__lock">{security}</tspan>}
        {secured && label ? ' · ' : ''}
        {label && <tspan>{label}</tspan>}
      </text>
    </g>
  );
}
