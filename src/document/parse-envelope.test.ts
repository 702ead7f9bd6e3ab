import { expect, test } from 'vitest';
import { parseDocument } from './index';
import { expectIssue, expectRefused } from './testing/expect-refused';
import { fileText, MINIMAL_FILE, validFile } from './testing/files';

test('the smallest file, with no components and no connections, is accepted', () => {
  expect(parseDocument(MINIMAL_FILE)).toEqual({
    ok: true,
    document: { format: 'wfm-topology', version: 2, components: [], connections: [] },
  });
});

test('a file with every optional field is accepted as written', () => {
  expect(parseDocument(fileText())).toEqual({ ok: true, document: validFile() });
});

test('a file that starts with a UTF-8 byte-order mark is read', () => {
  expect(parseDocument(`\uFEFF${MINIMAL_FILE}`).ok).toBe(true);
});

test.each([
  ['plain text', 'not json'],
  ['an empty file', ''],
  ['a cut-off file', '{"format":"wfm-topology","version":1,'],
  ['a trailing comma', '{"format":"wfm-topology","version":1,"components":[],"connections":[],}'],
])('%s is refused as not JSON', (_, text) => {
  const error = expectRefused(text, 'not-json');
  expect(error.message).toMatch(/^The file is not JSON/);
});

test.each([
  ['an array', '[]'],
  ['a number', '42'],
  ['null', 'null'],
  ['a string', '"wfm-topology"'],
])('JSON that is %s is not a topology file', (_, text) => {
  expectRefused(text, 'not-topology');
});

test.each([
  ['missing', undefined],
  ['another format', 'wfm-topology-2'],
  ['differently cased', 'WFM-Topology'],
  ['not a string', 1],
])('a file whose format is %s is not a topology file, and the path is named', (_, format) => {
  const error = expectRefused(
    fileText((file) => {
      file.format = format;
    }),
    'not-topology',
  );
  expect(error.issues).toEqual([{ path: 'format', message: 'must be "wfm-topology"' }]);
});

test('a file of a newer format version is refused in words', () => {
  const error = expectRefused(
    fileText((file) => {
      file.version = 3;
    }),
    'newer-version',
  );
  expect(error.message).toContain('made by a newer version');
  expect(error.message).toContain('format version 3');
  expect(error.message).toContain('opens format version 2 and older');
});

test.each([
  ['missing', undefined],
  ['zero', 0],
  ['negative', -1],
  ['a fraction', 1.5],
  ['a string', '1'],
])('a file whose version is %s is invalid at version', (_, version) => {
  expectIssue(
    fileText((file) => {
      file.version = version;
    }),
    'version',
    'whole number',
  );
});

test('the validation block is ignored on import: problems are always recomputed', () => {
  const stale = {
    ruleset: 'wfm-8.5.2',
    valid: true,
    counts: { error: 0, warning: 0, info: 0 },
    problems: [],
  };
  const result = parseDocument(
    fileText((file) => {
      file.validation = stale;
    }),
  );
  expect(result.ok).toBe(true);
  expect(result.ok && 'validation' in result.document).toBe(false);
});

test('a validation block of any shape does not stop a file from opening', () => {
  for (const validation of [42, 'stale', null, [], { unknown: { deeply: ['nested'] } }]) {
    const text = fileText((file) => {
      file.validation = validation;
    });
    expect(parseDocument(text).ok).toBe(true);
  }
});
