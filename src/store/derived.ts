import type { TopologyDocument } from '../document';
import {
  type ConnectionJudge,
  countBySeverity,
  createConnectionJudge,
  createIncrementalValidator,
  type Problem,
  problemComponentId,
  problemConnectionId,
  pushTo,
  type SeverityCounts,
} from '../domain';

export interface ProblemIndex {
  readonly problems: readonly Problem[];
  readonly counts: SeverityCounts;
  readonly byComponent: ReadonlyMap<string, readonly Problem[]>;
  readonly byConnection: ReadonlyMap<string, readonly Problem[]>;
  /** Host problems (`missing-lca`, a host's `duplicate-name`) by host id. */
  readonly byHost: ReadonlyMap<string, readonly Problem[]>;
}

/**
 * The host a problem is about (rules.md section 11: `hostId`), if any.
 * TODO(i13-domain): switch to the domain's own accessor once problems carry `hostId`.
 */
export function problemHostId(problem: Problem): string | undefined {
  const subject: object = problem;
  return 'hostId' in subject && typeof subject.hostId === 'string' ? subject.hostId : undefined;
}

/** The rule-relevant fields of a host (rules.md section 9); its position and notes are not. */
function sameHosts(a: TopologyDocument['hosts'], b: TopologyDocument['hosts']): boolean {
  if (a === b) return true;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  for (let i = 0; i < (a?.length ?? 0); i += 1) {
    const x = a?.[i];
    const y = b?.[i];
    if (x === y) continue;
    if (
      !x ||
      !y ||
      x.id !== y.id ||
      x.name !== y.name ||
      x.lca !== y.lca ||
      x.lcaPort !== y.lcaPort ||
      x.certificate !== y.certificate
    ) {
      return false;
    }
  }
  return true;
}

/**
 * True when two documents have the same rule-relevant content. Moves keep the rules' answer, so a
 * drag frame is compared in O(n) identity checks and never re-validated.
 */
function sameStructure(a: TopologyDocument, b: TopologyDocument): boolean {
  if (a === b) return true;
  if (a.connections !== b.connections || a.options !== b.options || a.ruleset !== b.ruleset) return false;
  if (!sameHosts(a.hosts, b.hosts)) return false;
  if (a.components === b.components) return true;
  if (a.components.length !== b.components.length) return false;
  for (let i = 0; i < a.components.length; i += 1) {
    const x = a.components[i];
    const y = b.components[i];
    if (x === y) continue;
    if (
      !x ||
      !y ||
      x.id !== y.id ||
      x.kind !== y.kind ||
      x.name !== y.name ||
      x.etl !== y.etl ||
      x.host !== y.host ||
      x.port !== y.port ||
      x.backupOf !== y.backupOf ||
      x.standby !== y.standby ||
      x.mutualAuth !== y.mutualAuth
    ) {
      return false;
    }
  }
  return true;
}

function memoByStructure<T>(compute: (document: TopologyDocument) => T): (document: TopologyDocument) => T {
  let last: { document: TopologyDocument; value: T } | undefined;
  return (document) => {
    if (last && sameStructure(last.document, document)) {
      last = { document, value: last.value };
      return last.value;
    }
    last = { document, value: compute(document) };
    return last.value;
  };
}

function indexProblems(problems: readonly Problem[]): ProblemIndex {
  const byComponent = new Map<string, Problem[]>();
  const byConnection = new Map<string, Problem[]>();
  const byHost = new Map<string, Problem[]>();
  for (const problem of problems) {
    const hostId = problemHostId(problem);
    if (hostId !== undefined) pushTo(byHost, hostId, problem);
    const componentId = problemComponentId(problem);
    const connectionId = problemConnectionId(problem);
    if (componentId !== undefined) pushTo(byComponent, componentId, problem);
    if (connectionId !== undefined) pushTo(byConnection, connectionId, problem);
  }
  return { problems, counts: countBySeverity(problems), byComponent, byConnection, byHost };
}

/**
 * A judge that analyses the document on its first question: most edits are never followed by a
 * connection drag, so the analysis would be work thrown away.
 */
function createLazyJudge(document: TopologyDocument): ConnectionJudge {
  let judge: ConnectionJudge | undefined;
  const get = () => {
    judge ??= createConnectionJudge(document);
    return judge;
  };
  return {
    canConnect: (fromId, toId) => get().canConnect(fromId, toId),
    legalTargets: (fromId) => get().legalTargets(fromId),
  };
}

/** Makes the memoised derivations of one store: problems and the connection judge. */
export function createDerivations() {
  // After an edit, only what it touched is re-judged (src/domain/incremental-validate.ts).
  const validator = createIncrementalValidator();
  return {
    problems: memoByStructure((document) => indexProblems(validator.validate(document))),
    judge: memoByStructure(createLazyJudge),
  };
}

export type Derivations = ReturnType<typeof createDerivations>;
