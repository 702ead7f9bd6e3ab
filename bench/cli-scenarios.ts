import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/build-cli';
import { serializeDocument } from '../src/document';
import { generateDocument, SIZES } from './generate';
import { NoEffectError } from './no-effect';
import { median } from './stats';

// The command line as a user runs it: whole processes, started the way npm's bin link starts
// `wfm-topology` (node bin/wfm-topology.mjs), timed from spawn to exit. Each figure is set beside
// a floor run in the same loop, A B A B …, so a drift of this shared machine's speed hits both.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'wfm-topology.mjs');
const FLOOR = join(ROOT, 'bench', 'cli-floor.mjs');

interface ProcessRun {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
}

function runNode(args: readonly string[]): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, [...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ms: performance.now() - start, status: result.status, stdout: result.stdout };
}

/** Runs `run` and fails the scenario unless it exited with `status` and printed `expected`. */
function checked(run: () => ProcessRun, status: number, expected: string): () => ProcessRun {
  return () => {
    const result = run();
    if (result.status !== status || !result.stdout.includes(expected)) {
      throw new NoEffectError(`expected exit ${status} and "${expected}", got exit ${result.status}`);
    }
    return result;
  };
}

/** `a` then `b`, `pairs` times after one untimed pair; milliseconds of each and the ratio of each pair. */
function alternate(a: () => ProcessRun, b: () => ProcessRun, pairs: number) {
  a();
  b();
  const aMs: number[] = [];
  const bMs: number[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    const first = a().ms;
    const second = b().ms;
    aMs.push(first);
    bMs.push(second);
    ratios.push(first / second);
  }
  return { aMs, bMs, ratios };
}

/**
 * `wfm-topology validate` of the XL document as the designer saves it, against the floor: bare
 * Node reading the same file, `JSON.parse` and a walk over its components and connections
 * (`bench/cli-floor.mjs`). The target is a ratio, ≤ 3.
 */
export async function cliValidateXl(pairs = 11) {
  await buildCli();
  const folder = mkdtempSync(join(tmpdir(), 'wfm-bench-cli-'));
  try {
    const file = join(folder, 'xl.wfm.json');
    writeFileSync(file, serializeDocument(generateDocument(SIZES.XL).document));
    // The XL document has a few sprinkled faults, so validate exits 1.
    const cli = checked(() => runNode([BIN, 'validate', file]), 1, 'errors,');
    const floor = checked(() => runNode([FLOOR, file]), 0, '10000 components');
    const { aMs, bMs, ratios } = alternate(cli, floor, pairs);
    return {
      cliMs: median(aMs),
      floorMs: median(bMs),
      ratio: median(ratios),
      fileMb: statSync(file).size / 1e6,
      pairs,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `wfm-topology matrix`, beside `node -e 0` (Node's own start-up, for reference). The target is < 150 ms. */
export async function cliMatrix(pairs = 15) {
  await buildCli();
  const cli = checked(() => runNode([BIN, 'matrix']), 0, 'WFM component connections');
  const bare = checked(() => runNode(['-e', '0']), 0, '');
  const { aMs, bMs, ratios } = alternate(cli, bare, pairs);
  return { cliMs: median(aMs), nodeMs: median(bMs), ratio: median(ratios), pairs };
}
