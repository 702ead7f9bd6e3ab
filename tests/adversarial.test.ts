import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../cli/main';
import { interpretedCharacters } from '../cli/testing/interpreted-bytes';
import { createValidationBlock, type ParseResult, parseDocument } from '../src/document';
import { type ImportResult, importBytes } from '../src/export/import-file';
import { CASES_DIR, caseBytes, corpusMismatches, writeCorpus } from './adversarial/corpus';
import { ADVERSARIAL_CASES, type AdversarialCase, type Expected } from './adversarial/manifest';
import { expectPrototypesUntouched } from './adversarial/prototypes';

// Issue 7, item 4: every file of the adversarial corpus comes to the outcome the manifest gives it,
// through the app's import pipeline, through parseDocument, and through the real CLI process;
// nothing throws, nothing hangs, and no prototype changes.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'wfm-topology.mjs');
/** A case that takes longer than this is hanging (generous: the CI machine has two busy cores). */
const HANG_MS = 10_000;

const corpus = writeCorpus();
afterAll(() => corpus.remove());

function path(entry: AdversarialCase): string {
  const found = corpus.paths.get(entry.file);
  if (!found) throw new Error(`no file for ${entry.file}`);
  return found;
}

function expectOutcome(result: ParseResult | ImportResult, expected: Expected): void {
  if (expected.outcome === 'refused') {
    if (result.ok) throw new Error(`expected a '${expected.kind}' refusal, but it was accepted`);
    expect(result.error.kind).toBe(expected.kind);
    if (expected.message) expect(result.error.message).toContain(expected.message);
    for (const issue of expected.issues) {
      expect(result.error.issues).toContainEqual({
        path: issue.path,
        message: expect.stringContaining(issue.message),
      });
    }
    expect(result.error.issues).toHaveLength(expected.listed ?? expected.issues.length);
    return;
  }
  if (!result.ok) throw new Error(`expected acceptance, but it was refused: ${result.error.message}`);
  expect(result.document.components).toHaveLength(expected.components);
  const validation = createValidationBlock(result.document);
  expect(validation.valid).toBe(expected.valid);
  expect(validation.problems.map((problem) => problem.code).sort()).toEqual(expected.problems);
}

test('every committed file has a case in the manifest, and every generated case a generator', () => {
  const committed = ADVERSARIAL_CASES.filter((c) => c.source === 'committed').map((c) => c.file);
  expect(readdirSync(CASES_DIR).sort()).toEqual([...committed].sort());
  expect(corpusMismatches()).toEqual([]);
  expect(new Set(ADVERSARIAL_CASES.map((c) => c.file)).size).toBe(ADVERSARIAL_CASES.length);
});

test('the corpus covers every kind of refusal, acceptance, and script in strings', () => {
  const outcomes = new Set(
    ADVERSARIAL_CASES.map((c) => (c.expected.outcome === 'refused' ? c.expected.kind : 'accepted')),
  );
  expect([...outcomes].sort()).toEqual([
    'accepted',
    'invalid',
    'newer-version',
    'not-json',
    'not-topology',
    'too-large',
  ]);
  expect(ADVERSARIAL_CASES.filter((c) => c.markup).length).toBeGreaterThanOrEqual(5);
});

describe.each(ADVERSARIAL_CASES)('$file: $about', (entry) => {
  test('the app’s import pipeline and parseDocument come to the expected outcome, in time', () => {
    const bytes = caseBytes(entry);
    const started = performance.now();
    const imported = importBytes(bytes, entry.file);
    expect(performance.now() - started).toBeLessThan(HANG_MS);
    expectOutcome(imported, entry.expected);
    expectPrototypesUntouched();

    if (/\.(json|bin)$/.test(entry.file)) {
      const parsed = parseDocument(new TextDecoder().decode(bytes));
      expectOutcome(parsed, entry.expected);
      expectPrototypesUntouched();
    }
  });

  test('the CLI, run in this process, gives the exit code of rules.md §6 and pollutes nothing', async () => {
    const out: string[] = [];
    const code = await main(['validate', path(entry), '--format', 'json'], {
      out: (text) => out.push(text),
      err: () => {},
    });
    expect(code).toBe(exitCode(entry.expected));
    expect(JSON.parse(out.join('')).valid).toBe(
      entry.expected.outcome === 'accepted' && entry.expected.valid,
    );
    expectPrototypesUntouched();
  });
});

function exitCode(expected: Expected): number {
  if (expected.outcome === 'refused') return 2;
  return expected.valid ? 0 : 1;
}

interface ProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every character of either stream, read byte by byte, that a terminal would act on. */
  readonly interpreted: readonly string[];
}

/** Runs the real CLI and keeps what it printed, and what of it a terminal would act on. */
function runCli(args: readonly string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 60_000 });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const out = Buffer.concat(stdout);
      const err = Buffer.concat(stderr);
      const interpreted = [
        ...interpretedCharacters(out).map((found) => `stdout: ${found}`),
        ...interpretedCharacters(err).map((found) => `stderr: ${found}`),
      ];
      resolve({ code, stdout: out.toString('utf8'), stderr: err.toString('utf8'), interpreted });
    });
  });
}

/** The name of each component of a JSON case, read with JSON.parse alone, by id. */
function namesById(entry: AdversarialCase): Map<string, string> {
  const names = new Map<string, string>();
  if (!entry.file.endsWith('.json')) return names;
  const file: unknown = JSON.parse(new TextDecoder().decode(caseBytes(entry)));
  const components = typeof file === 'object' && file !== null && 'components' in file ? file.components : [];
  for (const component of Array.isArray(components) ? components : []) {
    if (typeof component?.id === 'string' && typeof component?.name === 'string')
      names.set(component.id, component.name);
  }
  return names;
}

describe.concurrent('the real CLI process', () => {
  test.each(ADVERSARIAL_CASES)('validate $file --format json', async (entry) => {
    const file = path(entry);
    const run = await runCli(['validate', file, '--format', 'json']);
    expect(run.interpreted).toEqual([]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(exitCode(entry.expected));
    const report = JSON.parse(run.stdout);
    expect(report.file).toBe(file);
    const { expected } = entry;
    if (expected.outcome === 'refused') {
      expect(report.valid).toBe(false);
      expect(report.error.kind).toBe(expected.kind);
      for (const issue of expected.issues) {
        expect(report.error.issues).toContainEqual({
          path: issue.path,
          message: expect.stringContaining(issue.message),
        });
      }
      // The message on stderr names the file, and the path inside it when there is one.
      expect(run.stderr.startsWith(`${file}: `)).toBe(true);
      if (expected.issues[0]) expect(run.stderr).toContain(`${file}: ${expected.issues[0].path}: `);
    } else {
      expect(report.valid).toBe(expected.valid);
      expect(report.problems.map((problem: { code: string }) => problem.code).sort()).toEqual(
        expected.problems,
      );
      expect(run.stderr).toBe('');
      // The names come back exactly as the file has them, escapes and all.
      const names = namesById(entry);
      for (const problem of report.problems as { componentId?: string; message: string }[]) {
        const name = problem.componentId === undefined ? undefined : names.get(problem.componentId);
        if (name !== undefined) expect(problem.message).toContain(`'${name}'`);
      }
    }
  });

  const TERMINAL = ADVERSARIAL_CASES.filter((entry) => entry.terminal);

  test.each(TERMINAL)('validate $file: every line is the CLI’s own and names the file', async (entry) => {
    const file = path(entry);
    const run = await runCli(['validate', file]);
    expect(run.interpreted).toEqual([]);
    expect(run.code).toBe(exitCode(entry.expected));
    const { expected } = entry;
    const [printed, silent] =
      expected.outcome === 'refused' ? [run.stderr, run.stdout] : [run.stdout, run.stderr];
    expect(silent).toBe('');
    const lines = printed.split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line.startsWith(`${file}: `)).toBe(true);
    // A refusal: its reason, then one line per issue; a document: one line per problem, then the counts.
    const expectedLines =
      expected.outcome === 'refused'
        ? 1 + (expected.listed ?? expected.issues.length)
        : expected.problems.length + 1;
    expect(lines).toHaveLength(expectedLines);
  });
});
