import type { TopologyDocument } from '../document';
import { visibleText } from '../document';
import {
  countBySeverity,
  counted,
  DEFAULT_LCA_PORT,
  displayName,
  isContextKind,
  isSourceKind,
  MARKS,
  markSymbol,
  matrixCell,
  resolveOptions,
  validate,
} from '../domain';
import { isContextLink } from '../drawing/context-kinds';
import { serializeMermaid } from './mermaid';
import { rulesetLabel } from './ruleset-label';

/**
 * User text as Markdown that renders as exactly that text: hidden and bidi characters shown as
 * `<U+XXXX>`, no line breaks, pipes escaped (tables), `&`, `<` and `>` as entities (a name spelt
 * `&lt;` must not render as `<`), Markdown syntax escaped, and no GFM autolink: a backslash before
 * the `:` of `http://`, the `@` of an e-mail address and the dot of `www.` keeps a name such as
 * `www.example.com` plain text. Backslash escapes of ASCII punctuation render as the character
 * alone, so the text reads, and copies, as it was written.
 */
function inline(text: string): string {
  return (
    visibleText(text)
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([|`*[\]#~$:@])/g, '\\$1')
      .replace(/(www)\./gi, '$1\\.')
      // An underscore inside a word (WFM_Server) is never emphasis in CommonMark; escape the others.
      .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace('_', '\\_'))
  );
}

/** A table cell: user text made inert, or a dash when there is none. */
function cell(text: string | number | undefined): string {
  return text === undefined || text === '' ? '—' : inline(String(text));
}

const SECURITY = { none: 'none', tls: 'TLS', 'mutual-tls': 'mutual TLS' } as const;

/**
 * A report for design documents: title, options, components, the Connections tab of each
 * application, the validation result and a Mermaid diagram.
 * @example serializeMarkdown(doc).startsWith('# ') === true
 */
export function serializeMarkdown(document: TopologyDocument): string {
  const options = resolveOptions(document.options);
  const problems = validate(document);
  const counts = countBySeverity(problems);
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const hostById = new Map((document.hosts ?? []).map((h) => [h.id, h]));
  const hostName = (id: string | undefined) => (id === undefined ? undefined : hostById.get(id)?.name);
  const out: string[] = [];
  out.push(`# ${inline(document.name?.trim() || 'Untitled deployment')}`, '');
  out.push(
    `Genesys Workforce Management deployment: ${counted(document.components.length, 'component')}, ${counted(document.connections.length, 'connection')}, checked against the component connections matrix.`,
    '',
    `Rule set: ${rulesetLabel(document.ruleset)}`,
    '',
  );
  out.push('## Options', '');
  out.push('| option | value |', '|---|---|');
  out.push(`| Management Layer | ${options.managementLayer ? 'on' : 'off'} |`);
  out.push(`| Scheduled reporting | ${options.scheduledReporting ? 'on' : 'off'} |`, '');

  out.push('## Components', '');
  if (document.components.length === 0) out.push('No components.', '');
  else {
    out.push('| name | kind | host | port |', '|---|---|---|---|');
    for (const c of document.components) {
      out.push(
        `| ${cell(c.name)}${c.etl ? ' (ETL)' : ''} | ${displayName(c.kind)} | ${cell(hostName(c.host))} | ${cell(c.port)} |`,
      );
    }
    out.push('');
  }
  out.push(...modelSections(document, hostName));

  out.push('## Connections tabs', '');
  out.push("Each table lists the entries of one Application's **Connections** tab.", '');
  let anySource = false;
  for (const source of document.components) {
    const rows = document.connections.filter((c) => c.from === source.id);
    // A context kind has no row of the matrix, but its own links (SCS → Message Server) are listed.
    if (!isSourceKind(source.kind) && !(isContextKind(source.kind) && rows.length > 0)) continue;
    anySource = true;
    out.push(`### ${inline(source.name)} (${displayName(source.kind)})`, '');
    if (rows.length === 0) {
      out.push('No connections.', '');
      continue;
    }
    out.push('| target | target kind | mark | security | label |', '|---|---|---|---|---|');
    for (const connection of rows) {
      const target = byId.get(connection.to);
      if (!target) continue;
      const rule = isContextLink(source.kind, target.kind) ? undefined : matrixCell(source.kind, target.kind);
      const mark = rule
        ? `\`${markSymbol(rule.mark)}\` ${MARKS[rule.mark].legend}`
        : isContextLink(source.kind, target.kind)
          ? 'Framework context (not judged by the matrix)'
          : 'not in the matrix';
      out.push(
        `| ${cell(target.name)} | ${displayName(target.kind)} | ${mark} | ${SECURITY[connection.security ?? 'none']} | ${cell(connection.label)} |`,
      );
    }
    out.push('');
  }
  if (!anySource) out.push('No component that starts connections.', '');

  out.push('## Validation', '');
  out.push(
    counts.error === 0
      ? `**Valid**: the deployment follows the component connections matrix (${counted(counts.warning, 'warning')}, ${counted(counts.info, 'info')}).`
      : `**Not valid**: ${counted(counts.error, 'error')}, ${counted(counts.warning, 'warning')}, ${counted(counts.info, 'info')}.`,
    '',
  );
  if (problems.length > 0) {
    out.push('| severity | code | problem |', '|---|---|---|');
    for (const problem of problems)
      out.push(`| ${problem.severity} | \`${problem.code}\` | ${cell(problem.message)} |`);
    out.push('');
  }

  out.push('## Diagram', '', '```mermaid', serializeMermaid(document).trimEnd(), '```', '');
  return out.join('\n');
}

const STANDBY = { warm: 'warm standby', hot: 'hot standby' } as const;

/**
 * What version 2 adds to the report, each section only when the document has it: the hosts
 * (zone, address, LCA and port, certificate, what runs there), the zones, the high-availability
 * pairs, the Framework context and the notes. Every user string goes through `cell`/`inline`.
 */
function modelSections(
  document: TopologyDocument,
  hostName: (id: string | undefined) => string | undefined,
): string[] {
  const out: string[] = [];
  const hosts = document.hosts ?? [];
  const zones = document.zones ?? [];
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const nameOf = (id: string) => {
    const c = byId.get(id);
    return c ? `${inline(c.name)} (${displayName(c.kind)})` : '—';
  };
  if (hosts.length > 0) {
    out.push('## Hosts', '');
    out.push('| host | zone | address | LCA | certificate | components |', '|---|---|---|---|---|---|');
    for (const host of hosts) {
      const on = document.components.filter((c) => c.host === host.id).map((c) => inline(c.name));
      const lca = host.lca ? `yes, port ${host.lcaPort ?? DEFAULT_LCA_PORT}` : 'no';
      out.push(
        `| ${cell(host.name)} | ${cell(host.zone === undefined ? undefined : zoneName.get(host.zone))} | ${cell(host.address)} | ${lca} | ${host.certificate ? 'yes' : 'no'} | ${on.length ? on.join(', ') : '—'} |`,
      );
    }
    out.push('');
  }
  if (zones.length > 0) {
    out.push('## Zones', '');
    for (const zone of zones) {
      const held = hosts.filter((h) => h.zone === zone.id).map((h) => inline(h.name));
      out.push(`- **${inline(zone.name)}**: ${held.length ? `hosts ${held.join(', ')}` : 'no hosts'}`);
    }
    out.push('');
  }
  const backups = document.components.filter((c) => c.backupOf !== undefined);
  if (backups.length > 0) {
    out.push('## High availability', '');
    for (const backup of backups) {
      const where = hostName(backup.host);
      out.push(
        `- ${nameOf(backup.backupOf ?? '')} → backup ${nameOf(backup.id)}, ${STANDBY[backup.standby ?? 'warm']}${where ? ` on ${inline(where)}` : ''}`,
      );
    }
    out.push('');
  }
  const context = document.components.filter((c) => isContextKind(c.kind));
  if (context.length > 0) {
    out.push('## Framework context', '');
    out.push(
      'Drawn for the reader; the component connections matrix does not judge these or their links.',
      '',
    );
    for (const c of context) {
      const where = hostName(c.host);
      out.push(`- ${nameOf(c.id)}${where ? ` on ${inline(where)}` : ''}`);
    }
    out.push('');
  }
  const notes = document.annotations ?? [];
  if (notes.length > 0) {
    out.push('## Notes', '');
    for (const note of notes)
      out.push(
        `- ${note.text
          .split(/\r\n|\r|\n/)
          .map(inline)
          .join(' / ')}`,
      );
    out.push('');
  }
  return out;
}
