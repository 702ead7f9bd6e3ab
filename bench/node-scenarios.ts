import { validate } from '../src/domain';
import { serializeSvg } from '../src/export';
import { createDerivations } from '../src/store/derived';
import { createDesignerStore } from '../src/store/store';
import { createRandom, type GenerateOptions, generateDocument, SIZES } from './generate';
import { median, quantile } from './stats';

/** Times `run` `times` times after `warmup` untimed runs; milliseconds. */
function time(run: () => unknown, times: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Full `validate` of the XL document in Node: the median of 31 runs. */
export function fullValidateXl(): { medianMs: number; p95Ms: number; runs: number } {
  const { document } = generateDocument(SIZES.XL);
  const samples = time(() => validate(document), 31);
  return { medianMs: median(samples), p95Ms: quantile(samples, 0.95), runs: samples.length };
}

/**
 * What the editor does after one structural edit of the M document: the store applies the edit,
 * then the memoised problems are worked out again. Rename, security, delete, connect and add, in
 * turn; the time is that of the problems derivation alone. The first `edits` edits after 20 of
 * warm-up give `coldP99Ms`; the `edits` after those, once V8 has settled its optimised code for the
 * shapes of edited components (in the first ~180 edits, a few calls take 3–5 ms while it
 * re-optimises), give the median and p99.
 */
export function revalidateAfterEditM(
  edits = 200,
  options: GenerateOptions = {},
): {
  medianMs: number;
  p99Ms: number;
  coldP99Ms: number;
  edits: number;
} {
  const { document } = generateDocument(SIZES.M, undefined, options);
  const store = createDesignerStore(document);
  const derivations = createDerivations();
  const random = createRandom(66);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  derivations.problems(store.getState().document);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let edit = 0; edit < 20 + 2 * edits; edit += 1) {
    const state = store.getState();
    const { components, connections } = state.document;
    switch (edit % 5) {
      case 0:
        state.updateComponent(pick(components).id, { name: `Renamed_${edit}` });
        break;
      case 1:
        state.setSecurity(pick(connections).id, pick(['none', 'tls', 'mutual-tls'] as const));
        break;
      case 2:
        state.deleteElements([], [pick(connections).id]);
        break;
      case 3: {
        const from = pick(components.filter((c) => c.kind === 'server'));
        const to = pick(components.filter((c) => c.kind === 'builder' || c.kind === 'server'));
        state.connect(from.id, to.id);
        break;
      }
      default:
        state.addComponent(pick(['builder', 'web', 'dap'] as const), { x: edit * 8, y: -200 });
    }
    const next = store.getState().document;
    const start = performance.now();
    derivations.problems(next);
    const ms = performance.now() - start;
    if (edit >= 20 + edits) warm.push(ms);
    else if (edit >= 20) cold.push(ms);
  }
  return {
    medianMs: median(warm),
    p99Ms: quantile(warm, 0.99),
    coldP99Ms: quantile(cold, 0.99),
    edits: warm.length,
  };
}

/** `serializeSvg` of the M document in Node, for comparison with the browser figure. */
export function svgExportNodeM(): { medianMs: number; bytes: number } {
  const { document } = generateDocument(SIZES.M);
  const svg = serializeSvg(document, { outlineProblems: true });
  const samples = time(() => serializeSvg(document, { outlineProblems: true }), 15);
  return { medianMs: median(samples), bytes: Buffer.byteLength(svg, 'utf8') };
}

/**
 * Tidy up's layout of 200 components on hosts in zones (issue 14: under 1 s), in Node with the
 * designer's layout code; the designer runs the same code in a worker. The first layout of a
 * process includes the engine's warm-up and is reported apart.
 */
export async function tidyLayout200(): Promise<{ medianMs: number; firstMs: number; warmUpMs: number }> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const { elkLayout } = await import('../src/drawing/elk-layout');
  const elk = new ELK({ algorithms: ['layered'] });
  const { document } = generateDocument(200, 6, { hostsAndZones: true });
  // As the designer does for a large diagram: the worker lays the open diagram out at idle time
  // (src/app/layout/use-warm-layout.ts). Tidy up of that same diagram takes that answer; the
  // first Tidy up after an edit runs on the warmed engine: here, another deployment of 200.
  let started = performance.now();
  await elkLayout(elk, generateDocument(200, 7, { hostsAndZones: true }).document);
  const warmUpMs = performance.now() - started;
  started = performance.now();
  await elkLayout(elk, document);
  const firstMs = performance.now() - started;
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    started = performance.now();
    await elkLayout(elk, document);
    samples.push(performance.now() - started);
  }
  return { medianMs: median(samples), firstMs, warmUpMs };
}

/**
 * Tidy up of the Highly available site: its two application hosts share HA pairs, so the layout
 * tries their side-by-side drawings (src/drawing/host-pair-block.ts) before the whole diagram:
 * about seventeen small ELK runs (decision 026). After one warm-up layout.
 */
export async function tidyHighlyAvailable(): Promise<{ medianMs: number }> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const { elkLayout } = await import('../src/drawing/elk-layout');
  const { readFileSync } = await import('node:fs');
  const { parseDocument } = await import('../src/document');
  const parsed = parseDocument(
    readFileSync(new URL('../src/templates/highly-available.wfm.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const elk = new ELK({ algorithms: ['layered'] });
  await elkLayout(elk, parsed.document);
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    await elkLayout(elk, parsed.document);
    samples.push(performance.now() - started);
  }
  return { medianMs: median(samples) };
}
