import { expect, test } from 'vitest';
import {
  formatParseError,
  MAX_ANNOTATIONS,
  MAX_COMPONENTS,
  MAX_CONNECTIONS,
  MAX_FILE_BYTES,
  MAX_HOSTS,
  MAX_ZONES,
  parseDocument,
} from './index';
import { expectRefused } from './testing/expect-refused';
import { fileText, MINIMAL_FILE } from './testing/files';

test('a file over 10 MB is refused before it is read as JSON', () => {
  const text = `{"format":"wfm-topology","version":1,"name":"${'a'.repeat(11 * 1024 * 1024)}"`;
  const error = expectRefused(text, 'too-large');
  expect(error.message).toContain('10 MB');
});

test('the size is measured in UTF-8 bytes, not in characters', () => {
  // 5.5 million characters of two bytes each: 11 MB on disk.
  const text = `{"format":"wfm-topology","version":1,"name":"${'é'.repeat(5.5 * 1024 * 1024)}"}`;
  expect(text.length).toBeLessThan(MAX_FILE_BYTES);
  expectRefused(text, 'too-large');
});

test('a file just under 10 MB is read', () => {
  const padding = ' '.repeat(MAX_FILE_BYTES - MINIMAL_FILE.length);
  expect(parseDocument(`${MINIMAL_FILE}${padding}`).ok).toBe(true);
});

test('a file with more than 20,000 components is refused as too large', () => {
  const text = fileText((file) => {
    file.components = Array.from({ length: MAX_COMPONENTS + 1 }, (_, i) => ({
      id: `dap-${i}`,
      kind: 'dap',
      name: `DAP_${i}`,
    }));
    file.connections = [];
  });
  const error = expectRefused(text, 'too-large');
  expect(error.issues).toEqual([
    { path: 'components', message: 'has 20001 components; at most 20000 are allowed' },
  ]);
});

test('a file with more than 60,000 connections is refused as too large', () => {
  const text = fileText((file) => {
    file.connections = Array.from({ length: MAX_CONNECTIONS + 1 }, (_, i) => ({
      id: `c-${i}`,
      from: 'bld-1',
      to: 'srv-1',
    }));
  });
  expect(expectRefused(text, 'too-large').issues[0]?.path).toBe('connections');
});

test('a refusal lists at most the first 20 issues and says how many there are', () => {
  const text = fileText((file) => {
    file.components = Array.from({ length: 30 }, (_, i) => ({
      id: `s-${i}`,
      kind: 'server',
      name: `S${i}`,
      port: 0,
    }));
    file.connections = [];
  });
  const error = expectRefused(text, 'invalid');
  expect(error.issues).toHaveLength(20);
  expect(error.issues[0]).toEqual({
    path: 'components[0].port',
    message: 'must be an integer from 1 to 65535',
  });
  expect(error.message).toBe('The file is not a valid topology document (30 issues, the first 20 listed).');
});

test('formatParseError gives the reason, then one line per issue', () => {
  const text = fileText((file) => {
    file.connections.push({ id: 'c-4', from: 'bld-1', to: 'srv-9' });
  });
  expect(formatParseError(expectRefused(text, 'invalid'))).toBe(
    [
      'The file is not a valid topology document (1 issue).',
      'connections[2].to: no component with id "srv-9"',
    ].join('\n'),
  );
});

test('formatParseError of a refusal without issues is its reason alone', () => {
  expect(formatParseError(expectRefused('[]', 'not-topology'))).toBe(
    'This is not a WFM topology file: it is JSON, but not a JSON object.',
  );
});

test.each([
  ['zones', MAX_ZONES, (i: number) => ({ id: `z-${i}`, name: `Z${i}` })],
  ['hosts', MAX_HOSTS, (i: number) => ({ id: `h-${i}`, name: `H${i}` })],
  ['annotations', MAX_ANNOTATIONS, (i: number) => ({ id: `a-${i}`, text: 'note', position: { x: i, y: 0 } })],
] as const)(
  'a file with more %s than the cap is refused as too large; at the cap it opens',
  (key, cap, item) => {
    const withCount = (count: number) =>
      fileText((file) => {
        file.components = [];
        file.connections = [];
        file.zones = [];
        file.hosts = [];
        file.annotations = [];
        file[key] = Array.from({ length: count }, (_, i) => item(i));
      });
    expect(parseDocument(withCount(cap)).ok).toBe(true);
    const error = expectRefused(withCount(cap + 1), 'too-large');
    expect(error.issues).toEqual([
      { path: key, message: `has ${cap + 1} ${key}; at most ${cap} are allowed` },
    ]);
  },
);
