import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createScratch, ROOT, runCli } from './testing/run-cli';

// `wfm-topology migrate` as a real process on real files (rules.md section 13, docs/format.md).

const scratch = createScratch();
afterAll(() => scratch.remove());

const V1 = join(ROOT, 'src', 'document', 'fixtures', 'v1.wfm.json');
const V2 = join(ROOT, 'src', 'document', 'fixtures', 'v2.wfm.json');
const v1Text = readFileSync(V1, 'utf8');
const v2Text = readFileSync(V2, 'utf8');

test('migrate prints the version-2 document of a version-1 file: the frozen fixture, byte for byte', () => {
  expect(runCli(['migrate', V1])).toEqual({ code: 0, stdout: v2Text, stderr: '' });
});

test('migrate writes no validation block: a migration changes the format, not the design', () => {
  const written: unknown = JSON.parse(runCli(['migrate', V1]).stdout);
  expect(written).not.toHaveProperty('validation');
  expect(written).toMatchObject({ version: 2, ruleset: 'wfm-8.5.2', zones: [], annotations: [] });
});

test('migrate -o OUT writes OUT and prints nothing; the input is untouched', () => {
  const input = scratch.write('site.wfm.json', v1Text);
  const out = join(scratch.folder, 'site-v2.wfm.json');
  expect(runCli(['migrate', input, '-o', out])).toEqual({ code: 0, stdout: '', stderr: '' });
  expect(readFileSync(out, 'utf8')).toBe(v2Text);
  expect(readFileSync(input, 'utf8')).toBe(v1Text);
});

test('migrate changes the input itself only when -o names it, and leaves no temporary file', () => {
  const input = scratch.write('in-place.wfm.json', v1Text);
  expect(runCli(['migrate', input, '--output', input]).code).toBe(0);
  expect(readFileSync(input, 'utf8')).toBe(v2Text);
  expect(readdirSync(scratch.folder).filter((name) => name.includes('migrating'))).toEqual([]);
});

test('a file already at version 2 is written back as it is', () => {
  expect(runCli(['migrate', V2])).toEqual({ code: 0, stdout: v2Text, stderr: '' });
});

test('the migrated file validates like the original', () => {
  const out = join(scratch.folder, 'validated.wfm.json');
  runCli(['migrate', V1, '-o', out]);
  const before = JSON.parse(runCli(['validate', V1, '--format', 'json']).stdout);
  const after = JSON.parse(runCli(['validate', out, '--format', 'json']).stdout);
  expect({ ...after, file: V1 }).toEqual(before);
});

test('an unusable input exits 2, names the file and the path, and writes nothing', () => {
  const broken = scratch.write('dangling.wfm.json', v1Text.replace('"to": "bld-1"', '"to": "bld-9"'));
  const out = join(scratch.folder, 'never.wfm.json');
  const run = runCli(['migrate', broken, '-o', out]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`${broken}: connections[0].to: no component with id "bld-9"`);
  expect(readdirSync(scratch.folder)).not.toContain('never.wfm.json');
});

test('a missing input exits 2', () => {
  const run = runCli(['migrate', join(scratch.folder, 'missing.wfm.json')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('Cannot read the file');
});

test('an output that cannot be written exits 2 and says why', () => {
  const run = runCli(['migrate', V1, '-o', join(scratch.folder, 'no-such-folder', 'out.wfm.json')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('cannot write the file');
});

test('migrate without a FILE, or with two, is a usage error', () => {
  for (const args of [['migrate'], ['migrate', V1, V2]]) {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('migrate needs exactly one FILE');
  }
});

test('migrate --help gives its usage and exit codes', () => {
  const run = runCli(['migrate', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Usage: wfm-topology migrate FILE \[-o OUT\]/);
  expect(run.stdout).toContain('without the\nvalidation block');
  expect(run.stdout).toContain('2  FILE could not be read');
});
