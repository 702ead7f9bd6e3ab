import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, launchBrowser } from './browser';
import { coldLoadS, editToBadgeM, exportM, importClearHeap, importXl } from './browser-scenarios';
import { measureInitialBundle } from './budget';
import { cliMatrix, cliValidateXl } from './cli-scenarios';
import { dragMHostsAndZones, dragMWholeDiagram, dragS, panL } from './frame-scenarios';
import { syncLatency, syncLatencyRedis } from './live-scenarios';
import { NoEffectError } from './no-effect';
import {
  fullValidateXl,
  revalidateAfterEditM,
  svgExportNodeM,
  tidyHighlyAvailable,
  tidyLayout200,
} from './node-scenarios';
import { openAgainstFloor } from './open-scenarios';
import { median, round } from './stats';
import { type Figures, TARGETS } from './targets';

// `npm run bench`: builds the app, serves the production build, and measures the scenarios of
// docs/performance.md. Options: --runs N (browser runs per scenario, at least 3), --only a,b
// (scenario ids), --no-build (reuse bench/.dist, and the floor page in bench/.dist/floor).
// Writes bench/results.json.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'bench', '.dist');
const PORT = Number(new URL(BASE_URL).port);

interface Options {
  readonly runs: number;
  readonly only: ReadonlySet<string> | null;
  readonly build: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const runs = Math.max(3, Number(value('--runs') ?? 3));
  const only = value('--only');
  return {
    runs,
    only: only ? new Set(only.split(',').map((id) => id.trim())) : null,
    build: !argv.includes('--no-build'),
  };
}

interface ScenarioResult {
  readonly runs: readonly Figures[];
  /** The median of every numeric figure over the runs. */
  readonly median: Figures;
  readonly error?: string;
}

interface Scenario {
  readonly id: string;
  readonly title: string;
  /**
   * Browser scenarios run `--runs` times in fresh contexts (the heap scenario in a fresh browser);
   * Node scenarios once, timing many calls; process scenarios once, timing many whole processes.
   */
  readonly kind: 'node' | 'process' | 'browser' | 'browser-own' | 'bundle';
  /** At least this many browser runs, whatever `--runs` says: pairs against the floor are noisier. */
  readonly minRuns?: number;
  readonly run: (context: { browser: Awaited<ReturnType<typeof launchBrowser>> | null }) => Promise<Figures>;
}

/** Pairs (designer, floor) of the open scenarios: a pair's two loads take about a second. */
const OPEN_PAIRS = 9;
const open10 = openAgainstFloor(10);
const open100 = openAgainstFloor(100);

const SCENARIOS: readonly Scenario[] = [
  { id: 'validate-xl', title: 'full validate, XL, Node', kind: 'node', run: async () => fullValidateXl() },
  {
    id: 'revalidate-m',
    title: 're-validation after one edit, M, Node',
    kind: 'node',
    run: async () => revalidateAfterEditM(),
  },
  {
    id: 'revalidate-m-hosts',
    title: 're-validation after one edit, M with hosts and zones, Node',
    kind: 'node',
    run: async () => revalidateAfterEditM(200, { hostsAndZones: true }),
  },
  {
    id: 'tidy-200',
    title: 'Tidy up layout, 200 components on hosts in zones, Node',
    kind: 'node',
    run: async () => tidyLayout200(),
  },
  {
    id: 'tidy-ha',
    title: 'Tidy up layout, the Highly available site (two hosts side by side), Node',
    kind: 'node',
    run: async () => tidyHighlyAvailable(),
  },
  {
    id: 'svg-node-m',
    title: 'serializeSvg, M, Node (for reference)',
    kind: 'node',
    run: async () => svgExportNodeM(),
  },
  {
    id: 'cli-validate-xl',
    title: 'wfm-topology validate, XL, against bare Node',
    kind: 'process',
    run: () => cliValidateXl(),
  },
  { id: 'cli-matrix', title: 'wfm-topology matrix', kind: 'process', run: () => cliMatrix() },
  ...([2, 10, 30] as const).map(
    (clients): Scenario => ({
      id: `sync-${clients}`,
      title: `live sync latency, ${clients} clients in one room, one server`,
      kind: 'process',
      run: () => syncLatency(clients),
    }),
  ),
  {
    id: 'sync-redis',
    title: 'live sync latency across two server instances through Redis',
    kind: 'process',
    run: () => syncLatencyRedis(),
  },
  { id: 'drag-s', title: 'drag a component, S', kind: 'browser', run: ({ browser }) => dragS(need(browser)) },
  {
    id: 'drag-m',
    title: 'drag a component, M, whole diagram visible',
    kind: 'browser',
    run: ({ browser }) => dragMWholeDiagram(need(browser)),
  },
  {
    id: 'drag-m-hosts',
    title: 'drag a component, M with hosts and zones, whole diagram visible',
    kind: 'browser',
    run: ({ browser }) => dragMHostsAndZones(need(browser)),
  },
  { id: 'pan-l', title: 'pan, L, zoomed in', kind: 'browser', run: ({ browser }) => panL(need(browser)) },
  {
    id: 'import-xl',
    title: 'import XL file → painted',
    kind: 'browser',
    run: ({ browser }) => importXl(need(browser)),
  },
  {
    id: 'export-m',
    title: 'export SVG and PNG, M',
    kind: 'browser',
    run: ({ browser }) => exportM(need(browser)),
  },
  {
    id: 'badge-m',
    title: 'edit → problem badge painted, M',
    kind: 'browser',
    run: async ({ browser }) => ({ ms: await editToBadgeM(need(browser)) }),
  },
  {
    id: 'badge-m-hosts',
    title: 'edit → problem badge painted, M with hosts and zones',
    kind: 'browser',
    run: async ({ browser }) => ({ ms: await editToBadgeM(need(browser), { hostsAndZones: true }) }),
  },
  {
    id: 'open-10',
    title: 'open a saved document of 10 components, against React Flow alone',
    kind: 'browser',
    minRuns: OPEN_PAIRS,
    run: ({ browser }) => open10(need(browser)),
  },
  {
    id: 'open-100',
    title: 'open a saved document of 100 components, against React Flow alone',
    kind: 'browser',
    minRuns: OPEN_PAIRS,
    run: ({ browser }) => open100(need(browser)),
  },
  { id: 'bundle', title: 'initial JS and CSS, gzip', kind: 'bundle', run: async () => bundleFigures() },
  {
    id: 'cold-load-s',
    title: 'cold load, 4× CPU throttle, S',
    kind: 'browser',
    run: ({ browser }) => coldLoadS(need(browser)),
  },
  { id: 'heap', title: '10 × import/clear of M', kind: 'browser-own', run: async () => importClearHeap() },
];

function need<T>(value: T | null): T {
  if (value === null) throw new Error('this scenario needs the browser');
  return value;
}

async function bundleFigures(): Promise<Figures> {
  const size = measureInitialBundle(DIST);
  return { jsGzipKb: size.jsGzipKb, cssGzipKb: size.cssGzipKb, files: size.files.length };
}

function medianFigures(runs: readonly Figures[]): Figures {
  const result: Figures = {};
  for (const key of Object.keys(runs[0] ?? {})) {
    const values = runs.map((run) => run[key]);
    result[key] = values.every((v) => typeof v === 'number')
      ? round(median(values as number[]))
      : String(values[0]);
  }
  return result;
}

function build(): void {
  console.log('Building the production bundle into bench/.dist …');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('vite build failed');
  // The floor of the open scenarios, into bench/.dist/floor: served by the same preview server.
  const floor = spawnSync(
    'npx',
    ['vite', 'build', '--config', join(ROOT, 'bench', 'floor', 'vite.config.ts')],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (floor.status !== 0) throw new Error('vite build of the floor page failed');
}

async function startPreview(): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (is port ${PORT} taken?)`);
    try {
      if ((await fetch(BASE_URL)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stopPreview(server);
  throw new Error(`vite preview did not answer on ${BASE_URL}`);
}

function stopPreview(server: ChildProcess): void {
  // npx starts vite as its child: stop the whole process group this script started.
  if (server.pid !== undefined && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  }
}

function printTable(rows: readonly { label: string; target: string; measured: string; met: string }[]): void {
  const headers = { label: 'Scenario', target: 'Target', measured: 'Measured (median)', met: 'Met' };
  const all = [headers, ...rows];
  const width = (key: keyof typeof headers) => Math.max(...all.map((row) => row[key].length));
  const line = (row: typeof headers) =>
    `| ${row.label.padEnd(width('label'))} | ${row.target.padEnd(width('target'))} | ${row.measured.padEnd(width('measured'))} | ${row.met.padEnd(width('met'))} |`;
  console.log(line(headers));
  console.log(
    `|${'-'.repeat(width('label') + 2)}|${'-'.repeat(width('target') + 2)}|${'-'.repeat(width('measured') + 2)}|${'-'.repeat(width('met') + 2)}|`,
  );
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const selected = SCENARIOS.filter((s) => options.only === null || options.only.has(s.id));
  const loadAtStart = loadavg();
  // Node and process scenarios need neither the app's build nor a browser: `--only cli-matrix` starts none.
  const needsServer = selected.some((s) => s.kind === 'browser' || s.kind === 'browser-own');
  if (options.build && (needsServer || selected.some((s) => s.kind === 'bundle'))) build();
  const server = needsServer ? await startPreview() : null;
  const results: Record<string, ScenarioResult> = {};
  let browserVersion = '';
  try {
    const browser = needsServer ? await launchBrowser() : null;
    browserVersion = browser?.version() ?? '';
    try {
      for (const scenario of selected) {
        const runs =
          scenario.kind === 'browser' || scenario.kind === 'browser-own'
            ? Math.max(options.runs, scenario.minRuns ?? 0)
            : 1;
        const figures: Figures[] = [];
        process.stdout.write(`${scenario.title} …`);
        try {
          for (let run = 0; run < runs; run += 1) {
            figures.push(await scenario.run({ browser }));
            process.stdout.write(' .');
          }
          results[scenario.id] = { runs: figures, median: medianFigures(figures) };
          console.log(' done');
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          results[scenario.id] = { runs: figures, median: {}, error: message };
          console.log(` FAILED: ${message}`);
          if (!(error instanceof NoEffectError)) console.error(error);
        }
      }
    } finally {
      await browser?.close();
    }
  } finally {
    if (server) stopPreview(server);
  }

  const rows = TARGETS.filter((t) => results[t.scenario]).map((t) => {
    const result = results[t.scenario];
    if (!result || result.error !== undefined) {
      return { label: t.label, target: t.target, measured: `FAILED: ${result?.error ?? ''}`, met: 'no' };
    }
    const { measured, met } = t.judge(result.median);
    return { label: t.label, target: t.target, measured, met: met ? 'yes' : 'no' };
  });
  console.log('');
  printTable(rows);

  const cpu = cpus();
  const output = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpuModel: cpu[0]?.model ?? 'unknown',
      cpuCount: cpu.length,
      memoryGb: round(totalmem() / 1e9),
      os: `${platform()} ${release()}`,
      node: process.version,
      loadAverage: { atStart: loadAtStart.map(round), atEnd: loadavg().map(round) },
    },
    browser: {
      name: 'chromium',
      version: browserVersion,
      headless: true,
      rendering: 'software (--disable-gpu)',
    },
    runsPerBrowserScenario: options.runs,
    targets: rows,
    scenarios: results,
  };
  // A partial run (--only) does not overwrite the full results.
  const file = join(ROOT, 'bench', options.only ? 'results.partial.json' : 'results.json');
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
  if (Object.values(results).some((r) => r.error !== undefined)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
