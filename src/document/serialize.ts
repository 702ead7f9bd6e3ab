import { DEFAULT_RULESET } from '../domain';
import { CURRENT_VERSION, FORMAT } from './envelope';
import type {
  DocumentAnnotation,
  DocumentComponent,
  DocumentConnection,
  DocumentHost,
  DocumentOptions,
  DocumentZone,
  Point,
  Size,
  TopologyDocument,
} from './schema';
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
    // Written even at its default, so a reader of the file sees which release it was judged by.
    ruleset: document.ruleset ?? DEFAULT_RULESET,
    options: document.options && orderOptions(document.options),
    view: document.view && { messageServerLinks: document.view.messageServerLinks },
    zones: (document.zones ?? []).map(orderZone),
    hosts: (document.hosts ?? []).map(orderHost),
    components: document.components.map(orderComponent),
    connections: document.connections.map(orderConnection),
    annotations: (document.annotations ?? []).map(orderAnnotation),
    validation: options.includeValidation === false ? undefined : createValidationBlock(document),
  };
  return options.compact ? JSON.stringify(file) : `${JSON.stringify(file, null, 2)}\n`;
}

function orderOptions(options: DocumentOptions) {
  return { managementLayer: options.managementLayer, scheduledReporting: options.scheduledReporting };
}

function point(value: Point | undefined) {
  return value && { x: value.x, y: value.y };
}

function size(value: Size | undefined) {
  return value && { width: value.width, height: value.height };
}

function orderZone(zone: DocumentZone) {
  return {
    id: zone.id,
    name: zone.name,
    notes: zone.notes,
    position: point(zone.position),
    size: size(zone.size),
  };
}

function orderHost(host: DocumentHost) {
  return {
    id: host.id,
    name: host.name,
    address: host.address,
    zone: host.zone,
    lca: host.lca,
    lcaPort: host.lcaPort,
    certificate: host.certificate,
    notes: host.notes,
    position: point(host.position),
    size: size(host.size),
  };
}

function orderComponent(component: DocumentComponent) {
  return {
    id: component.id,
    kind: component.kind,
    name: component.name,
    position: point(component.position),
    host: component.host,
    port: component.port,
    etl: component.etl,
    backupOf: component.backupOf,
    standby: component.standby,
    mutualAuth: component.mutualAuth,
    notes: component.notes,
  };
}

function orderConnection(connection: DocumentConnection) {
  return {
    id: connection.id,
    from: connection.from,
    to: connection.to,
    security: connection.security,
    label: connection.label,
    waypoints: connection.waypoints?.map(point),
  };
}

function orderAnnotation(annotation: DocumentAnnotation) {
  return {
    id: annotation.id,
    text: annotation.text,
    position: point(annotation.position),
    size: size(annotation.size),
  };
}
