import { z } from 'zod';
import { OPTION_CATALOG } from '../domain';
import { CURRENT_VERSION } from './envelope';
import { MAX_COMPONENT_NAME_LENGTH, MAX_COMPONENT_NAME_RAW_LENGTH, MAX_ID_LENGTH } from './limits';
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
      'A Genesys Workforce Management deployment as the WFM Topology Designer and the wfm-topology command read and write it (docs/format.md). This schema checks the shape of a file; the designer also checks that ids are unique and that connections name components of the document.',
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
  options: {
    title: 'Deployment options',
    description: 'Options that make more connections and components required (docs/rules.md).',
  },
  'options.managementLayer': { description: option('managementLayer') },
  'options.scheduledReporting': { description: option('scheduledReporting') },
  components: {
    description:
      'The Genesys Application objects of the deployment. Their order counts: "second or later" in the rules follows it.',
  },
  'components[]': {
    title: 'Component',
    description: 'One Genesys Application object.',
    // A component with "etl" is a WFM Server.
    extra: { dependentSchemas: { etl: { properties: { kind: { const: 'server' } } } } },
  },
  'components[].id': {
    description: `Names the component inside the file: 1 to ${MAX_ID_LENGTH} characters, unique among the components. Connections name it in "from" and "to".`,
  },
  'components[].kind': { description: 'What the component is: one of the kind ids of docs/rules.md.' },
  'components[].name': {
    description: `The Application name. Not blank, and at most ${MAX_COMPONENT_NAME_LENGTH} characters once the spaces around it are trimmed (${MAX_COMPONENT_NAME_RAW_LENGTH} as written). Kept as written; two components with the same trimmed name in any case are a duplicate-name problem.`,
    extra: { pattern: '\\S' },
  },
  'components[].position': {
    title: 'Position',
    description:
      'Where the component is drawn: the top-left corner of its card, in pixels. Without it the designer places the component by its role.',
  },
  'components[].position.x': { description: 'Pixels to the right; any finite number.' },
  'components[].position.y': { description: 'Pixels down; any finite number.' },
  'components[].host': {
    description: 'The host the Application runs on, as free text (a host name or an address).',
  },
  'components[].port': { description: 'The port the Application listens on.' },
  'components[].etl': {
    description:
      'The WFM Server runs ETL. Allowed only on a WFM Server (kind "server"); a second WFM Server with "etl": true is a too-many-instances problem.',
  },
  'components[].notes': { description: 'Free notes about the component.' },
  connections: {
    description:
      'The connections of the deployment. A connection from A to B means that B is listed on the Connections tab of the Application object A.',
  },
  'connections[]': { title: 'Connection', description: 'One entry of a Connections tab.' },
  'connections[].id': {
    description: `Names the connection inside the file: 1 to ${MAX_ID_LENGTH} characters, unique among the connections.`,
  },
  'connections[].from': {
    description: 'The id of the component whose Connections tab lists the target. It must exist in the file.',
  },
  'connections[].to': { description: 'The id of the component listed. It must exist in the file.' },
  'connections[].security': { description: 'How the connection is secured. Absent means "none".' },
  validation: {
    description:
      'The validation result, written on export for readers of the file. Ignored on import whatever it holds: problems are always recomputed.',
  },
};

/**
 * The JSON Schema (draft 2020-12) of the topology file, made from the zod schemas `parseDocument`
 * uses: every object closed (`additionalProperties: false`), every field described.
 * @example createDocumentJsonSchema().$id === 'urn:wfm-topology:schema:document:1'
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
