import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { createScratch, ROOT, runCli } from './testing/run-cli';
import { sarifLogSchema } from './testing/sarif-2.1.0';
import { artifactLocation } from './validate-sarif';
import { CLI_VERSION } from './version';

const VALID = 'examples/single-site.wfm.json';
const BROKEN = 'examples/broken.wfm.json';
const scratch = createScratch();
afterAll(() => scratch.remove());

/** Runs `validate --format sarif` and reads its standard output against the SARIF 2.1.0 model. */
function sarif(...files: string[]) {
  const result = runCli(['validate', '--format', 'sarif', ...files]);
  const parsed = sarifLogSchema.safeParse(JSON.parse(result.stdout));
  if (!parsed.success) throw new Error(`not SARIF 2.1.0: ${parsed.error.message}`);
  const [run, ...others] = parsed.data.runs;
  if (!run) throw new Error('no run');
  expect(others).toEqual([]);
  return { ...result, log: parsed.data, run, results: run.results ?? [] };
}

/** The 1-based line of the `{` that opens the element whose `"id"` line is the first with `id`. */
function lineOfElement(path: string, id: string): number {
  const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
  const idLine = lines.findIndex((line) => line.includes(`"id": "${id}"`));
  expect(lines[idLine - 1]?.trim()).toBe('{');
  return idLine;
}

/** An example file as JSON, for building variants of it. */
function example(path: string): { components: unknown[]; connections: unknown[]; [key: string]: unknown } {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

test('--format sarif writes one SARIF 2.1.0 run whose tool is wfm-topology at the package version', () => {
  const { code, stderr, log, run } = sarif(VALID);
  expect(code).toBe(0);
  expect(stderr).toBe('');
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
  expect(run.tool.driver).toMatchObject({
    name: 'wfm-topology',
    version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    informationUri: expect.stringMatching(/^https:\/\//),
    rules: [],
  });
  expect(run.results).toEqual([]);
  expect(run.invocations).toEqual([
    { executionSuccessful: true, exitCode: 0, toolExecutionNotifications: [] },
  ]);
});

test('the CLI names the version of package.json', () => {
  expect(CLI_VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('a file with errors exits 1 and has one result per problem, in the order of the text report', () => {
  const { code, results } = sarif(BROKEN);
  expect(code).toBe(1);
  const text = runCli(['validate', BROKEN]).stdout.trimEnd().split('\n').slice(0, -1);
  expect(
    results.map((result) => `${BROKEN}: ${result.level} ${result.ruleId} ${result.message.text}`),
  ).toEqual(text);
});

test('rules are the problem codes that appear, each once, with its level; results point at their rule', () => {
  const { run, results } = sarif(BROKEN, VALID);
  const rules = run.tool.driver.rules ?? [];
  expect(rules.map((rule) => rule.id).sort()).toEqual([
    'duplicate-name',
    'forbidden-connection',
    'management-layer-off',
    'missing-connection',
    'too-many-instances',
  ]);
  for (const rule of rules) {
    expect(rule.shortDescription?.text).toMatch(/^[A-Z].{10,}[^.]$/);
    expect(rule.defaultConfiguration?.level).toBe(rule.id === 'management-layer-off' ? 'warning' : 'error');
  }
  for (const result of results) {
    expect(result.ruleIndex).toBeDefined();
    expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(result.level).toBe(rules[result.ruleIndex ?? -1]?.defaultConfiguration?.level);
  }
});

test('a component problem points at components[i] and the line where that component starts', () => {
  const { results } = sarif(BROKEN);
  const builder = results.find((result) => result.ruleId === 'missing-connection');
  expect(builder?.locations).toEqual([
    {
      physicalLocation: {
        artifactLocation: { uri: BROKEN },
        region: { startLine: lineOfElement(BROKEN, 'bld-1'), startColumn: 5 },
      },
      logicalLocations: [{ name: 'components[1]', fullyQualifiedName: 'components[1]', kind: 'object' }],
    },
  ]);
});

test('a connection problem points at connections[i], found by its id', () => {
  const { results } = sarif(BROKEN);
  const forbidden = results.find((result) => result.ruleId === 'forbidden-connection');
  const { connections } = example(BROKEN);
  const index = connections.findIndex(
    (connection) => (connection as { from: string; to: string }).to === 'stat-1',
  );
  const id = (connections[index] as { id: string }).id;
  expect(forbidden?.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe(`connections[${index}]`);
  expect(forbidden?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(lineOfElement(BROKEN, id));
});

test('warnings stay warnings and infos become notes, and the exit code stays 0', () => {
  const file = example(VALID);
  file.components.push({ id: 'msg-1', kind: 'message-server', name: 'Message_Server' });
  file.connections.push({ id: 'c-msg', from: 'srv-1', to: 'msg-1' });
  file.connections = file.connections.map((connection) =>
    (connection as { id: string }).id === 'c-10'
      ? { ...(connection as object), security: 'tls' }
      : connection,
  );
  const path = scratch.write('warnings.wfm.json', JSON.stringify(file));
  const { code, run, results } = sarif(path);
  expect(code).toBe(0);
  // Connection problems come in connection order: c-10 is before the added c-msg.
  expect(results.map((result) => [result.ruleId, result.level])).toEqual([
    ['tls-web-daemon', 'note'],
    ['management-layer-off', 'warning'],
  ]);
  expect(run.tool.driver.rules?.map((rule) => [rule.id, rule.defaultConfiguration?.level])).toEqual([
    ['management-layer-off', 'warning'],
    ['tls-web-daemon', 'note'],
  ]);
  // One line of compact JSON: the column tells the elements apart.
  const columns = results.map((result) => result.locations?.[0]?.physicalLocation?.region);
  const text = readFileSync(path, 'utf8');
  expect(columns).toEqual([
    { startLine: 1, startColumn: text.indexOf('{"id":"c-10"') + 1 },
    { startLine: 1, startColumn: text.indexOf('{"id":"c-msg"') + 1 },
  ]);
});

test('a document problem points at the root of the document', () => {
  const file = example(VALID);
  file.options = { managementLayer: false, scheduledReporting: true };
  file.components = file.components.filter((component) => (component as { kind: string }).kind !== 'daemon');
  file.connections = file.connections.filter(
    (connection) => !(connection as { from: string }).from.startsWith('dmn'),
  );
  const path = scratch.write('no-daemon.wfm.json', `\n  ${JSON.stringify(file, null, 2)}`);
  const { code, results } = sarif(path);
  expect(code).toBe(1);
  const missing = results.find((result) => result.ruleId === 'missing-component');
  expect(missing?.locations?.[0]).toEqual({
    physicalLocation: {
      artifactLocation: { uri: pathToFileURL(path).href },
      region: { startLine: 2, startColumn: 3 },
    },
    logicalLocations: [{ name: '$', fullyQualifiedName: '$', kind: 'object' }],
  });
});

test('an exported SVG is checked too: its results have the JSON path but no line of the SVG', () => {
  const svg = join(scratch.folder, 'broken.svg');
  expect(runCli(['export', BROKEN, '--to', 'svg', '-o', svg]).code).toBe(0);
  const { code, results } = sarif(svg);
  expect(code).toBe(1);
  expect(results).toHaveLength(5);
  for (const result of results) {
    expect(result.locations?.[0]?.physicalLocation?.region).toBeUndefined();
    expect(result.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toMatch(
      /^(components|connections)\[\d+\]$/,
    );
  }
});

test('a file that cannot be read is a tool execution notification, on stderr too, and exits 2', () => {
  const missing = join(scratch.folder, 'gone.wfm.json');
  const dangling = example(VALID);
  dangling.connections.push({ id: 'c-x', from: 'bld-1', to: 'srv-9' });
  const invalid = scratch.write('dangling.wfm.json', JSON.stringify(dangling));
  const { code, stderr, run, results } = sarif(BROKEN, missing, invalid);
  expect(code).toBe(2);
  expect(results).toHaveLength(5);
  expect(stderr).toContain(`${missing}: Cannot read the file: ENOENT`);
  expect(stderr).toContain(`${invalid}: connections[11].to: no component with id "srv-9"`);
  const [invocation] = run.invocations ?? [];
  expect(invocation).toMatchObject({ executionSuccessful: false, exitCode: 2 });
  expect(invocation?.toolExecutionNotifications).toEqual([
    {
      level: 'error',
      message: { text: expect.stringMatching(/^Cannot read the file: ENOENT/) },
      locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(missing).href } } }],
      descriptor: { id: 'unreadable' },
    },
    {
      level: 'error',
      message: {
        text: 'The file is not a valid topology document (1 issue).\nconnections[11].to: no component with id "srv-9"',
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(invalid).href } } }],
      descriptor: { id: 'invalid' },
    },
  ]);
});

test('a file given as a relative path keeps it, percent-encoded as a URI reference', () => {
  expect(artifactLocation('examples/single-site.wfm.json')).toEqual({ uri: 'examples/single-site.wfm.json' });
  expect(artifactLocation('docs/my topology #2.wfm.json')).toEqual({
    uri: 'docs/my%20topology%20%232.wfm.json',
  });
  expect(artifactLocation('../other/a.wfm.json')).toEqual({ uri: '../other/a.wfm.json' });
});
