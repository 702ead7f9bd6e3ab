// The generated sections of docs/format.md: the fields (fields-section.ts), the limits, the
// refusals, an exported file and its SVG copy, the versions.
import {
  CURRENT_VERSION,
  formatParseError,
  type ParseErrorKind,
  parseDocument,
  serializeDocument,
  type TopologyDocument,
} from '../../src/document';
import * as LIMITS from '../../src/document/limits';
import { MIGRATIONS } from '../../src/document/migrations';
import { serializeSvg } from '../../src/export';
import { fieldsTable } from './fields-section';
import { code, fence, table, thousands } from './markdown';

// ---- limits ---------------------------------------------------------------------------------

type Unit = 'bytes' | 'characters' | 'count' | 'number';

/** Every export of limits.ts, described; the compiler holds this table to all of them. */
const LIMIT_DOCS: { readonly [K in keyof typeof LIMITS]: { readonly unit: Unit; readonly what: string } } = {
  MAX_FILE_BYTES: {
    unit: 'bytes',
    what: 'A topology file, or the document inside an SVG or PNG export. A larger one is refused before it is read as JSON.',
  },
  MAX_SVG_FILE_BYTES: { unit: 'bytes', what: 'An SVG file read: the drawing with the document inside it.' },
  MAX_PNG_FILE_BYTES: { unit: 'bytes', what: 'A PNG file read: the picture with the document inside it.' },
  MAX_EXPORT_FILE_BYTES: {
    unit: 'bytes',
    what: 'Any file the designer’s Import reads, of any of the three kinds (the largest of the caps above).',
  },
  MAX_COMPONENTS: { unit: 'count', what: 'Components in a document.' },
  MAX_CONNECTIONS: { unit: 'count', what: 'Connections in a document.' },
  MAX_HOSTS: { unit: 'count', what: 'Hosts in a document.' },
  MAX_ZONES: { unit: 'count', what: 'Zones in a document.' },
  MAX_ANNOTATIONS: { unit: 'count', what: 'Annotations in a document.' },
  MAX_WAYPOINTS: { unit: 'count', what: 'Points in a connection’s `waypoints`.' },
  MAX_CONNECTION_LABEL_LENGTH: { unit: 'characters', what: 'A connection’s `label`.' },
  MAX_ANNOTATION_TEXT_LENGTH: { unit: 'characters', what: 'An annotation’s `text` (at least 1).' },
  MAX_ADDRESS_LENGTH: { unit: 'characters', what: 'A host’s `address`.' },
  MIN_LCA_PORT: {
    unit: 'number',
    what: 'The smallest `lcaPort` of a host (the largest is the largest `port`).',
  },
  MAX_REPORTED_ISSUES: {
    unit: 'count',
    what: 'Issues listed when a file is refused: the first ones, in file order.',
  },
  MAX_SCHEMA_REFERENCE_LENGTH: { unit: 'characters', what: 'The file’s `$schema`.' },
  MAX_DOCUMENT_NAME_LENGTH: { unit: 'characters', what: 'The document’s `name`.' },
  MAX_ID_LENGTH: {
    unit: 'characters',
    what: 'An `id`, or a reference to one: `from`, `to`, `host`, `zone`, `backupOf`.',
  },
  MAX_COMPONENT_NAME_LENGTH: {
    unit: 'characters',
    what: 'The `name` of a component, host or zone, not counting the spaces around it.',
  },
  MAX_COMPONENT_NAME_RAW_LENGTH: {
    unit: 'characters',
    what: 'The `name` of a component, host or zone as written, spaces around it included.',
  },
  MAX_HOST_LENGTH: {
    unit: 'characters',
    what: 'A version-1 component’s `host` text, which the migration turns into a host (version 2 names a host by its id).',
  },
  MAX_NOTES_LENGTH: { unit: 'characters', what: 'The `notes` of a component, host or zone.' },
  MIN_PORT: { unit: 'number', what: 'The smallest `port`.' },
  MAX_PORT: { unit: 'number', what: 'The largest `port`.' },
};

const MIB = 1024 * 1024;

function limitValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'bytes':
      return Number.isInteger(value / MIB)
        ? `${value / MIB} MiB (${thousands(value)} bytes)`
        : `${thousands(value)} bytes`;
    case 'characters':
      return `${thousands(value)} characters`;
    case 'count':
    case 'number':
      return thousands(value);
    default: {
      const unreachable: never = unit;
      return unreachable;
    }
  }
}

function limits(): string {
  const values = new Map<string, number>(Object.entries(LIMITS));
  return table(
    ['limit', 'value', 'name in the code'],
    Object.entries(LIMIT_DOCS).map(([name, { unit, what }]) => [
      what,
      limitValue(values.get(name) ?? Number.NaN, unit),
      code(name),
    ]),
  );
}

// ---- refusals -------------------------------------------------------------------------------

interface Refusal {
  /** The file, in words when it is too large to show. */
  readonly shown: string;
  readonly text: string;
  /** The language of the file, for its code block; JSON unless said. */
  readonly language?: string;
}

const minimal = (fields: string) => `{"format": "wfm-topology", "version": ${CURRENT_VERSION}, ${fields}}`;
const server = '{"id": "srv-1", "kind": "server", "name": "WFM_Server"}';

function manyComponents(count: number): string {
  const components = Array.from({ length: count }, (_, i) => ({ id: `c${i}`, kind: 'dap', name: `D${i}` }));
  return JSON.stringify({ format: 'wfm-topology', version: CURRENT_VERSION, components, connections: [] });
}

/** One or more files for every reason a file is refused; the compiler holds it to all of them. */
const REFUSALS: { readonly [K in ParseErrorKind]: readonly Refusal[] } = {
  // Text no JSON value starts with: the engine's words for it are the same in every Node.js release.
  'not-json': [
    { shown: 'A YAML file', text: '# Single site\nformat: wfm-topology\nversion: 1', language: 'yaml' },
  ],
  'not-topology': [{ shown: 'JSON of another format', text: '{"format": "wfm-diagram", "version": 1}' }],
  'newer-version': [
    {
      shown: 'A file of a newer format version',
      text: `{"format": "wfm-topology", "version": ${CURRENT_VERSION + 1}, "components": [], "connections": []}`,
    },
  ],
  invalid: [
    {
      shown: 'A misspelt key and a port out of range',
      text: minimal(
        '"components": [{"id": "srv-1", "kind": "server", "name": "WFM_Server", "prot": 7000, "port": 70000}], "connections": []',
      ),
    },
    {
      shown: 'A connection from a component that is not in the file',
      text: minimal(
        `"components": [${server}], "connections": [{"id": "c-1", "from": "bld-1", "to": "srv-1"}]`,
      ),
    },
    {
      shown: 'A component on a host that is not in the file, and a backup of a host',
      text: minimal(
        '"hosts": [{"id": "h-1", "name": "wfm01"}], "components": [{"id": "srv-1", "kind": "server", "name": "WFM_Server", "host": "h-2"}, {"id": "srv-2", "kind": "server", "name": "WFM_Server_backup", "backupOf": "h-1", "standby": "warm"}], "connections": []',
      ),
    },
    {
      shown: 'A version-1 file with a key version 2 added',
      text: '{"format": "wfm-topology", "version": 1, "hosts": [], "components": [], "connections": []}',
    },
  ],
  'too-large': [
    {
      shown: `A file of more than ${LIMITS.MAX_FILE_BYTES / MIB} MiB`,
      text: ' '.repeat(LIMITS.MAX_FILE_BYTES + 1),
    },
    {
      shown: `A file with ${thousands(LIMITS.MAX_COMPONENTS + 1)} components`,
      text: manyComponents(LIMITS.MAX_COMPONENTS + 1),
    },
  ],
};

function refusals(): string {
  return Object.entries(REFUSALS)
    .flatMap(([kind, examples]) =>
      examples.map(({ shown, text, language = 'json' }) => {
        const result = parseDocument(text);
        if (result.ok) throw new Error(`the ${kind} example was accepted`);
        if (result.error.kind !== kind)
          throw new Error(`the ${kind} example was refused as ${result.error.kind}`);
        const file = text.length <= 200 ? `:\n\n${fence(language, text)}` : '.';
        return `**${code(kind)}**. ${shown}${file}\n\n${fence('text', formatParseError(result.error))}`;
      }),
    )
    .join('\n\n');
}

// ---- an exported file, its SVG copy, the versions --------------------------------------------

const EXAMPLE: TopologyDocument = {
  format: 'wfm-topology',
  version: CURRENT_VERSION,
  name: 'Single site',
  ruleset: 'wfm-8.5.2',
  options: { managementLayer: false, scheduledReporting: false },
  zones: [
    { id: 'z-ldn', name: 'London DC', position: { x: -40, y: -40 }, size: { width: 640, height: 560 } },
  ],
  hosts: [
    {
      id: 'h-app1',
      name: 'wfm-app01',
      address: 'wfm-app01.example.com',
      zone: 'z-ldn',
      certificate: true,
      position: { x: -20, y: -20 },
      size: { width: 280, height: 520 },
    },
  ],
  components: [
    {
      id: 'srv-1',
      kind: 'server',
      name: 'WFM_Server',
      position: { x: 0, y: 200 },
      host: 'h-app1',
      port: 7000,
      etl: true,
      notes: 'Also runs ETL.',
    },
    {
      id: 'srv-2',
      kind: 'server',
      name: 'WFM_Server_backup',
      position: { x: 300, y: 200 },
      port: 7000,
      backupOf: 'srv-1',
      standby: 'warm',
    },
    {
      id: 'bld-1',
      kind: 'builder',
      name: 'WFM_Builder',
      position: { x: 0, y: 0 },
      host: 'h-app1',
      port: 7010,
    },
    { id: 'dap-1', kind: 'dap', name: 'WFM_DAP', position: { x: 0, y: 400 } },
  ],
  connections: [
    { id: 'c-1', from: 'bld-1', to: 'srv-1', security: 'tls', label: 'schedules' },
    { id: 'c-2', from: 'srv-1', to: 'dap-1' },
    { id: 'c-3', from: 'srv-2', to: 'dap-1', waypoints: [{ x: 360, y: 400 }] },
    { id: 'c-4', from: 'srv-2', to: 'bld-1' },
  ],
  annotations: [{ id: 'a-1', text: 'Agents in London and Leeds', position: { x: 300, y: -20 } }],
};

function exampleFile(): string {
  return fence('json', serializeDocument(EXAMPLE));
}

function svgMetadata(): string {
  const svg = serializeSvg({
    format: 'wfm-topology',
    version: CURRENT_VERSION,
    name: 'R&D <lab>',
    components: [{ id: 'dap-1', kind: 'dap', name: 'WFM_DAP' }],
    connections: [],
  });
  const found = /<metadata[\s\S]*?<\/metadata>/.exec(svg);
  if (!found) throw new Error('the SVG export has no <metadata> element');
  return fence('xml', found[0]);
}

function versions(): string {
  const reads =
    (CURRENT_VERSION as number) === 1 ? 'version `1`' : `versions \`1\` to \`${CURRENT_VERSION}\``;
  const steps = MIGRATIONS.map((_, k) => `\`${k + 1}\` → \`${k + 2}\``);
  return [
    `- writes: version \`${CURRENT_VERSION}\``,
    `- reads: ${reads}`,
    `- migrations: ${steps.length === 0 ? 'none yet' : steps.join(', ')}`,
  ].join('\n');
}

/** docs/format.md's generated sections by name. */
export function formatSections(): Record<string, string> {
  return {
    fields: fieldsTable(),
    limits: limits(),
    refusals: refusals(),
    'example-file': exampleFile(),
    'svg-metadata': svgMetadata(),
    versions: versions(),
  };
}
