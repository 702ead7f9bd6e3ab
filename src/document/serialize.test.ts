import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createEmptyDocument, parseDocument, serializeDocument, type TopologyDocument } from './index';

const builderAlone: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  components: [{ id: 'bld-1', kind: 'builder', name: 'B1' }],
  connections: [],
};

test('a document is written with the keys in the order of the contract, whatever order it was built in', () => {
  const scrambled: TopologyDocument = {
    connections: [{ security: 'tls', to: 'srv-1', from: 'bld-1', id: 'c-1' }],
    components: [
      {
        notes: 'n',
        etl: true,
        port: 7000,
        host: 'h',
        position: { y: 2, x: 1 },
        name: 'S',
        kind: 'server',
        id: 'srv-1',
      },
      { name: 'B', kind: 'builder', id: 'bld-1' },
    ],
    options: { scheduledReporting: false, managementLayer: true },
    name: 'Lab',
    version: 2,
    format: 'wfm-topology',
  };
  const text = serializeDocument(scrambled, { includeValidation: false });
  expect(text).toBe(`{
  "format": "wfm-topology",
  "version": 1,
  "name": "Lab",
  "options": {
    "managementLayer": true,
    "scheduledReporting": false
  },
  "components": [
    {
      "id": "srv-1",
      "kind": "server",
      "name": "S",
      "position": {
        "x": 1,
        "y": 2
      },
      "host": "h",
      "port": 7000,
      "etl": true,
      "notes": "n"
    },
    {
      "id": "bld-1",
      "kind": "builder",
      "name": "B"
    }
  ],
  "connections": [
    {
      "id": "c-1",
      "from": "bld-1",
      "to": "srv-1",
      "security": "tls"
    }
  ]
}
`);
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
    components: [],
    connections: [],
  });
  const named = createEmptyDocument('Lab');
  expect(named.name).toBe('Lab');
  expect(parseDocument(serializeDocument(named))).toEqual({ ok: true, document: named });
});

test.each(['examples/single-site.wfm.json', 'examples/broken.wfm.json', 'src/document/fixtures/v1.wfm.json'])(
  '%s is written back byte for byte',
  (path) => {
    const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    const result = parseDocument(text);
    expect(result.ok && serializeDocument(result.document)).toBe(text);
  },
);

test('a "$schema" read from a file is not written back', () => {
  const withSchema = { $schema: './wfm-topology.schema.json', ...builderAlone };
  const result = parseDocument(JSON.stringify(withSchema));
  expect(result.ok && serializeDocument(result.document)).toBe(serializeDocument(builderAlone));
});
