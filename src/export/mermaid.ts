import type { TopologyDocument } from '../document';
import { visibleText } from '../document';
import { COMPONENT_KINDS, displayName, kindInfo } from '../domain';

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
