import { CONTEXT, classifyConnections, DANGLING, DUPLICATE, FORBIDDEN, SELF } from './classify';
import { type MatrixCell, matrixCell, type TargetKind } from './matrix';
import type { Topology, TopologyComponent, TopologyConnection } from './model';
import { pushTo } from './multimap';
import type { RulesetId } from './ruleset-ids';
import { resolveRuleset } from './rulesets';

/** Why a connection does not count toward its source's cardinality (rules.md section 4). */
export type StructuralCode = 'self-connection' | 'forbidden-connection' | 'duplicate-connection';

export interface ClassifiedConnection {
  readonly connection: TopologyConnection;
  readonly from: TopologyComponent | undefined;
  readonly to: TopologyComponent | undefined;
  /** Set when the connection is self, forbidden or a duplicate; such a connection does not count. */
  readonly structural?: StructuralCode;
  /** For a duplicate: the connection that came first. */
  readonly duplicateOf?: TopologyConnection;
  /** For a counted connection: the matrix cell that allows it, as the analysis's rule set reads it. */
  readonly cell?: MatrixCell;
  /** True for a context link (a context kind at either end, rules.md section 8): not counted, not judged by the matrix. */
  readonly context?: true;
}

/**
 * One pass over a topology that every judge shares: components by id, each connection classified
 * in document order, and the counted connections of every source component by target kind.
 */
export interface Analysis {
  /** The rule set the cells are read under: the topology's, or the override given to `analyse`. */
  readonly ruleset: RulesetId;
  readonly byId: ReadonlyMap<string, TopologyComponent>;
  readonly connections: readonly ClassifiedConnection[];
  /** Counted connections keyed by `fromId`, then by target kind. */
  readonly counted: ReadonlyMap<string, ReadonlyMap<TargetKind, readonly TopologyConnection[]>>;
  /** Counted connections and context links (the first of each pair) keyed by `${from}\u0000${to}`. */
  readonly pairs: ReadonlyMap<string, TopologyConnection>;
  /** Ids of components reached by at least one connection, even a faulty one. */
  readonly reached: ReadonlySet<string>;
}

export function pairKey(fromId: string, toId: string): string {
  return `${fromId}\u0000${toId}`;
}

/** One pass over a topology under its rule set, or under `ruleset` when given. */
export function analyse(topology: Topology, ruleset?: RulesetId): Analysis {
  const { components } = topology;
  const rules = resolveRuleset(topology.ruleset, ruleset);
  const { indexOf, classes, fromIndex, toIndex, duplicateOf } = classifyConnections(topology);
  const byId = new Map<string, TopologyComponent>();
  for (const [id, index] of indexOf) byId.set(id, components[index] as TopologyComponent);
  const pairs = new Map<string, TopologyConnection>();
  const counted = new Map<string, Map<TargetKind, TopologyConnection[]>>();
  const reached = new Set<string>();
  const connections: ClassifiedConnection[] = topology.connections.map((connection, c) => {
    reached.add(connection.to);
    const kind = classes[c];
    if (kind === DANGLING) {
      return { connection, from: byId.get(connection.from), to: byId.get(connection.to) };
    }
    const from = components[fromIndex[c] ?? 0] as TopologyComponent;
    const to = components[toIndex[c] ?? 0] as TopologyComponent;
    if (kind === SELF) return { connection, from, to, structural: 'self-connection' };
    if (kind === FORBIDDEN) return { connection, from, to, structural: 'forbidden-connection' };
    if (kind === DUPLICATE) {
      const first = topology.connections[duplicateOf[c] ?? 0];
      return {
        connection,
        from,
        to,
        structural: 'duplicate-connection',
        ...(first ? { duplicateOf: first } : {}),
      };
    }
    pairs.set(pairKey(connection.from, connection.to), connection);
    if (kind === CONTEXT) return { connection, from, to, context: true };
    // Counted: the classification found the cell, so it exists.
    const cell = matrixCell(from.kind, to.kind, rules) as MatrixCell;
    let byKind = counted.get(connection.from);
    if (!byKind) {
      byKind = new Map();
      counted.set(connection.from, byKind);
    }
    pushTo(byKind, cell.to, connection);
    return { connection, from, to, cell };
  });
  return { ruleset: rules, byId, connections, counted, pairs, reached };
}
