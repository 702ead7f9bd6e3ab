import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import {
  type ComponentKind,
  type ConnectVerdict,
  createConnectionJudge,
  kindInfo,
  type Security,
  type Standby,
} from '../domain';
import { documentIds } from './layout-operations';
import { copyName, idPrefix, nextComponentName, nextId } from './names';

/** Pure edits of a document: each returns a new document and never mutates its input. */

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** The editable properties of a component; `undefined` removes an optional one. */
export interface ComponentPatch {
  readonly name?: string;
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly etl?: boolean | undefined;
  readonly notes?: string | undefined;
  readonly backupOf?: string | undefined;
  readonly standby?: Standby | undefined;
  readonly mutualAuth?: boolean | undefined;
}

const allIds = documentIds;

export function addComponent(
  document: TopologyDocument,
  kind: ComponentKind,
  position: XY,
): { document: TopologyDocument; id: string } {
  const id = nextId(idPrefix(kind), allIds(document));
  const name = nextComponentName(
    kind,
    document.components.map((c) => c.name),
  );
  const component: DocumentComponent = { id, kind, name, position: { x: position.x, y: position.y } };
  return { document: { ...document, components: [...document.components, component] }, id };
}

function withPatch(component: DocumentComponent, patch: ComponentPatch): DocumentComponent {
  const next: Record<string, unknown> = { ...component };
  for (const [key, value] of Object.entries(patch)) {
    // A component always keeps its name; leaving it in place keeps the key order, so an empty
    // name patch compares equal below and stays a no-op.
    if (key === 'name' && (value === undefined || value === '')) continue;
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  if (!kindInfo(component.kind).rules.etl) delete next.etl;
  return next as DocumentComponent;
}

export function updateComponent(
  document: TopologyDocument,
  id: string,
  patch: ComponentPatch,
): TopologyDocument {
  let changed = false;
  const components = document.components.map((c) => {
    if (c.id !== id) return c;
    const next = withPatch(c, patch);
    changed = JSON.stringify(next) !== JSON.stringify(c);
    return changed ? next : c;
  });
  return changed ? { ...document, components } : document;
}

/** Moves components; untouched components keep their identity so the canvas re-renders only what moved. */
export function moveComponents(document: TopologyDocument, moves: ReadonlyMap<string, XY>): TopologyDocument {
  if (moves.size === 0) return document;
  let changed = false;
  const components = document.components.map((c) => {
    const to = moves.get(c.id);
    if (!to || (c.position && c.position.x === to.x && c.position.y === to.y)) return c;
    changed = true;
    return { ...c, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...document, components } : document;
}

export type AddConnectionResult =
  | { readonly ok: true; readonly document: TopologyDocument; readonly id: string }
  | { readonly ok: false; readonly verdict: ConnectVerdict & { ok: false } };

/** Adds `from → to` when the domain's `canConnect` allows it; otherwise returns the refusal. */
export function addConnection(document: TopologyDocument, from: string, to: string): AddConnectionResult {
  const verdict = createConnectionJudge(document).canConnect(from, to);
  if (!verdict.ok) return { ok: false, verdict };
  const id = nextId('c', allIds(document));
  const connection: DocumentConnection = { id, from, to, security: 'none' };
  return { ok: true, id, document: { ...document, connections: [...document.connections, connection] } };
}

export function updateConnection(
  document: TopologyDocument,
  id: string,
  security: Security,
): TopologyDocument {
  let changed = false;
  const connections = document.connections.map((c) => {
    if (c.id !== id || (c.security ?? 'none') === security) return c;
    changed = true;
    return { ...c, security };
  });
  return changed ? { ...document, connections } : document;
}

/**
 * Deletes components (with every connection that touches them), connections, and hosts, zones and
 * notes (`layoutIds`). What pointed at something deleted lets go: a component of a deleted host has
 * no host, a host of a deleted zone no zone, the backup of a deleted primary is a component of its
 * own (no `backupOf`, no `standby`).
 */
export function deleteElements(
  document: TopologyDocument,
  componentIds: ReadonlySet<string>,
  connectionIds: ReadonlySet<string>,
  layoutIds: ReadonlySet<string> = new Set(),
): TopologyDocument {
  if (componentIds.size === 0 && connectionIds.size === 0 && layoutIds.size === 0) return document;
  let components = document.components.filter((c) => !componentIds.has(c.id));
  const connections = document.connections.filter(
    (c) => !connectionIds.has(c.id) && !componentIds.has(c.from) && !componentIds.has(c.to),
  );
  const hosts = document.hosts?.filter((h) => !layoutIds.has(h.id));
  const zones = document.zones?.filter((z) => !layoutIds.has(z.id));
  const annotations = document.annotations?.filter((a) => !layoutIds.has(a.id));
  const layoutGone =
    hosts?.length !== document.hosts?.length ||
    zones?.length !== document.zones?.length ||
    annotations?.length !== document.annotations?.length;
  if (
    components.length === document.components.length &&
    connections.length === document.connections.length &&
    !layoutGone
  ) {
    return document;
  }
  const lostPrimary = components.some((c) => c.backupOf !== undefined && componentIds.has(c.backupOf));
  const lostHost = components.some((c) => c.host !== undefined && layoutIds.has(c.host));
  if (lostPrimary || lostHost) {
    components = components.map((c) => {
      let next = c;
      if (next.backupOf !== undefined && componentIds.has(next.backupOf)) {
        const { backupOf: _b, standby: _s, ...rest } = next;
        next = rest;
      }
      if (next.host !== undefined && layoutIds.has(next.host)) {
        const { host: _h, ...rest } = next;
        next = rest;
      }
      return next;
    });
  }
  // An array with nothing taken out stays the same array, so what depends on it is not redone.
  return {
    ...document,
    components:
      components.length === document.components.length && !lostPrimary && !lostHost
        ? document.components
        : components,
    connections: connections.length === document.connections.length ? document.connections : connections,
    ...(hosts
      ? {
          hosts: hosts.map((h) => {
            if (h.zone === undefined || !layoutIds.has(h.zone)) return h;
            const { zone: _z, ...rest } = h;
            return rest;
          }),
        }
      : {}),
    ...(zones ? { zones } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

/** What Copy keeps: components and the connections among them. */
export interface Fragment {
  readonly components: readonly DocumentComponent[];
  readonly connections: readonly DocumentConnection[];
}

export function extractFragment(document: TopologyDocument, componentIds: ReadonlySet<string>): Fragment {
  return {
    components: document.components.filter((c) => componentIds.has(c.id)),
    connections: document.connections.filter((c) => componentIds.has(c.from) && componentIds.has(c.to)),
  };
}

/** A name `nextComponentName` could have given, such as `WFM_Server_3`; `London_1` is not one. */
function isGeneratedName(kind: ComponentKind, name: string): boolean {
  const prefix = `${kindInfo(kind).namePrefix}_`.toLowerCase();
  const lower = name.trim().toLowerCase();
  return lower.startsWith(prefix) && /^\d+$/.test(lower.slice(prefix.length));
}

/**
 * Pastes a fragment with new ids and names, its top-left corner at `at`.
 * Returns the new document and the ids of the pasted components.
 */
export function pasteFragment(
  document: TopologyDocument,
  fragment: Fragment,
  at: XY,
): { document: TopologyDocument; componentIds: string[] } {
  if (fragment.components.length === 0) return { document, componentIds: [] };
  const ids = allIds(document);
  const names = new Set(document.components.map((c) => c.name.trim().toLowerCase()));
  const minX = Math.min(...fragment.components.map((c) => c.position?.x ?? 0));
  const minY = Math.min(...fragment.components.map((c) => c.position?.y ?? 0));
  const idMap = new Map<string, string>();
  const components: DocumentComponent[] = fragment.components.map((c) => {
    const id = nextId(idPrefix(c.kind), ids);
    ids.add(id);
    idMap.set(c.id, id);
    const name = isGeneratedName(c.kind, c.name) ? nextComponentName(c.kind, names) : copyName(c.name, names);
    names.add(name.toLowerCase());
    const position = { x: at.x + (c.position?.x ?? 0) - minX, y: at.y + (c.position?.y ?? 0) - minY };
    const { etl: _etl, backupOf: _backupOf, standby: _standby, ...rest } = c;
    return { ...rest, id, name, position };
  });
  // A copied backup stays the backup of its copied primary; copied without it, it is a component
  // of its own (a second backup of the same primary would be `ha-invalid-pair`).
  for (const [index, original] of fragment.components.entries()) {
    const primary = original.backupOf === undefined ? undefined : idMap.get(original.backupOf);
    const copy = components[index];
    if (primary && copy && original.standby)
      components[index] = { ...copy, backupOf: primary, standby: original.standby };
  }
  const connections: DocumentConnection[] = [];
  for (const c of fragment.connections) {
    const from = idMap.get(c.from);
    const to = idMap.get(c.to);
    if (!from || !to) continue;
    const id = nextId('c', ids);
    ids.add(id);
    connections.push({ ...c, id, from, to });
  }
  return {
    document: {
      ...document,
      components: [...document.components, ...components],
      connections: [...document.connections, ...connections],
    },
    componentIds: components.map((c) => c.id),
  };
}
