import type { TargetKind } from './matrix';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/**
 * Every problem code of rules.md sections 4 and 11 with its severity and subject. `duplicate-name`
 * is also reported on hosts (subject `hostId`, rules.md section 9): `hostsToo` says so.
 */
export const PROBLEM_CATALOG = {
  'forbidden-connection': { severity: 'error', subject: 'connection' },
  'self-connection': { severity: 'error', subject: 'connection' },
  'duplicate-connection': { severity: 'error', subject: 'connection' },
  'missing-connection': { severity: 'error', subject: 'cardinality' },
  'too-many-connections': { severity: 'error', subject: 'cardinality' },
  'too-many-instances': { severity: 'error', subject: 'component' },
  'duplicate-name': { severity: 'error', subject: 'component', hostsToo: true },
  'missing-component': { severity: 'error', subject: 'document' },
  'unused-component': { severity: 'warning', subject: 'component' },
  'management-layer-off': { severity: 'warning', subject: 'connection' },
  'tls-web-daemon': { severity: 'info', subject: 'connection' },
  'ha-unsupported': { severity: 'error', subject: 'component' },
  'ha-invalid-pair': { severity: 'error', subject: 'component' },
  'ha-mismatch': { severity: 'warning', subject: 'component' },
  'ha-backup-target': { severity: 'warning', subject: 'connection' },
  'port-conflict': { severity: 'error', subject: 'component' },
  'missing-lca': { severity: 'warning', subject: 'host' },
  'tls-no-certificate': { severity: 'warning', subject: 'connection' },
  'tls-mutual-auth': { severity: 'warning', subject: 'connection' },
} as const satisfies Record<
  string,
  {
    severity: Severity;
    subject: 'connection' | 'cardinality' | 'component' | 'host' | 'document';
    hostsToo?: true;
  }
>;

export type ProblemCode = keyof typeof PROBLEM_CATALOG;
export const PROBLEM_CODES = Object.keys(PROBLEM_CATALOG) as ProblemCode[];

type CodesWithSubject<S> = {
  [C in ProblemCode]: (typeof PROBLEM_CATALOG)[C]['subject'] extends S ? C : never;
}[ProblemCode];

/** Codes of another subject that hosts get too (`duplicate-name`). */
type HostCodesToo = {
  [C in ProblemCode]: (typeof PROBLEM_CATALOG)[C] extends { readonly hostsToo: true } ? C : never;
}[ProblemCode];

interface ProblemBase<C extends ProblemCode> {
  readonly code: C;
  readonly severity: (typeof PROBLEM_CATALOG)[C]['severity'];
  /** Plain words that name the components by their names. */
  readonly message: string;
}

export interface DocumentProblem extends ProblemBase<CodesWithSubject<'document'>> {}
export interface ComponentProblem extends ProblemBase<CodesWithSubject<'component'>> {
  readonly componentId: string;
}
export interface CardinalityProblem extends ProblemBase<CodesWithSubject<'cardinality'>> {
  readonly componentId: string;
  readonly targetKind: TargetKind;
}
/** A problem of a Genesys Host object (rules.md sections 9 and 11). */
export interface HostProblem extends ProblemBase<CodesWithSubject<'host'> | HostCodesToo> {
  readonly hostId: string;
}
export interface ConnectionProblem extends ProblemBase<CodesWithSubject<'connection'>> {
  readonly connectionId: string;
}

/** A problem found by `validate`; switch over `code` to present it. */
export type Problem =
  | DocumentProblem
  | HostProblem
  | ComponentProblem
  | CardinalityProblem
  | ConnectionProblem;

export type SeverityCounts = { readonly [S in Severity]: number };

/** Counts problems by severity: `countBySeverity([]).error === 0`. */
export function countBySeverity(problems: readonly Problem[]): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const problem of problems) counts[problem.severity] += 1;
  return counts;
}

/** The component a problem is about, if any (cardinality and component problems). */
export function problemComponentId(problem: Problem): string | undefined {
  return 'componentId' in problem ? problem.componentId : undefined;
}

/** The host a problem is about, if any (`duplicate-name` among hosts, `missing-lca`). */
export function problemHostId(problem: Problem): string | undefined {
  return 'hostId' in problem ? problem.hostId : undefined;
}

/** The connection a problem is about, if any. */
export function problemConnectionId(problem: Problem): string | undefined {
  return 'connectionId' in problem ? problem.connectionId : undefined;
}
