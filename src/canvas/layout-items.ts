import { useCallback } from 'react';
import type { Rect } from '../drawing';
import { componentRect, containerRects, NEW_HOST_SIZE, NEW_ZONE_SIZE } from '../store/containers';
import { useDesignerStore } from '../store/react';
import type { DesignerStore } from '../store/store';
import type { LayoutItem } from './flow-handle';
import { snapToGrid } from './placement';
import { useViewCentre } from './view';

/** What the palette calls each item, and the accessible name of its button. */
export const LAYOUT_ITEM_LABELS: { readonly [I in LayoutItem]: string } = {
  host: 'Host',
  zone: 'Zone',
  note: 'Note',
};

export const LAYOUT_ITEM_ROLES: { readonly [I in LayoutItem]: string } = {
  host: 'A machine (Genesys Host object): drop components in it.',
  zone: 'A data centre, site or network area: drop hosts in it.',
  note: 'A free text note on the diagram.',
};

const NOTE_SIZE = { width: 140, height: 40 } as const;
const SIZES = { host: NEW_HOST_SIZE, zone: NEW_ZONE_SIZE, note: NOTE_SIZE } as const;

const GAP = 24;

/**
 * The boxes a new item must not cover: a zone other zones; a host other hosts and the cards (a
 * host drawn over cards would look as if they ran on it); a note other notes and the cards.
 */
function taken(store: DesignerStore, item: LayoutItem): Rect[] {
  const { document } = store.getState();
  const rects = containerRects(document);
  if (item === 'zone') return [...rects.zones.values()];
  const cards = document.components.map(componentRect);
  if (item === 'host') return [...rects.hosts.values(), ...cards];
  return [...(document.annotations ?? []).map((a) => ({ ...a.position, ...NOTE_SIZE })), ...cards];
}

/** The first free place for the item: `at`, else the next one along (a second host does not hide the first). */
function freePlace(store: DesignerStore, item: LayoutItem, at: { x: number; y: number }) {
  const size = SIZES[item];
  const boxes = taken(store, item);
  const clear = (x: number, y: number) =>
    !boxes.some(
      (b) =>
        x < b.x + b.width + GAP &&
        b.x < x + size.width + GAP &&
        y < b.y + b.height + GAP &&
        b.y < y + size.height + GAP,
    );
  // Zones side by side (they grow downwards as hosts go in); hosts and notes one under another.
  for (let step = 0; step < 40; step += 1) {
    const x = item === 'zone' ? snapToGrid(at.x + step * (size.width + GAP)) : at.x;
    const y = item === 'zone' ? at.y : snapToGrid(at.y + step * (size.height + GAP));
    if (clear(x, y)) return { x, y };
  }
  return at;
}

/** Adds a host, zone or note centred on `centre` (flow coordinates), says so, and returns its id. */
export function addLayoutItem(
  store: DesignerStore,
  item: LayoutItem,
  centre: { x: number; y: number },
): string {
  const size = SIZES[item];
  const at = freePlace(store, item, {
    x: snapToGrid(centre.x - size.width / 2),
    y: snapToGrid(centre.y - size.height / 2),
  });
  const state = store.getState();
  const id = item === 'host' ? state.addHost(at) : item === 'zone' ? state.addZone(at) : state.addNote(at);
  const document = store.getState().document;
  const name =
    item === 'host'
      ? document.hosts?.find((h) => h.id === id)?.name
      : item === 'zone'
        ? document.zones?.find((z) => z.id === id)?.name
        : undefined;
  store
    .getState()
    .notify(name ? `Added ${LAYOUT_ITEM_LABELS[item].toLowerCase()} '${name}'.` : 'Added a note.', 'success');
  return id;
}

/** Adds a host, zone or note at the centre of the view. */
export function useAddLayoutAtViewCentre(): (item: LayoutItem) => string {
  const store = useDesignerStore();
  const centre = useViewCentre();
  return useCallback((item) => addLayoutItem(store, item, centre()), [store, centre]);
}
