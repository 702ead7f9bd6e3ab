import { XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import type { ComponentKind } from '../domain';
import { serializeSvg } from './svg';

// Generous ceilings only: the product target is 20 ms for 1,000 components, the test allows ten
// times that, so a slow or busy machine does not make it flaky. The figures are logged for trends.

const SITE_COUNT = 100;

/** One site of ten applications, at column and row on a grid, the way a designer would lay it out. */
const SITE: readonly (readonly [key: string, kind: ComponentKind, column: number, row: number])[] = [
  ['srv', 'server', 1, 2],
  ['bld1', 'builder', 0, 1],
  ['bld2', 'builder', 1, 1],
  ['agg', 'data-aggregator', 2, 1],
  ['web1', 'web', 0, 0],
  ['web2', 'web', 1, 0],
  ['util', 'db-utility', 2, 2],
  ['dap', 'dap', 0, 3],
  ['stat', 'stat-server', 1, 3],
  ['msg', 'message-server', 2, 3],
];

/** Fifteen Connections-tab entries per site, a third of them over TLS. */
const LINKS: readonly (readonly [from: string, to: string])[] = [
  ['srv', 'bld1'],
  ['srv', 'bld2'],
  ['srv', 'dap'],
  ['srv', 'msg'],
  ['bld1', 'srv'],
  ['bld2', 'srv'],
  ['agg', 'srv'],
  ['agg', 'dap'],
  ['agg', 'stat'],
  ['agg', 'msg'],
  ['web1', 'srv'],
  ['web2', 'srv'],
  ['web1', 'msg'],
  ['bld1', 'msg'],
  ['util', 'dap'],
];

/** 100 sites: 1,000 components and 1,500 connections. */
function largeDocument(): TopologyDocument {
  const components: DocumentComponent[] = [];
  const connections: DocumentConnection[] = [];
  for (let site = 0; site < SITE_COUNT; site += 1) {
    const left = (site % 10) * 800;
    const top = Math.floor(site / 10) * 700;
    for (const [key, kind, column, row] of SITE) {
      components.push({
        id: `${key}-${site}`,
        kind,
        name: `WFM_${key}_${site}`,
        position: { x: left + column * 248, y: top + row * 156 },
        host: `site${site}.example.com`,
        port: 7000 + site,
      });
    }
    LINKS.forEach(([from, to], index) => {
      connections.push({
        id: `c-${site}-${index}`,
        from: `${from}-${site}`,
        to: `${to}-${site}`,
        security: index % 3 === 0 ? 'tls' : 'none',
      });
    });
  }
  return { format: 'wfm-topology', version: 2, name: 'Hundred sites', components, connections };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

test('the generated document has 1,000 components and 1,500 connections', () => {
  const document = largeDocument();
  expect(document.components).toHaveLength(1000);
  expect(document.connections).toHaveLength(1500);
});

interface Measure {
  readonly medianMs: number;
  readonly bytes: number;
}

/** The median of 5 timed runs after one warm-up, and the size of the SVG in UTF-8 bytes. */
function measure(document: TopologyDocument): Measure {
  const svg = serializeSvg(document, { outlineProblems: true });
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    serializeSvg(document, { outlineProblems: true });
    times.push(performance.now() - start);
  }
  const measured = { medianMs: median(times), bytes: new TextEncoder().encode(svg).length };
  console.log(
    `serializeSvg, 1,000 components and 1,500 connections: median ${measured.medianMs.toFixed(1)} ms of 5 runs, ${(measured.bytes / 1e6).toFixed(2)} MB`,
  );
  return measured;
}

test('the SVG of 1,000 components and 1,500 connections is complete and well-formed', () => {
  const svg = serializeSvg(largeDocument(), { outlineProblems: true });
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg.match(/<text class="n" x="56" y="\d+">/g)).toHaveLength(1000);
  expect(svg.match(/<path class="e[ "]/g)?.length).toBeGreaterThanOrEqual(1500);
});

// The size is exact (the writer is deterministic); the time ceiling is ten times the product's
// 20 ms, which `npm run bench` measures in the browser (docs/performance.md).
test('serializeSvg writes 1,000 components and 1,500 connections in under 200 ms and under 1 MB', () => {
  const { medianMs, bytes } = measure(largeDocument());
  expect.soft(medianMs).toBeLessThan(200);
  expect.soft(bytes).toBeLessThan(1_000_000);
});
