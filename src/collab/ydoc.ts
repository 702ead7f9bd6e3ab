import * as Y from 'yjs';
import type {
  DocumentAnnotation,
  DocumentComponent,
  DocumentConnection,
  DocumentHost,
  DocumentZone,
  TopologyDocument,
} from '../document';

// The version-2 document as a Yjs document (issue 16, decision 031). Each entity is a Y.Map of its
// own, so two people editing different things (or different fields of one thing) both keep their
// edit, and the same field resolves by Yjs's last-writer-wins, the same on every peer. Values are
// plain JSON: a position or a list of waypoints is replaced whole, never merged field by field.

/** The entity lists, each a root Y.Map of `id → Y.Map of fields`. */
export const ENTITY_ROOTS = ['components', 'connections', 'hosts', 'zones', 'annotations'] as const;
export type EntityRoot = (typeof ENTITY_ROOTS)[number];

/** The root Y.Map of the document's own fields (format, version, name, ruleset, options, view). */
export const META_ROOT = 'meta';

/** Every root a room may hold; the server refuses an update that makes any other. */
export const ROOT_NAMES: ReadonlySet<string> = new Set([META_ROOT, ...ENTITY_ROOTS]);

/**
 * The key, inside an entity's map, of its place in its list. A Y.Map keeps no order that every
 * peer agrees on, so the projection sorts by this number and then by id: deterministic even when
 * two people add an entity at the same place at once. `@` cannot start a field of the format.
 */
export const ORDER_KEY = '@order';

/** Meta key listing which of the optional lists (zones, hosts, annotations) the document carries, empty or not. */
export const LISTS_KEY = '@lists';

/** The lists a document may leave out; `@lists` says which of them it carries. */
export const OPTIONAL_LISTS = ['zones', 'hosts', 'annotations'] as const;
/** The document's own fields, kept in the `meta` root. */
export const META_FIELDS = ['format', 'version', 'name', 'ruleset', 'options', 'view'] as const;

type Entity = DocumentComponent | DocumentConnection | DocumentHost | DocumentZone | DocumentAnnotation;

/** The entities of one list of a document, as written (an absent optional list is empty). */
function entitiesOf(document: TopologyDocument, root: EntityRoot): readonly Entity[] {
  return document[root] ?? [];
}

/**
 * A JSON value rebuilt from plain objects and arrays: Yjs stores an object only when its
 * constructor is Object, and a value read through zod or made by Object.create(null) may not be.
 */
export function plainJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = plainJson(field);
    return out;
  }
  return value;
}

/** An entity's fields without its id (the id is the key of its map), as a new Y.Map. */
export function entityMap(entity: Entity, order: number): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(entity)) {
    if (key !== 'id' && value !== undefined) map.set(key, plainJson(value));
  }
  map.set(ORDER_KEY, order);
  return map;
}

/**
 * Writes `document` into an empty Y.Doc, in one transaction (one update, one undo step).
 * `origin` tags the transaction, for an UndoManager that tracks only one's own edits.
 */
export function writeDocument(ydoc: Y.Doc, document: TopologyDocument, origin: unknown = null): void {
  ydoc.transact(() => {
    const meta = ydoc.getMap<unknown>(META_ROOT);
    for (const field of META_FIELDS) {
      const value = document[field];
      if (value !== undefined) meta.set(field, plainJson(value));
    }
    meta.set(
      LISTS_KEY,
      OPTIONAL_LISTS.filter((list) => document[list] !== undefined),
    );
    for (const root of ENTITY_ROOTS) {
      const map = ydoc.getMap<Y.Map<unknown>>(root);
      entitiesOf(document, root).forEach((entity, index) => {
        map.set(entity.id, entityMap(entity, index));
      });
    }
  }, origin);
}

/** A new Y.Doc holding `document`. */
export function documentToYDoc(document: TopologyDocument): Y.Doc {
  const ydoc = new Y.Doc();
  writeDocument(ydoc, document);
  return ydoc;
}

/** One list, sorted by order then id (code unit order: the same on every peer). */
function readEntities(ydoc: Y.Doc, root: EntityRoot): Record<string, unknown>[] {
  const rows: { id: string; order: number; fields: Record<string, unknown> }[] = [];
  ydoc.getMap<unknown>(root).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const { [ORDER_KEY]: order, ...fields } = value.toJSON() as Record<string, unknown>;
    rows.push({ id, order: typeof order === 'number' ? order : 0, fields });
  });
  rows.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map(({ id, fields }) => ({ id, ...fields }));
}

/**
 * The document a Y.Doc holds, as JSON in the format's shape. Not validated here: the caller
 * parses it with the format's schema (the server refuses updates that would break it).
 */
export function yDocToDocument(ydoc: Y.Doc): TopologyDocument {
  const meta = ydoc.getMap<unknown>(META_ROOT);
  const out: Record<string, unknown> = {};
  for (const field of META_FIELDS) {
    const value = meta.get(field);
    if (value !== undefined) out[field] = value;
  }
  const lists = meta.get(LISTS_KEY);
  const present = new Set(Array.isArray(lists) ? lists : []);
  for (const root of ENTITY_ROOTS) {
    const entities = readEntities(ydoc, root);
    const optional = (OPTIONAL_LISTS as readonly string[]).includes(root);
    if (!optional || present.has(root) || entities.length > 0) out[root] = entities;
  }
  return out as TopologyDocument;
}

/** The order an entity appended to `root` now takes: after every entity this peer sees. */
export function nextOrder(ydoc: Y.Doc, root: EntityRoot): number {
  let max = -1;
  ydoc.getMap<unknown>(root).forEach((value) => {
    const order = value instanceof Y.Map ? value.get(ORDER_KEY) : undefined;
    if (typeof order === 'number' && order > max) max = order;
  });
  return max + 1;
}
