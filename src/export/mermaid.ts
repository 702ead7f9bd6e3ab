import type { TopologyDocument } from '../document';
import { COMPONENT_KINDS, displayName, kindInfo } from '../domain';

/** Mermaid label text: quotes and angle brackets as Mermaid entity codes, never raw HTML. */
function label(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#amp;')
    .replace(/[[\]{}()|`]/g, (ch) => `#${ch.charCodeAt(0)};`);
}

function classId(kind: string): string {
  return `k_${kind.replace(/-/g, '_')}`;
}

/**
 * A Mermaid `flowchart` of the topology: one node per component (named by position, since ids
 * may hold characters Mermaid reserves), one arrow per connection, secured ones labelled.
 * @example serializeMermaid(doc).startsWith('flowchart TB') === true
 */
export function serializeMermaid(document: TopologyDocument): string {
  const nodeId = new Map(document.components.map((c, index) => [c.id, `n${index + 1}`]));
  const lines = ['flowchart TB'];
  for (const component of document.components) {
    lines.push(
      `  ${nodeId.get(component.id)}["${label(component.name)} (${label(displayName(component.kind))})"]:::${classId(component.kind)}`,
    );
  }
  for (const connection of document.connections) {
    const from = nodeId.get(connection.from);
    const to = nodeId.get(connection.to);
    if (!from || !to) continue;
    const security = connection.security ?? 'none';
    const tag = security === 'tls' ? 'TLS' : security === 'mutual-tls' ? 'mutual TLS' : '';
    lines.push(tag ? `  ${from} -- "${tag}" --> ${to}` : `  ${from} --> ${to}`);
  }
  for (const kind of COMPONENT_KINDS) {
    if (!document.components.some((c) => c.kind === kind)) continue;
    lines.push(`  classDef ${classId(kind)} fill:${kindInfo(kind).color},stroke:#1f2937,color:#ffffff`);
  }
  return `${lines.join('\n')}\n`;
}
