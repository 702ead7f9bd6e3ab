import type { DocumentComponent, TopologyDocument } from '../document';
import {
  type CardinalityProblem,
  type ComponentKind,
  type ConnectionJudge,
  type ConnectionProblem,
  cellRequirement,
  createConnectionJudge,
  describeComponent,
  displayName,
  type Problem,
  type ProblemCode,
  resolveOptions,
  rowCells,
  type TargetKind,
  validate,
} from '../domain';
import { ROLE_TIER } from '../export/layout';
import { addComponent, addConnection, deleteElements, updateComponent, type XY } from './operations';

/** What a fix selects once applied: what it created, so the Inspector shows it. */
export interface QuickFixSelection {
  readonly components?: readonly string[];
  readonly connections?: readonly string[];
}

/** The outcome of an edit fix; `ok: false` when the document no longer allows it (nothing changes). */
export type QuickFixResult =
  | {
      readonly ok: true;
      readonly document: TopologyDocument;
      readonly select?: QuickFixSelection;
      /** What was done, in words for the status line. */
      readonly notice: string;
    }
  | { readonly ok: false; readonly document: TopologyDocument; readonly notice: string };

interface QuickFixBase {
  /** Stable for one problem in one document: the panel keys its buttons by it. */
  readonly id: string;
  /** The button's text and accessible name. */
  readonly label: string;
}

/** A pure document edit, applied by the store as one history step. */
export interface EditQuickFix extends QuickFixBase {
  readonly kind: 'edit';
  apply(document: TopologyDocument): QuickFixResult;
}

/** A fix the user finishes in the UI: select the component and focus its Name field. */
export interface RenameQuickFix extends QuickFixBase {
  readonly kind: 'rename';
  readonly componentId: string;
}

export type QuickFix = EditQuickFix | RenameQuickFix;

/**
 * Problem codes that offer no quick fix on purpose. `tls-web-daemon` is information about where
 * WFM Web and WFM Daemon set up TLS; the only edit that silences it, dropping the connection's
 * security to none, would make the deployment less safe, so it is not offered as a "fix".
 */
export const CODES_WITHOUT_QUICK_FIX: readonly ProblemCode[] = ['tls-web-daemon'];

/** A slot holds the widest card (300 px) and its handle; rows leave room for a connection between them. */
const SLOT = { width: 320, height: 112 };
const ROW_PITCH = 160;
const GRID = 8;

const snap = (value: number) => Math.round(value / GRID) * GRID;

/** A free spot for a new card of `kind` beside `anchor`: above it for a client, below for what it uses. */
function placeNear(
  document: TopologyDocument,
  anchor: DocumentComponent | undefined,
  kind: ComponentKind,
): XY {
  const at = anchor?.position ?? { x: 0, y: 0 };
  const direction = anchor ? Math.sign(ROLE_TIER[kind] - ROLE_TIER[anchor.kind]) : -1;
  const y = snap(at.y + direction * ROW_PITCH);
  const occupied = document.components.map((c) => c.position ?? { x: 0, y: 0 });
  const free = (x: number) =>
    !occupied.some((o) => Math.abs(o.x - x) < SLOT.width && Math.abs(o.y - y) < SLOT.height);
  // Straight above or below first, then outwards; on the anchor's own row, start beside it.
  for (let step = direction === 0 ? 1 : 0; step < 40; step += 1) {
    for (const side of step === 0 ? [0] : [1, -1]) {
      const x = snap(at.x + side * step * SLOT.width);
      if (free(x)) return { x, y };
    }
  }
  return { x: snap(at.x), y };
}

function find(document: TopologyDocument, id: string): DocumentComponent | undefined {
  return document.components.find((c) => c.id === id);
}

function refused(document: TopologyDocument, notice: string): QuickFixResult {
  return { ok: false, document, notice };
}

const GONE = 'That quick fix no longer applies: the deployment has changed.';

function connectFix(source: DocumentComponent, target: DocumentComponent): EditQuickFix {
  return {
    kind: 'edit',
    id: `connect:${source.id}:${target.id}`,
    label: `Connect to ${target.name}`,
    apply(document) {
      const result = addConnection(document, source.id, target.id);
      const from = find(document, source.id);
      const to = find(document, target.id);
      if (!result.ok) return refused(document, result.verdict.message);
      if (!from || !to) return refused(document, GONE);
      return {
        ok: true,
        document: result.document,
        select: { connections: [result.id] },
        notice: `Connected ${describeComponent(from)} to ${describeComponent(to)}.`,
      };
    },
  };
}

/** The obvious target among the allowed ones: the source itself, else the source's only target of that kind, else the only one. */
function pickTarget(
  allowed: readonly DocumentComponent[],
  source: DocumentComponent | undefined,
  sourceTargets: ReadonlySet<string>,
): DocumentComponent | undefined {
  const own = allowed.find((c) => c.id === source?.id);
  if (own) return own;
  const near = allowed.filter((c) => sourceTargets.has(c.id));
  if (near.length === 1) return near[0];
  return allowed.length === 1 ? allowed[0] : undefined;
}

/**
 * Adds a component of `kind` near `source` (which then connects to it), and gives the new component
 * the connections its own row requires where exactly one target is obvious. One pure edit.
 */
function addComponentWithConnections(
  document: TopologyDocument,
  kind: ComponentKind,
  source: DocumentComponent | undefined,
  anchor: DocumentComponent | undefined,
): QuickFixResult {
  const added = addComponent(document, kind, placeNear(document, anchor, kind));
  let next = added.document;
  const component = find(next, added.id);
  if (!component) return refused(document, GONE);
  if (source) {
    const first = addConnection(next, source.id, added.id);
    if (!first.ok) return refused(document, first.verdict.message);
    next = first.document;
  }
  const sourceTargets = new Set(next.connections.filter((c) => c.from === source?.id).map((c) => c.to));
  const options = resolveOptions(next.options);
  const joined: string[] = [];
  const missing: string[] = [];
  for (const cell of rowCells(kind)) {
    if (cellRequirement(cell, options).min === 0) continue;
    const judge = createConnectionJudge(next);
    const allowed = next.components.filter((c) => c.kind === cell.to && judge.canConnect(added.id, c.id).ok);
    const target = pickTarget(allowed, source, sourceTargets);
    const result = target ? addConnection(next, added.id, target.id) : undefined;
    if (target && result?.ok) {
      next = result.document;
      joined.push(describeComponent(target));
    } else {
      missing.push(`a ${displayName(cell.to)}`);
    }
  }
  const name = describeComponent(component);
  const notice = [
    source ? `Added ${name} and connected ${describeComponent(source)} to it.` : `Added ${name}.`,
    joined.length ? `Connected it to ${joined.join(' and ')}.` : '',
    missing.length ? `It still needs a connection to ${missing.join(' and ')}.` : '',
  ];
  return {
    ok: true,
    document: next,
    select: { components: [added.id] },
    notice: notice.filter(Boolean).join(' '),
  };
}

function addAndConnectFix(source: DocumentComponent, kind: TargetKind): EditQuickFix {
  return {
    kind: 'edit',
    id: `add-and-connect:${source.id}:${kind}`,
    label: `Add ${displayName(kind)} and connect`,
    apply(document) {
      const from = find(document, source.id);
      return from ? addComponentWithConnections(document, kind, from, from) : refused(document, GONE);
    },
  };
}

function pairWords(from: DocumentComponent, to: DocumentComponent): string {
  return from.id === to.id
    ? `${describeComponent(from)} to itself`
    : `${describeComponent(from)} to ${describeComponent(to)}`;
}

/** Removes every connection `from → to` (a pair and its repeats), so the cell's count drops by one. */
function removePairFix(from: DocumentComponent, to: DocumentComponent): EditQuickFix {
  return {
    kind: 'edit',
    id: `remove-pair:${from.id}:${to.id}`,
    label: `Remove connection to ${to.name}`,
    apply(document) {
      const ids = document.connections.filter((c) => c.from === from.id && c.to === to.id).map((c) => c.id);
      if (ids.length === 0) return refused(document, GONE);
      return {
        ok: true,
        document: deleteElements(document, new Set(), new Set(ids)),
        notice: `Removed the connection from ${pairWords(from, to)}.`,
      };
    },
  };
}

function removeConnectionFix(connectionId: string): EditQuickFix {
  return {
    kind: 'edit',
    id: `remove-connection:${connectionId}`,
    label: 'Remove connection',
    apply(document) {
      const connection = document.connections.find((c) => c.id === connectionId);
      const from = connection && find(document, connection.from);
      const to = connection && find(document, connection.to);
      if (!from || !to) return refused(document, GONE);
      return {
        ok: true,
        document: deleteElements(document, new Set(), new Set([connectionId])),
        notice: `Removed the connection from ${pairWords(from, to)}.`,
      };
    },
  };
}

function deleteComponentFix(componentId: string): EditQuickFix {
  return {
    kind: 'edit',
    id: `delete-component:${componentId}`,
    label: 'Delete component',
    apply(document) {
      const component = find(document, componentId);
      if (!component) return refused(document, GONE);
      return {
        ok: true,
        document: deleteElements(document, new Set([componentId]), new Set()),
        notice: `Deleted ${describeComponent(component)}.`,
      };
    },
  };
}

const ENABLE_MANAGEMENT_LAYER: EditQuickFix = {
  kind: 'edit',
  id: 'enable-management-layer',
  label: 'Enable Management Layer',
  apply(document) {
    const options = { managementLayer: false, scheduledReporting: false, ...document.options };
    if (options.managementLayer) return refused(document, GONE);
    const next = { ...document, options: { ...options, managementLayer: true } };
    const needed = validate(next).filter(
      (p) => p.code === 'missing-connection' && p.targetKind === 'message-server',
    ).length;
    const more = needed
      ? ` ${needed} component${needed === 1 ? ' now needs' : 's now need'} a connection to a Message Server.`
      : '';
    return { ok: true, document: next, notice: `Enabled the Management Layer.${more}` };
  },
};

const ADD_DAEMON: EditQuickFix = {
  kind: 'edit',
  id: 'add-daemon',
  label: 'Add WFM Daemon',
  apply(document) {
    const servers = document.components.filter((c) => c.kind === 'server');
    const webs = document.components.filter((c) => c.kind === 'web');
    const anchor = servers.length === 1 ? servers[0] : webs.length === 1 ? webs[0] : document.components[0];
    return addComponentWithConnections(document, 'daemon', undefined, anchor);
  },
};

function turnOffEtlFix(componentId: string): EditQuickFix {
  return {
    kind: 'edit',
    id: `turn-off-etl:${componentId}`,
    label: 'Turn off ETL',
    apply(document) {
      const component = find(document, componentId);
      const next = updateComponent(document, componentId, { etl: undefined });
      if (!component || next === document) return refused(document, GONE);
      return { ok: true, document: next, notice: `Turned off ETL on ${describeComponent(component)}.` };
    },
  };
}

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
    const ofKind = byKind.get(c.kind);
    if (ofKind) ofKind.push(c);
    else byKind.set(c.kind, [c]);
  }
  const context = { judge: createConnectionJudge(document), byId, byKind };
  contexts.set(document, context);
  return context;
}

function missingConnectionFixes(context: FixContext, problem: CardinalityProblem): QuickFix[] {
  const source = context.byId.get(problem.componentId);
  if (!source) return [];
  const candidates = (context.byKind.get(problem.targetKind) ?? []).filter(
    (c) => context.judge.canConnect(source.id, c.id).ok,
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

function connectionFixes(problem: ConnectionProblem): QuickFix[] {
  return problem.code === 'management-layer-off'
    ? [ENABLE_MANAGEMENT_LAYER, removeConnectionFix(problem.connectionId)]
    : [removeConnectionFix(problem.connectionId)];
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
    case 'duplicate-name':
      return [
        {
          kind: 'rename',
          id: `rename:${problem.componentId}`,
          label: 'Rename',
          componentId: problem.componentId,
        },
      ];
    case 'unused-component':
      return [deleteComponentFix(problem.componentId)];
    case 'too-many-instances': {
      const component = context.byId.get(problem.componentId);
      if (!component) return [];
      return component.kind === 'server' && component.etl === true
        ? [turnOffEtlFix(component.id)]
        : [deleteComponentFix(component.id)];
    }
    case 'missing-component':
      return [ADD_DAEMON];
    case 'tls-web-daemon':
      return [];
    default: {
      const unknown: never = problem;
      return unknown;
    }
  }
}
