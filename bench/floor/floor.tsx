import '@xyflow/react/dist/style.css';
import { type Edge, type Node, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FIT_VIEW_OPTIONS, ZOOM_RANGE } from '../../src/canvas/fit';

// React Flow alone, showing a designer document: what the bench's open scenarios measure the
// designer against (docs/performance.md, STYLE.md principle 19). The bench hands the page the
// document's text, the size of the designer's canvas and the size of each of its cards, so both
// fit the same boxes into the same canvas with the same options. Nothing else is drawn: no
// background, controls or map, no validation, no storage. This is what the library costs alone.

/** What the bench puts on the page before it loads (bench/open-scenarios.ts). */
export interface FloorInput {
  /** The document as the designer saves it: `components` with `position` and `name`, `connections`. */
  readonly text: string;
  /** The size of the designer's canvas in the same window. */
  readonly canvas: { readonly width: number; readonly height: number };
  /** The size of each of the designer's cards, by component id. */
  readonly sizes: Readonly<Record<string, { readonly width: number; readonly height: number }>>;
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

function Floor({ input }: { input: FloorInput }) {
  // The controlled pattern of React Flow's own quick start, as the designer's canvas is controlled.
  const [initial] = useState(() => elements(input));
  const [nodes, , onNodesChange] = useNodesState(initial.nodes);
  const [edges, , onEdgesChange] = useEdgesState(initial.edges);
  return (
    <div style={{ width: input.canvas.width, height: input.canvas.height }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
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
