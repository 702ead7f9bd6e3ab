import { BUDGET } from './budget';
import { round } from './stats';

// The targets of issue 6 (docs/performance.md): for each, the scenario that measures it and how its
// median figures are judged and shown in the table.

/** One scenario's figures: numbers, and a few labels (the LCP element, say). */
export type Figures = Record<string, number | string>;

export interface Target {
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

/**
 * Issue 12: a saved document opens in at most this many times what React Flow alone takes to show
 * it, measured in the same run. The figure is the median of the pairs' own ratios, so a slow phase
 * of the machine that slows one pair slows both of its loads.
 */
export const OPEN_RATIO = 1.3;

/**
 * Issue 16: a collaborator's edit shows up "live". 100 ms is the limit under which a reaction feels
 * instantaneous (Nielsen's 0.1 s), so the server's part, on this machine with the clients beside
 * it, must keep its p95 under that and its median at half of it, leaving the rest to the network.
 */
export const SYNC_P50_MS = 50;
export const SYNC_P95_MS = 100;

const syncJudge = (m: Figures) => ({
  measured: `p50 ${ms(n(m, 'allP50Ms'))}, p95 ${ms(n(m, 'allP95Ms'))} (${n(m, 'edits')} edits)`,
  met: n(m, 'allP50Ms') <= SYNC_P50_MS && n(m, 'allP95Ms') <= SYNC_P95_MS,
});

export const TARGETS: readonly Target[] = [
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
      measured: `${ms(n(m, 'p99Ms'))} p99 (${ms(n(m, 'medianMs'))} median; first 200 edits ${ms(n(m, 'coldP99Ms'))} p99)`,
      met: n(m, 'p99Ms') <= 1,
    }),
  },
  {
    scenario: 'tidy-200',
    label: 'Tidy up layout, 200 components with hosts and zones',
    target: '< 1 s',
    judge: (m) => ({
      measured: `${ms(n(m, 'medianMs'))} median; first after the idle layout of the open diagram ${ms(n(m, 'firstMs'))} (that layout ${ms(n(m, 'warmUpMs'))}, in the worker)`,
      met: n(m, 'medianMs') < 1000 && n(m, 'firstMs') < 1000,
    }),
  },
  {
    scenario: 'tidy-ha',
    label: 'Tidy up layout, the Highly available site (HA pairs on two hosts side by side)',
    target: '< 1 s',
    judge: (m) => ({
      measured: `${ms(n(m, 'medianMs'))} median`,
      met: n(m, 'medianMs') < 1000,
    }),
  },
  {
    scenario: 'revalidate-m-hosts',
    label: 're-validation after one edit, M with hosts and zones',
    target: '≤ 1 ms p99',
    judge: (m) => ({
      measured: `${ms(n(m, 'p99Ms'))} p99 (${ms(n(m, 'medianMs'))} median; first 200 edits ${ms(n(m, 'coldP99Ms'))} p99)`,
      met: n(m, 'p99Ms') <= 1,
    }),
  },
  {
    scenario: 'cli-validate-xl',
    label: 'wfm-topology validate, XL',
    target: '≤ 3 × bare Node (JSON.parse + walk)',
    judge: (m) => ({
      measured: `${round(n(m, 'ratio'))} × (${ms(n(m, 'cliMs'))} vs ${ms(n(m, 'floorMs'))})`,
      met: n(m, 'ratio') <= 3,
    }),
  },
  {
    scenario: 'cli-matrix',
    label: 'wfm-topology matrix',
    target: '< 150 ms',
    judge: (m) => ({
      measured: `${ms(n(m, 'cliMs'))} (bare node ${ms(n(m, 'nodeMs'))})`,
      met: n(m, 'cliMs') < 150,
    }),
  },
  ...([2, 10, 30] as const).map(
    (clients): Target => ({
      scenario: `sync-${clients}`,
      label: `live sync, ${clients} clients in one room: edit → every other client`,
      target: `p50 ≤ ${SYNC_P50_MS} ms, p95 ≤ ${SYNC_P95_MS} ms`,
      judge: syncJudge,
    }),
  ),
  {
    scenario: 'sync-redis',
    label: 'live sync across two instances through Redis: edit on A → client of B',
    target: `p50 ≤ ${SYNC_P50_MS} ms, p95 ≤ ${SYNC_P95_MS} ms`,
    judge: syncJudge,
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
    scenario: 'drag-m-hosts',
    label: 'drag a component, M with hosts and zones',
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
    scenario: 'badge-m-hosts',
    label: 'edit → problem badge painted, M with hosts and zones',
    target: '≤ 100 ms',
    judge: (m) => ({ measured: ms(n(m, 'ms')), met: n(m, 'ms') <= 100 }),
  },
  ...([10, 100] as const).map(
    (size): Target => ({
      scenario: `open-${size}`,
      label: `open a saved document, ${size} components, against React Flow alone`,
      target: `≤ ${OPEN_RATIO}× the floor`,
      judge: (m) => ({
        measured: `${round(n(m, 'ratio'))}× (${ms(n(m, 'designerMs'))} against ${ms(n(m, 'floorMs'))})`,
        met: n(m, 'ratio') <= OPEN_RATIO,
      }),
    }),
  ),
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
