// Builders of single quick fixes, and where a fix places a component it adds.

import type { DocumentComponent, TopologyDocument } from '../document';
import {
  type ComponentKind,
  cellRequirement,
  createConnectionJudge,
  describeComponent,
  displayName,
  type OptionInfo,
  type Problem,
  resolveOptions,
  rowCells,
  type TargetKind,
  validate,
} from '../domain';
import { ROLE_TIER, snapToGrid } from '../drawing/layout';
import { addComponent, addConnection, deleteElements, updateComponent, type XY } from './operations';
import type { EditQuickFix, QuickFixResult } from './quick-fix-types';

/** A slot holds the widest card (300 px) and its handle; rows leave room for a connection between them. */
const SLOT = { width: 320, height: 112 };
const ROW_PITCH = 160;

/** A free spot for a new card of `kind` beside `anchor`: above it for a client, below for what it uses. */
function placeNear(
  document: TopologyDocument,
  anchor: DocumentComponent | undefined,
  kind: ComponentKind,
): XY {
  const at = anchor?.position ?? { x: 0, y: 0 };
  const direction = anchor ? Math.sign(ROLE_TIER[kind] - ROLE_TIER[anchor.kind]) : -1;
  const y = snapToGrid(at.y + direction * ROW_PITCH);
  const occupied = document.components.map((c) => c.position ?? { x: 0, y: 0 });
  const free = (x: number) =>
    !occupied.some((o) => Math.abs(o.x - x) < SLOT.width && Math.abs(o.y - y) < SLOT.height);
  // Straight above or below first, then outwards; on the anchor's own row, start beside it.
  for (let step = direction === 0 ? 1 : 0; step < 40; step += 1) {
    for (const side of step === 0 ? [0] : [1, -1]) {
      const x = snapToGrid(at.x + side * step * SLOT.width);
      if (free(x)) return { x, y };
    }
  }
  return { x: snapToGrid(at.x), y };
}

function find(document: TopologyDocument, id: string): DocumentComponent | undefined {
  return document.components.find((c) => c.id === id);
}

function refused(document: TopologyDocument, notice: string): QuickFixResult {
  return { ok: false, document, notice };
}

const GONE = 'That quick fix no longer applies: the deployment has changed.';

export function connectFix(source: DocumentComponent, target: DocumentComponent): EditQuickFix {
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

export function addAndConnectFix(source: DocumentComponent, kind: TargetKind): EditQuickFix {
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
export function removePairFix(from: DocumentComponent, to: DocumentComponent): EditQuickFix {
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

export function removeConnectionFix(connectionId: string): EditQuickFix {
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

export function deleteComponentFix(componentId: string): EditQuickFix {
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

/** The key of a missing connection, to tell the ones an edit added. */
function missingKey(problem: Problem): string | undefined {
  return problem.code === 'missing-connection'
    ? `${problem.componentId}\u0000${problem.targetKind}`
    : undefined;
}

/** Turns an option on and says which connections that now requires ("Enable Management Layer"). */
export function enableOptionFix(option: OptionInfo): EditQuickFix {
  return {
    kind: 'edit',
    id: `enable-${option.key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
    label: `Enable ${option.label}`,
    apply(document) {
      const options = resolveOptions(document.options);
      if (options[option.key]) return refused(document, GONE);
      const next = { ...document, options: { ...options, [option.key]: true } };
      // An option only adds requirements: the missing connections it made are the new ones.
      const before = new Set(validate(document).map(missingKey));
      const added = validate(next).filter(
        (p) => p.code === 'missing-connection' && !before.has(missingKey(p)),
      );
      const targets = [...new Set(added.map((p) => ('targetKind' in p ? displayName(p.targetKind) : '')))];
      const more = added.length
        ? ` ${added.length} component${added.length === 1 ? ' now needs' : 's now need'} a connection to a ${targets.join(' or a ')}.`
        : '';
      return { ok: true, document: next, notice: `Enabled ${option.inSentence}.${more}` };
    },
  };
}

/**
 * Adds a component of a kind the deployment lacks (an option that is on needs it: a WFM Daemon for
 * scheduled reporting), beside the one component of a kind it must connect to, connected where
 * the target is obvious.
 */
export function addMissingKindFix(kind: ComponentKind): EditQuickFix {
  return {
    kind: 'edit',
    id: `add-${kind}`,
    label: `Add ${displayName(kind)}`,
    apply(document) {
      const options = resolveOptions(document.options);
      const targets = rowCells(kind)
        .filter((cell) => cellRequirement(cell, options).min === 1)
        .map((cell) => document.components.filter((c) => c.kind === cell.to));
      const anchor = targets.find((list) => list.length === 1)?.[0] ?? document.components[0];
      return addComponentWithConnections(document, kind, undefined, anchor);
    },
  };
}

export function turnOffEtlFix(componentId: string): EditQuickFix {
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
