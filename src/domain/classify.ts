import { COMPONENT_KINDS, type ComponentKind, isContextKind } from './kinds';
import { rowCells, TARGET_KINDS } from './matrix';
import type { Topology, TopologyComponent } from './model';

// How every connection of a topology counts under the matrix, worked out once on component
// indexes and typed arrays: `validate` reads it directly and `analyse` builds its maps from it, so
// the two can never count differently. It runs after every structural edit, on documents of up to
// 20,000 components, and allocates nothing per healthy component or connection (docs/performance.md).

export const TARGET_INDEX = new Map<string, number>(TARGET_KINDS.map((kind, index) => [kind, index]));
const KIND_INDEX = new Map<string, number>(COMPONENT_KINDS.map((kind, index) => [kind, index]));
const KINDS = COMPONENT_KINDS.length;

/** `CELL_TARGET[from * KINDS + to]`: the target index of the matrix cell `from → to`, or -1 when forbidden. */
const CELL_TARGET = new Int8Array(KINDS * KINDS).fill(-1);
for (const [from, fromIndex] of KIND_INDEX) {
  for (const cell of rowCells(from as ComponentKind)) {
    CELL_TARGET[fromIndex * KINDS + (KIND_INDEX.get(cell.to) ?? 0)] = TARGET_INDEX.get(cell.to) ?? -1;
  }
}

/** 1 at the index of a context kind (rules.md section 8): its connections are context links. */
const CONTEXT_KIND = Uint8Array.from(COMPONENT_KINDS, (kind) => (isContextKind(kind) ? 1 : 0));

/** True when a connection between two kind indexes is a context link: a context kind at either end. */
export function isContextLink(fromKind: number, toKind: number): boolean {
  return CONTEXT_KIND[fromKind] === 1 || CONTEXT_KIND[toKind] === 1;
}

/** The target index of the matrix cell between two kind indexes, or -1 when the matrix forbids it. */
export function cellTargetIndex(fromKind: number, toKind: number): number {
  return CELL_TARGET[fromKind * KINDS + toKind] ?? -1;
}

/** A kind's index in COMPONENT_KINDS (0 for an unknown kind, as the classification counts it). */
export function kindIndex(kind: string): number {
  return KIND_INDEX.get(kind) ?? 0;
}

/**
 * The first connection of each (source, target) pair, in an open-addressing table on typed arrays:
 * a `Map` keyed by pair was the largest cost of a validation.
 */
function createPairTable(size: number, fromIndex: Int32Array, toIndex: Int32Array) {
  let capacity = 16;
  while (capacity < size * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity); // connection index + 1; 0 is empty
  return {
    /** The first connection with the pair of connection `c`, or -1 after recording `c` as the first. */
    firstOrAdd(c: number): number {
      const f = fromIndex[c] ?? 0;
      const t = toIndex[c] ?? 0;
      let slot = (Math.imul(f, 0x9e3779b1) ^ Math.imul(t, 0x85ebca77)) & mask;
      for (;;) {
        const stored = slots[slot] ?? 0;
        if (stored === 0) {
          slots[slot] = c + 1;
          return -1;
        }
        if (fromIndex[stored - 1] === f && toIndex[stored - 1] === t) return stored - 1;
        slot = (slot + 1) & mask;
      }
    },
  };
}

// How the connection pass classed each connection. An end not in the document gives no problem
// (the parser refuses such files); self, forbidden and duplicate connections do not count, and
// neither do context links (a context kind at either end, rules.md section 8), which the matrix
// does not govern but which may still be self-connections or duplicates.
export const DANGLING = 0;
export const SELF = 1;
export const FORBIDDEN = 2;
export const DUPLICATE = 3;
export const COUNTED = 4;
export const CONTEXT = 5;

export interface Classification {
  /** Index of the component that stands for each id: the first with it. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** For each component, the index of the component that stands for its id. */
  readonly canonical: Int32Array;
  /** For each component, its kind's index in COMPONENT_KINDS. */
  readonly kinds: Uint8Array;
  /** Counted connections by `component index * TARGET_KINDS.length + target index`. */
  readonly counts: Int32Array;
  /** 1 for a component some connection points at. */
  readonly reached: Uint8Array;
  /** For each connection: DANGLING, SELF, FORBIDDEN, DUPLICATE, COUNTED or CONTEXT. */
  readonly classes: Uint8Array;
  /** For each connection with both ends: the component indexes of its ends. */
  readonly fromIndex: Int32Array;
  readonly toIndex: Int32Array;
  /** For a duplicate: the index of the connection that came first. */
  readonly duplicateOf: Int32Array;
}

/** Classes every connection of `topology` and counts the counted ones by source and target kind. */
export function classifyConnections(topology: Topology): Classification {
  const { components, connections } = topology;
  const componentCount = components.length;
  const connectionCount = connections.length;
  // The first component with an id stands for that id.
  const indexOf = new Map<string, number>();
  const canonical = new Int32Array(componentCount);
  const kinds = new Uint8Array(componentCount);
  for (let i = 0; i < componentCount; i += 1) {
    const { id, kind } = components[i] as TopologyComponent;
    kinds[i] = KIND_INDEX.get(kind) ?? 0;
    const first = indexOf.get(id);
    if (first === undefined) {
      indexOf.set(id, i);
      canonical[i] = i;
    } else {
      canonical[i] = first;
    }
  }

  // One pass over the connections: classify each, count the counted ones by source and target kind.
  const targets = TARGET_KINDS.length;
  const counts = new Int32Array(componentCount * targets);
  const reached = new Uint8Array(componentCount);
  const classes = new Uint8Array(connectionCount);
  const fromIndex = new Int32Array(connectionCount);
  const toIndex = new Int32Array(connectionCount);
  const duplicateOf = new Int32Array(connectionCount);
  const pairs = createPairTable(connectionCount, fromIndex, toIndex);
  for (let c = 0; c < connectionCount; c += 1) {
    const connection = connections[c] as Topology['connections'][number];
    const f = indexOf.get(connection.from);
    const t = indexOf.get(connection.to);
    if (t !== undefined) reached[t] = 1;
    if (f === undefined || t === undefined) continue; // DANGLING
    fromIndex[c] = f;
    toIndex[c] = t;
    if (connection.from === connection.to) {
      classes[c] = SELF;
      continue;
    }
    const fromKind = kinds[f] ?? 0;
    const toKind = kinds[t] ?? 0;
    const context = isContextLink(fromKind, toKind);
    const target = context ? -1 : (CELL_TARGET[fromKind * KINDS + toKind] ?? -1);
    if (!context && target < 0) {
      classes[c] = FORBIDDEN;
      continue;
    }
    const first = pairs.firstOrAdd(c);
    if (first >= 0) {
      classes[c] = DUPLICATE;
      duplicateOf[c] = first;
      continue;
    }
    if (context) {
      classes[c] = CONTEXT;
      continue;
    }
    classes[c] = COUNTED;
    counts[f * targets + target] = (counts[f * targets + target] ?? 0) + 1;
  }

  return { indexOf, canonical, kinds, counts, reached, classes, fromIndex, toIndex, duplicateOf };
}
