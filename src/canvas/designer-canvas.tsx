import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  Controls,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { importUserFile } from '../app/document-actions';
import { useDesigner, useDesignerStore, useJudge, useProblems } from '../app/store-context';
import { useColorMode } from '../app/theme';
import { describeComponent, isComponentKind, kindInfo } from '../domain';
import { ComponentNode, type ComponentNodeType } from './component-node';
import { ConnectionEdge } from './connection-edge';
import { ConnectionLine } from './connection-line';
import { createNodeProjection, projectEdges, type Size } from './projection';
import { snapToGrid } from './view';

/** The MIME type the palette puts on a dragged kind. */
export const KIND_DRAG_TYPE = 'application/x-wfm-kind';

const nodeTypes = { component: ComponentNode };
const edgeTypes = { connection: ConnectionEdge };
const SNAP_GRID: [number, number] = [8, 8];
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
const MINIMAP_STYLE = { width: 168, height: 112 };

function minimapColor(node: ComponentNodeType): string {
  return kindInfo(node.data.component.kind).color;
}

/** The React Flow canvas: a projection of the document; every edit goes back through the store. */
export function DesignerCanvas() {
  const store = useDesignerStore();
  const components = useDesigner((s) => s.document.components);
  const document = useDesigner((s) => s.document);
  const selection = useDesigner((s) => s.selection);
  const epoch = useDesigner((s) => s.documentEpoch);
  const { byConnection } = useProblems();
  const judge = useJudge();
  const colorMode = useColorMode();
  const flow = useReactFlow();

  const sizes = useRef(new Map<string, Size>());
  const [sizeVersion, setSizeVersion] = useState(0);
  const projectNodes = useMemo(createNodeProjection, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sizeVersion signals a change inside the sizes ref
  const nodes = useMemo(
    () => projectNodes(components, selection.components, sizes.current),
    [projectNodes, components, selection.components, sizeVersion],
  );
  const edges = useMemo(
    () => projectEdges(document, byConnection, selection.connections),
    [document, byConnection, selection.connections],
  );

  useEffect(() => {
    if (epoch === 0) return;
    const id = requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(id);
  }, [epoch, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ComponentNodeType>[]) => {
      const state = store.getState();
      const moves = new Map<string, { x: number; y: number }>();
      let dragging = false;
      let dragEnded = false;
      let selectionChanged = false;
      const selected = new Set(state.selection.components);
      let sizesChanged = false;
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position) moves.set(change.id, change.position);
          if (change.dragging) dragging = true;
          else dragEnded = true;
        } else if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        } else if (change.type === 'dimensions' && change.dimensions) {
          const prev = sizes.current.get(change.id);
          if (!prev || prev.width !== change.dimensions.width || prev.height !== change.dimensions.height) {
            sizes.current.set(change.id, change.dimensions);
            sizesChanged = true;
          }
        }
      }
      if (selectionChanged) state.select({ components: selected, connections: state.selection.connections });
      if (dragging) {
        state.beginGesture();
        state.moveComponents(moves, 'gesture');
      } else if (dragEnded) {
        if (state.gestureBase) {
          state.moveComponents(moves, 'gesture');
          state.endGesture();
        } else {
          state.moveComponents(moves, 'step');
        }
      }
      if (sizesChanged) setSizeVersion((v) => v + 1);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      const selected = new Set(state.selection.connections);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        changed = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (changed)
        store.getState().select({ components: store.getState().selection.components, connections: selected });
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => judge.canConnect(connection.source, connection.target).ok,
    [judge],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = store.getState();
      const result = state.connect(connection.source, connection.target);
      if (!result.ok) {
        state.notify(result.verdict.message, 'refusal');
        return;
      }
      const byId = new Map(state.document.components.map((c) => [c.id, c]));
      const from = byId.get(connection.source);
      const to = byId.get(connection.target);
      if (from && to)
        state.notify(`Connected ${describeComponent(from)} to ${describeComponent(to)}.`, 'success');
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.toNode) return;
      const verdict = judge.canConnect(state.fromNode.id, state.toNode.id);
      if (!verdict.ok) store.getState().notify(verdict.message, 'refusal');
    },
    [judge, store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(KIND_DRAG_TYPE) || event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (file) {
        event.preventDefault();
        void importUserFile(store, file);
        return;
      }
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      if (!isComponentKind(kind)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The card's centre lands where the pointer is.
      const id = store.getState().addComponent(kind, { x: snapToGrid(at.x - 90), y: snapToGrid(at.y - 28) });
      const added = store.getState().document.components.find((c) => c.id === id);
      if (added) store.getState().notify(`Added ${kindInfo(kind).displayName} '${added.name}'.`, 'success');
    },
    [flow, store],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target of palette drags; the keyboard path is the palette button
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<ComponentNodeType, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionLineComponent={ConnectionLine}
        connectionRadius={28}
        colorMode={colorMode}
        snapToGrid
        snapGrid={SNAP_GRID}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2.5}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        onlyRenderVisibleElements={components.length > 300}
        aria-label="Deployment diagram"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        <MiniMap<ComponentNodeType>
          nodeColor={minimapColor}
          pannable
          zoomable
          ariaLabel="Mini map"
          style={MINIMAP_STYLE}
        />
        <Controls aria-label="Zoom controls" fitViewOptions={FIT_VIEW_OPTIONS} />
      </ReactFlow>
      {components.length === 0 && (
        <div className="canvas__empty" aria-hidden="true">
          <p>Drag components here from the palette, or click one to add it.</p>
          <p>Then drag from a component’s bottom dot to another component to connect them.</p>
        </div>
      )}
    </div>
  );
}
