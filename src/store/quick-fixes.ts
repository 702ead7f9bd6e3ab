import type { DocumentComponent, TopologyDocument } from '../document';
import {
  type CardinalityProblem,
  type ComponentKind,
  type ConnectionJudge,
  type ConnectionProblem,
  createConnectionJudge,
  instanceKind,
  OPTION_CATALOG,
  type Problem,
  type ProblemCode,
  problemComponentId,
  pushTo,
  resolveOptions,
} from '../domain';
import { problemHostId } from './derived';
import {
  addAndConnectFix,
  addMissingKindFix,
  connectFix,
  deleteComponentFix,
  enableOptionFix,
  removeConnectionFix,
  removePairFix,
  turnOffEtlFix,
} from './quick-fix-builders';
import type { QuickFix } from './quick-fix-types';
import { renameHostFix, versionTwoFixes } from './quick-fixes-v2';

export type { EditQuickFix, QuickFix } from './quick-fix-types';

/**
 * Problem codes that offer no quick fix on purpose. `tls-web-daemon` is information about where
 * WFM Web and WFM Daemon set up TLS; the only edit that silences it, dropping the connection's
 * security to none, would make the deployment less safe, so it is not offered as a "fix".
 */
export const CODES_WITHOUT_QUICK_FIX: readonly ProblemCode[] = ['tls-web-daemon'];

/** What one document offers every fix: built once per document, since a panel asks for each problem. */
interface FixContext {
  readonly judge: ConnectionJudge;
  readonly byId: ReadonlyMap<string, DocumentComponent>;
  readonly byKind: ReadonlyMap<ComponentKind, readonly DocumentComponent[]>;
}

const contexts = new WeakMap<TopologyDocument, FixContext>();

function contextOf(document: TopologyDocument): FixContext {
  const known = contexts.get(document);
  if (known) return known;
  const byId = new Map<string, DocumentComponent>();
  const byKind = new Map<ComponentKind, DocumentComponent[]>();
  for (const c of document.components) {
    if (!byId.has(c.id)) byId.set(c.id, c);
    pushTo(byKind, c.kind, c);
  }
  const context = { judge: createConnectionJudge(document), byId, byKind };
  contexts.set(document, context);
  return context;
}

function missingConnectionFixes(context: FixContext, problem: CardinalityProblem): QuickFix[] {
  const source = context.byId.get(problem.componentId);
  if (!source) return [];
  // Clients list a primary, never its backup (rules.md section 10: ha-backup-target).
  const candidates = (context.byKind.get(problem.targetKind) ?? []).filter(
    (c) => c.backupOf === undefined && context.judge.canConnect(source.id, c.id).ok,
  );
  return candidates.length > 0
    ? candidates.map((target) => connectFix(source, target))
    : [addAndConnectFix(source, problem.targetKind)];
}

/** One fix per target that counts toward the full cell: the user picks which connection goes. */
function tooManyConnectionsFixes(
  document: TopologyDocument,
  context: FixContext,
  problem: CardinalityProblem,
): QuickFix[] {
  const source = context.byId.get(problem.componentId);
  if (!source) return [];
  const targets = new Map<string, DocumentComponent>();
  for (const c of document.connections) {
    const to = context.byId.get(c.to);
    if (c.from === source.id && c.to !== source.id && to?.kind === problem.targetKind) targets.set(to.id, to);
  }
  return [...targets.values()].map((to) => removePairFix(source, to));
}

/** Remove the connection; for the warning of an option that is off, turning the option on first. */
function connectionFixes(problem: ConnectionProblem): QuickFix[] {
  const enable = OPTION_CATALOG.filter((option) => option.offWarning === problem.code).map(enableOptionFix);
  return [...enable, removeConnectionFix(problem.connectionId)];
}

/** Add a component of each kind an option that is on needs and the deployment lacks (a WFM Daemon). */
function missingComponentFixes(document: TopologyDocument, context: FixContext): QuickFix[] {
  const options = resolveOptions(document.options);
  return OPTION_CATALOG.flatMap((option) => {
    const needed = option.requiresKind?.kind;
    if (!needed || !options[option.key] || context.byKind.has(needed)) return [];
    return [addMissingKindFix(needed)];
  });
}

/**
 * The obvious remedies for one problem, each applied as one step; `[]` when there is none.
 * @example quickFixes(doc, builderWithoutServer).map((f) => f.label) // ['Connect to WFM_Server_1']
 */
export function quickFixes(document: TopologyDocument, problem: Problem): QuickFix[] {
  const context = contextOf(document);
  switch (problem.code) {
    case 'missing-connection':
      return missingConnectionFixes(context, problem);
    case 'too-many-connections':
      return tooManyConnectionsFixes(document, context, problem);
    case 'forbidden-connection':
    case 'self-connection':
    case 'duplicate-connection':
    case 'management-layer-off':
      return connectionFixes(problem);
    case 'duplicate-name': {
      // Version 2: host names are unique too, and a host's problem names the host.
      const hostId = problemHostId(problem);
      if (hostId !== undefined) return [renameHostFix(hostId)];
      const componentId = problemComponentId(problem);
      return componentId === undefined
        ? []
        : [{ kind: 'rename', id: `rename:${componentId}`, label: 'Rename', componentId }];
    }
    case 'unused-component':
      return [deleteComponentFix(problem.componentId)];
    case 'too-many-instances': {
      const component = context.byId.get(problem.componentId);
      if (!component) return [];
      return instanceKind(component) === 'etl'
        ? [turnOffEtlFix(component.id)]
        : [deleteComponentFix(component.id)];
    }
    case 'missing-component':
      return missingComponentFixes(document, context);
    case 'tls-web-daemon':
      return [];
    case 'missing-lca':
    case 'ha-mismatch':
    case 'ha-backup-target':
    case 'ha-unsupported':
    case 'ha-invalid-pair':
    case 'tls-no-certificate':
    case 'tls-mutual-auth':
    case 'port-conflict':
      return versionTwoFixes(document, problem);
    default: {
      const unknown: never = problem;
      return unknown;
    }
  }
}
