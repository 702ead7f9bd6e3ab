import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the CLI runs from there, as a user at the root would run it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The command as npm links it. It loads the built bundle (`cli-dist/wfm-topology.mjs`, decision 019),
 * which the tests' global setup (`tests/global-setup.ts`) builds from the sources before any test runs.
 */
export const BIN = join(ROOT, 'bin', 'wfm-topology.mjs');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A run with its output as the bytes the process wrote, and how it ended. */
export interface CliBytesRun {
  readonly code: number | null;
  /** Set when the process was killed, e.g. `SIGTERM` at the timeout. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/** Runs `node bin/wfm-topology.mjs ...args` as a real process from the project root. */
export function runCli(args: readonly string[]): CliRun {
  return run(process.execPath, [BIN, ...args]);
}

/** Runs the CLI and keeps its output as bytes; killed after `timeoutMs`. */
export function runCliBytes(args: readonly string[], timeoutMs = 60_000): CliBytesRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Runs any program from the project root (used for `npx wfm-topology`). */
export function run(program: string, args: readonly string[]): CliRun {
  const result = spawnSync(program, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder in the system's temp folder, for files the tests write and then remove. */
export function createScratch() {
  const folder = mkdtempSync(join(tmpdir(), 'wfm-topology-cli-'));
  return {
    folder,
    /** Writes `content` to `name` in the scratch folder and returns its absolute path. */
    write(name: string, content: string | Uint8Array): string {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    },
    remove(): void {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
