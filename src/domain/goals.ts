import { analyse } from './analyse';
import { type BackupGoalCheck, type HostGoalCheck, meetsBackupGoal, meetsHostGoal } from './goals-v2';
import type { ComponentKind } from './kinds';
import type { Topology } from './model';
import { type DeploymentOptions, resolveOptions } from './options';
import { countBySeverity, type Problem, type ProblemCode } from './problems';
import { validate } from './validate';

/**
 * A goal of an exercise, as data: a small declarative question about a topology that the domain
 * answers live. Every connection count below counts only the connections `validate` counts (not
 * self, forbidden or duplicate ones), so a goal never ticks on a connection the matrix refuses.
 */
export type GoalCheck =
  /** No problem of severity error: the deployment is valid (rules.md section 4). */
  | { readonly type: 'valid' }
  /** No errors and no warnings; infos are allowed. */
  | { readonly type: 'no-problems' }
  /** At least `count` components of `kind`. */
  | { readonly type: 'min-components'; readonly kind: ComponentKind; readonly count: number }
  /** At most `count` components of `kind`. */
  | { readonly type: 'max-components'; readonly kind: ComponentKind; readonly count: number }
  /** Between `min` (default 1) and `max` (default unbounded) counted connections from a `from` to a `to`. */
  | {
      readonly type: 'connection';
      readonly from: ComponentKind;
      readonly to: ComponentKind;
      readonly min?: number | undefined;
      readonly max?: number | undefined;
    }
  /** A deployment option has this value (absent options are false). */
  | { readonly type: 'option'; readonly key: keyof DeploymentOptions; readonly value: boolean }
  /** No problem with this code. */
  | { readonly type: 'no-problem'; readonly code: ProblemCode }
  /** There is at least one component of `kinds`, and each has a counted connection to a `to`. */
  | {
      readonly type: 'every-component-connects';
      readonly kinds: readonly ComponentKind[];
      readonly to: ComponentKind;
    }
  /** There is at least one component of `kinds`, and a `from` has a counted connection to each. */
  | {
      readonly type: 'every-component-reached';
      readonly kinds: readonly ComponentKind[];
      readonly from: ComponentKind;
    }
  /** Version 2: a component of `kind` is on a host (optionally one with an LCA, a certificate). */
  | HostGoalCheck
  /** Version 2: a primary of `kind` has a backup in `standby` mode. */
  | BackupGoalCheck;

export type GoalCheckType = GoalCheck['type'];

/** Every goal type, in the order the README documents them. */
export const GOAL_CHECK_TYPES = [
  'valid',
  'no-problems',
  'min-components',
  'max-components',
  'connection',
  'option',
  'no-problem',
  'every-component-connects',
  'every-component-reached',
  'host',
  'backup',
] as const satisfies readonly GoalCheckType[];

type Expect<T extends true> = T;
/** Compile-time proof that `GOAL_CHECK_TYPES` lists every member of the union. */
export type GoalCheckTypesAreComplete = Expect<
  GoalCheckType extends (typeof GOAL_CHECK_TYPES)[number] ? true : false
>;

/** Answers goal checks against one topology; validates and analyses it at most once. */
function createGoalJudge(topology: Topology): (check: GoalCheck) => boolean {
  let problems: readonly Problem[] | undefined;
  const problemsOf = () => {
    problems ??= validate(topology);
    return problems;
  };
  let analysis: ReturnType<typeof analyse> | undefined;
  const analysisOf = () => {
    analysis ??= analyse(topology);
    return analysis;
  };
  const countOf = (kind: ComponentKind) => topology.components.filter((c) => c.kind === kind).length;

  /** Counted connections as `[from component, to component]` pairs. */
  const counted = () =>
    analysisOf().connections.flatMap(({ from, to, cell }) => (cell && from && to ? [{ from, to }] : []));

  return (check) => {
    switch (check.type) {
      case 'valid':
        return countBySeverity(problemsOf()).error === 0;
      case 'no-problems': {
        const counts = countBySeverity(problemsOf());
        return counts.error === 0 && counts.warning === 0;
      }
      case 'min-components':
        return countOf(check.kind) >= check.count;
      case 'max-components':
        return countOf(check.kind) <= check.count;
      case 'connection': {
        const found = counted().filter(({ from, to }) => from.kind === check.from && to.kind === check.to);
        return found.length >= (check.min ?? 1) && (check.max === undefined || found.length <= check.max);
      }
      case 'option':
        return resolveOptions(topology.options)[check.key] === check.value;
      case 'no-problem':
        return problemsOf().every((problem) => problem.code !== check.code);
      case 'every-component-connects': {
        const subjects = topology.components.filter((c) => check.kinds.includes(c.kind));
        const connected = new Set(
          counted().flatMap(({ from, to }) => (to.kind === check.to ? [from.id] : [])),
        );
        return subjects.length > 0 && subjects.every((c) => connected.has(c.id));
      }
      case 'every-component-reached': {
        const subjects = topology.components.filter((c) => check.kinds.includes(c.kind));
        const reached = new Set(
          counted().flatMap(({ from, to }) => (from.kind === check.from ? [to.id] : [])),
        );
        return subjects.length > 0 && subjects.every((c) => reached.has(c.id));
      }
      case 'host':
        return meetsHostGoal(topology, check);
      case 'backup':
        return meetsBackupGoal(topology, check);
      default: {
        const unreachable: never = check;
        return unreachable;
      }
    }
  };
}

/**
 * Whether a topology meets one goal check.
 * @example evaluateGoal({ components: [], connections: [] }, { type: 'min-components', kind: 'builder', count: 3 }) === false
 */
export function evaluateGoal(topology: Topology, check: GoalCheck): boolean {
  return createGoalJudge(topology)(check);
}

export interface GoalResult<G> {
  readonly goal: G;
  readonly met: boolean;
}

/**
 * Every goal judged against one topology (validated once), in the goals' order.
 * @example evaluateGoals(doc, [{ id: 'ok', check: { type: 'valid' } }])[0].met
 */
export function evaluateGoals<G extends { readonly check: GoalCheck }>(
  topology: Topology,
  goals: readonly G[],
): GoalResult<G>[] {
  const judge = createGoalJudge(topology);
  return goals.map((goal) => ({ goal, met: judge(goal.check) }));
}

/** True when every goal is met (and there is at least one): `allGoalsMet(evaluateGoals(doc, goals))`. */
export function allGoalsMet(results: readonly GoalResult<unknown>[]): boolean {
  return results.length > 0 && results.every((result) => result.met);
}
