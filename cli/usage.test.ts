import { expect, test } from 'vitest';
import { run, runCli } from './testing/run-cli';

test.each([[[]], [['--help']], [['-h']], [['help']]])('%j prints the usage and exits 0', (args) => {
  const result = runCli(args);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Usage: wfm-topology <command> \[arguments\]/);
  expect(result.stdout).toContain('validate FILE... [--format text|json|sarif]');
  expect(result.stdout).toContain('matrix');
  expect(result.stdout).toContain('migrate FILE [-o OUT]');
  expect(result.stdout).toContain('[--ruleset wfm-8.5.2|wfm-8.5.1|wfm-8.5.0]');
  expect(result.stderr).toBe('');
});

test('a command with --help prints its own usage with the exit codes', () => {
  const result = runCli(['validate', '--help']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Usage: wfm-topology validate FILE\.\.\. \[--format text\|json\|sarif\]/);
  expect(result.stdout).toContain('2  a file could not be read or is not a valid topology document');
});

test('an unknown command prints the usage on stderr and exits 2', () => {
  const result = runCli(['check', 'a.json']);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^wfm-topology: unknown command 'check'\n\nUsage: wfm-topology/);
});

test('an unknown flag prints the usage on stderr and exits 2', () => {
  const result = runCli(['validate', '--strict', 'examples/single-site.wfm.json']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("Unknown option '--strict'");
  expect(result.stderr).toContain('Usage: wfm-topology validate');
  expect(runCli(['--verbose']).code).toBe(2);
});

test('npx wfm-topology runs the project’s own command from the project root', () => {
  // --no-install: never fetch a package of the same name from the registry.
  const result = run('npx', ['--no-install', 'wfm-topology', 'validate', 'examples/single-site.wfm.json']);
  expect(result.stderr).toBe('');
  expect(result).toMatchObject({
    code: 0,
    stdout: 'examples/single-site.wfm.json: 0 errors, 0 warnings, 0 infos (wfm-8.5.2)\n',
  });
});
