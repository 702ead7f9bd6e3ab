// Quick fixes of the problems version 2 adds (rules.md section 11; decision 023).
//
// Written while the domain's catalogue did not have these codes yet: `isVersionTwoProblem` keys
// them by code strings, so this file compiles with and without them, and `quickFixes` narrows
// them out of its exhaustive switch. Assumed shapes (rules.md section 11): `missing-lca` and a
// host's `duplicate-name` carry `hostId`; `ha-mismatch`, `ha-unsupported` and `ha-invalid-pair`
// carry `componentId` (the backup); `ha-backup-target`, `tls-no-certificate` and
// `tls-mutual-auth` carry `connectionId`. `port-conflict` moves the component it is reported on
// (the later of the two, such as a fresh copy) to the next port free on its host (decision 029).

import { type DocumentComponent, MAX_PORT, type TopologyDocument } from '../document';
import {
  DEFAULT_LCA_PORT,
  describeComponent,
  type Problem,
  problemComponentId,
  problemConnectionId,
  validate,
} from '../domain';
import { problemHostId } from './derived';
import { addHost, documentIds, setComponentHost, updateHost } from './layout-operations';
import { nextId } from './names';
import { deleteElements, updateComponent } from './operations';
import type { EditQuickFix, QuickFix, QuickFixResult } from './quick-fix-types';

const VERSION_TWO_CODES = [
  'missing-lca',
  'ha-mismatch',
  'ha-backup-target',
  'ha-unsupported',
  'ha-invalid-pair',
  'tls-no-certificate',
  'tls-mutual-auth',
  'port-conflict',
] as const;
type VersionTwoCode = (typeof VERSION_TWO_CODES)[number];
const CODES: ReadonlySet<string> = new Set(VERSION_TWO_CODES);

/** A problem of a code version 2 added; narrows `quickFixes`' switch to the codes it knows. */
export function isVersionTwoProblem(problem: Problem): problem is Extract<Problem, { code: VersionTwoCode }> {
  return CODES.has(problem.code);
}

const GONE = 'That quick fix no longer applies: the deployment has changed.';

function refused(document: TopologyDocument): QuickFixResult {
  return { ok: false, document, notice: GONE };
}

function find(document: TopologyDocument, id: string | undefined): DocumentComponent | undefined {
  return id === undefined ? undefined : document.components.find((c) => c.id === id);
}

function enableLcaFix(hostId: string): EditQuickFix {
  return {
    kind: 'edit',
    id: `enable-lca:${hostId}`,
    label: 'Enable LCA',
    apply(document) {
      const host = document.hosts?.find((h) => h.id === hostId);
      if (!host || host.lca) return refused(document);
      return {
        ok: true,
        document: updateHost(document, hostId, { lca: true }),
        notice: `Host '${host.name}' now runs a Local Control Agent.`,
        select: {},
      };
    },
  };
}

/** Makes the backup's outgoing connections reach exactly its primary's targets. */
function copyPrimaryConnectionsFix(backupId: string): EditQuickFix {
  return {
    kind: 'edit',
    id: `copy-primary-connections:${backupId}`,
    label: "Copy the primary's connections",
    apply(document) {
      const backup = find(document, backupId);
      const primary = find(document, backup?.backupOf);
      if (!backup || !primary) return refused(document);
      // As ha-mismatch compares them: the primary's connections that carry no error of their own.
      const broken = new Set(
        validate(document).flatMap((p) => (p.severity === 'error' ? [problemConnectionId(p)] : [])),
      );
      const wanted = new Map(
        document.connections.filter((c) => c.from === primary.id && !broken.has(c.id)).map((c) => [c.to, c]),
      );
      wanted.delete(backup.id);
      const have = document.connections.filter((c) => c.from === backup.id);
      const extra = new Set(have.filter((c) => !wanted.has(c.to)).map((c) => c.id));
      const reached = new Set(have.map((c) => c.to));
      const ids = documentIds(document);
      const added = [...wanted.values()]
        .filter((c) => !reached.has(c.to) && c.to !== backup.id)
        .map((c) => {
          const id = nextId('c', ids);
          ids.add(id);
          return { ...c, id, from: backup.id };
        });
      if (added.length === 0 && extra.size === 0) return refused(document);
      const trimmed = deleteElements(document, new Set(), extra);
      const removed = extra.size ? ` and removed ${extra.size} it should not have` : '';
      return {
        ok: true,
        document: { ...trimmed, connections: [...trimmed.connections, ...added] },
        notice: `${describeComponent(backup)} now connects where ${describeComponent(primary)} does: added ${added.length} connection${added.length === 1 ? '' : 's'}${removed}.`,
      };
    },
  };
}

/** Points a connection at the backup's primary (or drops it when the primary is already connected). */
function connectToPrimaryFix(connectionId: string): EditQuickFix {
  return {
    kind: 'edit',
    id: `connect-to-primary:${connectionId}`,
    label: 'Connect to the primary instead',
    apply(document) {
      const connection = document.connections.find((c) => c.id === connectionId);
      const from = find(document, connection?.from);
      const backup = find(document, connection?.to);
      const primary = find(document, backup?.backupOf);
      if (!connection || !from || !backup || !primary) return refused(document);
      const already = document.connections.some((c) => c.from === connection.from && c.to === primary.id);
      const next = already
        ? deleteElements(document, new Set(), new Set([connectionId]))
        : {
            ...document,
            connections: document.connections.map((c) =>
              c.id === connectionId ? { ...c, to: primary.id } : c,
            ),
          };
      return {
        ok: true,
        document: next,
        notice: `${describeComponent(from)} now lists the primary ${describeComponent(primary)}, not its backup.`,
        select: already ? {} : { connections: [connectionId] },
      };
    },
  };
}

/** Clears `backupOf` and `standby`: a Builder becomes one more member of the Server's pool. */
function clearBackupFix(componentId: string, builder: boolean): EditQuickFix {
  return {
    kind: 'edit',
    id: `clear-backup:${componentId}`,
    label: builder ? 'Make it a pool member' : 'Clear the backup link',
    ...(builder
      ? {
          hint: 'A WFM Builder has no backup: a WFM Server spreads schedule building over a pool of Builders, so a second Builder is simply another pool member.',
        }
      : {}),
    apply(document) {
      const component = find(document, componentId);
      if (!component || component.backupOf === undefined) return refused(document);
      const next = updateComponent(document, componentId, { backupOf: undefined, standby: undefined });
      return {
        ok: true,
        document: next,
        notice: builder
          ? `${describeComponent(component)} is now a member of the pool: a WFM Server spreads schedule building over all its Builders, so a Builder needs no backup.`
          : `${describeComponent(component)} is no longer a backup.`,
      };
    },
  };
}

function mutualAuthFix(connectionId: string): EditQuickFix {
  return {
    kind: 'edit',
    id: `mutual-auth:${connectionId}`,
    label: 'Turn on mutual TLS authentication',
    apply(document) {
      const target = find(document, document.connections.find((c) => c.id === connectionId)?.to);
      if (!target || target.mutualAuth) return refused(document);
      return {
        ok: true,
        document: updateComponent(document, target.id, { mutualAuth: true }),
        notice: `Mutual TLS authentication is now set up on ${describeComponent(target)}.`,
      };
    },
  };
}

function certificateFix(document: TopologyDocument, connectionId: string): QuickFix[] {
  const target = find(document, document.connections.find((c) => c.id === connectionId)?.to);
  if (!target) return [];
  const host = target.host === undefined ? undefined : document.hosts?.find((h) => h.id === target.host);
  if (!host) {
    // The certificate lives on the Host object: a target on no host gets one, with a certificate.
    return [
      {
        kind: 'edit',
        id: `certificate-host:${target.id}`,
        label: `Put '${target.name}' on a new host with a certificate`,
        apply(current) {
          const now = find(current, target.id);
          if (!now || now.host !== undefined) return refused(current);
          const at = { x: (now.position?.x ?? 0) - 16, y: (now.position?.y ?? 0) - 40 };
          const added = addHost(current, at);
          const placed = setComponentHost(added.document, now.id, added.id);
          const named = placed.hosts?.find((h) => h.id === added.id)?.name ?? 'the new host';
          return {
            ok: true,
            document: updateHost(placed, added.id, { certificate: true }),
            notice: `${describeComponent(now)} now runs on host '${named}', which has a TLS certificate.`,
          };
        },
      },
    ];
  }
  return [
    {
      kind: 'edit',
      id: `certificate:${host.id}`,
      label: `Assign a certificate on '${host.name}'`,
      apply(current) {
        const now = current.hosts?.find((h) => h.id === host.id);
        if (!now || now.certificate) return refused(current);
        return {
          ok: true,
          document: updateHost(current, host.id, { certificate: true }),
          notice: `Host '${now.name}' now has a TLS certificate.`,
        };
      },
    },
  ];
}

/**
 * The first port above `component`'s (then below it) that no other component on its host uses and
 * that is not the host's LCA port while it runs an LCA; `undefined` when the host has none free.
 * @example nextFreePort(document, copy) === 7001 // the original keeps 7000
 */
export function nextFreePort(document: TopologyDocument, component: DocumentComponent): number | undefined {
  const { host: hostId, port } = component;
  if (hostId === undefined || port === undefined) return undefined;
  const host = document.hosts?.find((h) => h.id === hostId);
  if (!host) return undefined;
  const taken = new Set<number>();
  for (const other of document.components) {
    if (other.id !== component.id && other.host === hostId && other.port !== undefined) taken.add(other.port);
  }
  if (host.lca) taken.add(host.lcaPort ?? DEFAULT_LCA_PORT);
  for (let candidate = port + 1; candidate <= MAX_PORT; candidate += 1) {
    if (!taken.has(candidate)) return candidate;
  }
  for (let candidate = port - 1; candidate >= 1; candidate -= 1) {
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}

/** "Use the next free port": the component the conflict is reported on moves, the other stays. */
function nextFreePortFix(document: TopologyDocument, componentId: string): QuickFix[] {
  const component = find(document, componentId);
  const port = component ? nextFreePort(document, component) : undefined;
  if (!component || port === undefined) return [];
  const host = document.hosts?.find((h) => h.id === component.host);
  return [
    {
      kind: 'edit',
      id: `next-free-port:${componentId}`,
      label: 'Use the next free port',
      hint: `Moves ${describeComponent(component)} to port ${port}, the next port no other application on host '${host?.name ?? ''}' listens on.`,
      apply(current) {
        const now = find(current, componentId);
        const free = now ? nextFreePort(current, now) : undefined;
        if (!now || free === undefined || now.port === undefined) return refused(current);
        return {
          ok: true,
          document: updateComponent(current, now.id, { port: free }),
          notice: `${describeComponent(now)} now uses port ${free} instead of ${now.port}.`,
          select: { components: [now.id] },
        };
      },
    },
  ];
}

/** A backup whose primary exists, is another component of its kind, and is no backup itself. */
function isRealPair(document: TopologyDocument, backup: DocumentComponent): boolean {
  const primary = find(document, backup.backupOf);
  return (
    primary !== undefined &&
    primary.id !== backup.id &&
    primary.kind === backup.kind &&
    primary.backupOf === undefined
  );
}

/** The quick fixes of a version-2 problem; `[]` when there is none. */
export function versionTwoFixes(document: TopologyDocument, problem: Problem): QuickFix[] {
  const code: string = problem.code;
  const componentId = problemComponentId(problem);
  const connectionId = problemConnectionId(problem);
  const hostId = problemHostId(problem);
  switch (code) {
    case 'missing-lca':
      return hostId === undefined ? [] : [enableLcaFix(hostId)];
    case 'ha-mismatch': {
      const backup = find(document, componentId);
      if (!backup) return [];
      // Copying makes sense only for a real pair; a backup of another kind (or of nothing) lets go.
      return [
        isRealPair(document, backup)
          ? copyPrimaryConnectionsFix(backup.id)
          : clearBackupFix(backup.id, backup.kind === 'builder'),
      ];
    }
    case 'ha-backup-target': {
      const target = find(document, document.connections.find((c) => c.id === connectionId)?.to);
      if (!target || connectionId === undefined) return [];
      return [
        isRealPair(document, target)
          ? connectToPrimaryFix(connectionId)
          : clearBackupFix(target.id, target.kind === 'builder'),
      ];
    }
    case 'ha-unsupported':
    case 'ha-invalid-pair': {
      const component = find(document, componentId);
      return component ? [clearBackupFix(component.id, component.kind === 'builder')] : [];
    }
    case 'tls-mutual-auth':
      return connectionId === undefined ? [] : [mutualAuthFix(connectionId)];
    case 'tls-no-certificate':
      return connectionId === undefined ? [] : certificateFix(document, connectionId);
    case 'port-conflict':
      return componentId === undefined ? [] : nextFreePortFix(document, componentId);
    default:
      return [];
  }
}

/** "Rename" on a host with a duplicate name: select the host and focus its Name field. */
export function renameHostFix(hostId: string): QuickFix {
  return { kind: 'rename', id: `rename:${hostId}`, label: 'Rename', hostId };
}
