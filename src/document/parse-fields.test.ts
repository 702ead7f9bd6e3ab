import { expect, test } from 'vitest';
import { MAX_SCHEMA_REFERENCE_LENGTH, parseDocument } from './index';
import { expectIssue } from './testing/expect-refused';
import {
  fileText,
  validFile,
  withAnnotation,
  withComponent,
  withConnection,
  withHost,
  withTop,
  withZone,
} from './testing/files';

test('an unknown component kind is refused at its path', () => {
  expectIssue(withComponent(1, { kind: 'wfm-builder' }), 'components[1].kind', 'got "wfm-builder"');
});

test('an unknown key at the top level is refused at its path', () => {
  expectIssue(
    fileText((file) => {
      file.nmae = 'typo';
    }),
    'nmae',
    'unknown key',
  );
});

test('a "$schema" at the top level is accepted for editors, and not kept in the document', () => {
  const result = parseDocument(
    fileText((file) => {
      file.$schema = './wfm-topology.schema.json';
    }),
  );
  expect(result.ok && Object.keys(result.document)).toEqual([
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
    'view',
  ]);
});

test('a "$schema" that is not a string is refused at its path', () => {
  expectIssue(
    fileText((file) => {
      file.$schema = 1;
    }),
    '$schema',
    'expected a string, got 1',
  );
});

test('a "$schema" longer than a URL may be is refused at its path', () => {
  expectIssue(
    fileText((file) => {
      file.$schema = `https://example.com/${'a'.repeat(MAX_SCHEMA_REFERENCE_LENGTH)}`;
    }),
    '$schema',
    `must be at most ${MAX_SCHEMA_REFERENCE_LENGTH} characters`,
  );
});

test('"$schema" is a key of the top level only', () => {
  expectIssue(withComponent(0, { $schema: 'x' }), 'components[0].$schema', 'unknown key');
});

test('an unknown key in a component is refused at its path', () => {
  expectIssue(withComponent(0, { prot: 7000 }), 'components[0].prot', 'unknown key');
});

test('an unknown key in a position is refused at its path', () => {
  expectIssue(
    withComponent(0, { position: { x: 0, y: 0, z: 0 } }),
    'components[0].position.z',
    'unknown key',
  );
});

test('an unknown key in the options is refused at its path', () => {
  expectIssue(
    fileText((file) => {
      file.options = { managementlayer: true };
    }),
    'options.managementlayer',
    'unknown key',
  );
});

test('an unknown key in a connection is refused at its path', () => {
  expectIssue(withConnection(0, { secure: true }), 'connections[0].secure', 'unknown key');
});

test('a key that is not an identifier is named in brackets', () => {
  expectIssue(withComponent(0, { 'host name': 'x' }), 'components[0]["host name"]', 'unknown key');
});

test.each([
  ['0', 0],
  ['70000', 70_000],
  ['1.5', 1.5],
  ['"7000"', '7000'],
])('port %s is refused at its path', (_, port) => {
  expectIssue(withComponent(0, { port }), 'components[0].port', 'must be an integer from 1 to 65535');
});

test.each([1, 65_535])('port %s is accepted', (port) => {
  expect(parseDocument(withComponent(0, { port })).ok).toBe(true);
});

test.each([
  ['empty', ''],
  ['only spaces', '   '],
  ['only a tab and a newline', '\t\n'],
])('a component name that is %s is refused', (_, name) => {
  expectIssue(withComponent(0, { name }), 'components[0].name', 'must not be empty or only spaces');
});

test('a component name over 128 characters is refused', () => {
  expectIssue(withComponent(0, { name: 'N'.repeat(129) }), 'components[0].name', 'at most 128 characters');
});

test('a component name is judged trimmed but kept as written', () => {
  const name = `  ${'N'.repeat(128)}  `;
  const result = parseDocument(withComponent(0, { name }));
  expect(result.ok && result.document.components[0]?.name).toBe(name);
});

test('a component name of more than 128 characters once trimmed is refused', () => {
  expectIssue(
    withComponent(0, { name: ` ${'N'.repeat(129)} ` }),
    'components[0].name',
    'must be at most 128 characters, not counting leading and trailing spaces',
  );
});

test('a name of megabytes of spaces and one letter is refused by its length as written, with one issue', () => {
  const result = parseDocument(withComponent(0, { name: `${' '.repeat(9_000_000)}x` }));
  if (result.ok) throw new Error('a 9 MB name was accepted');
  expect(result.error.issues).toEqual([
    {
      path: 'components[0].name',
      message: 'must be at most 256 characters as written, spaces around it included',
    },
  ]);
});

test('a name of 256 characters as written is accepted when its trimmed part fits; 257 is refused', () => {
  const fits = `${' '.repeat(128)}${'N'.repeat(128)}`;
  expect(parseDocument(withComponent(0, { name: fits })).ok).toBe(true);
  expectIssue(
    withComponent(0, { name: ` ${fits}` }),
    'components[0].name',
    'at most 256 characters as written',
  );
});

test('a long name of only spaces is refused by its length alone', () => {
  const result = parseDocument(withComponent(0, { name: ' '.repeat(500) }));
  expect(!result.ok && result.error.issues.map((issue) => issue.message)).toEqual([
    'must be at most 256 characters as written, spaces around it included',
  ]);
});

test('a component without a name is refused', () => {
  expectIssue(withComponent(0, { name: undefined }), 'components[0].name', 'missing');
});

test('etl on a component that is not a WFM Server is refused at its path', () => {
  expectIssue(
    withComponent(1, { etl: false }),
    'components[1].etl',
    'allowed only on a WFM Server (kind "server"), not on a WFM Builder',
  );
});

test('etl must be true or false', () => {
  expectIssue(withComponent(0, { etl: 'yes' }), 'components[0].etl', 'expected true or false');
});

test.each([
  ['empty', '', 'must not be empty'],
  ['65 characters', 'i'.repeat(65), 'at most 64 characters'],
])('a component id that is %s is refused', (_, id, message) => {
  expectIssue(withComponent(1, { id }), 'components[1].id', message);
});

test('a component host is a host id: over 64 characters it is refused like any id', () => {
  expectIssue(withComponent(0, { host: 'h'.repeat(65) }), 'components[0].host', 'at most 64 characters');
});

test('a component host that is empty is refused like any id', () => {
  expectIssue(withComponent(0, { host: '' }), 'components[0].host', 'must not be empty');
});

test('notes over 2000 characters are refused', () => {
  expectIssue(
    withComponent(0, { notes: 'n'.repeat(2001) }),
    'components[0].notes',
    'at most 2000 characters',
  );
});

test('a document name over 200 characters is refused', () => {
  expectIssue(
    fileText((file) => {
      file.name = 'd'.repeat(201);
    }),
    'name',
    'at most 200 characters',
  );
});

test('a position that is not finite is refused (JSON reads 1e999 as Infinity)', () => {
  const text = withComponent(0, { position: { x: 0, y: 0 } }).replace('"y":0', '"y":1e999');
  expectIssue(text, 'components[0].position.y');
});

test('an unknown security level is refused at its path', () => {
  expectIssue(withConnection(0, { security: 'ssl' }), 'connections[0].security', 'got "ssl"');
});

test('an option must be true or false', () => {
  expectIssue(
    fileText((file) => {
      file.options = { managementLayer: 'yes' };
    }),
    'options.managementLayer',
    'expected true or false, got "yes"',
  );
});

test('components and connections are required lists', () => {
  const text = JSON.stringify({ ...validFile(), components: undefined, connections: {} });
  expectIssue(text, 'components', 'missing: expected an array');
  expectIssue(text, 'connections', 'expected an array, got an object');
});

// ---- version 2 fields (rules.md section 12) -----------------------------------------------------

test.each(['wfm-8.5.2', 'wfm-8.5.1', 'wfm-8.5.0'])('the rule set %s is accepted', (ruleset) => {
  const result = parseDocument(withTop('ruleset', ruleset));
  expect(result.ok && result.document.ruleset).toBe(ruleset);
});

test('an unknown rule set is refused at its path', () => {
  expectIssue(withTop('ruleset', 'wfm-8.6.0'), 'ruleset', 'got "wfm-8.6.0"');
});

test('a connection label of 100 characters is accepted, of 101 refused', () => {
  expect(parseDocument(withConnection(0, { label: 'l'.repeat(100) })).ok).toBe(true);
  expectIssue(
    withConnection(0, { label: 'l'.repeat(101) }),
    'connections[0].label',
    'at most 100 characters',
  );
});

test('50 waypoints are accepted, 51 refused', () => {
  const points = (length: number) => Array.from({ length }, (_, x) => ({ x, y: -x }));
  expect(parseDocument(withConnection(0, { waypoints: points(50) })).ok).toBe(true);
  expectIssue(withConnection(0, { waypoints: points(51) }), 'connections[0].waypoints', 'at most 50 points');
});

test('a waypoint is a finite point with nothing else', () => {
  expectIssue(withConnection(1, { waypoints: [{ x: 0 }] }), 'connections[1].waypoints[0].y');
  expectIssue(
    withConnection(1, { waypoints: [{ x: 0, y: 0, z: 1 }] }),
    'connections[1].waypoints[0].z',
    'unknown key',
  );
  expectIssue(
    withConnection(1, { waypoints: [{ x: '1', y: 0 }] }),
    'connections[1].waypoints[0].x',
    'expected a number',
  );
});

test.each([
  [1999, false],
  [2000, true],
  [65_535, true],
  [65_536, false],
  [4999.5, false],
])('an LCA port of %d is accepted: %s', (lcaPort, accepted) => {
  const text = withHost(0, { lcaPort });
  if (accepted) expect(parseDocument(text).ok).toBe(true);
  else expectIssue(text, 'hosts[0].lcaPort', 'must be an integer from 2000 to 65535');
});

test('an annotation text of 1 to 2000 characters is accepted; empty or longer is refused', () => {
  expect(parseDocument(withAnnotation(0, { text: 'a' })).ok).toBe(true);
  expect(parseDocument(withAnnotation(0, { text: 'a'.repeat(2000) })).ok).toBe(true);
  expectIssue(withAnnotation(0, { text: '' }), 'annotations[0].text', 'must not be empty');
  expectIssue(
    withAnnotation(0, { text: 'a'.repeat(2001) }),
    'annotations[0].text',
    'at most 2000 characters',
  );
});

test('an annotation needs a position; its size is optional', () => {
  expectIssue(withAnnotation(0, { position: undefined }), 'annotations[0].position');
  expect(parseDocument(withAnnotation(0, { size: undefined })).ok).toBe(true);
});

test.each([
  ['zero', 0],
  ['negative', -1],
])('a zone size with a %s width or height is refused', (_, extent) => {
  expectIssue(withZone(0, { size: { width: extent, height: 10 } }), 'zones[0].size.width', 'greater than 0');
  expectIssue(withHost(0, { size: { width: 10, height: extent } }), 'hosts[0].size.height', 'greater than 0');
  expectIssue(
    withAnnotation(0, { size: { width: extent, height: 10 } }),
    'annotations[0].size.width',
    'greater than 0',
  );
});

test('a zone or host without position or size is accepted: both are optional', () => {
  expect(parseDocument(withZone(0, { position: undefined, size: undefined })).ok).toBe(true);
  expect(parseDocument(withHost(0, { position: undefined, size: undefined })).ok).toBe(true);
});

test('a host address of 255 characters is accepted, of 256 refused', () => {
  expect(parseDocument(withHost(0, { address: 'a'.repeat(255) })).ok).toBe(true);
  expectIssue(withHost(0, { address: 'a'.repeat(256) }), 'hosts[0].address', 'at most 255 characters');
});

test('host and zone names are judged like component names', () => {
  expectIssue(withHost(0, { name: '   ' }), 'hosts[0].name', 'must not be empty or only spaces');
  expectIssue(withZone(0, { name: 'z'.repeat(129) }), 'zones[0].name', 'at most 128 characters');
  expect(parseDocument(withZone(0, { name: ` ${'z'.repeat(128)} ` })).ok).toBe(true);
});

test('zone, host and annotation notes are capped like component notes', () => {
  expectIssue(withZone(0, { notes: 'n'.repeat(2001) }), 'zones[0].notes', 'at most 2000 characters');
  expectIssue(withHost(0, { notes: 'n'.repeat(2001) }), 'hosts[0].notes', 'at most 2000 characters');
});

test('unknown keys in zones, hosts, annotations and the view are refused at their path', () => {
  expectIssue(withZone(0, { colour: 'red' }), 'zones[0].colour', 'unknown key');
  expectIssue(withHost(0, { ip: '10.0.0.1' }), 'hosts[0].ip', 'unknown key');
  expectIssue(withAnnotation(0, { colour: 'red' }), 'annotations[0].colour', 'unknown key');
  expectIssue(withTop('view', { grid: true }), 'view.grid', 'unknown key');
});

test('the view draws Message Server links as lines, badges or not at all', () => {
  for (const messageServerLinks of ['lines', 'badges', 'hidden']) {
    expect(parseDocument(withTop('view', { messageServerLinks })).ok).toBe(true);
  }
  expectIssue(withTop('view', { messageServerLinks: 'dotted' }), 'view.messageServerLinks');
});

test('standby is required with backupOf', () => {
  expectIssue(
    withComponent(2, { standby: undefined }),
    'components[2].standby',
    'is required with "backupOf"',
  );
});

test('standby is allowed only with backupOf', () => {
  expectIssue(withComponent(2, { backupOf: undefined }), 'components[2].standby', 'allowed only on a backup');
  expectIssue(withComponent(1, { standby: 'hot' }), 'components[1].standby', 'allowed only on a backup');
});

test('standby is warm or hot', () => {
  expect(parseDocument(withComponent(2, { standby: 'hot' })).ok).toBe(true);
  expectIssue(withComponent(2, { standby: 'cold' }), 'components[2].standby', 'got "cold"');
});

test.each(['server', 'builder', 'data-aggregator'])('mutualAuth is accepted on a %s', (kind) => {
  expect(parseDocument(withComponent(1, { kind, mutualAuth: true })).ok).toBe(true);
});

test.each([
  ['web', 'WFM Web'],
  ['daemon', 'WFM Daemon'],
  ['dap', 'DAP'],
])('mutualAuth on a %s is refused at its path', (kind, display) => {
  expectIssue(
    withComponent(1, { kind, mutualAuth: false }),
    'components[1].mutualAuth',
    `allowed only on a WFM Server, WFM Builder or WFM Data Aggregator, not on a ${display}`,
  );
});
