import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createScratch, ROOT } from '../cli/testing/run-cli';

// The CLI as someone gets it from the package (decision 019): `npm pack`, the tarball installed
// into an empty folder with no registry to reach, then `npx wfm-topology` there.

const scratch = createScratch();
const APP = join(scratch.folder, 'app');
/** A registry that cannot answer: with `--offline` as well, nothing can be fetched. */
const NO_REGISTRY = {
  ...process.env,
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_update_notifier: 'false',
};
const MINUTES = 60_000;

function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', [...args], { cwd, env: NO_REGISTRY, encoding: 'utf8', timeout: 4 * MINUTES });
}

function npx(args: readonly string[]): SpawnSyncReturns<string> {
  // --no-install: run the installed command or fail, never fetch one of the same name.
  return spawnSync('npx', ['--no-install', 'wfm-topology', ...args], {
    cwd: APP,
    env: NO_REGISTRY,
    encoding: 'utf8',
    timeout: MINUTES,
  });
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(() => {
  // npm pack runs the prepare script, so the tarball holds a bundle built from these sources.
  const pack = npm(['pack', '--pack-destination', scratch.folder], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [tarball, ...others] = readdirSync(scratch.folder).filter((name) => name.endsWith('.tgz'));
  expect(others).toEqual([]);
  mkdirSync(join(APP, 'examples'), { recursive: true });
  writeFileSync(join(APP, 'package.json'), '{ "name": "uses-wfm-topology", "private": true }\n');
  for (const example of ['single-site.wfm.json', 'broken.wfm.json'])
    copyFileSync(join(ROOT, 'examples', example), join(APP, 'examples', example));
  const install = npm(
    ['install', '--offline', '--no-audit', '--no-fund', join(scratch.folder, tarball ?? '')],
    APP,
  );
  expect(install.status, install.stderr).toBe(0);
}, 10 * MINUTES);

afterAll(() => scratch.remove());

test('the package holds the bin, the built CLI, package.json and the README, nothing else', () => {
  expect(filesUnder(join(APP, 'node_modules', 'wfm-topology-designer'))).toEqual([
    'README.md',
    'bin/wfm-topology.mjs',
    'cli-dist/wfm-topology.mjs',
    'package.json',
  ]);
});

test('installing it offline brings no other package: the CLI has no dependency at run time', () => {
  const installed = readdirSync(join(APP, 'node_modules')).filter((name) => !name.startsWith('.'));
  expect(installed).toEqual(['wfm-topology-designer']);
});

test('npx wfm-topology validate exits 0 for a valid file', () => {
  const run = npx(['validate', 'examples/single-site.wfm.json']);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('examples/single-site.wfm.json: 0 errors, 0 warnings, 0 infos (wfm-8.5.2)\n');
  expect(run.status).toBe(0);
});

test('npx wfm-topology validate exits 1 for a file with errors, and 2 for one that is missing', () => {
  const broken = npx(['validate', 'examples/broken.wfm.json']);
  expect(broken.stdout).toContain('examples/broken.wfm.json: 4 errors, 1 warning, 0 infos (wfm-8.5.2)');
  expect(broken.status).toBe(1);
  const missing = npx(['validate', 'examples/gone.wfm.json']);
  expect(missing.stderr).toContain('examples/gone.wfm.json: Cannot read the file: ENOENT');
  expect(missing.status).toBe(2);
});

test('npx wfm-topology matrix prints the matrix', () => {
  const run = npx(['matrix']);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('WFM component connections (rule-set wfm-8.5.2)');
});
