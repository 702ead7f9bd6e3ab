import type { TopologyDocument } from '../document';
import { visibleText } from '../document';
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
  const out: string[] = [];
  out.push(`# ${inline(document.name?.trim() || 'Untitled deployment')}`, '');
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
    out.push(`### ${inline(source.name)} (${displayName(source.kind)})`, '');
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
