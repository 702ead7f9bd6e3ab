// The smallest change between two versions of a document, written into a room's Y.Doc (issue 16,
// decision 032), and the way back: a projection of the Y.Doc that keeps every unchanged entity's
// object, so React and the memoised checks see only what another person changed.

import * as Y from 'yjs';
import {
  ENTITY_ROOTS,
  type EntityRoot,
  entityMap,
  LISTS_KEY,
  META_FIELDS,
  META_ROOT,
  OPTIONAL_LISTS,
  ORDER_KEY,
  plainJson,
} from '../collab/ydoc';
import type { TopologyDocument } from '../document';

/** Deep equality of JSON values, blind to the order of an object's keys (a Y.Map does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const others = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === others.length && keys.every((key) => sameJson(left[key], right[key]));
}

interface Entity {
  readonly id: string;
}

function entities(document: TopologyDocument, root: EntityRoot): readonly Entity[] {
  return (document[root] as readonly Entity[] | undefined) ?? [];
}

function orderOf(map: Y.Map<Y.Map<unknown>>, id: string): number | undefined {
  const order = map.get(id)?.get(ORDER_KEY);
  return typeof order === 'number' ? order : undefined;
}

/** True when `(order, id)` sorts after `(previousOrder, previousId)` as the projection sorts. */
function after(order: number, id: string, previousOrder: number, previousId: string): boolean {
  return order > previousOrder || (order === previousOrder && id > previousId);
}

/**
 * Gives an order to each entity that has none or whose order would put it out of place, so the
 * projection lists `list` in this order: an added entity goes between its neighbours (a midpoint)
 * or after the last one. Entities already in place keep theirs (one field written per move).
 */
function placeInOrder(map: Y.Map<Y.Map<unknown>>, list: readonly Entity[], fresh: ReadonlySet<string>): void {
  let previousOrder = Number.NEGATIVE_INFINITY;
  let previousId = '';
  list.forEach((entity, index) => {
    const current = fresh.has(entity.id) ? undefined : orderOf(map, entity.id);
    if (current !== undefined && after(current, entity.id, previousOrder, previousId)) {
      previousOrder = current;
      previousId = entity.id;
      return;
    }
    const nextEntity = list[index + 1];
    const upper = nextEntity && !fresh.has(nextEntity.id) ? orderOf(map, nextEntity.id) : undefined;
    const lower = Number.isFinite(previousOrder) ? previousOrder : undefined;
    let order = lower === undefined ? 0 : lower + 1;
    if (upper !== undefined && (lower === undefined || upper > lower)) {
      const between = lower === undefined ? upper - 1 : (lower + upper) / 2;
      // Two orders too close to split: the later entities are placed again after this one.
      if ((lower === undefined || between > lower) && between < upper) order = between;
    }
    map.get(entity.id)?.set(ORDER_KEY, order);
    previousOrder = order;
    previousId = entity.id;
  });
}

/** Writes what changed in one list: deleted, added and changed entities, field by field. */
function writeList(ydoc: Y.Doc, root: EntityRoot, before: readonly Entity[], now: readonly Entity[]): void {
  if (before === now) return;
  const map = ydoc.getMap<Y.Map<unknown>>(root);
  const old = new Map(before.map((entity) => [entity.id, entity]));
  const kept = new Set(now.map((entity) => entity.id));
  for (const entity of before) if (!kept.has(entity.id)) map.delete(entity.id);
  const fresh = new Set<string>();
  let moved = false;
  let index = 0;
  for (const entity of now) {
    const was = old.get(entity.id);
    const ymap = map.get(entity.id);
    if (!was || !(ymap instanceof Y.Map)) {
      map.set(entity.id, entityMap(entity as never, 0));
      fresh.add(entity.id);
    } else if (was !== entity) {
      const fields = entity as unknown as Record<string, unknown>;
      const previous = was as unknown as Record<string, unknown>;
      for (const key of new Set([...Object.keys(fields), ...Object.keys(previous)])) {
        if (key === 'id' || sameJson(fields[key], previous[key])) continue;
        if (fields[key] === undefined) ymap.delete(key);
        else ymap.set(key, plainJson(fields[key]));
      }
    }
    if (before[index]?.id !== entity.id) moved = true;
    index += 1;
  }
  if (fresh.size > 0 || moved) placeInOrder(map, now, fresh);
}

/**
 * Writes into `ydoc` what turned `before` into `now`: only the document fields, entities and
 * fields that differ. `before` must be what the Y.Doc holds (the binding keeps them in step).
 */
export function writeChanges(ydoc: Y.Doc, before: TopologyDocument, now: TopologyDocument): void {
  if (before === now) return;
  const meta = ydoc.getMap<unknown>(META_ROOT);
  for (const field of META_FIELDS) {
    if (sameJson(before[field], now[field])) continue;
    if (now[field] === undefined) meta.delete(field);
    else meta.set(field, plainJson(now[field]));
  }
  const lists = (doc: TopologyDocument) => OPTIONAL_LISTS.filter((list) => doc[list] !== undefined);
  if (!sameJson(lists(before), lists(now))) meta.set(LISTS_KEY, lists(now));
  for (const root of ENTITY_ROOTS) writeList(ydoc, root, entities(before, root), entities(now, root));
}

/**
 * `next` with every part that equals `previous`'s replaced by `previous`'s own object (the whole
 * of `previous` when nothing changed), so an unchanged card is the same object as before.
 */
export function keepUnchanged(previous: TopologyDocument, next: TopologyDocument): TopologyDocument {
  const out: Record<string, unknown> = { ...next };
  let changed = false;
  const prev = previous as unknown as Record<string, unknown>;
  for (const field of META_FIELDS) {
    if (sameJson(prev[field], out[field])) {
      if (prev[field] !== undefined) out[field] = prev[field];
    } else changed = true;
  }
  for (const root of ENTITY_ROOTS) {
    const before = prev[root] as readonly Entity[] | undefined;
    const now = out[root] as readonly Entity[] | undefined;
    if (before === undefined || now === undefined) {
      if (before !== now) changed = true;
      continue;
    }
    const old = new Map(before.map((entity) => [entity.id, entity]));
    let same = before.length === now.length;
    const merged = now.map((entity, index) => {
      const was = old.get(entity.id);
      if (was && sameJson(was, entity)) {
        if (before[index] !== was) same = false;
        return was;
      }
      same = false;
      return entity;
    });
    if (same) out[root] = before;
    else {
      out[root] = merged;
      changed = true;
    }
  }
  if (Object.keys(prev).some((key) => prev[key] !== undefined && !(key in out))) changed = true;
  return changed ? (out as unknown as TopologyDocument) : previous;
}
