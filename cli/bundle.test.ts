import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { BIN, createScratch, ROOT } from './testing/run-cli';

// The command runs as one built file (decision 019); tests/global-setup.ts has just built it.
const BUNDLE = join(ROOT, 'cli-dist', 'wfm-topology.mjs');
const scratch = createScratch();
afterAll(() => scratch.remove());

test('the bundle imports nothing but Node’s own modules, so the package needs no dependency at run time', () => {
  const text = readFileSync(BUNDLE, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"\n]*?\bfrom\s*["']([^"']+)["']/gm),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]);
  expect(specifiers.length).toBeGreaterThan(0);
  expect(specifiers.filter((specifier) => !specifier?.startsWith('node:'))).toEqual([]);
});

test('the bundle keeps zod jitless: loading it and validating never calls the Function constructor', () => {
  // Like src/document/zod-config.test.ts, but for the built file in a process of its own.
  const script = `
    const original = globalThis.Function;
    let calls = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args) { calls += 1; return Reflect.construct(target, args); },
      apply(target, self, args) { calls += 1; return Reflect.apply(target, self, args); },
    });
    const { main } = await import(${JSON.stringify(pathToFileURL(BUNDLE).href)});
    let out = '';
    const io = { out: (text) => { out += text; }, err: (text) => { out += text; } };
    const code = await main(['validate', 'examples/broken.wfm.json', 'examples/single-site.wfm.json'], io);
    globalThis.Function = original;
    process.stdout.write(JSON.stringify({ code, calls, lines: out.split('\\n').length }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual({ code: 1, calls: 0, lines: 8 });
});

test('started directly, the bundle is the command itself, with its exit codes', () => {
  const run = (args: readonly string[]) =>
    spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(run(['validate', 'examples/single-site.wfm.json'])).toMatchObject({
    status: 0,
    stdout: 'examples/single-site.wfm.json: 0 errors, 0 warnings, 0 infos (wfm-8.5.2)\n',
    stderr: '',
  });
  expect(run(['validate', 'examples/broken.wfm.json']).status).toBe(1);
  expect(run(['validate']).status).toBe(2);
  expect(run(['matrix']).stdout).toContain('WFM component connections');
});

test('without its bundle the command says to run npm install and exits 2, with no stack trace', () => {
  // The bin alone, as in a clone whose install skipped the prepare script.
  const bin = join(scratch.folder, 'bin', 'wfm-topology.mjs');
  mkdirSync(join(scratch.folder, 'bin'));
  copyFileSync(BIN, bin);
  const result = spawnSync(process.execPath, [bin, 'validate', 'examples/single-site.wfm.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(
    [
      'wfm-topology: the command is not built (cli-dist/wfm-topology.mjs is missing).',
      'Run `npm install` in the project folder, or `npm run build:cli` to build it alone.',
      '',
    ].join('\n'),
  );
});
