import { expect, test } from 'vitest';
import { generateDocument, SIZES } from '../bench/generate';
import { median, quantile, round } from '../bench/stats';
import { parseDocument, serializeDocument } from '../src/document';
import { problemComponentId, validate } from '../src/domain';

// The bench's figures are only as good as its documents: the sizes, 1.5 connections per component,
// matrix-legal connections but for a few faults, valid files, and the same document every time.

for (const name of ['S', 'M'] as const) {
  test(`the ${name} benchmark document has ${SIZES[name]} components, 1.5 connections each, and is a valid file`, () => {
    const { document } = generateDocument(SIZES[name]);
    expect(document.components).toHaveLength(SIZES[name]);
    const perComponent = document.connections.length / document.components.length;
    expect(perComponent).toBeGreaterThanOrEqual(1.45);
    expect(perComponent).toBeLessThanOrEqual(1.55);
    const parsed = parseDocument(serializeDocument(document));
    expect(parsed.ok).toBe(true);
  });
}

test('the benchmark documents are mostly matrix-legal, with a few faults for the problems panel', () => {
  const { document, cleanSites } = generateDocument(SIZES.M);
  const problems = validate(document);
  const bad = problems.filter((p) => p.code === 'forbidden-connection' || p.code === 'duplicate-connection');
  expect(bad.length).toBeGreaterThan(0);
  expect(bad.length / document.connections.length).toBeLessThan(0.05);
  // The badge scenario deletes the DAP of a clean site: its WFM Server must have no problem yet.
  const withProblems = new Set(problems.map(problemComponentId));
  expect(cleanSites.length).toBeGreaterThan(SIZES.M / 10 / 2);
  for (const site of cleanSites) expect(withProblems.has(`srv-${site}`)).toBe(false);
});

test('the same seed gives the same document, byte for byte; another seed another one', () => {
  const text = serializeDocument(generateDocument(SIZES.S).document);
  expect(serializeDocument(generateDocument(SIZES.S).document)).toBe(text);
  expect(serializeDocument(generateDocument(SIZES.S, 7).document)).not.toBe(text);
});

test('quantiles are nearest-rank: a p95 is a measured frame, never an interpolation', () => {
  const frames = Array.from({ length: 20 }, (_, i) => i + 1);
  expect(quantile(frames, 0.95)).toBe(19);
  expect(quantile(frames, 1)).toBe(20);
  expect(median([5, 1, 3])).toBe(3);
  expect(quantile([], 0.5)).toBeNaN();
  expect(round(16.666)).toBe(16.7);
  expect(round(1.2345)).toBe(1.23);
  expect(round(0.12345)).toBe(0.123);
});

test('the M document with hosts and zones is a valid file whose hosts hold their cards', () => {
  const { document } = generateDocument(SIZES.M, 6, { hostsAndZones: true });
  expect(document.components).toHaveLength(SIZES.M);
  expect(document.hosts).toHaveLength(2 * (SIZES.M / 10));
  expect((document.zones ?? []).length).toBeGreaterThan(1);
  const parsed = parseDocument(serializeDocument(document));
  expect(parsed.ok).toBe(true);
  const hosts = new Map((document.hosts ?? []).map((host) => [host.id, host]));
  for (const component of document.components) {
    const host = hosts.get(component.host ?? '');
    const { position } = component;
    if (!host?.position || !host.size || !position) throw new Error(`${component.id} has no host box`);
    expect(position.x).toBeGreaterThanOrEqual(host.position.x);
    expect(position.y).toBeGreaterThanOrEqual(host.position.y);
    expect(position.x + 200).toBeLessThanOrEqual(host.position.x + host.size.width);
    expect(position.y + 60).toBeLessThanOrEqual(host.position.y + host.size.height);
  }
  // Hosts and ports add no problem of their own: the faults are the same as without them.
  const codes = new Set(validate(document).map((problem) => problem.code));
  for (const code of ['port-conflict', 'missing-lca', 'tls-no-certificate']) {
    expect(codes.has(code as never)).toBe(false);
  }
});
