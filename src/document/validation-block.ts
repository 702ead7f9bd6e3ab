import {
  countBySeverity,
  DEFAULT_RULESET,
  isValid,
  type Problem,
  problemComponentId,
  problemConnectionId,
  type SeverityCounts,
  type Topology,
  validate,
} from '../domain';

/**
 * A problem as files and the CLI write it: keys in the order of docs/rules.md (Problems). Absent
 * subjects are `undefined`, which `JSON.stringify` leaves out.
 */
export interface ProblemRecord {
  readonly code: Problem['code'];
  readonly severity: Problem['severity'];
  readonly message: string;
  /** Version 2: the host a host problem is about (`missing-lca`, a host's `duplicate-name`). */
  readonly hostId: string | undefined;
  readonly componentId: string | undefined;
  readonly connectionId: string | undefined;
  readonly targetKind: string | undefined;
}

/** The `validation` block written on export, for readers of the file; ignored on import. */
export interface ValidationBlock {
  readonly ruleset: string;
  readonly valid: boolean;
  readonly counts: SeverityCounts;
  readonly problems: readonly ProblemRecord[];
}

/**
 * Validates a topology and reports it as the file's `validation` block.
 * @example createValidationBlock({ components: [], connections: [] }) // { ruleset: 'wfm-8.5.2', valid: true, counts: { error: 0, warning: 0, info: 0 }, problems: [] }
 */
export function createValidationBlock(topology: Topology): ValidationBlock {
  const problems = validate(topology);
  const { error, warning, info } = countBySeverity(problems);
  return {
    ruleset: topology.ruleset ?? DEFAULT_RULESET,
    valid: isValid(problems),
    counts: { error, warning, info },
    problems: problems.map(toProblemRecord),
  };
}

function toProblemRecord(problem: Problem): ProblemRecord {
  return {
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    // Read without naming the host problem type, which only the domain's version-2 rules add.
    hostId: (problem as { readonly hostId?: string }).hostId,
    componentId: problemComponentId(problem),
    connectionId: problemConnectionId(problem),
    targetKind: 'targetKind' in problem ? problem.targetKind : undefined,
  };
}
