import { expect, test } from 'vitest';
import { MAX_SCHEMA_REFERENCE_LENGTH, parseDocument } from './index';
import { expectIssue } from './testing/expect-refused';
import { fileText, validFile, withComponent, withConnection } from './testing/files';

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
    'options',
    'components',
    'connections',
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

test('a host over 255 characters is refused', () => {
  expectIssue(withComponent(0, { host: 'h'.repeat(256) }), 'components[0].host', 'at most 255 characters');
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
