import * as Y from 'yjs';
import { z } from 'zod';
import {
  MAX_ANNOTATIONS,
  MAX_COMPONENTS,
  MAX_CONNECTIONS,
  MAX_HOSTS,
  MAX_ID_LENGTH,
  MAX_ZONES,
} from '../document/limits';
import {
  annotationSchema,
  componentSchema,
  connectionSchema,
  hostSchema,
  topologyDocumentSchema,
  zoneSchema,
} from '../document/schema';
import { CLASS_ROOT, classValueProblem, EXERCISE_FILE_KEY, EXERCISE_KEY, MAX_LEARNERS } from './roster';
import { ENTITY_ROOTS, type EntityRoot, LISTS_KEY, META_ROOT, ORDER_KEY, ROOT_NAMES } from './ydoc';

// What the server refuses (issue 16 item 6, decision 031): a room's document that would break the
// format's shape or limits. Only things an honest designer never produces are refused; what
// concurrency produces legitimately (a connection to a component someone just deleted, two
// equal names, an id used in two lists) is left to the rules engine on each client.

/** A shared type as Yjs's transactions name it (Y.AbstractType of any event). */
type SharedType = Parameters<Y.Transaction['changed']['get']>[0];

const ENTITY_SCHEMAS: Record<EntityRoot, z.ZodType> = {
  components: componentSchema,
  connections: connectionSchema,
  hosts: hostSchema,
  zones: zoneSchema,
  annotations: annotationSchema,
};

const ENTITY_LIMITS: Record<EntityRoot, number> = {
  components: MAX_COMPONENTS,
  connections: MAX_CONNECTIONS,
  hosts: MAX_HOSTS,
  zones: MAX_ZONES,
  annotations: MAX_ANNOTATIONS,
};

const { format, version, name, ruleset, options, view } = topologyDocumentSchema.shape;
/** The document's own fields; each one checked alone, as each is set alone. */
// A Map, not an object: a field named `__proto__` or `constructor` must find no schema (as an
// object's key it found Object.prototype and the check threw).
const META_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['format', format],
  ['version', version],
  ['name', name],
  ['ruleset', ruleset],
  ['options', options],
  ['view', view],
  [LISTS_KEY, z.array(z.enum(['zones', 'hosts', 'annotations'])).max(3)],
]);

/** Why an entity's map is not one the format accepts, or undefined when it is. */
function entityProblem(root: EntityRoot, id: string, value: unknown): string | undefined {
  if (!(value instanceof Y.Map)) return `${root}/${id.slice(0, MAX_ID_LENGTH)}: not a map`;
  const fields: Record<string, unknown> = { id };
  let order: unknown;
  for (const [key, field] of value.entries()) {
    // A nested Y type looks like JSON through toJSON(); the mapping never makes one.
    if (field instanceof Y.AbstractType) return `${root}/${id}: nested shared type`;
    if (key === ORDER_KEY) order = field;
    else fields[key] = field;
  }
  if (typeof order !== 'number' || !Number.isFinite(order)) return `${root}/${id}: no order`;
  const parsed = ENTITY_SCHEMAS[root].safeParse(fields);
  return parsed.success
    ? undefined
    : `${root}/${id.slice(0, MAX_ID_LENGTH)}: ${parsed.error.issues[0]?.message}`;
}

/** The root name of a root-level type of `ydoc`, or undefined for a nested type. */
function rootName(ydoc: Y.Doc, type: SharedType): string | undefined {
  if (type._item !== null) return undefined;
  for (const [key, shared] of ydoc.share) if (shared === type) return key;
  return undefined;
}

/**
 * Checks what a transaction changed in `ydoc` (Yjs's `transaction.changed`: each changed type and
 * the keys changed in it), after the change was applied: the roots, the changed entities, the
 * list sizes and the changed document fields. Cost grows with the change, not the document.
 * `sizesBefore` are the entity lists' sizes before the change: a list past its cap is refused only
 * when the change made it grow. Returns why the document is refused, or undefined.
 */
export function changeProblem(
  ydoc: Y.Doc,
  changed: ReadonlyMap<SharedType, ReadonlySet<string | null>>,
  sizesBefore: ReadonlyMap<string, number> = new Map(),
): string | undefined {
  for (const key of ydoc.share.keys())
    if (!ROOT_NAMES.has(key) && key !== CLASS_ROOT) return `unknown root ${key.slice(0, 40)}`;
  if (ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null) return 'missing dependencies';
  for (const [type, keys] of changed) {
    const root = rootName(ydoc, type);
    if (root === META_ROOT) {
      if (!(type instanceof Y.Map)) return 'meta is not a map';
      for (const key of keys) {
        if (key === null) return 'meta is not a map';
        const value = type.get(key);
        if (value === undefined) continue;
        const schema = META_SCHEMAS.get(key);
        if (!schema) return `unknown document field ${key.slice(0, 40)}`;
        if (value instanceof Y.AbstractType || !schema.safeParse(value).success)
          return `invalid document field ${key}`;
      }
    } else if (root === CLASS_ROOT) {
      // A class room (roster.ts): the exercise and one sealed entry per learner, and nothing else.
      if (!(type instanceof Y.Map)) return 'classroom is not a map';
      // Besides the exercise and its file every key is a learner's (any other key is refused below).
      const learners = type.size - (type.has(EXERCISE_KEY) ? 1 : 0) - (type.has(EXERCISE_FILE_KEY) ? 1 : 0);
      if (learners > MAX_LEARNERS) return `more than ${MAX_LEARNERS} learners`;
      for (const key of keys) {
        if (key === null) return 'classroom is not a map';
        const value = type.get(key);
        if (value === undefined) continue;
        if (value instanceof Y.AbstractType) return 'nested shared type';
        const problem = classValueProblem(key, value);
        if (problem) return problem;
      }
    } else if (root !== undefined) {
      const list = root as EntityRoot;
      if (!(type instanceof Y.Map)) return `${root} is not a map`;
      // Counts are soft (decision 034): two instances can each accept an add that together pass a
      // cap, and such a room must still take deletes. Refused: growing a list past its cap.
      if (type.size > ENTITY_LIMITS[list] && type.size > (sizesBefore.get(root) ?? 0))
        return `more than ${ENTITY_LIMITS[list]} ${root}`;
      for (const key of keys) {
        if (key === null) return `${root} is not a map`;
        if (key.length > MAX_ID_LENGTH) return `${root}: id too long`;
        const value = type.get(key);
        if (value === undefined) continue;
        const problem = entityProblem(list, key, value);
        if (problem) return problem;
      }
    } else {
      // An entity's own map: its parent must be an entity root, and the entity must still pass.
      const parent = type._item?.parent;
      const key = type._item?.parentSub;
      const parentRoot = parent instanceof Y.AbstractType ? rootName(ydoc, parent) : undefined;
      if (
        parentRoot === undefined ||
        !(ENTITY_ROOTS as readonly string[]).includes(parentRoot) ||
        typeof key !== 'string'
      )
        return 'nested shared type';
      if (type._item?.deleted) continue;
      const problem = entityProblem(parentRoot as EntityRoot, key, type);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * Applies `update` to `ydoc` and checks what it changed (see {@link changeProblem}). On a problem
 * `ydoc` is left changed: the caller throws it away (the server's shadow copy of a room).
 */
export function applyAndCheck(ydoc: Y.Doc, update: Uint8Array): string | undefined {
  // A root received before anyone asked for it is an untyped AbstractType: typing every known
  // root as a map first makes anything else sent under its name show up as a problem.
  for (const name of ROOT_NAMES) ydoc.getMap(name);
  ydoc.getMap(CLASS_ROOT);
  const sizesBefore = new Map(ENTITY_ROOTS.map((root) => [root, ydoc.getMap(root).size]));
  const changed = new Map<SharedType, Set<string | null>>();
  const collect = (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      const set = changed.get(type) ?? new Set();
      for (const key of keys) set.add(key);
      changed.set(type, set);
    }
  };
  ydoc.on('afterTransaction', collect);
  try {
    Y.applyUpdate(ydoc, update);
  } catch {
    return 'malformed update';
  } finally {
    ydoc.off('afterTransaction', collect);
  }
  return changeProblem(ydoc, changed, sizesBefore);
}
