import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { COMPONENT_KINDS, SECURITY_LEVELS } from '../domain';
import { MAX_COMPONENT_NAME_LENGTH, parseDocument, serializeDocument } from './index';
import { isJsonObject } from './json';
import { createDocumentJsonSchema, DOCUMENT_SCHEMA_ID, type JsonSchema } from './json-schema';
import { migrate } from './migrations';
import { documentArbitrary } from './testing/arbitraries';
import {
  fileText,
  validFile,
  withAnnotation,
  withComponent,
  withConnection,
  withHost,
  withZone,
} from './testing/files';
import { fixedSeed } from './testing/property';

// The JSON Schema against a real validator (Ajv, draft 2020-12, strict mode), so what editors and
// other tools make of it is checked, not only its shape. It must accept every file the parser
// accepts, and refuse what it can see of what the parser refuses.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const schema = createDocumentJsonSchema();
const ajv = new Ajv2020({ strict: true, allErrors: true });
const check = ajv.compile(schema);

function accepts(text: string): boolean {
  return check(JSON.parse(text));
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema at `keys` under `node`: `at(schema, 'properties', 'name')`. */
function at(node: JsonSchema, ...keys: string[]): JsonSchema {
  return keys.reduce((current, key) => {
    const next = current[key];
    if (!isSchema(next)) throw new Error(`no schema at ${keys.join('.')}`);
    return next;
  }, node);
}

/** Every object schema in the tree, with its path (`components[].position`). */
function objectSchemas(node: JsonSchema, path = ''): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = node.type === 'object' ? [[path, node]] : [];
  if (isSchema(node.properties)) {
    for (const [key, child] of Object.entries(node.properties)) {
      if (isSchema(child)) found.push(...objectSchemas(child, path === '' ? key : `${path}.${key}`));
    }
  }
  if (isSchema(node.items)) found.push(...objectSchemas(node.items, `${path}[]`));
  return found;
}

/** A file as the parser sees it after the migrations: the schema describes the current version. */
function asCurrentVersion(json: unknown): unknown {
  if (!isJsonObject(json) || typeof json.version !== 'number') return json;
  return migrate(json, json.version);
}

function filesIn(folder: string, suffix: string): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith(suffix))
    .map((name) => `${folder}/${name}`);
}

test('the schema is draft 2020-12, names the format version in its $id, and compiles in strict mode', () => {
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.$id).toBe(DOCUMENT_SCHEMA_ID);
  expect(DOCUMENT_SCHEMA_ID).toBe('urn:wfm-topology:schema:document:2');
  expect(ajv.validateSchema(schema)).toBe(true);
});

test('every object of the schema is closed: an unknown key is refused at every level', () => {
  const objects = objectSchemas(schema);
  expect(objects.map(([path]) => path)).toEqual([
    '',
    'options',
    'zones[]',
    'zones[].position',
    'zones[].size',
    'hosts[]',
    'hosts[].position',
    'hosts[].size',
    'components[]',
    'components[].position',
    'connections[]',
    'connections[].waypoints[]',
    'annotations[]',
    'annotations[].position',
    'annotations[].size',
    'view',
  ]);
  for (const [, node] of objects) expect(node.additionalProperties).toBe(false);
});

test('the kinds and security levels are the domain’s, in its order', () => {
  const item = (list: string) => at(schema, 'properties', list, 'items', 'properties');
  expect(at(item('components'), 'kind').enum).toEqual([...COMPONENT_KINDS]);
  expect(at(item('connections'), 'security').enum).toEqual([...SECURITY_LEVELS]);
});

test('every field has a description, and the file and each kind of object a title', () => {
  const fields = (node: JsonSchema): JsonSchema[] =>
    Object.values(at(isSchema(node.items) ? node.items : node, 'properties')).flatMap((child) =>
      isSchema(child)
        ? [child, ...(isSchema(child.properties) || isSchema(child.items) ? fields(child) : [])]
        : [],
    );
  for (const field of fields(schema)) expect(typeof field.description).toBe('string');
  for (const [, node] of objectSchemas(schema)) expect(typeof node.title).toBe('string');
});

test.each([
  ...filesIn('examples', '.wfm.json'),
  ...filesIn('src/templates', '.wfm.json'),
  ...filesIn('src/exercises/solutions', '.wfm.json'),
  ...filesIn('src/document/fixtures', '.wfm.json'),
])('%s is valid under the schema, once migrated if it is an older version', (path) => {
  const text = readFileSync(join(ROOT, path), 'utf8');
  expect(parseDocument(text).ok).toBe(true);
  expect(check(asCurrentVersion(JSON.parse(text))), JSON.stringify(check.errors)).toBe(true);
});

test.each(filesIn('src/exercises', '.wfm-exercise.json'))(
  'the start document of %s is valid under the schema, once migrated if it is an older version',
  (path) => {
    const exercise: { start: unknown } = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
    expect(check(asCurrentVersion(exercise.start)), JSON.stringify(check.errors)).toBe(true);
  },
);

test('the schema describes the current version only: a version-1 file is for the migration', () => {
  const v1: unknown = JSON.parse(readFileSync(join(ROOT, 'src/document/fixtures/v1.wfm.json'), 'utf8'));
  expect(check(v1)).toBe(false);
  expect(check(asCurrentVersion(v1))).toBe(true);
});

test('every document the parser accepts is valid under the schema, as written with its validation block', () => {
  fc.assert(
    fc.property(documentArbitrary, (document) => {
      const text = serializeDocument(document);
      expect(parseDocument(text).ok).toBe(true);
      expect(accepts(text), JSON.stringify(check.errors)).toBe(true);
    }),
    fixedSeed(200),
  );
});

test('a "$schema" at the top level is valid, as the parser accepts it', () => {
  const text = fileText((file) => {
    file.$schema = './wfm-topology.schema.json';
  });
  expect(parseDocument(text).ok).toBe(true);
  expect(accepts(text)).toBe(true);
});

/** The valid file with one top-level key set (`undefined` removes it). */
function withTop(key: string, value: unknown): string {
  return fileText((file) => {
    file[key] = value;
  });
}

// What the parser refuses and the schema can see: both refuse.
test.each([
  ['another format', withTop('format', 'wfm-diagram')],
  ['a newer version', withTop('version', 3)],
  ['a "$schema" that is not a string', withTop('$schema', 1)],
  ['an unknown key at the top level', withTop('nmae', 'typo')],
  ['an unknown key in the options', withTop('options', { managementlayer: true })],
  ['an unknown key in a component', withComponent(0, { prot: 7000 })],
  ['an unknown key in a position', withComponent(0, { position: { x: 0, y: 0, z: 0 } })],
  ['an unknown key in a connection', withConnection(0, { secure: true })],
  ['no components', withTop('components', undefined)],
  ['a component without a name', withComponent(0, { name: undefined })],
  ['a position without y', withComponent(0, { position: { x: 0 } })],
  ['an unknown kind', withComponent(1, { kind: 'wfm-builder' })],
  ['a blank name', withComponent(1, { name: ' \t ' })],
  ['a name of 257 characters as written', withComponent(1, { name: 'n'.repeat(257) })],
  ['a name that is null', withComponent(1, { name: null })],
  ['an empty id', withComponent(1, { id: '' })],
  ['an id of 65 characters', withConnection(0, { id: 'c'.repeat(65) })],
  ['port 0', withComponent(0, { port: 0 })],
  ['port 70000', withComponent(0, { port: 70_000 })],
  ['port 1.5', withComponent(0, { port: 1.5 })],
  ['etl on a WFM Builder', withComponent(1, { etl: false })],
  ['an unknown security', withConnection(0, { security: 'ssl' })],
  ['an unknown rule set', withTop('ruleset', 'wfm-8.6.0')],
  ['an unknown key in a zone', withZone(0, { colour: 'red' })],
  ['an unknown key in a host', withHost(0, { ip: '10.0.0.1' })],
  ['an unknown key in an annotation', withAnnotation(0, { colour: 'red' })],
  ['an unknown key in a waypoint', withConnection(1, { waypoints: [{ x: 0, y: 0, z: 0 }] })],
  ['an unknown key in the view', withTop('view', { grid: true })],
  ['an unknown message server drawing', withTop('view', { messageServerLinks: 'dotted' })],
  ['a zone of width 0', withZone(0, { size: { width: 0, height: 10 } })],
  ['a host address of 256 characters', withHost(0, { address: 'a'.repeat(256) })],
  ['an LCA port of 1999', withHost(0, { lcaPort: 1999 })],
  ['an LCA port of 65536', withHost(0, { lcaPort: 65_536 })],
  ['a label of 101 characters', withConnection(0, { label: 'l'.repeat(101) })],
  ['51 waypoints', withConnection(0, { waypoints: Array.from({ length: 51 }, (_, x) => ({ x, y: 0 })) })],
  ['an empty annotation', withAnnotation(0, { text: '' })],
  ['an annotation of 2001 characters', withAnnotation(0, { text: 'a'.repeat(2001) })],
  ['an annotation without a position', withAnnotation(0, { position: undefined })],
  ['backupOf without standby', withComponent(2, { standby: undefined })],
  ['standby without backupOf', withComponent(2, { backupOf: undefined })],
  ['an unknown standby', withComponent(2, { standby: 'cold' })],
  ['mutualAuth on a WFM Web', withComponent(1, { kind: 'web', mutualAuth: true })],
])('%s is refused by the parser and by the schema', (_, text) => {
  expect(parseDocument(text).ok).toBe(false);
  expect(accepts(text)).toBe(false);
});

// What only the parser sees, as docs/format.md lists it: the schema accepts these.
test.each([
  ['two components with one id', withComponent(1, { id: 'srv-1' })],
  ['a connection to a component not in the file', withConnection(0, { to: 'srv-9' })],
  ['a host that is not in the file', withComponent(0, { host: 'h-9' })],
  ['a host that is a component', withComponent(0, { host: 'bld-1' })],
  ['a zone that is a host', withHost(0, { zone: 'h-app1' })],
  ['a backup of a host', withComponent(2, { backupOf: 'h-app1' })],
  ['a host with a component’s id', withHost(0, { id: 'srv-1' })],
  [
    'a name of 129 characters between spaces',
    withComponent(1, { name: ` ${'n'.repeat(MAX_COMPONENT_NAME_LENGTH + 1)} ` }),
  ],
  ['an id of 40 emoji, 80 UTF-16 units', withComponent(1, { id: '🙂'.repeat(40) })],
])('%s is refused by the parser only', (_, text) => {
  expect(parseDocument(text).ok).toBe(false);
  expect(accepts(text)).toBe(true);
});

test('the valid file of the parse tests is valid under the schema', () => {
  expect(check(validFile())).toBe(true);
});
