import '@xyflow/react/dist/style.css';
import {
  type Edge,
  type FitViewOptions,
  type Node,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type Box, FIT_OPTIONS, fitViewport, unionOf, ZOOM_RANGE } from '../../src/canvas/fit';

// React Flow alone, showing a designer document: what the bench's open scenarios measure the
// designer against (docs/performance.md, STYLE.md principle 19). The bench hands the page the
// document's text, the size of the designer's canvas and the size of each of its cards, so both
// fit the same boxes into the same canvas with the same fit (src/canvas/fit.ts: clear of where the
// designer's map and controls are). Nothing else is drawn: no background, controls or map, no
// validation, no storage. This is what the library costs alone.

/** What the bench puts on the page before it loads (bench/open-scenarios.ts). */
export interface FloorInput {
  /** The document as the designer saves it: `components` with `position` and `name`, `connections`. */
  readonly text: string;
  /** The size of the designer's canvas in the same window. */
  readonly canvas: { readonly width: number; readonly height: number };
  /** The size of each of the designer's cards, by component id. */
  readonly sizes: Readonly<Record<string, { readonly width: number; readonly height: number }>>;
  /** The designer's overlays (overview map, zoom controls) in its canvas's pixels: the fit avoids them. */
  readonly obstacles: readonly Box[];
}

interface SavedDocument {
  readonly components: readonly {
    readonly id: string;
    readonly name: string;
    readonly position?: { readonly x: number; readonly y: number };
  }[];
  readonly connections: readonly { readonly id: string; readonly from: string; readonly to: string }[];
}

function readInput(): FloorInput {
  const input = (window as unknown as { __benchFloor?: FloorInput }).__benchFloor;
  if (!input) throw new Error('the bench did not hand this page a document (window.__benchFloor)');
  return input;
}

function elements(input: FloorInput): { nodes: Node[]; edges: Edge[] } {
  const document = JSON.parse(input.text) as SavedDocument;
  const nodes = document.components.map((component) => {
    const size = input.sizes[component.id];
    return {
      id: component.id,
      position: component.position ?? { x: 0, y: 0 },
      data: { label: component.name },
      ...(size ? { style: { width: size.width, height: size.height } } : {}),
    };
  });
  const edges = document.connections.map((connection) => ({
    id: connection.id,
    source: connection.from,
    target: connection.to,
  }));
  return { nodes, edges };
}

/**
 * React Flow's own `fitView`, told the designer's fit as a padding on each side: it fits the nodes'
 * box into the canvas less those paddings, after measuring them, as it always did.
 */
function fitOptions(input: FloorInput, nodes: readonly Node[]): FitViewOptions {
  const boxes = nodes.map((node) => ({
    ...node.position,
    width: Number(node.style?.width ?? 0),
    height: Number(node.style?.height ?? 0),
  }));
  const area = { x: 0, y: 0, ...input.canvas };
  const viewport = fitViewport({ items: boxes, area, obstacles: input.obstacles });
  const bounds = unionOf(boxes);
  if (!viewport || !bounds) return { maxZoom: FIT_OPTIONS.maxZoom };
  const left = bounds.x * viewport.zoom + viewport.x;
  const top = bounds.y * viewport.zoom + viewport.y;
  const px = (value: number) => `${Math.max(0, value)}px` as const;
  return {
    padding: {
      left: px(left),
      top: px(top),
      right: px(area.width - left - bounds.width * viewport.zoom),
      bottom: px(area.height - top - bounds.height * viewport.zoom),
    },
    maxZoom: FIT_OPTIONS.maxZoom,
  };
}

function Floor({ input }: { input: FloorInput }) {
  // The controlled pattern of React Flow's own quick start, as the designer's canvas is controlled.
  const [initial] = useState(() => elements(input));
  const [nodes, , onNodesChange] = useNodesState(initial.nodes);
  const [edges, , onEdgesChange] = useEdgesState(initial.edges);
  const [fit] = useState(() => fitOptions(input, initial.nodes));
  return (
    <div style={{ width: input.canvas.width, height: input.canvas.height }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView
        fitViewOptions={fit}
        minZoom={ZOOM_RANGE.minZoom}
        maxZoom={ZOOM_RANGE.maxZoom}
      />
    </div>
  );
}

const root = window.document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Floor input={readInput()} />
  </StrictMode>,
);
