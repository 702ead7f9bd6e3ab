import { CURRENT_VERSION, FORMAT } from './envelope';
import type { DocumentComponent, DocumentConnection, DocumentOptions, TopologyDocument } from './schema';
import { createValidationBlock } from './validation-block';

export interface SerializeOptions {
  /** Write the `validation` block (default true); leave it out where only the design matters. */
  readonly includeValidation?: boolean;
  /** One line with no indentation (default false): for a copy embedded in another file. */
  readonly compact?: boolean;
}

// Every object below is rebuilt key by key, so the key order of docs/format.md holds whatever
// order the document was built in, and no runtime field of the app leaks into a file. Absent
// optional keys are `undefined`, which JSON.stringify leaves out.

/**
 * A document as the text of a `.wfm.json` file: stable key order, 2-space indent, a final newline.
 * Byte-stable: `serializeDocument(parsed)` gives back the text that was parsed, if this wrote it.
 * @example serializeDocument(createEmptyDocument('Lab')).startsWith('{\n  "format": "wfm-topology",')
 */
export function serializeDocument(document: TopologyDocument, options: SerializeOptions = {}): string {
  const file = {
    format: FORMAT,
    version: CURRENT_VERSION,
    name: document.name,
    options: document.options && orderOptions(document.options),
    components: document.components.map(orderComponent),
    connections: document.connections.map(orderConnection),
    validation: options.includeValidation === false ? undefined : createValidationBlock(document),
  };
  return options.compact ? JSON.stringify(file) : `${JSON.stringify(file, null, 2)}\n`;
}

function orderOptions(options: DocumentOptions) {
  return { managementLayer: options.managementLayer, scheduledReporting: options.scheduledReporting };
}

function orderComponent(component: DocumentComponent) {
  return {
    id: component.id,
    kind: component.kind,
    name: component.name,
    position: component.position && { x: component.position.x, y: component.position.y },
    host: component.host,
    port: component.port,
    etl: component.etl,
    notes: component.notes,
  };
}

function orderConnection(connection: DocumentConnection) {
  return { id: connection.id, from: connection.from, to: connection.to, security: connection.security };
}
