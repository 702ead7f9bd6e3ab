import type { TopologyDocument } from '../document';
import {
  countBySeverity,
  counted,
  displayName,
  isSourceKind,
  MARKS,
  markSymbol,
  matrixCell,
  RULESET,
  resolveOptions,
  validate,
} from '../domain';
import { serializeMermaid } from './mermaid';

/** Table-cell text: no line breaks, pipes escaped, Markdown and HTML inert. */
function cell(text: string | number | undefined): string {
  if (text === undefined || text === '') return '—';
  return (
    String(text)
      .replace(/[\r\n]+/g, ' ')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([`*[\]#])/g, '\\$1')
      // An underscore inside a word (WFM_Server) is never emphasis in CommonMark; escape the others.
      .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace('_', '\\_'))
  );
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
  const out: string[] = [];
  out.push(`# ${cell(document.name?.trim() || 'Untitled deployment')}`, '');
  out.push(
    `Genesys Workforce Management deployment: ${document.components.length} components, ${document.connections.length} connections, checked against rule-set \`${RULESET}\` (the component connections matrix).`,
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
        `| ${cell(c.name)}${c.etl ? ' (ETL)' : ''} | ${displayName(c.kind)} | ${cell(c.host)} | ${cell(c.port)} |`,
      );
    }
    out.push('');
  }

  out.push('## Connections tabs', '');
  out.push("Each table lists the entries of one Application's **Connections** tab.", '');
  let anySource = false;
  for (const source of document.components) {
    if (!isSourceKind(source.kind)) continue;
    const rows = document.connections.filter((c) => c.from === source.id);
    anySource = true;
    out.push(`### ${cell(source.name)} (${displayName(source.kind)})`, '');
    if (rows.length === 0) {
      out.push('No connections.', '');
      continue;
    }
    out.push('| target | target kind | mark | security |', '|---|---|---|---|');
    for (const connection of rows) {
      const target = byId.get(connection.to);
      if (!target) continue;
      const rule = matrixCell(source.kind, target.kind);
      const mark = rule ? `\`${markSymbol(rule.mark)}\` ${MARKS[rule.mark].legend}` : 'not in the matrix';
      out.push(
        `| ${cell(target.name)} | ${displayName(target.kind)} | ${mark} | ${SECURITY[connection.security ?? 'none']} |`,
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
