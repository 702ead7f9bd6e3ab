import { MarkerType } from '@xyflow/react';
import type { DocumentComponent, DocumentConnection } from '../document';
import {
  countBySeverity,
  describeComponent,
  displayName,
  isContextKind,
  matrixCell,
  type Problem,
} from '../domain';
import type { ComponentNodeType } from './component-node';
import type { ConnectionEdgeData, ConnectionEdgeType } from './connection-edge';
import type { CardParent, HaMark } from './layout-projection';

export interface Size {
  readonly width: number;
  readonly height: number;
}

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

function worstSeverity(problems: readonly Problem[] | undefined): ConnectionEdgeData['severity'] {
  let worst: 'error' | 'warning' | 'info' | null = null;
  for (const problem of problems ?? []) {
    if (!worst || SEVERITY_RANK[problem.severity] > SEVERITY_RANK[worst]) worst = problem.severity;
  }
  return worst;
}

interface NodeInputs {
  readonly component: DocumentComponent;
  readonly selected: boolean;
  readonly size: Size | undefined;
  readonly errors: number;
  readonly warnings: number;
  readonly parent: CardParent | undefined;
  readonly ha: HaMark | undefined;
}

/** What a card knows of the hosts and HA pairs around it. */
export interface CardContext {
  readonly parents: ReadonlyMap<string, CardParent>;
  readonly ha: ReadonlyMap<string, HaMark>;
}

const NO_CONTEXT: CardContext = { parents: new Map(), ha: new Map() };

function sameParent(a: CardParent | undefined, b: CardParent | undefined): boolean {
  return a === b || (!!a && !!b && a.id === b.id && a.x === b.x && a.y === b.y && a.name === b.name);
}

function sameHa(a: HaMark | undefined, b: HaMark | undefined): boolean {
  return a === b || (!!a && !!b && a.role === b.role && a.standby === b.standby);
}

export interface NodeProjection {
  /** The nodes of `components`, reusing every node whose inputs are unchanged. */
  project(
    components: readonly DocumentComponent[],
    selected: ReadonlySet<string>,
    byComponent: ReadonlyMap<string, readonly Problem[]>,
    context?: CardContext,
  ): ComponentNodeType[];
  /**
   * Records the size React Flow measured for a card. The node object already handed to React Flow
   * takes it in place, so a measurement causes no new nodes and no second render of every card
   * (after an import, thousands); later projections of the card carry it.
   */
  measured(id: string, size: Size): void;
}

/**
 * Projects components onto React Flow nodes, with each card's problem counts. A node keeps its
 * identity while its component, selection, size and counts are unchanged, so memoised nodes skip
 * rendering during other edits, and a drag renders only the cards that move.
 */
export function createNodeProjection(): NodeProjection {
  let cache = new Map<string, { inputs: NodeInputs; node: ComponentNodeType }>();
  const sizes = new Map<string, Size>();
  let lastProblems: ReadonlyMap<string, readonly Problem[]> | undefined;
  return {
    project(components, selected, byComponent, context = NO_CONTEXT) {
      // A drag moves components but leaves the problems as they were: the counts cannot change.
      const sameProblems = byComponent === lastProblems;
      lastProblems = byComponent;
      const next = new Map<string, { inputs: NodeInputs; node: ComponentNodeType }>();
      const nodes = components.map((component) => {
        const hit = cache.get(component.id);
        const isSelected = selected.has(component.id);
        const size = sizes.get(component.id);
        const parent = context.parents.get(component.id);
        const ha = context.ha.get(component.id);
        const same =
          hit?.inputs.component === component &&
          hit.inputs.selected === isSelected &&
          hit.inputs.size === size &&
          sameParent(hit.inputs.parent, parent) &&
          sameHa(hit.inputs.ha, ha);
        if (hit && same && sameProblems) {
          next.set(component.id, hit);
          return hit.node;
        }
        const { error: errors, warning: warnings } = countBySeverity(byComponent.get(component.id) ?? []);
        const inputs: NodeInputs = { component, selected: isSelected, size, errors, warnings, parent, ha };
        if (hit && same && hit.inputs.errors === errors && hit.inputs.warnings === warnings) {
          next.set(component.id, hit);
          return hit.node;
        }
        const position = { x: component.position?.x ?? 0, y: component.position?.y ?? 0 };
        const node: ComponentNodeType = {
          id: component.id,
          type: 'component',
          // A card on a host is its child: React Flow wants its position relative to the host.
          position: parent ? { x: position.x - parent.x, y: position.y - parent.y } : position,
          ...(parent ? { parentId: parent.id } : {}),
          // Placed with left/top, not React Flow's transform: cards that are not transformed share
          // one paint chunk, where a thousand transforms made every frame re-layer each of them.
          // React Flow's nodes are siblings in the DOM, so a child's left/top is absolute too.
          style: { transform: 'none', left: position.x, top: position.y },
          data: {
            component,
            errors,
            warnings,
            hostName: parent?.name ?? null,
            ha: ha ?? null,
            context: isContextKind(component.kind),
          },
          selected: inputs.selected,
          ariaLabel: `${displayName(component.kind)}: ${component.name}`,
          ...(inputs.size ? { measured: inputs.size } : {}),
        };
        next.set(component.id, { inputs, node });
        return node;
      });
      cache = next;
      for (const id of sizes.keys()) if (!next.has(id)) sizes.delete(id);
      return nodes;
    },
    measured(id, size) {
      const known = sizes.get(id);
      if (known && known.width === size.width && known.height === size.height) return;
      sizes.set(id, size);
      const entry = cache.get(id);
      if (!entry) return;
      entry.node.measured = size;
      cache.set(id, { inputs: { ...entry.inputs, size }, node: entry.node });
    },
  };
}

const MARKERS = {
  plain: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: 'var(--edge-color)' },
  error: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: 'var(--danger)' },
  warning: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: 'var(--warning)' },
} as const;

interface EdgeInputs {
  readonly connection: DocumentConnection;
  readonly from: DocumentComponent | undefined;
  readonly to: DocumentComponent | undefined;
  readonly severity: ConnectionEdgeData['severity'];
  readonly selected: boolean;
  readonly hasReverse: boolean;
}

/** The part of a component an edge shows: its kind and name (in the label and the aria label). */
function sameFace(a: DocumentComponent | undefined, b: DocumentComponent | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.kind === b.kind && a.name === b.name);
}

function sameInputs(a: EdgeInputs, b: EdgeInputs): boolean {
  return (
    a.connection === b.connection &&
    a.severity === b.severity &&
    a.selected === b.selected &&
    a.hasReverse === b.hasReverse &&
    sameFace(a.from, b.from) &&
    sameFace(a.to, b.to)
  );
}

function edgeOf({ connection, from, to, severity, selected, hasReverse }: EdgeInputs): ConnectionEdgeType {
  const cell = from && to ? matrixCell(from.kind, to.kind) : undefined;
  const security = connection.security ?? 'none';
  const context =
    (from !== undefined && isContextKind(from.kind)) || (to !== undefined && isContextKind(to.kind));
  return {
    id: connection.id,
    type: 'connection',
    source: connection.from,
    target: connection.to,
    selected,
    markerEnd:
      severity === 'error' ? MARKERS.error : severity === 'warning' ? MARKERS.warning : MARKERS.plain,
    ariaLabel:
      from && to ? `Connection ${describeComponent(from)} to ${describeComponent(to)}` : 'Connection',
    data: {
      severity,
      secured: security === 'none' ? null : security,
      // The user's own label says more about this deployment than the matrix's.
      label: connection.label ?? cell?.label ?? null,
      userLabel: connection.label !== undefined,
      context,
      hasReverse,
      waypoints: connection.waypoints ?? null,
    },
  };
}

/** True when every component keeps its id, kind and name (a drag moves components, nothing else). */
function sameFaces(a: readonly DocumentComponent[], b: readonly DocumentComponent[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x?.id !== y?.id || !sameFace(x, y))) return false;
  }
  return true;
}

/**
 * Projects connections onto React Flow edges, with their problem severity and security. During a
 * drag only positions change: the same edge array comes back, so React Flow re-renders only the
 * edges whose cards move. After an edit, an edge whose inputs are unchanged keeps its identity.
 */
export function createEdgeProjection() {
  let cache = new Map<string, { inputs: EdgeInputs; edge: ConnectionEdgeType }>();
  let last:
    | {
        components: readonly DocumentComponent[];
        connections: readonly DocumentConnection[];
        byConnection: ReadonlyMap<string, readonly Problem[]>;
        selected: ReadonlySet<string>;
        edges: ConnectionEdgeType[];
      }
    | undefined;
  return (
    components: readonly DocumentComponent[],
    connections: readonly DocumentConnection[],
    byConnection: ReadonlyMap<string, readonly Problem[]>,
    selected: ReadonlySet<string>,
  ): ConnectionEdgeType[] => {
    if (
      last &&
      last.connections === connections &&
      last.byConnection === byConnection &&
      last.selected === selected &&
      sameFaces(last.components, components)
    ) {
      last.components = components;
      return last.edges;
    }
    const byId = new Map<string, DocumentComponent>();
    for (const component of components) byId.set(component.id, component);
    const pairs = new Set<string>();
    for (const connection of connections) pairs.add(`${connection.from}\u0000${connection.to}`);
    const next = new Map<string, { inputs: EdgeInputs; edge: ConnectionEdgeType }>();
    const edges = connections.map((connection): ConnectionEdgeType => {
      const inputs: EdgeInputs = {
        connection,
        from: byId.get(connection.from),
        to: byId.get(connection.to),
        severity: worstSeverity(byConnection.get(connection.id)),
        selected: selected.has(connection.id),
        hasReverse: pairs.has(`${connection.to}\u0000${connection.from}`),
      };
      const hit = cache.get(connection.id);
      const entry = hit && sameInputs(hit.inputs, inputs) ? hit : { inputs, edge: edgeOf(inputs) };
      next.set(connection.id, entry);
      return entry.edge;
    });
    cache = next;
    last = { components, connections, byConnection, selected, edges };
    return edges;
  };
}
