import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  type Edge,
  type FinalConnectionState,
  ReactFlow,
  ReactFlowProvider,
  useConnection,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import { isComponentKind, kindInfo } from '../domain';
import { connectionsDrawn, messageServerBadges } from '../drawing/drawn-links';
import { GRID } from '../drawing/layout';
import { importUserFile } from '../store/import-actions';
import { useDerivations, useDesigner, useDesignerStore, useJudge, useProblems } from '../store/react';
import { useColorMode } from '../ui/theme';
import { CanvasControls } from './canvas-controls';
import { EmptyCanvasHint } from './canvas-frame';
import { type CardNode, cardBox } from './card-box';
import {
  ComponentNode,
  type ComponentNodeType,
  LowDetailContext,
  MessageServerBadgesContext,
} from './component-node';
import { ConnectingContext } from './connect-state';
import { ConnectionEdge } from './connection-edge';
import { ConnectionLine } from './connection-line';
import { HostNode, NoteNode, ZoneNode } from './container-nodes';
import { useContextMenuHandlers } from './context-menu-request';
import { EdgeLayer } from './edge-layer';
import { createLayerDrawer, nearestSegment } from './edge-layer-geometry';
import { ZOOM_RANGE } from './fit';
import { documentBoxes } from './fit-area';
import { isLayoutItem, KIND_DRAG_TYPE, LAYOUT_DRAG_TYPE } from './flow-handle';
import { createInPlaceEdit, InPlaceEditContext, useInPlaceEditing } from './in-place-edit';
import { addLayoutItem } from './layout-items';
import {
  createLayoutProjection,
  createStandbyProjection,
  haMarks,
  type LayoutNode,
} from './layout-projection';
import { OverviewMap } from './overview-map';
import { PresenceLayer } from './presence-layer';
import { createEdgeProjection, createNodeProjection } from './projection';
import { StandbyEdge } from './standby-edge';
import { useElementChanges, useLendFlowHandle } from './use-canvas-hooks';
import { useDiagramFit } from './use-diagram-fit';
import { cardCornerAt } from './view';

const nodeTypes = { component: ComponentNode, host: HostNode, zone: ZoneNode, note: NoteNode };
const edgeTypes = { connection: ConnectionEdge, standby: StandbyEdge };

/** Every node the canvas draws: component cards, and the zones, hosts and notes around them. */
export type DesignerNode = ComponentNodeType | LayoutNode;

const LAYOUT_COLORS = { zone: 'transparent', host: '#94a3b833', note: '#facc1566' } as const;
const SNAP_GRID: [number, number] = [GRID, GRID];
/**
 * Below this zoom a card's text is under 4 px tall: cards show their colour, icon and problem
 * badge only, and connections lose their labels, which spares every frame the painting and
 * layering of thousands of unreadable texts (docs/performance.md).
 */
const LOW_DETAIL_ZOOM = 0.3;
/**
 * Above this many components, React Flow renders only what is in view, and when zoomed out below
 * LOW_DETAIL_ZOOM the connections are drawn as one layer instead of an element each
 * (docs/performance.md, decision 012).
 */
const LARGE_DIAGRAM = 300;
/** How near a click must be to a connection of the layer to select it, in screen pixels. */
const LAYER_CLICK_TOLERANCE = 6;
const NO_EDGES: Edge[] = [];

/** True when the connections are drawn as one layer: a large diagram seen from afar. */
function isLayered(components: number, zoom: number): boolean {
  return components > LARGE_DIAGRAM && zoom < LOW_DETAIL_ZOOM;
}

/** A card's colour in the overview map: its kind's; hosts and notes faintly. */
function mapColor(node: DesignerNode): string {
  return node.type === 'component' ? kindInfo(node.data.component.kind).color : LAYOUT_COLORS[node.type];
}

/** Containers first: React Flow wants a parent before its children. */
function allNodes(layout: readonly LayoutNode[], cards: ComponentNodeType[]): DesignerNode[] {
  return layout.length === 0 ? cards : [...layout, ...cards];
}

/** The canvas with React Flow's provider: what the designer loads after its first paint. */
export function Canvas() {
  const inPlaceEdit = useMemo(createInPlaceEdit, []);
  return (
    <ReactFlowProvider>
      <InPlaceEditContext.Provider value={inPlaceEdit}>
        <DesignerCanvas />
      </InPlaceEditContext.Provider>
    </ReactFlowProvider>
  );
}

/** The React Flow canvas: a projection of the document; every edit goes back through the store. */
function DesignerCanvas() {
  const store = useDesignerStore();
  const derivations = useDerivations();
  const document = useDesigner((s) => s.document);
  const { components } = document;
  // Message Server connections drawn as badges or hidden are not edges (issue 14 item 4).
  const connections = connectionsDrawn(document);
  // The same set while its members stay: a new one re-renders every card (a drag changes the
  // document on every frame).
  const lastBadges = useRef<ReadonlySet<string>>(new Set());
  const badges = useMemo(() => {
    const next = messageServerBadges(document);
    const last = lastBadges.current;
    if (next.size === last.size && [...next].every((id) => last.has(id))) return last;
    lastBadges.current = next;
    return next;
  }, [document]);
  const selection = useDesigner((s) => s.selection);
  const epoch = useDesigner((s) => s.documentEpoch);
  const { byComponent, byConnection, byHost } = useProblems();
  const judge = useJudge();
  const connectingFrom = useConnection((c) => (c.inProgress ? c.fromNode.id : null));
  const connecting = useMemo(
    () =>
      connectingFrom === null
        ? null
        : {
            fromId: connectingFrom,
            judge,
            nameOf: (id: string) => store.getState().document.components.find((c) => c.id === id)?.name ?? id,
          },
    [connectingFrom, judge, store],
  );
  const lowDetail = useStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const layered = useStore((s) => isLayered(components.length, s.transform[2]));
  // One drawer per document: a replaced document does not keep the last one's cards alive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drawer for each new document
  const drawer = useMemo(() => createLayerDrawer<CardNode>(cardBox), [epoch]);
  const colorMode = useColorMode();
  const flow = useReactFlow();
  const flowStore = useStoreApi<DesignerNode, Edge>();
  // The fit of decision 025: the part of the canvas the user sees, clear of the overview map.
  const fitting = useDiagramFit(flowStore, components.length + (document.annotations?.length ?? 0) > 0);
  const fitView = useCallback(() => void fitting.fit(200), [fitting]);
  useLendFlowHandle(flow, fitView);

  const nodeProjection = useMemo(createNodeProjection, []);
  const layoutProjection = useMemo(createLayoutProjection, []);
  const layout = useMemo(
    () => layoutProjection(document, selection.layout, byHost),
    [layoutProjection, document, selection.layout, byHost],
  );
  const ha = useMemo(() => haMarks(components), [components]);
  const nodes = useMemo(
    () =>
      allNodes(
        layout.nodes,
        nodeProjection.project(components, selection.components, byComponent, {
          parents: layout.parents,
          ha,
        }),
      ),
    [nodeProjection, layout, ha, components, selection.components, byComponent],
  );
  const projectEdges = useMemo(createEdgeProjection, []);
  const edges = useMemo(
    () => projectEdges(components, connections, byConnection, selection.connections),
    [projectEdges, components, connections, byConnection, selection.connections],
  );
  const projectStandby = useMemo(createStandbyProjection, []);
  const standby = useMemo(() => projectStandby(components), [projectStandby, components]);
  const drawnEdges = useMemo<Edge[]>(
    () => (standby.length ? [...edges, ...standby] : edges),
    [edges, standby],
  );

  // A replaced document (New, import, a template) gets a fresh React Flow, which is fitted once
  // the cards are measured. Before it renders, its store gets the new cards and it starts at a
  // viewport that fits them, so it mounts every card it shows (and the mini map every card)
  // together with their containers. Added after the mount, thousands of cards went into the
  // containers one by one, which React does in quadratic time (docs/performance.md).
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.documentEpoch === previous.documentEpoch) return;
        const flowState = flowStore.getState();
        const { components: next } = state.document;
        const links = connectionsDrawn(state.document);
        // The same memoised problems the render reads next, so it reuses every node and edge.
        const { byComponent, byConnection, byHost } = derivations.problems(state.document);
        const around = layoutProjection(state.document, state.selection.layout, byHost);
        const zoom =
          fitting.open(documentBoxes(state.document, around.rects))?.zoom ?? flowState.transform[2];
        const cards = nodeProjection.project(next, state.selection.components, byComponent, {
          parents: around.parents,
          ha: haMarks(next),
        });
        flowState.setNodes(allNodes(around.nodes, cards));
        const projected = projectEdges(next, links, byConnection, state.selection.connections);
        const pairs = projectStandby(next);
        flowState.setEdges(isLayered(next.length, zoom) ? NO_EDGES : [...projected, ...pairs]);
      }),
    [store, derivations, fitting, flowStore, nodeProjection, layoutProjection, projectEdges, projectStandby],
  );

  const { onNodesChange, onEdgesChange } = useElementChanges(
    store,
    nodeProjection,
    flowStore,
    layoutProjection,
  );
  // A double click on a note or a connection, or Enter on one, edits its text on the canvas; zoomed
  // out too far to read it, in the Inspector (decision 024).
  const inPlace = useInPlaceEditing(store, !lowDetail);
  // A right click (or Shift+F10) opens the app's context menu of commands (issue 15 item 5).
  const contextMenu = useContextMenuHandlers(store);

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => judge.canConnect(connection.source, connection.target).ok,
    [judge],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = store.getState();
      // A connection made says so through the store ("Connected … to …."); a refusal says why.
      const result = state.connect(connection.source, connection.target);
      if (!result.ok) state.notify(result.verdict.message, 'refusal');
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

  // Connections of the layer are not elements: a click on the pane near one selects it, and so
  // does a click on a host or zone (drawn under the layer) near one.
  const selectLayerConnection = useCallback(
    (event: React.MouseEvent): boolean => {
      if (!layered) return false;
      const segments = drawer.last()?.segments ?? [];
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = nearestSegment(segments, point, LAYER_CLICK_TOLERANCE / flow.getZoom());
      if (id) store.getState().select({ components: new Set(), connections: new Set([id]) });
      return id !== null;
    },
    [layered, drawer, flow, store],
  );
  const onPaneClick = useCallback(
    (event: React.MouseEvent) => void selectLayerConnection(event),
    [selectLayerConnection],
  );
  const onNodeClick = useCallback(
    (event: React.MouseEvent, node: DesignerNode) => {
      if (node.type === 'host' || node.type === 'zone') selectLayerConnection(event);
    },
    [selectLayerConnection],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    const { types } = event.dataTransfer;
    if (types.includes(KIND_DRAG_TYPE) || types.includes(LAYOUT_DRAG_TYPE) || types.includes('Files')) {
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
      const item = event.dataTransfer.getData(LAYOUT_DRAG_TYPE);
      if (isLayoutItem(item)) {
        event.preventDefault();
        addLayoutItem(store, item, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
        return;
      }
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      if (!isComponentKind(kind)) return;
      event.preventDefault();
      // The card's centre lands where the pointer is, at any zoom; the store says what was added.
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addComponent(kind, cardCornerAt(at));
    },
    [flow, store],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target of palette drags (the keyboard path is the palette button), and where Enter on a focused note or connection arrives
    <div
      className="canvas"
      data-detail={lowDetail ? 'low' : 'full'}
      data-connections={layered ? 'layer' : 'elements'}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onKeyDown={inPlace.onKeyDown}
    >
      <LowDetailContext.Provider value={lowDetail}>
        <MessageServerBadgesContext.Provider value={badges}>
          <ConnectingContext.Provider value={connecting}>
            <ReactFlow<DesignerNode, Edge>
              key={epoch}
              nodes={nodes}
              edges={layered ? NO_EDGES : drawnEdges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              onPaneClick={onPaneClick}
              onNodeClick={onNodeClick}
              onNodeDoubleClick={inPlace.onNodeDoubleClick}
              onEdgeDoubleClick={inPlace.onEdgeDoubleClick}
              onNodeContextMenu={contextMenu.onNodeContextMenu}
              onEdgeContextMenu={contextMenu.onEdgeContextMenu}
              onPaneContextMenu={contextMenu.onPaneContextMenu}
              onSelectionContextMenu={contextMenu.onSelectionContextMenu}
              isValidConnection={isValidConnection}
              connectionMode={ConnectionMode.Loose}
              connectionLineComponent={ConnectionLine}
              connectionRadius={28}
              colorMode={colorMode}
              snapToGrid
              snapGrid={SNAP_GRID}
              {...(fitting.startAt.current ? { defaultViewport: fitting.startAt.current } : {})}
              minZoom={ZOOM_RANGE.minZoom}
              maxZoom={ZOOM_RANGE.maxZoom}
              deleteKeyCode={null}
              selectionKeyCode="Shift"
              multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
              onlyRenderVisibleElements={components.length > LARGE_DIAGRAM}
              aria-label="Deployment diagram"
            >
              {layered && <EdgeLayer edges={edges} drawer={drawer} />}
              <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
              <OverviewMap colorOf={mapColor} />
              <CanvasControls onFitView={fitView} />
              <PresenceLayer />
            </ReactFlow>
          </ConnectingContext.Provider>
        </MessageServerBadgesContext.Provider>
      </LowDetailContext.Provider>
      {nodes.length === 0 && <EmptyCanvasHint />}
    </div>
  );
}
