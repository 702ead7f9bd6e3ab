import fc from 'fast-check';
import { COMPONENT_KINDS, SECURITY_LEVELS, type Topology } from '../../domain';
import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../index';
import {
  MAX_COMPONENT_NAME_LENGTH,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_HOST_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PORT,
  MIN_PORT,
} from '../limits';

// Generators of documents for the property tests. Valid ones respect every rule of the format
// (unique ids, existing endpoints, etl only on servers) and nothing more: most of them break the
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
    host: fc.string({ maxLength: 40 }).filter((host) => host.length <= MAX_HOST_LENGTH),
    port: fc.integer({ min: MIN_PORT, max: MAX_PORT }),
    etl: fc.boolean(),
    notes: fc.string({ unit: 'binary', maxLength: 60 }).filter((notes) => notes.length <= MAX_NOTES_LENGTH),
  },
  { requiredKeys: ['kind', 'name'] },
);

function componentArbitrary(id: string): fc.Arbitrary<DocumentComponent> {
  return componentFieldsArbitrary.map(({ etl, ...fields }) =>
    fields.kind === 'server' && etl !== undefined ? { id, ...fields, etl } : { id, ...fields },
  );
}

function connectionsArbitrary(componentIds: readonly string[]): fc.Arbitrary<DocumentConnection[]> {
  if (componentIds.length === 0) return fc.constant([]);
  const end = fc.constantFrom(...componentIds);
  return fc.uniqueArray(
    fc.record(
      { id: idArbitrary, from: end, to: end, security: fc.constantFrom(...SECURITY_LEVELS) },
      { requiredKeys: ['id', 'from', 'to'] },
    ),
    { selector: (connection) => connection.id, maxLength: 24 },
  );
}

const optionsArbitrary = fc.record(
  { managementLayer: fc.boolean(), scheduledReporting: fc.boolean() },
  { requiredKeys: [] },
);

/** A document the format accepts: unique ids, endpoints that exist, etl only on WFM Servers. */
export const documentArbitrary: fc.Arbitrary<TopologyDocument> = fc
  .uniqueArray(idArbitrary, { maxLength: 16 })
  .chain((ids) =>
    fc.record({
      header: fc.record(
        {
          name: fc.string({ maxLength: 40 }).filter((name) => name.length <= MAX_DOCUMENT_NAME_LENGTH),
          options: optionsArbitrary,
        },
        { requiredKeys: [] },
      ),
      components: fc.tuple(...ids.map(componentArbitrary)),
      connections: connectionsArbitrary(ids),
    }),
  )
  .map(({ header, components, connections }) => ({
    format: 'wfm-topology',
    version: 2,
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
