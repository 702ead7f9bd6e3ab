import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ADVERSARIAL_CASES } from '../../tests/adversarial/manifest';
import { parseDocument } from './index';
import { isJsonObject } from './json';
import { migrate1To2 } from './migrate-1-to-2';
import type { RawDocument } from './migrations';

// The migration of rules.md section 12 and the choices docs/format.md records for it. Inputs are
// deep-frozen: a migration that mutated its input would throw.

type JsonRecord = Record<string, unknown>;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function v1(components: JsonRecord[], connections: JsonRecord[] = [], more: JsonRecord = {}): RawDocument {
  return deepFreeze({ format: 'wfm-topology', version: 1, ...more, components, connections });
}

const dap = (id: string, host?: unknown): JsonRecord =>
  host === undefined ? { id, kind: 'dap', name: `DAP_${id}` } : { id, kind: 'dap', name: `DAP_${id}`, host };

function list(document: RawDocument, key: string): JsonRecord[] {
  const value = document[key];
  if (!Array.isArray(value)) throw new Error(`${key} is not a list`);
  return value.filter(isJsonObject).map((item) => ({ ...item }));
}

test('every distinct host string becomes a host, in order of first appearance, named and addressed by it', () => {
  const migrated = migrate1To2(
    v1([dap('a', 'db01.example.com'), dap('b', 'app01'), dap('c', 'db01.example.com')]),
  );
  expect(migrated.hosts).toEqual([
    { id: 'host-1', name: 'db01.example.com', address: 'db01.example.com' },
    { id: 'host-2', name: 'app01', address: 'app01' },
  ]);
  expect(list(migrated, 'components').map((component) => component.host)).toEqual([
    'host-1',
    'host-2',
    'host-1',
  ]);
});

test('host strings are compared after trimming, and exactly: another case is another host', () => {
  const migrated = migrate1To2(v1([dap('a', '  app01 '), dap('b', 'app01'), dap('c', 'APP01')]));
  expect(migrated.hosts).toEqual([
    { id: 'host-1', name: 'app01', address: 'app01' },
    { id: 'host-2', name: 'APP01', address: 'APP01' },
  ]);
  expect(list(migrated, 'components').map((component) => component.host)).toEqual([
    'host-1',
    'host-1',
    'host-2',
  ]);
});

test('an empty or blank host is dropped, and the component has no host', () => {
  const migrated = migrate1To2(v1([dap('a', ''), dap('b', ' \t ')]));
  expect(migrated.hosts).toEqual([]);
  expect(list(migrated, 'components')).toEqual([dap('a'), dap('b')]);
});

test('a host id already taken by a component gets the suffix -2, -3, …', () => {
  const migrated = migrate1To2(
    v1([dap('host-1', 'one'), dap('host-2', 'two'), dap('host-2-2', 'three'), dap('x', 'four')]),
  );
  expect(list(migrated, 'hosts').map((host) => host.id)).toEqual([
    'host-1-2',
    'host-2-3',
    'host-3',
    'host-4',
  ]);
  expect(parseDocument(JSON.stringify(migrated)).ok).toBe(true);
});

test('a host string over 128 characters names its host by its first 128, and stays whole as the address', () => {
  const long = `${'a'.repeat(127)} ${'b'.repeat(100)}`;
  const migrated = migrate1To2(v1([dap('a', long)]));
  expect(migrated.hosts).toEqual([{ id: 'host-1', name: 'a'.repeat(127), address: long }]);
  expect(parseDocument(JSON.stringify(migrated)).ok).toBe(true);
});

test('a host string of exactly 255 characters still opens', () => {
  const migrated = migrate1To2(v1([dap('a', 'h'.repeat(255))]));
  expect(migrated.hosts).toEqual([{ id: 'host-1', name: 'h'.repeat(128), address: 'h'.repeat(255) }]);
  expect(parseDocument(JSON.stringify(migrated)).ok).toBe(true);
});

test('a host the migration cannot read is left for the strict parse to refuse at its path', () => {
  for (const host of [42, 'h'.repeat(256)]) {
    const migrated = migrate1To2(v1([dap('a', host)]));
    expect(list(migrated, 'components')[0]?.host).toBe(host);
    const result = parseDocument(JSON.stringify(migrated));
    expect(result.ok || result.error.issues.map((issue) => issue.path)).toEqual(['components[0].host']);
  }
});

test('a connection whose id is also a component id gets a free id with a suffix; nothing else changes', () => {
  const migrated = migrate1To2(
    v1(
      [dap('a'), dap('b'), dap('a-2')],
      [
        { id: 'a', from: 'a', to: 'b' },
        { id: 'c', from: 'b', to: 'a' },
        { id: 'b', from: 'b', to: 'a', security: 'tls' },
      ],
    ),
  );
  expect(migrated.connections).toEqual([
    { id: 'a-3', from: 'a', to: 'b' },
    { id: 'c', from: 'b', to: 'a' },
    { id: 'b-2', from: 'b', to: 'a', security: 'tls' },
  ]);
  expect(parseDocument(JSON.stringify(migrated)).ok).toBe(true);
});

test('a renamed connection never takes an id a later connection holds', () => {
  const migrated = migrate1To2(
    v1(
      [dap('a'), dap('b')],
      [
        { id: 'a', from: 'a', to: 'b' },
        { id: 'a-2', from: 'b', to: 'a' },
      ],
    ),
  );
  const ids = list(migrated, 'connections').map((connection) => connection.id);
  expect(new Set(ids).size).toBe(2);
  expect(ids).toContain('a-2');
  expect(parseDocument(JSON.stringify(migrated)).ok).toBe(true);
});

test('a host id is never one a connection holds', () => {
  const migrated = migrate1To2(v1([dap('a', 'one'), dap('b')], [{ id: 'host-1', from: 'a', to: 'b' }]));
  const hostIds = list(migrated, 'hosts').map((host) => host.id);
  const connectionIds = list(migrated, 'connections').map((connection) => connection.id);
  expect(hostIds.filter((id) => connectionIds.includes(id))).toEqual([]);
  expect(parseDocument(JSON.stringify(migrated)).ok).toBe(true);
});

test('the validation block is dropped; the rule set, zones, hosts and annotations are added', () => {
  const migrated = migrate1To2(
    v1([], [], { name: 'Lab', options: { managementLayer: true }, validation: { valid: true } }),
  );
  expect(migrated).toEqual({
    format: 'wfm-topology',
    version: 2,
    name: 'Lab',
    ruleset: 'wfm-8.5.2',
    options: { managementLayer: true },
    zones: [],
    hosts: [],
    components: [],
    connections: [],
    annotations: [],
  });
  expect(Object.keys(migrated)).toEqual([
    'format',
    'version',
    'name',
    'ruleset',
    'options',
    'zones',
    'hosts',
    'components',
    'connections',
    'annotations',
  ]);
});

test('the input is never mutated', () => {
  const input = v1([dap('a', 'one'), dap('b', ' ')], [{ id: 'a', from: 'a', to: 'b' }], {
    validation: { problems: [] },
  });
  const before = JSON.stringify(input);
  migrate1To2(input);
  expect(JSON.stringify(input)).toBe(before);
});

test('a version-1 file opens through parseDocument as the version-2 document the migration makes', () => {
  const text = JSON.stringify(v1([dap('a', 'db01')], [], { validation: 'stale' }));
  const result = parseDocument(text);
  expect(result).toEqual({
    ok: true,
    document: {
      format: 'wfm-topology',
      version: 2,
      ruleset: 'wfm-8.5.2',
      zones: [],
      hosts: [{ id: 'host-1', name: 'db01', address: 'db01' }],
      components: [{ id: 'a', kind: 'dap', name: 'DAP_a', host: 'host-1' }],
      connections: [],
      annotations: [],
    },
  });
});

// ---- every version-1 file of the repository still opens --------------------------------------

const ROOT = new URL('../../', import.meta.url);

function jsonFiles(folder: string, suffix: string): { name: string; text: string }[] {
  const url = new URL(folder, ROOT);
  return readdirSync(url)
    .filter((name) => name.endsWith(suffix))
    .map((name) => ({ name: `${folder}${name}`, text: readFileSync(new URL(name, url), 'utf8') }));
}

function exerciseStarts(): { name: string; text: string }[] {
  return jsonFiles('src/exercises/', '.wfm-exercise.json').map(({ name, text }) => {
    const exercise: unknown = JSON.parse(text);
    if (!isJsonObject(exercise)) throw new Error(`${name} is not a JSON object`);
    return { name: `${name} (start)`, text: JSON.stringify(exercise.start) };
  });
}

function acceptedAdversarialCases(): { name: string; text: string }[] {
  return ADVERSARIAL_CASES.filter(
    (entry) =>
      entry.source === 'committed' && entry.expected.outcome === 'accepted' && entry.file.endsWith('.json'),
  ).map((entry) => ({
    name: `tests/adversarial/cases/${entry.file}`,
    text: readFileSync(new URL(`tests/adversarial/cases/${entry.file}`, ROOT), 'utf8'),
  }));
}

const REPOSITORY_FILES = [
  ...jsonFiles('examples/', '.wfm.json'),
  ...jsonFiles('src/templates/', '.wfm.json'),
  ...jsonFiles('src/exercises/solutions/', '.wfm.json'),
  ...exerciseStarts(),
  ...acceptedAdversarialCases(),
];

test('the repository has version-1 files of every sort to check', () => {
  expect(REPOSITORY_FILES.length).toBeGreaterThanOrEqual(20);
});

/** A v1 component as the migration must keep it: everything but its host text. */
function kept(component: JsonRecord): JsonRecord {
  const { host: _host, ...rest } = component;
  return rest;
}

test.each(REPOSITORY_FILES)('$name still opens, with its components, connections and hosts', ({ text }) => {
  const file: unknown = JSON.parse(text);
  if (!isJsonObject(file)) throw new Error('not a JSON object');
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  if (file.version !== 1) return;
  const original = deepFreeze(file);
  const components = list(original, 'components');
  expect(result.document.components.map((component) => kept({ ...component }))).toEqual(components.map(kept));
  // A connection that shared its id with a component is the one thing renamed, by a suffix.
  const componentIds = new Set(components.map((component) => component.id));
  expect(result.document.connections.map(({ id, from, to }) => ({ id, from, to }))).toEqual(
    list(original, 'connections').map(({ id, from, to }) => ({
      id: componentIds.has(id) ? expect.stringMatching(new RegExp(`^${String(id)}-\\d+$`)) : id,
      from,
      to,
    })),
  );
  const hostNames = new Map((result.document.hosts ?? []).map((host) => [host.id, host.address]));
  expect(result.document.components.map((component) => hostNames.get(component.host ?? ''))).toEqual(
    components.map((component) =>
      typeof component.host === 'string' && component.host.trim() !== '' ? component.host.trim() : undefined,
    ),
  );
});

test('a suffix never makes an id longer than 64 characters', () => {
  const id = 'i'.repeat(64);
  const migrated = migrate1To2(v1([dap(id), dap('b')], [{ id, from: id, to: 'b' }]));
  expect(list(migrated, 'connections')[0]?.id).toBe(`${'i'.repeat(62)}-2`);
  expect(parseDocument(JSON.stringify(migrated)).ok).toBe(true);
});

test('a version-1 file with a key version 2 added is refused at that key, not overwritten or read as version 2', () => {
  for (const key of ['ruleset', 'view', 'zones', 'hosts', 'annotations']) {
    const result = parseDocument(JSON.stringify(v1([dap('a', 'db01')], [], { [key]: [] })));
    expect(result.ok || result.error.issues).toEqual([
      { path: key, message: 'unknown key in a version-1 file: it came with version 2' },
    ]);
  }
});

test('a key the migration does not know stays an own key, even "__proto__", for the strict parse to refuse', () => {
  const text =
    '{"format":"wfm-topology","version":1,"__proto__":{"x":1},"components":[{"id":"a","kind":"dap","name":"D","host":"h","__proto__":{}}],"connections":[]}';
  const result = parseDocument(text);
  expect(result.ok || result.error.issues.map((issue) => issue.path)).toEqual([
    'components[0].__proto__',
    '__proto__',
  ]);
});
