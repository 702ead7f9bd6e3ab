import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { interpretedCharacters } from './testing/interpreted-bytes';
import { createScratch, ROOT, runCliBytes } from './testing/run-cli';

// Issue 11, item 5: whatever a file name, a component name or an argument carries, the CLI's
// output holds no character a terminal acts on, and its lines are the CLI's own.

const scratch = createScratch();
afterAll(() => scratch.remove());

const VALID = readFileSync(join(ROOT, 'examples', 'single-site.wfm.json'), 'utf8');
const CLEAR_SCREEN = '\u001b[2J\u001b[H';
const RED = '\u001b[31;1m';
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const FORGED = '\nprod.wfm.json: 0 errors, 0 warnings, 0 infos (wfm-8.5.2)';

/** A server and a builder, connected one way only, so problems name both. */
function brokenDocument(serverName: string, builderName: string): string {
  return JSON.stringify({
    format: 'wfm-topology',
    version: 2,
    components: [
      { id: 'srv-1', kind: 'server', name: serverName },
      { id: 'bld-1', kind: 'builder', name: builderName },
    ],
    connections: [{ id: 'c-1', from: 'bld-1', to: 'srv-1' }],
  });
}

function expectSafe(run: { stdout: Buffer; stderr: Buffer }): void {
  expect(interpretedCharacters(run.stdout)).toEqual([]);
  expect(interpretedCharacters(run.stderr)).toEqual([]);
}

const onWindows = process.platform === 'win32';

test.skipIf(onWindows)('a file name with escape sequences and a newline is printed made visible', () => {
  const path = scratch.write(`evil${CLEAR_SCREEN}${FORGED}.wfm.json`, VALID);
  const run = runCliBytes(['validate', path]);
  expectSafe(run);
  expect(run.code).toBe(0);
  const shown = path.replace(CLEAR_SCREEN, '<U+001B>[2J<U+001B>[H').replace('\n', '<U+000A>');
  expect(run.stdout.toString()).toBe(`${shown}: 0 errors, 0 warnings, 0 infos (wfm-8.5.2)\n`);
});

test('names with escape sequences and a forged line give one line per problem, each naming the file', () => {
  const path = scratch.write(
    'names.wfm.json',
    brokenDocument(`S${CLEAR_SCREEN}${RED}`, `B${CLIPBOARD}${FORGED}`),
  );
  const run = runCliBytes(['validate', path]);
  expectSafe(run);
  expect(run.code).toBe(1);
  const lines = run.stdout.toString().trimEnd().split('\n');
  expect(lines).toHaveLength(3); // two missing connections of the server, then the counts
  for (const line of lines) expect(line.startsWith(`${path}: `)).toBe(true);
  expect(lines[0]).toContain("WFM Server 'S<U+001B>[2J<U+001B>[H<U+001B>[31;1m' must connect");
  expect(lines.at(-1)).toBe(`${path}: 2 errors, 0 warnings, 0 infos (wfm-8.5.2)`);
});

test('--format json gives the exact names back, with no raw control or bidi character', () => {
  const server = `S${CLEAR_SCREEN}\u009b2J\u202e`;
  const builder = `B${CLIPBOARD}${FORGED}\u2066\u2028`;
  const path = scratch.write('names.json', brokenDocument(server, builder));
  const run = runCliBytes(['validate', path, '--format', 'json']);
  expectSafe(run);
  expect(run.stdout.toString()).toContain('\\u009b2J\\u202e');
  const report = JSON.parse(run.stdout.toString());
  expect(report.file).toBe(path);
  expect(report.problems.map((problem: { message: string }) => problem.message)).toEqual([
    `WFM Server '${server}' must connect to at least one WFM Builder`,
    `WFM Server '${server}' must connect to exactly one DAP`,
  ]);
});

test('a usage error that echoes an argument shows it made visible', () => {
  const command = runCliBytes([`${CLIPBOARD}check`]);
  expectSafe(command);
  expect(command.code).toBe(2);
  expect(command.stderr.toString()).toMatch(
    /^wfm-topology: unknown command '<U\+001B>\]52;c;cm0gLXJmIH4K<U\+0007>check'\n/,
  );

  const option = runCliBytes(['validate', `--x${CLEAR_SCREEN}\u009b31m`, 'a.wfm.json']);
  expectSafe(option);
  expect(option.code).toBe(2);
  expect(option.stderr.toString()).toContain("Unknown option '--x<U+001B>[2J<U+001B>[H<U+009B>31m'");
});

test('export’s messages show the paths they name made visible', () => {
  const input = scratch.write('valid.wfm.json', VALID);
  const out = join(scratch.folder, `missing${RED}`, 'x.svg');
  const run = runCliBytes(['export', input, '--to', 'svg', '-o', out]);
  expectSafe(run);
  expect(run.code).toBe(2);
  expect(run.stderr.toString()).toContain(`${join('missing<U+001B>[31;1m', 'x.svg')}: cannot write the file`);
});

test('a file that is not JSON, whose bytes are escape sequences, is refused without echoing them', () => {
  const path = scratch.write(
    'binary.wfm.json',
    Buffer.from(`${CLEAR_SCREEN}${CLIPBOARD}\u009b2J${FORGED}`, 'latin1'),
  );
  const run = runCliBytes(['validate', path]);
  expectSafe(run);
  expect(run.code).toBe(2);
  expect(run.stderr.toString()).toBe(`${path}: The file is not JSON: unexpected character '<U+001B>'.\n`);
});
