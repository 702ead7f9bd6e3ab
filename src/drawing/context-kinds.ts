// TODO(issue 13, after the domain branch merges): use the domain's `isContextKind` (kind registry,
// group of the Framework context kinds) and delete this file. The ids are fixed by rules.md §8.
const CONTEXT_KINDS: ReadonlySet<string> = new Set(['config-server', 'scs', 'smtp-server', 'load-balancer']);

/**
 * True for the Framework context kinds of rules.md section 8 (Configuration Server, Solution
 * Control Server, SMTP server, Load balancer): drawn, never judged by the matrix.
 * @example isContextKind('scs') === true && isContextKind('server') === false
 */
export function isContextKind(kind: string): boolean {
  return CONTEXT_KINDS.has(kind);
}

/** A context link has a context kind at either end (rules.md section 8): drawn dashed. */
export function isContextLink(fromKind: string | undefined, toKind: string | undefined): boolean {
  return (
    (fromKind !== undefined && isContextKind(fromKind)) || (toKind !== undefined && isContextKind(toKind))
  );
}
