import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createEmptyDocument, parseDocument, serializeDocument, type TopologyDocument } from './index';
import { isJsonObject } from './json';
import { migrate } from './migrations';

const builderAlone: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  ruleset: 'wfm-8.5.2',
  zones: [],
  hosts: [],
  components: [{ id: 'bld-1', kind: 'builder', name: 'B1' }],
  connections: [],
  annotations: [],
};

test('a document is written with the keys in the order of the contract, whatever order it was built in', () => {
  const scrambled: TopologyDocument = {
    annotations: [{ size: { height: 4, width: 3 }, position: { y: 2, x: 1 }, text: 'T', id: 'a-1' }],
    connections: [
      {
        waypoints: [{ y: 6, x: 5 }],
        label: 'L',
        security: 'tls',
        to: 'srv-1',
        from: 'bld-1',
        id: 'c-1',
      },
    ],
    components: [
      {
        notes: 'n',
        mutualAuth: true,
        standby: 'warm',
        backupOf: 'srv-0',
        etl: true,
        port: 7000,
        host: 'h-1',
        position: { y: 2, x: 1 },
        name: 'S',
        kind: 'server',
        id: 'srv-1',
      },
      { name: 'B', kind: 'builder', id: 'bld-1' },
    ],
    hosts: [
      {
        size: { height: 4, width: 3 },
        position: { y: 2, x: 1 },
        notes: 'h',
        certificate: true,
        lcaPort: 4999,
        lca: true,
        zone: 'z-1',
        address: 'a',
        name: 'H',
        id: 'h-1',
      },
    ],
    zones: [{ size: { height: 4, width: 3 }, position: { y: 2, x: 1 }, notes: 'z', name: 'Z', id: 'z-1' }],
    view: { messageServerLinks: 'badges' },
    options: { scheduledReporting: false, managementLayer: true },
    ruleset: 'wfm-8.5.1',
    name: 'Lab',
    version: 2,
    format: 'wfm-topology',
  };
  const text = serializeDocument(scrambled, { includeValidation: false, compact: true });
  expect(text).toBe(
    [
      '{"format":"wfm-topology","version":2,"name":"Lab","ruleset":"wfm-8.5.1",',
      '"options":{"managementLayer":true,"scheduledReporting":false},',
      '"view":{"messageServerLinks":"badges"},',
      '"zones":[{"id":"z-1","name":"Z","notes":"z","position":{"x":1,"y":2},"size":{"width":3,"height":4}}],',
      '"hosts":[{"id":"h-1","name":"H","address":"a","zone":"z-1","lca":true,"lcaPort":4999,"certificate":true,',
      '"notes":"h","position":{"x":1,"y":2},"size":{"width":3,"height":4}}],',
      '"components":[{"id":"srv-1","kind":"server","name":"S","position":{"x":1,"y":2},"host":"h-1","port":7000,',
      '"etl":true,"backupOf":"srv-0","standby":"warm","mutualAuth":true,"notes":"n"},',
      '{"id":"bld-1","kind":"builder","name":"B"}],',
      '"connections":[{"id":"c-1","from":"bld-1","to":"srv-1","security":"tls","label":"L","waypoints":[{"x":5,"y":6}]}],',
      '"annotations":[{"id":"a-1","text":"T","position":{"x":1,"y":2},"size":{"width":3,"height":4}}]}',
    ].join(''),
  );
});

test('the rule set, zones, hosts and annotations are written even when the document leaves them out', () => {
  const bare: TopologyDocument = { format: 'wfm-topology', version: 2, components: [], connections: [] };
  expect(JSON.parse(serializeDocument(bare, { includeValidation: false }))).toEqual({
    format: 'wfm-topology',
    version: 2,
    ruleset: 'wfm-8.5.2',
    zones: [],
    hosts: [],
    components: [],
    connections: [],
    annotations: [],
  });
});

test('the validation block reports the rule set the document names', () => {
  const written: unknown = JSON.parse(serializeDocument({ ...builderAlone, ruleset: 'wfm-8.5.0' }));
  expect(written).toMatchObject({ ruleset: 'wfm-8.5.0', validation: { ruleset: 'wfm-8.5.0' } });
});

test('the validation block comes last, with problems keyed as in rules.md section 4', () => {
  const text = serializeDocument(builderAlone);
  expect(
    text.endsWith(`  "validation": {
    "ruleset": "wfm-8.5.2",
    "valid": false,
    "counts": {
      "error": 1,
      "warning": 0,
      "info": 0
    },
    "problems": [
      {
        "code": "missing-connection",
        "severity": "error",
        "message": "WFM Builder 'B1' must connect to exactly one WFM Server",
        "componentId": "bld-1",
        "targetKind": "server"
      }
    ]
  }
}
`),
  ).toBe(true);
});

test('a connection problem names its connection and no component', () => {
  const document: TopologyDocument = {
    ...builderAlone,
    components: [...builderAlone.components, { id: 'stat-1', kind: 'stat-server', name: 'Stat' }],
    connections: [{ id: 'c-1', from: 'bld-1', to: 'stat-1' }],
  };
  const written: unknown = JSON.parse(serializeDocument(document));
  expect(written).toMatchObject({
    validation: {
      problems: expect.arrayContaining([
        {
          code: 'forbidden-connection',
          severity: 'error',
          message: expect.stringContaining("WFM Builder 'B1' cannot connect to Stat Server 'Stat'"),
          connectionId: 'c-1',
        },
      ]),
    },
  });
});

test('a valid document is written with valid true and zero counts', () => {
  expect(JSON.parse(serializeDocument(createEmptyDocument()))).toMatchObject({
    validation: {
      ruleset: 'wfm-8.5.2',
      valid: true,
      counts: { error: 0, warning: 0, info: 0 },
      problems: [],
    },
  });
});

test('absent optional keys are left out, not written as null', () => {
  const text = serializeDocument(builderAlone, { includeValidation: false });
  expect(text).not.toContain('null');
  expect(JSON.parse(text)).toEqual({ ...builderAlone });
});

test('the text ends with exactly one newline', () => {
  const text = serializeDocument(builderAlone);
  expect(text.endsWith('}\n')).toBe(true);
  expect(text.endsWith('\n\n')).toBe(false);
});

test('runtime fields the app may hang on a document never reach the file', () => {
  const component = {
    id: 'bld-1',
    kind: 'builder' as const,
    name: 'B1',
    selected: true,
    measured: { width: 1 },
  };
  const text = serializeDocument({ ...builderAlone, components: [component] });
  expect(text).not.toContain('selected');
  expect(text).not.toContain('measured');
});

test('an empty document has no name unless given one, and opens again', () => {
  expect(createEmptyDocument()).toEqual({
    format: 'wfm-topology',
    version: 2,
    ruleset: 'wfm-8.5.2',
    zones: [],
    hosts: [],
    components: [],
    connections: [],
    annotations: [],
  });
  const named = createEmptyDocument('Lab');
  expect(named.name).toBe('Lab');
  expect(parseDocument(serializeDocument(named))).toEqual({ ok: true, document: named });
});

test.each(['examples/single-site.wfm.json', 'examples/broken.wfm.json', 'src/document/fixtures/v1.wfm.json'])(
  '%s is written back as its migration, key for key in the order of the contract',
  (path) => {
    const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    const file: unknown = JSON.parse(text);
    if (!isJsonObject(file) || typeof file.version !== 'number') throw new Error(`${path} has no version`);
    const { validation: _recomputed, ...migrated } = migrate(file, file.version);
    const result = parseDocument(text);
    expect(result.ok && serializeDocument(result.document, { includeValidation: false })).toBe(
      `${JSON.stringify(migrated, null, 2)}\n`,
    );
  },
);

test('the frozen version-2 fixture is written back byte for byte', () => {
  const text = readFileSync(new URL('./fixtures/v2.wfm.json', import.meta.url), 'utf8');
  const result = parseDocument(text);
  expect(result.ok && serializeDocument(result.document, { includeValidation: false })).toBe(text);
});

test('a "$schema" read from a file is not written back', () => {
  const withSchema = { $schema: './wfm-topology.schema.json', ...builderAlone };
  const result = parseDocument(JSON.stringify(withSchema));
  expect(result.ok && serializeDocument(result.document)).toBe(serializeDocument(builderAlone));
});
