import type { Edge } from '@xyflow/react';
import type { DocumentComponent, TopologyDocument } from '../document';
import type { Problem } from '../domain';
import { countBySeverity } from '../domain';
import { type ContainerRects, containerRects } from '../store/containers';
import type { HostNodeType, NoteNodeType, ZoneNodeType } from './container-nodes';

// Zones, hosts and notes as React Flow nodes, and what a component card needs to know of them
// (decision 023). Containers come first in the node list: React Flow wants parents before children.

/** Containers sit under the cards and the connections; a selected one rises, still below them. */
const ZONE_Z = -3000;
const HOST_Z = -1500;
const NOTE_Z = -100;

/** Where a component card hangs: its host's id and top-left corner (child positions are relative). */
export interface CardParent {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly name: string;
}

/** A card's part in an HA pair (rules.md section 10). */
export interface HaMark {
  readonly role: 'primary' | 'backup';
  readonly standby: 'warm' | 'hot';
}

export type LayoutNode = ZoneNodeType | HostNodeType | NoteNodeType;

export interface LayoutProjection {
  readonly nodes: readonly LayoutNode[];
  readonly parents: ReadonlyMap<string, CardParent>;
  readonly rects: ContainerRects;
}

const EMPTY: LayoutProjection = {
  nodes: [],
  parents: new Map(),
  rects: { hosts: new Map(), zones: new Map() },
};

/**
 * Projects the document's zones, hosts and notes. Nodes whose inputs did not change keep their
 * identity, so a drag of a card re-renders no container. A note is sized by its text, so a new
 * node of a note (selected, or its text changed) carries the size React Flow last measured:
 * without one, React Flow hides the node until it is measured again, and the second click of a
 * double click on a note that the first click selected fell through to the pane (decision 024).
 */
export function createLayoutProjection() {
  let cache = new Map<string, { key: unknown[]; node: LayoutNode }>();
  const noteSizes = new Map<string, { width: number; height: number }>();
  const reuse = (id: string, key: unknown[], make: () => LayoutNode): LayoutNode => {
    const hit = cache.get(id);
    if (hit && hit.key.length === key.length && hit.key.every((v, i) => v === key[i])) return hit.node;
    const node = make();
    cache.set(id, { key, node });
    return node;
  };
  const project = (
    document: TopologyDocument,
    selected: ReadonlySet<string> | undefined,
    byHost: ReadonlyMap<string, readonly Problem[]>,
  ): LayoutProjection => {
    const hosts = document.hosts ?? [];
    const zones = document.zones ?? [];
    const notes = document.annotations ?? [];
    if (hosts.length === 0 && zones.length === 0 && notes.length === 0) {
      cache = new Map();
      noteSizes.clear();
      return EMPTY;
    }
    const rects = containerRects(document);
    const nodes: LayoutNode[] = [];
    const zoneNames = new Map(zones.map((z) => [z.id, z.name]));
    for (const zone of zones) {
      const rect = rects.zones.get(zone.id);
      if (!rect) continue;
      const isSelected = selected?.has(zone.id) ?? false;
      nodes.push(
        reuse(zone.id, [zone, isSelected, rect.x, rect.y, rect.width, rect.height], () => ({
          id: zone.id,
          type: 'zone',
          position: { x: rect.x, y: rect.y },
          width: rect.width,
          height: rect.height,
          zIndex: ZONE_Z,
          selected: isSelected,
          ariaLabel: `Zone: ${zone.name}`,
          data: { zone },
        })),
      );
    }
    for (const host of hosts) {
      const rect = rects.hosts.get(host.id);
      if (!rect) continue;
      const zoneRect = host.zone !== undefined ? rects.zones.get(host.zone) : undefined;
      const isSelected = selected?.has(host.id) ?? false;
      const { error: errors, warning: warnings } = countBySeverity(byHost.get(host.id) ?? []);
      const zoneName = host.zone !== undefined ? (zoneNames.get(host.zone) ?? null) : null;
      const key: unknown[] = [host, isSelected, errors, warnings, zoneName, rect.x, rect.y, rect.width];
      key.push(rect.height, zoneRect?.x, zoneRect?.y);
      nodes.push(
        reuse(host.id, key, () => ({
          id: host.id,
          type: 'host',
          position: zoneRect ? { x: rect.x - zoneRect.x, y: rect.y - zoneRect.y } : { x: rect.x, y: rect.y },
          ...(zoneRect && host.zone !== undefined ? { parentId: host.zone } : {}),
          width: rect.width,
          height: rect.height,
          zIndex: HOST_Z,
          selected: isSelected,
          ariaLabel: `Host: ${host.name}`,
          data: { host, zoneName, errors, warnings },
        })),
      );
    }
    for (const note of notes) {
      const isSelected = selected?.has(note.id) ?? false;
      const size = noteSizes.get(note.id);
      nodes.push(
        reuse(note.id, [note, isSelected], () => ({
          id: note.id,
          type: 'note',
          position: { x: note.position.x, y: note.position.y },
          ...(size ? { measured: size } : {}),
          zIndex: NOTE_Z,
          selected: isSelected,
          ariaLabel: `Note: ${note.text.slice(0, 40)}`,
          data: { note },
        })),
      );
    }
    const parents = new Map<string, CardParent>();
    const hostNames = new Map(hosts.map((h) => [h.id, h.name]));
    for (const component of document.components) {
      if (component.host === undefined) continue;
      const rect = rects.hosts.get(component.host);
      if (!rect) continue;
      parents.set(component.id, {
        id: component.host,
        x: rect.x,
        y: rect.y,
        name: hostNames.get(component.host) ?? '',
      });
    }
    const live = new Set(nodes.map((n) => n.id));
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    for (const id of noteSizes.keys()) if (!live.has(id)) noteSizes.delete(id);
    return { nodes, parents, rects };
  };
  return Object.assign(project, {
    /** Records the size React Flow measured for a note (hosts and zones have their own). */
    measured(id: string, size: { width: number; height: number }): void {
      noteSizes.set(id, size);
    },
  });
}

/** Each backup and its primary: which card is which, and the standby mode. */
export function haMarks(components: readonly DocumentComponent[]): ReadonlyMap<string, HaMark> {
  const marks = new Map<string, HaMark>();
  const ids = new Set<string>();
  for (const c of components) ids.add(c.id);
  for (const c of components) {
    if (c.backupOf === undefined || c.standby === undefined || !ids.has(c.backupOf)) continue;
    marks.set(c.id, { role: 'backup', standby: c.standby });
    if (!marks.has(c.backupOf)) marks.set(c.backupOf, { role: 'primary', standby: c.standby });
  }
  return marks;
}

export type StandbyEdgeType = Edge<{ standby: 'warm' | 'hot' }, 'standby'>;

/**
 * The standby links: a dashed line from each primary to its backup. Drawn only, never a
 * connection: it cannot be selected, deleted or judged. The same array comes back while the
 * pairs are unchanged (a drag moves cards, not pairs).
 */
export function createStandbyProjection() {
  let last: { key: string; edges: StandbyEdgeType[] } = { key: '', edges: [] };
  return (components: readonly DocumentComponent[]): StandbyEdgeType[] => {
    const ids = new Set<string>();
    for (const c of components) ids.add(c.id);
    const pairs: DocumentComponent[] = [];
    for (const c of components) {
      if (c.backupOf !== undefined && c.standby !== undefined && ids.has(c.backupOf) && c.backupOf !== c.id) {
        pairs.push(c);
      }
    }
    const key = pairs.map((c) => `${c.backupOf}>${c.id}:${c.standby}`).join('|');
    if (key === last.key) return last.edges;
    const edges = pairs.map(
      (c): StandbyEdgeType => ({
        id: `standby:${c.id}`,
        type: 'standby',
        source: c.backupOf ?? '',
        target: c.id,
        selectable: false,
        focusable: false,
        deletable: false,
        data: { standby: c.standby ?? 'warm' },
      }),
    );
    last = { key, edges };
    return edges;
  };
}
