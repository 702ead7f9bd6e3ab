import { expect, test } from 'vitest';
import { createConnectionJudge } from './connect';
import type { Topology, TopologyComponent, TopologyConnection } from './model';
import { comp, conn } from './test-builders';
import { validate } from './validate';

// A generous ceiling: it only guards against quadratic regressions (thousands of times the work at
// 10,000 components), not slowdowns, which `npm run bench` measures. 300 ms was not generous: a CI
// run on a shared 2-core machine at load 12 measured 314 ms as the fastest of its runs.
const CEILING_MS = 1_500;

/** `sites` copies of a ten-component site, linked to each other, with a few faults sprinkled in. */
function bigDeployment(sites: number): Topology {
  const components: TopologyComponent[] = [];
  const connections: TopologyConnection[] = [];
  for (let s = 0; s < sites; s += 1) {
    const id = (name: string) => `${name}-${s}`;
    components.push(
      comp(id('srv'), 'server', `WFM_Server_${s}`, { etl: s === 0 }),
      comp(id('b1'), 'builder', `WFM_Builder_${s}_1`),
      comp(id('b2'), 'builder', `WFM_Builder_${s}_2`),
      comp(id('agg'), 'data-aggregator', `WFM_Data_Aggregator_${s}`),
      comp(id('web'), 'web', `WFM_Web_${s}`),
      comp(id('util'), 'db-utility', `WFM_Database_Utility_${s}`),
      comp(id('dap'), 'dap', `WFM_DAP_${s}`),
      comp(id('stat'), 'stat-server', `Stat_Server_${s}`),
      comp(id('msg'), 'message-server', `Message_Server_${s}`),
      comp(id('dmn'), 'daemon', s % 10 === 0 ? 'WFM_Daemon' : `WFM_Daemon_${s}`),
    );
    const link = (from: string, to: string) => connections.push(conn(`${from}>${to}`, from, to));
    link(id('srv'), id('b1'));
    link(id('srv'), id('b2'));
    link(id('srv'), id('dap'));
    link(id('srv'), id('msg'));
    link(id('b1'), id('srv'));
    link(id('b2'), id('srv'));
    link(id('agg'), id('srv'));
    link(id('agg'), id('dap'));
    link(id('agg'), id('stat'));
    link(id('web'), id('srv'));
    link(id('util'), id('dap'));
    link(id('dmn'), id('srv'));
    link(id('dmn'), id('web'));
    if (s > 0) link(id('srv'), `srv-${s - 1}`);
    if (s % 7 === 0) link(id('b1'), id('dap'));
    if (s % 11 === 0) connections.push(conn(`again-${s}`, id('b2'), id('srv')));
  }
  return { options: { managementLayer: true, scheduledReporting: true }, components, connections };
}

/** The result of `run` and its fastest time over a few runs, so one slow moment of the machine does not count. */
function timed<T>(run: () => T, runs = 3): { result: T; ms: number } {
  let result = run(); // warm up
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - start);
  }
  return { result, ms };
}

test(`validating a 10,000-component deployment takes less than ${CEILING_MS} ms`, () => {
  const topology = bigDeployment(1000);
  expect(topology.components).toHaveLength(10_000);
  const { result, ms } = timed(() => validate(topology));
  expect(result.length).toBeGreaterThan(1000);
  expect(ms).toBeLessThan(CEILING_MS);
});

test(`judging the legal targets in a 10,000-component deployment takes less than ${CEILING_MS} ms`, () => {
  const topology = bigDeployment(1000);
  const { result, ms } = timed(() => createConnectionJudge(topology).legalTargets('web-500'));
  expect(result.length).toBeGreaterThan(0);
  expect(ms).toBeLessThan(CEILING_MS);
});
