import type { TopologyDocument } from '../document';
import { visibleText } from '../document';
import { COMPONENT_KINDS, displayName, isContextKind, kindInfo } from '../domain';
import { isContextLink } from '../drawing/context-kinds';
import { connectionsDrawn } from '../drawing/drawn-links';

/** The characters with a named Mermaid entity code; the others are written by number. */
const NAMED_CODES: { readonly [ch: string]: string } = {
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
};

/**
 * Mermaid label text, written in one pass so that no code is written twice. Hidden and bidi
 * characters are shown as `<U+XXXX>` first: Mermaid drops `%%` comment lines with a multi-line
 * regular expression whose `^` also matches after U+2028 and U+2029, so such a character in a name
 * could turn the rest of its line into a comment. Then every character Mermaid reads as syntax
 * becomes an entity code (`#quot;`, `#35;`): quotes and brackets, `#` (so a name cannot write a
 * code of its own), backticks (a Markdown string), `%` (comments, and `%%{init}%%` directives,
 * which Mermaid finds anywhere in the text), and `:` and `;`, which its pre-parse rewrite of
 * `style …:#…;` would match across a label.
 */
function label(text: string): string {
  return visibleText(text).replace(
    /[#"<>&[\]{}()|`%;:]/g,
    (ch) => NAMED_CODES[ch] ?? `#${ch.charCodeAt(0)};`,
  );
}

function classId(kind: string): string {
  return `k_${kind.replace(/-/g, '_')}`;
}

/**
 * A Mermaid `flowchart` of the topology: one node per component (named by position, since ids
 * may hold characters Mermaid reserves), a `subgraph` per zone holding a `subgraph` per host
 * holding the host's components (empty hosts and zones left out: Mermaid draws an empty subgraph
 * as a stray box), one arrow per connection (context links dotted, `-.->`), labelled with its
 * security and its label, and a dotted `standby` line from each backup to its primary.
 * @example serializeMermaid(doc).startsWith('flowchart TB') === true
 */
export function serializeMermaid(document: TopologyDocument): string {
  const nodeId = new Map(document.components.map((c, index) => [c.id, `n${index + 1}`]));
  const kindOf = new Map(document.components.map((c) => [c.id, c.kind]));
  const lines = ['flowchart TB'];
  const node = (component: TopologyDocument['components'][number], indent: string) =>
    `${indent}${nodeId.get(component.id)}["${label(component.name)} (${label(displayName(component.kind))})"]:::${classId(component.kind)}`;

  const hosts = document.hosts ?? [];
  const hostIds = new Set(hosts.map((h) => h.id));
  const onHost = new Map<string, TopologyDocument['components'][number][]>();
  for (const c of document.components) {
    if (c.host === undefined || !hostIds.has(c.host)) continue;
    const list = onHost.get(c.host);
    if (list) list.push(c);
    else onHost.set(c.host, [c]);
  }
  const hostIndex = new Map(hosts.map((h, i) => [h.id, i + 1]));
  const hostBlock = (host: (typeof hosts)[number], indent: string) => [
    `${indent}subgraph h${hostIndex.get(host.id)}["${label(host.name)}"]`,
    ...(onHost.get(host.id) ?? []).map((c) => node(c, `${indent}  `)),
    `${indent}end`,
  ];
  const zoneIds = new Set((document.zones ?? []).map((z) => z.id));
  (document.zones ?? []).forEach((zone, index) => {
    const held = hosts.filter((h) => h.zone === zone.id && onHost.has(h.id));
    if (held.length === 0) return;
    lines.push(`  subgraph z${index + 1}["${label(zone.name)}"]`);
    for (const host of held) lines.push(...hostBlock(host, '    '));
    lines.push('  end');
  });
  for (const host of hosts) {
    if ((host.zone === undefined || !zoneIds.has(host.zone)) && onHost.has(host.id))
      lines.push(...hostBlock(host, '  '));
  }
  for (const component of document.components) {
    if (component.host === undefined || !hostIds.has(component.host)) lines.push(node(component, '  '));
  }

  // Message Server connections drawn as badges or hidden (the view's setting) are not arrows here
  // either; with badges, the Markdown report's tables still list them.
  for (const connection of connectionsDrawn(document)) {
    const from = nodeId.get(connection.from);
    const to = nodeId.get(connection.to);
    if (!from || !to) continue;
    const security = connection.security ?? 'none';
    const tags = [
      security === 'tls' ? 'TLS' : security === 'mutual-tls' ? 'mutual TLS' : '',
      connection.label?.trim() ?? '',
    ]
      .filter(Boolean)
      .map(label)
      .join(' · ');
    if (isContextLink(kindOf.get(connection.from), kindOf.get(connection.to))) {
      lines.push(tags ? `  ${from} -. "${tags}" .-> ${to}` : `  ${from} -.-> ${to}`);
    } else {
      lines.push(tags ? `  ${from} -- "${tags}" --> ${to}` : `  ${from} --> ${to}`);
    }
  }
  for (const backup of document.components) {
    const primary = backup.backupOf === undefined ? undefined : nodeId.get(backup.backupOf);
    if (!primary || backup.backupOf === backup.id) continue;
    lines.push(`  ${nodeId.get(backup.id)} -. "${backup.standby ?? 'warm'} standby" .- ${primary}`);
  }
  for (const kind of COMPONENT_KINDS) {
    if (!document.components.some((c) => c.kind === kind)) continue;
    lines.push(
      isContextKind(kind)
        ? `  classDef ${classId(kind)} fill:#f3f4f6,stroke:#6b7280,color:#111827,stroke-dasharray:5 5`
        : `  classDef ${classId(kind)} fill:${kindInfo(kind).color},stroke:#1f2937,color:#ffffff`,
    );
  }
  return `${lines.join('\n')}\n`;
}
