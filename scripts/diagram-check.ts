// The drawing quality check of issue 14 item 7 (docs/diagrams.md): every template and generated
// documents of 10, 50 and 200 components, laid out by Tidy up, exported as SVG and measured.
//
//   npm run diagram-check                      the table of counts
//   npm run diagram-check -- --strict          exits 1 when a document misses a target
//   npm run diagram-check -- --json [file]     the results as JSON (to the file, or instead of the table)
//   npm run diagram-check -- --findings        each offence in words under its document's row
//   npm run diagram-check -- --only generated  only the documents whose name holds this text
//   npm run diagram-check -- --svg dir         writes every measured SVG into dir
//   npm run diagram-check -- --print-baseline  prints src/diagram-check/baseline.ts for today's counts
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDocument } from '../bench/generate';
import { BASELINE } from '../src/diagram-check/baseline';
import { type CheckedDocument, checkCorpus } from '../src/diagram-check/check';
import { type CorpusEntry, corpus, type Generate, type TemplateSource } from '../src/diagram-check/corpus';
import { METRIC_NAMES, type Metrics } from '../src/diagram-check/metrics';
import { ENFORCED, maxCrossings, missedTargets } from '../src/diagram-check/targets';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE_DIR = join(ROOT, 'src/templates');

/** The templates' files, by name (the catalog's `?raw` imports are for the bundler only). */
export function templateSources(): TemplateSource[] {
  return readdirSync(TEMPLATE_DIR)
    .filter((file) => file.endsWith('.wfm.json'))
    .sort()
    .map((file) => ({
      id: file.slice(0, -'.wfm.json'.length),
      text: readFileSync(join(TEMPLATE_DIR, file), 'utf8'),
    }));
}

/** The bench's generator (bench/generate.ts), seed 6 as the bench uses it. */
export const generate: Generate = (size, hostsAndZones) =>
  generateDocument(size, 6, { hostsAndZones }).document;

/** The corpus the script and the test measure. */
export function diagramCorpus(): CorpusEntry[] {
  return corpus(templateSources(), generate);
}

const SHORT: { readonly [name in keyof Metrics]: string } = {
  cards: 'cards',
  edges: 'edges',
  cardOverlaps: 'overlaps',
  edgesThroughCards: 'through',
  clippedLabels: 'clipped',
  labelOverlaps: 'lbl-ovl',
  edgeCrossings: 'crossings',
};

/** The results as a Markdown table: docs/diagrams.md holds one. */
export function table(results: readonly CheckedDocument[]): string {
  const head = [
    'document',
    ...(['cards', 'edges', ...METRIC_NAMES] as const).map((m) => SHORT[m]),
    'max crossings',
    'layout ms',
    'missed',
  ];
  const rows = results.map((r) => [
    r.name,
    ...(['cards', 'edges', ...METRIC_NAMES] as const).map((m) => String(r.metrics[m])),
    String(maxCrossings(r.name) ?? '–'),
    r.layoutMs === undefined ? '–' : String(Math.round(r.layoutMs)),
    String(missedTargets(r.name, r.metrics, r.layoutMs).length),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function baselineModule(results: readonly CheckedDocument[]): string {
  const entries = results.map(
    (r) =>
      `  '${r.name}': ${JSON.stringify(r.metrics)
        .replace(/"(\w+)":/g, '$1: ')
        .replace(/,/g, ', ')},`,
  );
  return [
    "import type { Metrics } from './metrics';",
    '',
    '/**',
    " * Today's straight-line drawing, measured (docs/diagrams.md): what `npm run diagram-check` counted",
    ' * before the layout engine of issue 14. The crossings target is half of these; the numbers stay',
    ' * as recorded when the drawing changes.',
    ' */',
    'export const BASELINE: { readonly [name: string]: Metrics } = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  const value = at >= 0 ? args[at + 1] : undefined;
  return value !== undefined && !value.startsWith('--') ? value : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const only = option(args, '--only');
  const entries = diagramCorpus().filter((e) => only === undefined || e.name.includes(only));
  const svgDir = option(args, '--svg');
  const results = await checkCorpus(entries, { keepSvg: svgDir !== undefined });
  if (svgDir) {
    mkdirSync(svgDir, { recursive: true });
    for (const r of results)
      if (r.svg) writeFileSync(join(svgDir, `${r.name.replace(/:/g, '_')}.svg`), r.svg);
  }
  if (args.includes('--print-baseline')) {
    process.stdout.write(baselineModule(results));
    return 0;
  }
  const missed = results.map((r) => ({ name: r.name, missed: missedTargets(r.name, r.metrics, r.layoutMs) }));
  if (args.includes('--json')) {
    const json = `${JSON.stringify(
      results.map(({ svg: _svg, ...r }, i) => ({
        ...r,
        baseline: BASELINE[r.name],
        maxCrossings: maxCrossings(r.name),
        enforced: ENFORCED.has(r.name),
        missed: missed[i]?.missed ?? [],
      })),
      null,
      2,
    )}\n`;
    const file = option(args, '--json');
    if (file) writeFileSync(file, json);
    else {
      process.stdout.write(json);
      return args.includes('--strict') && missed.some((m) => m.missed.length > 0) ? 1 : 0;
    }
  }
  console.log(table(results));
  if (args.includes('--findings')) {
    for (const r of results) {
      const lines = METRIC_NAMES.flatMap((m) => r.findings[m].map((f) => `  ${m}: ${f}`));
      if (lines.length) console.log(`\n${r.name}\n${lines.join('\n')}`);
    }
  }
  const failing = missed.filter((m) => m.missed.length > 0);
  console.log(
    `\n${results.length - failing.length} of ${results.length} documents meet the targets (src/diagram-check/targets.ts); ${ENFORCED.size} enforced by the tests.`,
  );
  if (args.includes('--strict') && failing.length > 0) {
    for (const f of failing) console.log(`${f.name}: ${f.missed.join('; ')}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
