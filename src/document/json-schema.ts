import { z } from 'zod';
import { DEFAULT_RULESET, OPTION_CATALOG } from '../domain';
import { CURRENT_VERSION } from './envelope';
import {
  MAX_COMPONENT_NAME_LENGTH,
  MAX_COMPONENT_NAME_RAW_LENGTH,
  MAX_ID_LENGTH,
  MIN_LCA_PORT,
} from './limits';
import { documentFileSchema } from './schema';

// The JSON Schema of the file format, for editors and for tools outside the project. It is made
// from the zod schemas the parser uses, so the two cannot list different fields or limits; what
// zod cannot express in JSON Schema (its refinements) is added below by hand, and the tests hold
// both copies of each such rule to the same files.

/** The schema's `$id`: it names the format version, it is not an address to download from. */
export const DOCUMENT_SCHEMA_ID = `urn:wfm-topology:schema:document:${CURRENT_VERSION}`;

/** A JSON Schema as plain JSON data. */
export type JsonSchema = { readonly [key: string]: unknown };

interface Annotation {
  readonly title?: string;
  readonly description: string;
  /** Keywords for what zod's refinements check and its JSON Schema leaves out. */
  readonly extra?: JsonSchema;
}

const option = (key: string) => {
  const info = OPTION_CATALOG.find((entry) => entry.key === key);
  if (!info) throw new Error(`no option "${key}" in OPTION_CATALOG`);
  return `${info.description} Absent means false.`;
};

/**
 * A title or description for every field, by its path (`components[].port`; `''` is the file).
 * Generation fails on a field without one, or on an entry that names no field, so a field added
 * to the zod schema cannot reach the JSON Schema, or docs/format.md, undescribed.
 */
const ANNOTATIONS: Readonly<Record<string, Annotation>> = {
  '': {
    title: `WFM topology document, format version ${CURRENT_VERSION}`,
    description:
      "A Genesys Workforce Management deployment as the WFM Topology Designer and the wfm-topology command read and write it (docs/format.md). This schema checks the shape of a file; the designer also checks that ids are unique in the whole document and that every reference (a connection's ends, a component's host and backupOf, a host's zone) names something of the right sort in the document.",
  },
  $schema: {
    description:
      'Where editors find this JSON Schema: a URL or a path. Accepted and ignored: the designer does not keep it, so a file it writes has none.',
  },
  format: { description: 'Says the file is a WFM topology document.' },
  version: {
    description:
      'The format version. A file of a newer version than the designer or the command knows is refused as "made by a newer version".',
  },
  name: { description: 'The name of the deployment, shown as the title of its diagram.' },
  ruleset: {
    description: `The product release the design is judged by (docs/rules.md section 7). Absent means "${DEFAULT_RULESET}"; the designer always writes it.`,
  },
  options: {
    title: 'Deployment options',
    description: 'Options that make more connections and components required (docs/rules.md).',
  },
  'options.managementLayer': { description: option('managementLayer') },
  'options.scheduledReporting': { description: option('scheduledReporting') },
  view: { title: 'View', description: 'How the diagram is drawn; never judged.' },
  'view.messageServerLinks': {
    description:
      'How connections to a Message Server are drawn: as lines, as badges on the cards, or not at all.',
  },
  zones: {
    description:
      'Places or network areas that hold hosts (a data centre, a site, a DMZ). Zones carry no rules.',
  },
  'zones[]': { title: 'Zone', description: 'One place or network area.' },
  'zones[].id': {
    description: `Names the zone inside the file: 1 to ${MAX_ID_LENGTH} characters, unique among all the ids of the document (zones, hosts, components, connections and annotations).`,
  },
  'zones[].name': {
    description: `The zone's name. Not blank, and at most ${MAX_COMPONENT_NAME_LENGTH} characters once trimmed.`,
    extra: { pattern: '\\S' },
  },
  'zones[].notes': { description: 'Free notes about the zone.' },
  'zones[].position': {
    title: 'Position',
    description:
      'Where the zone is drawn: its top-left corner, in absolute canvas pixels (not relative to a host or zone around it).',
  },
  'zones[].position.x': { description: 'Pixels to the right; any finite number.' },
  'zones[].position.y': { description: 'Pixels down; any finite number.' },
  'zones[].size': { title: 'Size', description: 'The drawn size of the zone, in pixels.' },
  'zones[].size.width': { description: 'Pixels wide; greater than 0.' },
  'zones[].size.height': { description: 'Pixels high; greater than 0.' },
  hosts: { description: 'The Genesys Host objects: the machines the components run on.' },
  'hosts[]': { title: 'Host', description: 'One Genesys Host object.' },
  'hosts[].id': {
    description: `Names the host inside the file: 1 to ${MAX_ID_LENGTH} characters, unique among all the ids of the document (zones, hosts, components, connections and annotations).`,
  },
  'hosts[].name': {
    description: `The Host object's name. Not blank, and at most ${MAX_COMPONENT_NAME_LENGTH} characters once trimmed; two hosts with the same trimmed name in any case are a duplicate-name problem.`,
    extra: { pattern: '\\S' },
  },
  'hosts[].address': { description: 'The host name or IP address of the machine.' },
  'hosts[].zone': { description: 'The id of the zone the host is in. It must be a zone of the file.' },
  'hosts[].lca': { description: 'The host runs a Local Control Agent (needed by the Management Layer).' },
  'hosts[].lcaPort': {
    description: `The port the Local Control Agent listens on, at least ${MIN_LCA_PORT}. Absent means 4999.`,
  },
  'hosts[].certificate': {
    description:
      'A TLS certificate is assigned on the Host object (where WFM Server, Builder and Data Aggregator take theirs).',
  },
  'hosts[].notes': { description: 'Free notes about the host.' },
  'hosts[].position': {
    title: 'Position',
    description:
      'Where the host is drawn: its top-left corner, in absolute canvas pixels (not relative to a host or zone around it).',
  },
  'hosts[].position.x': { description: 'Pixels to the right; any finite number.' },
  'hosts[].position.y': { description: 'Pixels down; any finite number.' },
  'hosts[].size': { title: 'Size', description: 'The drawn size of the host, in pixels.' },
  'hosts[].size.width': { description: 'Pixels wide; greater than 0.' },
  'hosts[].size.height': { description: 'Pixels high; greater than 0.' },
  components: {
    description:
      'The Genesys Application objects of the deployment. Their order counts: "second or later" in the rules follows it.',
  },
  'components[]': {
    title: 'Component',
    description: 'One Genesys Application object.',
    // A component with "etl" is a WFM Server; "mutualAuth" is for the kinds that take a certificate;
    // "standby" goes with "backupOf", both ways.
    extra: {
      dependentSchemas: {
        etl: { properties: { kind: { const: 'server' } } },
        mutualAuth: { properties: { kind: { enum: ['server', 'builder', 'data-aggregator'] } } },
      },
      dependentRequired: { backupOf: ['standby'], standby: ['backupOf'] },
    },
  },
  'components[].id': {
    description: `Names the component inside the file: 1 to ${MAX_ID_LENGTH} characters, unique among all the ids of the document. Connections name it in "from" and "to".`,
  },
  'components[].kind': { description: 'What the component is: one of the kind ids of docs/rules.md.' },
  'components[].name': {
    description: `The Application name. Not blank, and at most ${MAX_COMPONENT_NAME_LENGTH} characters once the spaces around it are trimmed (${MAX_COMPONENT_NAME_RAW_LENGTH} as written). Kept as written; two components with the same trimmed name in any case are a duplicate-name problem.`,
    extra: { pattern: '\\S' },
  },
  'components[].position': {
    title: 'Position',
    description:
      'Where the component is drawn: the top-left corner of its card, in absolute canvas pixels (not relative to its host or zone). Without it the designer places the component by its role.',
  },
  'components[].position.x': { description: 'Pixels to the right; any finite number.' },
  'components[].position.y': { description: 'Pixels down; any finite number.' },
  'components[].host': {
    description: 'The id of the host the Application runs on. It must be a host of the file.',
  },
  'components[].port': { description: 'The port the Application listens on.' },
  'components[].etl': {
    description:
      'The WFM Server runs ETL. Allowed only on a WFM Server (kind "server"); a second WFM Server with "etl": true is a too-many-instances problem.',
  },
  'components[].backupOf': {
    description:
      'Makes this component the backup of another: the id of its primary, a component of the file. Requires "standby".',
  },
  'components[].standby': {
    description:
      'How the backup stands by: "warm" or "hot". Required with "backupOf", and allowed only with it.',
  },
  'components[].mutualAuth': {
    description:
      'The Application requires mutual TLS from its clients. Allowed only on a WFM Server, WFM Builder or WFM Data Aggregator.',
  },
  'components[].notes': { description: 'Free notes about the component.' },
  connections: {
    description:
      'The connections of the deployment. A connection from A to B means that B is listed on the Connections tab of the Application object A.',
  },
  'connections[]': { title: 'Connection', description: 'One entry of a Connections tab.' },
  'connections[].id': {
    description: `Names the connection inside the file: 1 to ${MAX_ID_LENGTH} characters, unique among all the ids of the document.`,
  },
  'connections[].from': {
    description: 'The id of the component whose Connections tab lists the target. It must exist in the file.',
  },
  'connections[].to': { description: 'The id of the component listed. It must exist in the file.' },
  'connections[].security': { description: 'How the connection is secured. Absent means "none".' },
  'connections[].label': { description: 'A label drawn on the connection; never judged.' },
  'connections[].waypoints': {
    description:
      'The bends of the drawn route, in order, in absolute canvas pixels; drawing only, never judged.',
  },
  'connections[].waypoints[]': { title: 'Point', description: 'One bend of the route.' },
  'connections[].waypoints[].x': { description: 'Pixels to the right; any finite number.' },
  'connections[].waypoints[].y': { description: 'Pixels down; any finite number.' },
  annotations: { description: 'Free text notes drawn on the canvas; never judged.' },
  'annotations[]': { title: 'Annotation', description: 'One note on the canvas.' },
  'annotations[].id': {
    description: `Names the annotation inside the file: 1 to ${MAX_ID_LENGTH} characters, unique among all the ids of the document (zones, hosts, components, connections and annotations).`,
  },
  'annotations[].text': { description: 'The text of the note.' },
  'annotations[].position': {
    title: 'Position',
    description:
      'Where the note is drawn: its top-left corner, in absolute canvas pixels (not relative to a host or zone around it).',
  },
  'annotations[].position.x': { description: 'Pixels to the right; any finite number.' },
  'annotations[].position.y': { description: 'Pixels down; any finite number.' },
  'annotations[].size': { title: 'Size', description: 'The drawn size of the note, in pixels.' },
  'annotations[].size.width': { description: 'Pixels wide; greater than 0.' },
  'annotations[].size.height': { description: 'Pixels high; greater than 0.' },

  validation: {
    description:
      'The validation result, written on export for readers of the file. Ignored on import whatever it holds: problems are always recomputed.',
  },
};

/**
 * The JSON Schema (draft 2020-12) of the topology file, made from the zod schemas `parseDocument`
 * uses: every object closed (`additionalProperties: false`), every field described.
 * @example createDocumentJsonSchema().$id === 'urn:wfm-topology:schema:document:2'
 */
export function createDocumentJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(documentFileSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...root } = generated;
  const seen = new Set<string>();
  const annotated = annotate(root, '', seen);
  const unused = Object.keys(ANNOTATIONS).filter((path) => !seen.has(path));
  if (unused.length > 0) throw new Error(`annotations for fields that do not exist: ${unused.join(', ')}`);
  return { $schema, $id: DOCUMENT_SCHEMA_ID, ...annotated };
}

function annotate(node: JsonSchema, path: string, seen: Set<string>): JsonSchema {
  const annotation = ANNOTATIONS[path];
  if (!annotation) throw new Error(`no description for the field ${path === '' ? '(the file)' : path}`);
  seen.add(path);
  const out: Record<string, unknown> = {};
  if (annotation.title !== undefined) out.title = annotation.title;
  out.description = annotation.description;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') {
      const children = Object.entries(asSchema(value, path)).map(([name, child]) => {
        const childPath = path === '' ? name : `${path}.${name}`;
        return [name, annotate(asSchema(child, childPath), childPath, seen)];
      });
      out.properties = Object.fromEntries(children);
    } else if (key === 'items') {
      out.items = annotate(asSchema(value, `${path}[]`), `${path}[]`, seen);
    } else {
      out[key] = value;
    }
  }
  return { ...out, ...annotation.extra };
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchema(value: unknown, path: string): JsonSchema {
  if (!isSchema(value)) throw new Error(`the schema of ${path} is not an object`);
  return value;
}
