// Align and distribute on the document (decision 030): which boxes of the selection move, where
// each must stay, and the moves for `moveNodes`, which makes them one undo step and carries what a
// host or zone holds.

import type { TopologyDocument } from '../document/schema';
import type { Point, Rect } from '../drawing';
import {
  type AlignEdge,
  type ArrangeItem,
  alignRects,
  type DistributeAxis,
  distributeRects,
} from './arrange-geometry';
import { CONTAINER_PADDING, componentRect, containerRects } from './containers';
import type { Selection } from './store-types';

/** A note's box when the document gives it no size (the canvas sizes it by its text). */
const NOTE_SIZE = { width: 140, height: 40 } as const;

type Sort = 'component' | 'host' | 'zone' | 'note';

export interface ArrangeTarget extends ArrangeItem {
  readonly sort: Sort;
}

/** The inside of a container drawn with a rectangle of its own: below its title, within its padding. */
function inside(rect: Rect): Rect {
  const { side, top, bottom } = CONTAINER_PADDING;
  return {
    x: rect.x + side,
    y: rect.y + top,
    width: Math.max(0, rect.width - 2 * side),
    height: Math.max(0, rect.height - top - bottom),
  };
}

/**
 * The boxes of the selection that align and distribute move. A card whose host (or whose host's
 * zone) is selected too moves with it and is left out, as is a host whose zone is selected. A card
 * on a host drawn with a rectangle of its own stays inside it, and a host inside its zone's: cards
 * on different hosts line up as far as their hosts allow, and no card changes host by aligning.
 */
export function arrangeTargets(document: TopologyDocument, selection: Selection): ArrangeTarget[] {
  const layout = selection.layout ?? new Set<string>();
  const rects = containerRects(document);
  const hosts = new Map((document.hosts ?? []).map((h) => [h.id, h]));
  const zones = new Map((document.zones ?? []).map((z) => [z.id, z]));
  const ownRect = (id: string | undefined, of: 'hosts' | 'zones'): Rect | undefined => {
    if (id === undefined) return undefined;
    const item = of === 'hosts' ? hosts.get(id) : zones.get(id);
    return item?.position && item.size ? rects[of].get(id) : undefined;
  };
  const hostMoves = (hostId: string | undefined) => {
    if (hostId === undefined) return false;
    const zone = hosts.get(hostId)?.zone;
    return layout.has(hostId) || (zone !== undefined && layout.has(zone));
  };
  const targets: ArrangeTarget[] = [];
  for (const c of document.components) {
    if (!selection.components.has(c.id) || hostMoves(c.host)) continue;
    const host = ownRect(c.host, 'hosts');
    targets.push({ id: c.id, sort: 'component', rect: componentRect(c), bounds: host && inside(host) });
  }
  for (const h of document.hosts ?? []) {
    const rect = rects.hosts.get(h.id);
    if (!layout.has(h.id) || !rect || (h.zone !== undefined && layout.has(h.zone))) continue;
    const zone = ownRect(h.zone, 'zones');
    targets.push({ id: h.id, sort: 'host', rect, bounds: zone && inside(zone) });
  }
  for (const z of document.zones ?? []) {
    const rect = rects.zones.get(z.id);
    if (layout.has(z.id) && rect) targets.push({ id: z.id, sort: 'zone', rect });
  }
  for (const a of document.annotations ?? []) {
    if (layout.has(a.id))
      targets.push({ id: a.id, sort: 'note', rect: { ...a.position, ...(a.size ?? NOTE_SIZE) } });
  }
  return targets;
}

export type Arrangement =
  | { readonly kind: 'align'; readonly edge: AlignEdge }
  | { readonly kind: 'distribute'; readonly axis: DistributeAxis };

/** The fewest boxes an arrangement needs: two to align, three to distribute. */
export function fewestFor(arrangement: Arrangement): number {
  return arrangement.kind === 'align' ? 2 : 3;
}

/** The moves of an arrangement: only the boxes that change place. */
export function arrangeMoves(
  targets: readonly ArrangeTarget[],
  arrangement: Arrangement,
): Map<string, Point> {
  const all =
    arrangement.kind === 'align'
      ? alignRects(targets, arrangement.edge)
      : distributeRects(targets, arrangement.axis);
  const moves = new Map<string, Point>();
  for (const target of targets) {
    const to = all.get(target.id);
    if (to && (to.x !== target.rect.x || to.y !== target.rect.y)) moves.set(target.id, to);
  }
  return moves;
}

const PLURAL: Record<Sort, string> = {
  component: 'components',
  host: 'hosts',
  zone: 'zones',
  note: 'notes',
};

/** What the status line calls the boxes: "3 components", "2 hosts", "4 items" when of several sorts. */
export function describeTargets(targets: readonly ArrangeTarget[]): string {
  const sorts = new Set(targets.map((t) => t.sort));
  const [only] = sorts;
  const noun = sorts.size === 1 && only ? PLURAL[only] : 'items';
  return `${targets.length} ${noun}`;
}

/** The node ids whose boxes frame a selection (Zoom to selection): its boxes, and each connection's two ends. */
export function framedIds(document: TopologyDocument, selection: Selection): string[] {
  const ids = new Set<string>([...selection.components, ...(selection.layout ?? [])]);
  for (const c of document.connections) {
    if (!selection.connections.has(c.id)) continue;
    ids.add(c.from);
    ids.add(c.to);
  }
  return [...ids];
}
