import { type Edge, MarkerType } from '@xyflow/react';
import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import { describeComponent, displayName, matrixCell, type Problem } from '../domain';
import type { ComponentNodeType } from './component-node';
import type { ConnectionEdgeData, ConnectionEdgeType } from './connection-edge';

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

/**
 * Projects components onto React Flow nodes. A node keeps its identity while its component,
 * selection and size are unchanged, so memoised nodes skip rendering during other edits.
 */
export function createNodeProjection() {
  let cache = new Map<
    string,
    { component: DocumentComponent; selected: boolean; size: Size | undefined; node: ComponentNodeType }
  >();
  return (
    components: readonly DocumentComponent[],
    selected: ReadonlySet<string>,
    sizes: ReadonlyMap<string, Size>,
  ): ComponentNodeType[] => {
    const next = new Map<
      string,
      { component: DocumentComponent; selected: boolean; size: Size | undefined; node: ComponentNodeType }
    >();
    const nodes = components.map((component) => {
      const isSelected = selected.has(component.id);
      const size = sizes.get(component.id);
      const hit = cache.get(component.id);
      if (hit && hit.component === component && hit.selected === isSelected && hit.size === size) {
        next.set(component.id, hit);
        return hit.node;
      }
      const node: ComponentNodeType = {
        id: component.id,
        type: 'component',
        position: { x: component.position?.x ?? 0, y: component.position?.y ?? 0 },
        data: { component },
        selected: isSelected,
        ariaLabel: `${displayName(component.kind)}: ${component.name}`,
        ...(size ? { measured: size } : {}),
      };
      next.set(component.id, { component, selected: isSelected, size, node });
      return node;
    });
    cache = next;
    return nodes;
  };
}

const MARKERS = {
  plain: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: 'var(--edge-color)' },
  error: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: 'var(--danger)' },
  warning: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: 'var(--warning)' },
} as const;

/** Projects connections onto React Flow edges, with their problem severity and security. */
export function projectEdges(
  document: TopologyDocument,
  byConnection: ReadonlyMap<string, readonly Problem[]>,
  selected: ReadonlySet<string>,
): Edge[] {
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const pairs = new Set(document.connections.map((c) => `${c.from}\u0000${c.to}`));
  return document.connections.map((connection: DocumentConnection): ConnectionEdgeType => {
    const from = byId.get(connection.from);
    const to = byId.get(connection.to);
    const severity = worstSeverity(byConnection.get(connection.id));
    const cell = from && to ? matrixCell(from.kind, to.kind) : undefined;
    const security = connection.security ?? 'none';
    return {
      id: connection.id,
      type: 'connection',
      source: connection.from,
      target: connection.to,
      selected: selected.has(connection.id),
      markerEnd:
        severity === 'error' ? MARKERS.error : severity === 'warning' ? MARKERS.warning : MARKERS.plain,
      ariaLabel:
        from && to ? `Connection ${describeComponent(from)} to ${describeComponent(to)}` : 'Connection',
      data: {
        severity,
        secured: security === 'none' ? null : security,
        label: cell?.label ?? null,
        hasReverse: pairs.has(`${connection.to}\u0000${connection.from}`),
      },
    };
  });
}
