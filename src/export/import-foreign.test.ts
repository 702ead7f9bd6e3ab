import { expect, test } from 'vitest';
import { type ImportResult, importBytes, importText } from './import-file';

// Issue 15, item 2: where "not a WFM topology file" begins (decision 029). Files that are not ours
// are told which files are; files that name the format keep their precise refusal.

const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

function refusal(result: ImportResult) {
  if (result.ok) throw new Error('the file was accepted');
  return result;
}

const text = (value: string) => new TextEncoder().encode(value);

test.each([
  ['a Markdown file', '# Site notes\n\nThe WFM Server runs on wfm01.', 'not-json'],
  ['plain text', 'WFM_Server connects to WFM_Builder', 'not-json'],
  ['an empty file', '', 'not-json'],
  ['a JSON array', '[1, 2]', 'not-topology'],
  ['another JSON object', '{ "name": "site", "version": "1.0.0" }', 'not-topology'],
  ['an exercise file', '{ "format": "wfm-topology-exercise", "version": 1 }', 'not-topology'],
  ['an SVG of another program', '<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'not-topology'],
] as const)('%s is not a WFM topology file', (_what, content, kind) => {
  const result = refusal(importBytes(text(content), 'file'));
  expect(result.error.kind).toBe(kind);
  expect(result.foreign).toBe(true);
});

test('a PNG without an embedded document is not a WFM topology file', () => {
  const result = refusal(importBytes(PNG_1X1, 'photo.png'));
  expect(result.foreign).toBe(true);
  expect(result.error.message).toContain('carries no document');
});

test('a .wfm.json cut short names the format, so it keeps its syntax error', () => {
  const result = refusal(
    importText('{ "format": "wfm-topology", "version": 2, "components": [', 'cut.wfm.json'),
  );
  expect(result.error.kind).toBe('not-json');
  expect(result.foreign).toBe(false);
});

test('a topology file with a schema error keeps its precise error and path', () => {
  const result = refusal(
    importText(
      JSON.stringify({
        format: 'wfm-topology',
        version: 2,
        components: [{ id: 'b', kind: 'wfm-builder', name: 'B' }],
        connections: [],
      }),
      'site.wfm.json',
    ),
  );
  expect(result.foreign).toBe(false);
  expect(result.error.kind).toBe('invalid');
  expect(result.error.issues.map((issue) => issue.path)).toContain('components[0].kind');
});

test('a file of a newer version is ours, and says so in its own words', () => {
  const result = refusal(importText('{ "format": "wfm-topology", "version": 99 }', 'new.wfm.json'));
  expect(result.error.kind).toBe('newer-version');
  expect(result.foreign).toBe(false);
});
