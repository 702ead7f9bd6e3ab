import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parseDocument, serializeDocument } from '../src/document';
import { EXPORT_FORMATS, HEADLESS_FORMATS } from '../src/export/formats';
import { createScratch, ROOT, runCli } from './testing/run-cli';

const scratch = createScratch();
afterAll(() => scratch.remove());

const EXAMPLE = join(ROOT, 'examples', 'single-site.wfm.json');
const exampleText = readFileSync(EXAMPLE, 'utf8');

test('export --to json writes the document exactly as the designer serialises it', () => {
  const run = runCli(['export', EXAMPLE, '--to', 'json']);
  expect(run.code).toBe(0);
  const parsed = parseDocument(exampleText);
  if (!parsed.ok) throw new Error('example must parse');
  expect(run.stdout).toBe(serializeDocument(parsed.document));
});

test('export --to svg -o OUT writes an SVG that validate accepts as the same document', () => {
  const out = join(scratch.folder, 'diagram.svg');
  const run = runCli(['export', EXAMPLE, '--to', 'svg', '-o', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  const svg = readFileSync(out, 'utf8');
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('<text');
  expect(svg).not.toContain('foreignObject');
  const again = runCli(['export', out, '--to', 'json']);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(runCli(['export', EXAMPLE, '--to', 'json']).stdout);
});

test('export --to md prints a Markdown report with a Mermaid block', () => {
  const run = runCli(['export', EXAMPLE, '--to', 'md']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^# Single site/);
  expect(run.stdout).toContain('## Connections tabs');
  expect(run.stdout).toContain('```mermaid\nflowchart TB');
});

test('export --to mermaid prints a flowchart with one arrow per connection', () => {
  const run = runCli(['export', EXAMPLE, '--to', 'mermaid']);
  expect(run.code).toBe(0);
  const parsed = parseDocument(exampleText);
  if (!parsed.ok) throw new Error('example must parse');
  expect(run.stdout.split('\n')[0]).toBe('flowchart TB');
  expect(run.stdout.match(/-->/g)).toHaveLength(parsed.document.connections.length);
});

test('export of a file that is not a valid document exits 2 and names the path inside it', () => {
  const bad = scratch.write(
    'dangling.wfm.json',
    JSON.stringify({
      format: 'wfm-topology',
      version: 2,
      components: [{ id: 'srv-1', kind: 'server', name: 'S' }],
      connections: [{ id: 'c-1', from: 'srv-1', to: 'srv-9' }],
    }),
  );
  const run = runCli(['export', bad, '--to', 'svg']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('dangling.wfm.json');
  expect(run.stderr).toContain('connections[0].to: no component with id "srv-9"');
});

test('export with an unknown --to or without a file is a usage error (exit 2)', () => {
  expect(runCli(['export', EXAMPLE, '--to', 'pdf']).code).toBe(2);
  expect(runCli(['export', '--to', 'svg']).code).toBe(2);
  expect(runCli(['export', EXAMPLE]).code).toBe(2);
});

test('export --to md and --to markdown write the same report', () => {
  const md = runCli(['export', EXAMPLE, '--to', 'md']);
  const markdown = runCli(['export', EXAMPLE, '--to', 'markdown']);
  expect(md.code).toBe(0);
  expect(markdown).toEqual(md);
});

test('--to takes every headless id and alias of the format list, and nothing else', () => {
  for (const format of HEADLESS_FORMATS) {
    for (const name of [format.id, ...format.aliases]) {
      expect(runCli(['export', EXAMPLE, '--to', name]).code, name).toBe(0);
    }
  }
  const png = runCli(['export', EXAMPLE, '--to', 'png']);
  expect(png.code).toBe(2);
  expect(png.stderr).toContain('--to png: PNG is written by the designer only (it needs a browser)');
});

test('the usage of export lists the ids of the format list, in its order', () => {
  const ids = EXPORT_FORMATS.filter((format) => format.headless).map((format) => format.id);
  expect(ids).toEqual(['json', 'svg', 'md', 'mermaid']);
  const help = runCli(['export', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: wfm-topology export FILE --to json\|svg\|md\|mermaid /);
  expect(help.stdout).toContain('  md       Markdown (.md), also --to markdown\n');
  expect(help.stdout).toContain('  mermaid  Mermaid (.mmd)\n');
  expect(runCli(['export', EXAMPLE, '--to', 'pdf']).stderr).toContain(
    '--to must be json, svg, md or mermaid',
  );
});
