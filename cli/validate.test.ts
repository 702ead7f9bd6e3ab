import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createScratch, ROOT, runCli } from './testing/run-cli';

const VALID = 'examples/single-site.wfm.json';
const BROKEN = 'examples/broken.wfm.json';
const scratch = createScratch();
afterAll(() => scratch.remove());

/** An example file as JSON, for building variants of it. */
function example(path: string): { components: unknown[]; connections: unknown[]; [key: string]: unknown } {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

test('a valid file exits 0 with a summary line and nothing on stderr', () => {
  const result = runCli(['validate', VALID]);
  expect(result).toEqual({
    code: 0,
    stdout: `${VALID}: 0 errors, 0 warnings, 0 infos (wfm-8.5.2)\n`,
    stderr: '',
  });
});

test('a file with errors exits 1 and lists each problem like a linter, then its counts', () => {
  const result = runCli(['validate', BROKEN]);
  expect(result.code).toBe(1);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(
    `${BROKEN}: error missing-connection WFM Builder 'B1' must connect to exactly one WFM Server`,
  );
  expect(lines).toContain(
    `${BROKEN}: error forbidden-connection WFM Builder 'B1' cannot connect to Stat Server 'Stat_Server': the component connections matrix has no WFM Builder → Stat Server connection`,
  );
  expect(lines.at(-1)).toBe(`${BROKEN}: 4 errors, 1 warning, 0 infos (wfm-8.5.2)`);
  expect(lines).toHaveLength(6);
  expect(result.stderr).toBe('');
});

test('warnings and infos alone still exit 0', () => {
  const file = example(VALID);
  file.components.push({ id: 'msg-1', kind: 'message-server', name: 'Message_Server' });
  file.connections.push({ id: 'c-msg', from: 'srv-1', to: 'msg-1' });
  file.connections = file.connections.map((connection) =>
    typeof connection === 'object' && connection !== null && 'id' in connection && connection.id === 'c-10'
      ? { ...connection, security: 'tls' }
      : connection,
  );
  const path = scratch.write('warnings.wfm.json', JSON.stringify(file));
  const result = runCli(['validate', path]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`${path}: warning management-layer-off`);
  expect(result.stdout).toContain(`${path}: info tls-web-daemon`);
  expect(result.stdout).toContain(`${path}: 0 errors, 1 warning, 1 info`);
});

test('a missing file exits 2 and stderr names it', () => {
  const path = join(scratch.folder, 'missing.wfm.json');
  const result = runCli(['validate', path]);
  expect(result.code).toBe(2);
  expect(result.stderr.startsWith(`${path}: Cannot read the file: ENOENT`)).toBe(true);
  expect(result.stdout).toBe('');
});

test('a folder given as a file exits 2', () => {
  const result = runCli(['validate', scratch.folder]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`${scratch.folder}: This is not a regular file`);
});

test('a file that is not JSON exits 2 and stderr names it', () => {
  const path = scratch.write('notes.txt', 'WFM_Server connects to WFM_Builder');
  const result = runCli(['validate', path]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`${path}: The file is not JSON`);
});

test('a connection to a missing component exits 2 and stderr names the file and the path inside it', () => {
  const file = example(VALID);
  file.connections.push({ id: 'c-x', from: 'bld-1', to: 'srv-9' });
  const path = scratch.write('dangling.wfm.json', JSON.stringify(file));
  const result = runCli(['validate', path]);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(
    [
      `${path}: The file is not a valid topology document (1 issue).`,
      `${path}: connections[11].to: no component with id "srv-9"`,
      '',
    ].join('\n'),
  );
});

test('a JSON file over 10 MB exits 2, read no further than that', () => {
  const path = scratch.write('huge.wfm.json', `{"name":"${'a'.repeat(11 * 1024 * 1024)}"}`);
  const result = runCli(['validate', path]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`${path}: The file is larger than 10 MB`);
});

test('several files are all checked, and the exit code is the worst of them', () => {
  const missing = join(scratch.folder, 'gone.wfm.json');
  const result = runCli(['validate', VALID, missing, BROKEN]);
  expect(result.code).toBe(2);
  expect(result.stdout).toContain(`${VALID}: 0 errors, 0 warnings, 0 infos (wfm-8.5.2)`);
  expect(result.stdout).toContain(`${BROKEN}: 4 errors, 1 warning, 0 infos (wfm-8.5.2)`);
  expect(result.stderr).toContain(`${missing}: Cannot read the file`);
  expect(runCli(['validate', VALID, BROKEN]).code).toBe(1);
  expect(runCli(['validate', VALID, VALID]).code).toBe(0);
});

test('--format json prints exactly { file, valid, ruleset, counts, problems } for one file', () => {
  const result = runCli(['validate', BROKEN, '--format', 'json']);
  expect(result.code).toBe(1);
  const report: unknown = JSON.parse(result.stdout);
  expect(Object.keys(report ?? {})).toEqual(['file', 'valid', 'ruleset', 'counts', 'problems']);
  const { validation } = example(BROKEN);
  expect(report).toEqual({ file: BROKEN, ...(validation ?? {}) });
  expect(report).toMatchObject({
    valid: false,
    ruleset: 'wfm-8.5.2',
    counts: { error: 4, warning: 1, info: 0 },
  });
});

test('a problem in the JSON report has the keys of rules.md section 4, in order', () => {
  const report = JSON.parse(runCli(['validate', '--format=json', BROKEN]).stdout);
  expect(Object.keys(report.problems[0])).toEqual([
    'code',
    'severity',
    'message',
    'componentId',
    'targetKind',
  ]);
  expect(report.problems[0]).toEqual({
    code: 'missing-connection',
    severity: 'error',
    message: "WFM Builder 'B1' must connect to exactly one WFM Server",
    componentId: 'bld-1',
    targetKind: 'server',
  });
});

test('--format json prints an array for several files, one entry per file in order', () => {
  const result = runCli(['validate', '--format', 'json', VALID, BROKEN]);
  expect(result.code).toBe(1);
  const reports = JSON.parse(result.stdout);
  expect(reports.map((report: { file: string; valid: boolean }) => [report.file, report.valid])).toEqual([
    [VALID, true],
    [BROKEN, false],
  ]);
  for (const report of reports)
    expect(Object.keys(report)).toEqual(['file', 'valid', 'ruleset', 'counts', 'problems']);
});

test('under --format json a file that cannot be read gets an entry with an error, and its message on stderr', () => {
  const path = scratch.write('not-json.wfm.json', '{ nope');
  const result = runCli(['validate', '--format', 'json', VALID, path]);
  expect(result.code).toBe(2);
  const [, entry] = JSON.parse(result.stdout);
  expect(entry).toEqual({
    file: path,
    valid: false,
    error: { kind: 'not-json', message: expect.stringContaining('The file is not JSON'), issues: [] },
  });
  expect(result.stderr).toContain(`${path}: The file is not JSON`);
});

test('validate without a file, or with an unknown format, is a usage error: exit 2', () => {
  const none = runCli(['validate']);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('validate needs at least one FILE');
  const xml = runCli(['validate', VALID, '--format', 'xml']);
  expect(xml.code).toBe(2);
  expect(xml.stderr).toContain('--format must be text, json or sarif');
  expect(xml.stdout).toBe('');
});

// ---- --ruleset (rules.md sections 7 and 13) -----------------------------------------------------

test('every format reports the rule set the document names, wfm-8.5.2 when it names none', () => {
  const named = scratch.write(
    'named-8.5.1.wfm.json',
    readFileSync(join(ROOT, 'src/document/fixtures/v2.wfm.json'), 'utf8').replace(
      '"wfm-8.5.2"',
      '"wfm-8.5.1"',
    ),
  );
  expect(JSON.parse(runCli(['validate', named, '--format', 'json']).stdout).ruleset).toBe('wfm-8.5.1');
  expect(runCli(['validate', named]).stdout).toMatch(
    /: \d+ errors?, \d+ warnings?, \d+ infos? \(wfm-8\.5\.1\)\n$/,
  );
  expect(JSON.parse(runCli(['validate', VALID, '--format', 'json']).stdout).ruleset).toBe('wfm-8.5.2');
});

test.each(['wfm-8.5.2', 'wfm-8.5.1', 'wfm-8.5.0'])(
  '--ruleset %s judges every file under that release and says so',
  (ruleset) => {
    const json = JSON.parse(
      runCli(['validate', VALID, BROKEN, '--format', 'json', '--ruleset', ruleset]).stdout,
    );
    expect(json.map((entry: { ruleset: string }) => entry.ruleset)).toEqual([ruleset, ruleset]);
    const text = runCli(['validate', VALID, '--ruleset', ruleset]).stdout;
    expect(text.endsWith(`(${ruleset})\n`)).toBe(true);
    const sarif = JSON.parse(
      runCli(['validate', VALID, BROKEN, '--format', 'sarif', '--ruleset', ruleset]).stdout,
    );
    const run = sarif.runs[0];
    expect(run.properties.rulesets.map((entry: { ruleset: string }) => entry.ruleset)).toEqual([
      ruleset,
      ruleset,
    ]);
    for (const result of run.results) expect(result.properties.ruleset).toBe(ruleset);
  },
);

test('--ruleset leaves the file as it was', () => {
  const file = scratch.write('untouched.wfm.json', readFileSync(join(ROOT, VALID), 'utf8'));
  const before = readFileSync(file, 'utf8');
  runCli(['validate', file, '--ruleset', 'wfm-8.5.0']);
  expect(readFileSync(file, 'utf8')).toBe(before);
});

test('an unknown --ruleset is a usage error that lists the known ones and exits 2', () => {
  const run = runCli(['validate', VALID, '--ruleset', 'wfm-9.0']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('--ruleset must be wfm-8.5.2, wfm-8.5.1 or wfm-8.5.0');
  expect(run.stderr).toContain('Usage: wfm-topology validate');
  expect(runCli(['validate', VALID, '--ruleset']).code).toBe(2);
});
