import fc from 'fast-check';
import { COMPONENT_KINDS, RULESET_IDS, SECURITY_LEVELS, STANDBY_MODES, type Topology } from '../../domain';
import type {
  DocumentAnnotation,
  DocumentComponent,
  DocumentConnection,
  DocumentHost,
  DocumentZone,
  TopologyDocument,
} from '../index';
import {
  MAX_ADDRESS_LENGTH,
  MAX_ANNOTATION_TEXT_LENGTH,
  MAX_COMPONENT_NAME_LENGTH,
  MAX_CONNECTION_LABEL_LENGTH,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_HOST_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PORT,
  MIN_LCA_PORT,
  MIN_PORT,
} from '../limits';

// Generators of documents for the property tests. Valid ones respect every rule of the format
// (ids unique in the whole document, references of the right sort, etl only on servers, standby
// exactly with backupOf) and nothing more: most of them break the
// WFM rules, which is fine, since the file format does not judge the design.

/** Ids of any Unicode, up to the 64-code-unit cap. */
const idArbitrary = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
  .filter((id) => id.length <= MAX_ID_LENGTH);

/** A name that is not blank once trimmed, sometimes with spaces around it (kept as written). */
const componentNameArbitrary = fc
  .tuple(
    fc.constantFrom('', ' ', '  '),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
    fc.constantFrom('', ' ', '\t'),
  )
  .map(([before, core, after]) => `${before}${core}${after}`)
  .filter((name) => name.trim().length >= 1 && name.trim().length <= MAX_COMPONENT_NAME_LENGTH);

/** Any finite coordinate; -0 becomes 0 because JSON writes them alike. */
const coordinateArbitrary = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((value) => (value === 0 ? 0 : value));

const componentFieldsArbitrary = fc.record(
  {
    kind: fc.constantFrom(...COMPONENT_KINDS),
    name: componentNameArbitrary,
    position: fc.record({ x: coordinateArbitrary, y: coordinateArbitrary }),
    port: fc.integer({ min: MIN_PORT, max: MAX_PORT }),
    etl: fc.boolean(),
    notes: fc.string({ unit: 'binary', maxLength: 60 }).filter((notes) => notes.length <= MAX_NOTES_LENGTH),
  },
  { requiredKeys: ['kind', 'name'] },
);

const positionArbitrary = fc.record({ x: coordinateArbitrary, y: coordinateArbitrary });

/** The kinds that may carry `mutualAuth` (rules.md section 12); an independent copy of the schema's list. */
const MUTUAL_AUTH_KINDS: readonly string[] = ['server', 'builder', 'data-aggregator'];

/** Ids split among the sorts of a version-2 document; unique across all of them. */
export interface DocumentIds {
  readonly zones: readonly string[];
  readonly hosts: readonly string[];
  readonly components: readonly string[];
  readonly annotations: readonly string[];
}

/** Unique ids, split among zones, hosts, components and annotations (connections get theirs apart). */
export function documentIdsArbitrary(
  id: fc.Arbitrary<string>,
  maxComponents: number,
): fc.Arbitrary<DocumentIds> {
  return fc
    .record({
      ids: fc.uniqueArray(id, { maxLength: maxComponents + 8 }),
      zones: fc.nat({ max: 2 }),
      hosts: fc.nat({ max: 4 }),
      annotations: fc.nat({ max: 2 }),
    })
    .map(({ ids, zones, hosts, annotations }) => ({
      zones: ids.slice(0, zones),
      hosts: ids.slice(zones, zones + hosts),
      annotations: ids.slice(zones + hosts, zones + hosts + annotations),
      components: ids.slice(zones + hosts + annotations, zones + hosts + annotations + maxComponents),
    }));
}

function optionalOf<T>(choices: readonly T[]): fc.Arbitrary<T | undefined> {
  return choices.length === 0
    ? fc.constant(undefined)
    : fc.option(fc.constantFrom(...choices), { nil: undefined });
}

/**
 * The version-2 fields of a component of `kind`: a host of the document, a backup pair (any
 * component, itself included: the format does not judge the pair, the domain does), mutualAuth
 * on the kinds that may carry it. Keys the draw leaves out are absent, not undefined.
 */
export function componentV2FieldsArbitrary(
  kind: string,
  ids: DocumentIds,
): fc.Arbitrary<Pick<DocumentComponent, 'host' | 'backupOf' | 'standby' | 'mutualAuth'>> {
  return fc
    .record({
      host: optionalOf(ids.hosts),
      backupOf: optionalOf(ids.components),
      standby: fc.constantFrom(...STANDBY_MODES),
      mutualAuth: MUTUAL_AUTH_KINDS.includes(kind)
        ? fc.option(fc.boolean(), { nil: undefined })
        : fc.constant(undefined),
    })
    .map(({ host, backupOf, standby, mutualAuth }) => ({
      ...(host !== undefined && { host }),
      ...(backupOf !== undefined && { backupOf, standby }),
      ...(mutualAuth !== undefined && { mutualAuth }),
    }));
}

/** A connection's version-2 fields: a label, and the bends of its drawn route. */
export function connectionV2FieldsArbitrary(
  point: fc.Arbitrary<{ x: number; y: number }>,
  label: fc.Arbitrary<string> = fc.string({ maxLength: 30 }),
): fc.Arbitrary<Pick<DocumentConnection, 'label' | 'waypoints'>> {
  return fc.record(
    {
      label: label.filter((text) => text.length <= MAX_CONNECTION_LABEL_LENGTH),
      waypoints: fc.array(point, { maxLength: 6 }),
    },
    { requiredKeys: [] },
  );
}

/** Greater than 0, as a zone's, host's or annotation's width and height must be. */
const extentArbitrary = fc.oneof(
  fc.integer({ min: 1, max: 5000 }),
  fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
);
const sizeArbitrary = fc.record({ width: extentArbitrary, height: extentArbitrary });

/**
 * The version-2 parts around the components: rule set, view, zones, hosts (in zones of the
 * document or none) and annotations. The writer always writes rule set, zones, hosts and
 * annotations, so a generated document always has them and reads back as it was.
 */
export function v2PartsArbitrary(
  ids: DocumentIds,
  name: fc.Arbitrary<string>,
  point: fc.Arbitrary<{ x: number; y: number }>,
): fc.Arbitrary<Pick<TopologyDocument, 'ruleset' | 'view' | 'zones' | 'hosts' | 'annotations'>> {
  const notes = fc.string({ maxLength: 30 });
  const zone = (id: string): fc.Arbitrary<DocumentZone> =>
    fc
      .record({ name, notes, position: point, size: sizeArbitrary }, { requiredKeys: ['name'] })
      .map((fields) => ({ id, ...fields }));
  const host = (id: string): fc.Arbitrary<DocumentHost> =>
    fc
      .record(
        {
          name,
          address: fc.string({ maxLength: 40 }).filter((address) => address.length <= MAX_ADDRESS_LENGTH),
          zone: optionalOf(ids.zones),
          lca: fc.boolean(),
          lcaPort: fc.integer({ min: MIN_LCA_PORT, max: MAX_PORT }),
          certificate: fc.boolean(),
          notes,
          position: point,
          size: sizeArbitrary,
        },
        { requiredKeys: ['name', 'zone'] },
      )
      .map(({ zone: inZone, ...fields }) => ({
        id,
        ...fields,
        ...(inZone !== undefined && { zone: inZone }),
      }));
  const annotation = (id: string): fc.Arbitrary<DocumentAnnotation> =>
    fc
      .record(
        {
          text: fc
            .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
            .filter((text) => text.length <= MAX_ANNOTATION_TEXT_LENGTH),
          position: point,
          size: sizeArbitrary,
        },
        { requiredKeys: ['text', 'position'] },
      )
      .map((fields) => ({ id, ...fields }));
  return fc
    .record({
      ruleset: fc.constantFrom(...RULESET_IDS),
      view: fc.option(
        fc.record({ messageServerLinks: fc.constantFrom('lines', 'badges', 'hidden') }, { requiredKeys: [] }),
        { nil: undefined },
      ),
      zones: fc.tuple(...ids.zones.map(zone)),
      hosts: fc.tuple(...ids.hosts.map(host)),
      annotations: fc.tuple(...ids.annotations.map(annotation)),
    })
    .map(({ view, ...parts }) => ({ ...parts, ...(view !== undefined && { view }) }));
}

function componentArbitrary(id: string, ids: DocumentIds): fc.Arbitrary<DocumentComponent> {
  return componentFieldsArbitrary.chain(({ etl, ...fields }) =>
    componentV2FieldsArbitrary(fields.kind, ids).map((v2) =>
      fields.kind === 'server' && etl !== undefined
        ? { id, ...fields, ...v2, etl }
        : { id, ...fields, ...v2 },
    ),
  );
}

/** Connections between `ids.components`, with ids unique among themselves and every other id. */
export function connectionsArbitrary(
  ids: DocumentIds,
  id: fc.Arbitrary<string>,
  point: fc.Arbitrary<{ x: number; y: number }>,
  maxLength: number,
): fc.Arbitrary<DocumentConnection[]> {
  if (ids.components.length === 0) return fc.constant([]);
  const taken = new Set([...ids.zones, ...ids.hosts, ...ids.components, ...ids.annotations]);
  const end = fc.constantFrom(...ids.components);
  return fc.uniqueArray(
    fc
      .tuple(
        fc.record(
          {
            id: id.filter((candidate) => !taken.has(candidate)),
            from: end,
            to: end,
            security: fc.constantFrom(...SECURITY_LEVELS),
          },
          { requiredKeys: ['id', 'from', 'to'] },
        ),
        connectionV2FieldsArbitrary(point),
      )
      .map(([connection, v2]) => ({ ...connection, ...v2 })),
    { selector: (connection) => connection.id, maxLength },
  );
}

const optionsArbitrary = fc.record(
  { managementLayer: fc.boolean(), scheduledReporting: fc.boolean() },
  { requiredKeys: [] },
);

/**
 * A version-2 document the format accepts: ids unique in the whole document, references that
 * name things of the right sort, etl only on WFM Servers, standby exactly with backupOf.
 */
export const documentArbitrary: fc.Arbitrary<TopologyDocument> = documentIdsArbitrary(idArbitrary, 16)
  .chain((ids) =>
    fc.record({
      header: fc.record(
        {
          name: fc.string({ maxLength: 40 }).filter((name) => name.length <= MAX_DOCUMENT_NAME_LENGTH),
          options: optionsArbitrary,
        },
        { requiredKeys: [] },
      ),
      parts: v2PartsArbitrary(ids, componentNameArbitrary, positionArbitrary),
      components: fc.tuple(...ids.components.map((id) => componentArbitrary(id, ids))),
      connections: connectionsArbitrary(ids, idArbitrary, positionArbitrary, 24),
    }),
  )
  .map(({ header, parts, components, connections }) => ({
    format: 'wfm-topology',
    version: 2,
    ...header,
    ...parts,
    components,
    connections,
  }));

// ---- version 1 --------------------------------------------------------------------------------

/** A version-1 component's `host`: free text, often shared, sometimes blank, padded or long. */
const v1HostArbitrary = fc.oneof(
  fc.constantFrom('', ' ', 'db01', ' db01 ', 'DB01', 'host-1', 'wfm01.example.com'),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 120, max: MAX_HOST_LENGTH }).map((length) => `${'h'.repeat(length - 1)}z`),
);

/** Ids that clash with the host ids the migration makes, and with each other across sorts. */
const v1IdArbitrary = fc.oneof(idArbitrary, fc.constantFrom('host-1', 'host-2', 'host-1-2', 'c-1', 'a'));

/**
 * A file as version 1 wrote it and the version-1 format accepted: component ids unique, connection
 * ids unique among connections (a connection may share a component's id), host as free text.
 */
export const v1FileArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .uniqueArray(v1IdArbitrary, { maxLength: 12 })
  .chain((componentIds) =>
    fc.record({
      header: fc.record(
        {
          name: fc.string({ maxLength: 40 }).filter((name) => name.length <= MAX_DOCUMENT_NAME_LENGTH),
          options: optionsArbitrary,
          validation: fc.jsonValue({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      ),
      components: fc.tuple(
        ...componentIds.map((id) =>
          fc
            .tuple(componentFieldsArbitrary, fc.option(v1HostArbitrary, { nil: undefined }))
            .map(([{ etl, ...fields }, host]) => ({
              id,
              ...fields,
              ...(host !== undefined && { host }),
              ...(fields.kind === 'server' && etl !== undefined && { etl }),
            })),
        ),
      ),
      connections:
        componentIds.length === 0
          ? fc.constant([])
          : fc.uniqueArray(
              fc.record(
                {
                  id: v1IdArbitrary,
                  from: fc.constantFrom(...componentIds),
                  to: fc.constantFrom(...componentIds),
                  security: fc.constantFrom(...SECURITY_LEVELS),
                },
                { requiredKeys: ['id', 'from', 'to'] },
              ),
              { selector: (connection) => connection.id, maxLength: 16 },
            ),
    }),
  )
  .map(({ header, components, connections }) => ({
    format: 'wfm-topology',
    version: 1,
    ...header,
    components,
    connections,
  }));

/**
 * A topology for `validate` that breaks every rule it can: few ids and names so duplicates are
 * common, every kind, etl anywhere on servers, connections to ids that may not exist.
 */
export const topologyArbitrary: fc.Arbitrary<Topology> = fc.record({
  options: optionsArbitrary,
  components: fc.array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      kind: fc.constantFrom(...COMPONENT_KINDS),
      name: fc.constantFrom('WFM', 'wfm ', ' Srv', 'srv', 'Web', 'DAP'),
      etl: fc.boolean(),
    }),
    { maxLength: 14 },
  ),
  connections: fc.array(
    fc.record(
      {
        id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
        from: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'ghost'),
        to: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'ghost'),
        security: fc.constantFrom(...SECURITY_LEVELS),
      },
      { requiredKeys: ['id', 'from', 'to'] },
    ),
    { maxLength: 30 },
  ),
});
