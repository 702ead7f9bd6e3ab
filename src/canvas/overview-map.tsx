import { type Node, Panel, type ReactFlowState, useReactFlow, useStore } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { shallow } from 'zustand/shallow';
import type { Rect } from '../drawing';
import { CARD_HEIGHT, CARD_WIDTH } from '../drawing/layout';
import { boundsOf } from './placement';

const WIDTH = 168;
const HEIGHT = 112;
/** A node's box in the map; a card not measured yet is taken at its usual size: the map is a sketch. */
function nodeBox(node: Node): Rect {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? CARD_WIDTH,
    height: node.measured?.height ?? CARD_HEIGHT,
  };
}

function union(a: Rect | null, b: Rect): Rect {
  if (!a) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** The part of the flow the canvas shows: x, y, width, height as numbers, compared shallowly. */
const selectView = (s: ReactFlowState): [number, number, number, number] => {
  const [tx, ty, zoom] = s.transform;
  return [-tx / zoom, -ty / zoom, s.width / zoom, s.height / zoom];
};

const selectNodes = (s: ReactFlowState) => s.nodes;

/**
 * An overview of the whole diagram in the corner, with the visible part framed; click or drag in it
 * to move the view, scroll in it to zoom. Drawn on a <canvas> in one pass whenever the cards
 * change: React Flow's own mini map is a React component per card, each subscribed to the store,
 * which with thousands of cards cost every pan and drag frame milliseconds (docs/performance.md).
 */
export function OverviewMap<N extends Node>({ colorOf }: { colorOf: (node: N) => string }) {
  const flow = useReactFlow<N>();
  // React Flow's store hook is not generic over the node type: the nodes are the canvas's own.
  const nodes = useStore(selectNodes) as N[];
  const [viewX, viewY, viewWidth, viewHeight] = useStore(selectView, shallow);
  const canvas = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);

  const content = useMemo(() => boundsOf(nodes, nodeBox), [nodes]);
  const view = { x: viewX, y: viewY, width: viewWidth, height: viewHeight };
  const box = union(content, view);
  // A margin of a twentieth on each side, so the frame of the view never lies on the map's edge.
  const scale = Math.max(box.width / (WIDTH * 0.9), box.height / (HEIGHT * 0.9)) || 1;
  // The drawing is centred in the map.
  const left = box.x - (WIDTH * scale - box.width) / 2;
  const top = box.y - (HEIGHT * scale - box.height) / 2;

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !canvas.current) return;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.current.width !== WIDTH * ratio) {
      canvas.current.width = WIDTH * ratio;
      canvas.current.height = HEIGHT * ratio;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.current.width, canvas.current.height);
    context.setTransform(ratio / scale, 0, 0, ratio / scale, (-left * ratio) / scale, (-top * ratio) / scale);
    for (const node of nodes) {
      const { x, y, width, height } = nodeBox(node);
      context.fillStyle = colorOf(node);
      context.fillRect(x, y, width, height);
    }
  }, [nodes, colorOf, scale, left, top]);

  const moveTo = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = left + (event.clientX - rect.left) * scale;
    const y = top + (event.clientY - rect.top) * scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  // The frame of the visible part, and a veil over the rest (even-odd: the frame is a hole).
  const frame = {
    x: (view.x - left) / scale,
    y: (view.y - top) / scale,
    width: view.width / scale,
    height: view.height / scale,
  };
  const veil = `M0,0h${WIDTH}v${HEIGHT}h${-WIDTH}z M${frame.x},${frame.y}h${frame.width}v${frame.height}h${-frame.width}z`;

  return (
    <Panel position="bottom-right" className="react-flow__minimap overview-map">
      <div
        className="overview-map__surface"
        role="img"
        aria-label="Mini map"
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (dragging.current) moveTo(event);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onWheel={(event) => {
          if (event.deltaY < 0) void flow.zoomIn();
          else void flow.zoomOut();
        }}
      >
        <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} />
        <svg width={WIDTH} height={HEIGHT} aria-hidden="true">
          <path className="overview-map__veil" d={veil} fillRule="evenodd" />
        </svg>
      </div>
    </Panel>
  );
}
