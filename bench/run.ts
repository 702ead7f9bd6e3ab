import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, launchBrowser } from './browser';
import {
  coldLoadS,
  dragMWholeDiagram,
  dragS,
  editToBadgeM,
  exportM,
  importClearHeap,
  importXl,
  NoEffectError,
  panL,
} from './browser-scenarios';
import { BUDGET, measureInitialBundle } from './budget';
import { fullValidateXl, revalidateAfterEditM, svgExportNodeM } from './node-scenarios';
import { median, round } from './stats';

// `npm run bench`: builds the app, serves the production build, and measures the scenarios of
// docs/performance.md. Options: --runs N (browser runs per scenario, at least 3), --only a,b
// (scenario ids), --no-build (reuse bench/.dist). Writes bench/results.json.

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

type Figures = Record<string, number | string>;

interface ScenarioResult {
  readonly runs: readonly Figures[];
  /** The median of every numeric figure over the runs. */
  readonly median: Figures;
  readonly error?: string;
}

interface Scenario {
  readonly id: string;
  readonly title: string;
  /** Browser scenarios run `--runs` times in fresh contexts (the heap scenario in a fresh browser); Node scenarios once, timing many calls. */
  readonly kind: 'node' | 'browser' | 'browser-own' | 'bundle';
  readonly run: (context: { browser: Awaited<ReturnType<typeof launchBrowser>> | null }) => Promise<Figures>;
}

const SCENARIOS: readonly Scenario[] = [
  { id: 'validate-xl', title: 'full validate, XL, Node', kind: 'node', run: async () => fullValidateXl() },
  {
    id: 'revalidate-m',
    title: 're-validation after one edit, M, Node',
    kind: 'node',
    run: async () => revalidateAfterEditM(),
  },
  {
    id: 'svg-node-m',
    title: 'serializeSvg, M, Node (for reference)',
    kind: 'node',
    run: async () => svgExportNodeM(),
  },
  { id: 'drag-s', title: 'drag a component, S', kind: 'browser', run: ({ browser }) => dragS(need(browser)) },
  {
    id: 'drag-m',
    title: 'drag a component, M, whole diagram visible',
    kind: 'browser',
    run: ({ browser }) => dragMWholeDiagram(need(browser)),
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

interface Target {
  readonly scenario: string;
  readonly label: string;
  readonly target: string;
  /** The measured figure as the table shows it, and whether it meets the target. */
  readonly judge: (m: Figures) => { measured: string; met: boolean };
}

const n = (m: Figures, key: string): number => {
  const value = m[key];
  return typeof value === 'number' ? value : Number.NaN;
};
const ms = (value: number) => `${round(value)} ms`;

const TARGETS: readonly Target[] = [
  {
    scenario: 'validate-xl',
    label: 'full validate, XL, Node',
    target: '≤ 10 ms median',
    judge: (m) => ({ measured: `${ms(n(m, 'medianMs'))} median`, met: n(m, 'medianMs') <= 10 }),
  },
  {
    scenario: 'revalidate-m',
    label: 're-validation after one edit, M',
    target: '≤ 1 ms p99',
    judge: (m) => ({
      measured: `${ms(n(m, 'p99Ms'))} p99 (${ms(n(m, 'medianMs'))} median)`,
      met: n(m, 'p99Ms') <= 1,
    }),
  },
  {
    scenario: 'drag-s',
    label: 'drag a component, S',
    target: 'p95 frame interval ≤ 20 ms',
    judge: (m) => ({
      measured: `p95 ${ms(n(m, 'p95Ms'))} (p50 ${ms(n(m, 'p50Ms'))})`,
      met: n(m, 'p95Ms') <= 20,
    }),
  },
  {
    scenario: 'drag-m',
    label: 'drag a component, M, whole diagram visible',
    target: 'p50 ≤ 17 ms, p95 ≤ 34 ms',
    judge: (m) => ({
      measured: `p50 ${ms(n(m, 'p50Ms'))}, p95 ${ms(n(m, 'p95Ms'))}`,
      met: n(m, 'p50Ms') <= 17 && n(m, 'p95Ms') <= 34,
    }),
  },
  {
    scenario: 'pan-l',
    label: 'pan, L, zoomed in (≥ 0.5)',
    target: 'p95 ≤ 20 ms',
    judge: (m) => ({
      measured: `p95 ${ms(n(m, 'p95Ms'))} (p50 ${ms(n(m, 'p50Ms'))}, zoom ${round(n(m, 'zoom'))})`,
      met: n(m, 'p95Ms') <= 20 && n(m, 'zoom') >= 0.5,
    }),
  },
  {
    scenario: 'import-xl',
    label: 'import XL file → painted',
    target: '≤ 1.5 s',
    judge: (m) => ({ measured: `${round(n(m, 'ms') / 1000)} s`, met: n(m, 'ms') <= 1500 }),
  },
  {
    scenario: 'export-m',
    label: 'export SVG, M',
    target: '≤ 20 ms and ≤ 1 MB',
    judge: (m) => ({
      measured: `${ms(n(m, 'svgMs'))}, ${round(n(m, 'svgBytes') / 1e6)} MB`,
      met: n(m, 'svgMs') <= 20 && n(m, 'svgBytes') <= 1e6,
    }),
  },
  {
    scenario: 'export-m',
    label: 'export PNG, M',
    target: '≤ 0.5 s',
    judge: (m) => ({ measured: `${round(n(m, 'pngMs') / 1000)} s`, met: n(m, 'pngMs') <= 500 }),
  },
  {
    scenario: 'badge-m',
    label: 'edit → problem badge painted, M',
    target: '≤ 100 ms',
    judge: (m) => ({ measured: ms(n(m, 'ms')), met: n(m, 'ms') <= 100 }),
  },
  {
    scenario: 'bundle',
    label: 'initial JS, gzip; CSS',
    target: `≤ ${BUDGET.jsKb} kB; CSS ≤ ${BUDGET.cssKb} kB`,
    judge: (m) => ({
      measured: `${round(n(m, 'jsGzipKb'))} kB; CSS ${round(n(m, 'cssGzipKb'))} kB`,
      met: n(m, 'jsGzipKb') <= BUDGET.jsKb && n(m, 'cssGzipKb') <= BUDGET.cssKb,
    }),
  },
  {
    scenario: 'cold-load-s',
    label: 'cold load, 4× CPU throttle, S',
    target: 'LCP ≤ 1.0 s',
    judge: (m) => ({ measured: `LCP ${round(n(m, 'lcpMs') / 1000)} s`, met: n(m, 'lcpMs') <= 1000 }),
  },
  {
    scenario: 'heap',
    label: '10 × import/clear of M',
    target: 'heap growth after GC ≤ 10 %',
    judge: (m) => ({
      measured: `${round(n(m, 'growthPercent'))} % (${round(n(m, 'baselineMb'))} → ${round(n(m, 'afterMb'))} MB)`,
      met: n(m, 'growthPercent') <= 10,
    }),
  },
];

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
  if (options.build) build();
  const server = await startPreview();
  const results: Record<string, ScenarioResult> = {};
  let browserVersion = '';
  try {
    const browser = await launchBrowser();
    browserVersion = browser.version();
    try {
      for (const scenario of selected) {
        const runs = scenario.kind === 'browser' || scenario.kind === 'browser-own' ? options.runs : 1;
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
      await browser.close();
    }
  } finally {
    stopPreview(server);
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
