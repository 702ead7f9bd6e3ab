import { expect, test } from 'vitest';
import { runCli } from './testing/run-cli';

// The expectation is typed in from the seed page (the Genesys guide's "WFM component
// connections" table), not derived from the domain's data.
const SEED_TABLE = [
  'Component name    Server  Builder  Daemon  Data Aggr.  Web  DAP  Stat Server  Msg Server',
  'Server            (X+)    X+               (X+)             X                 (X)',
  'Builder           X                                                           (X)',
  'Daemon            X                                    (X)                    (X)',
  'Data Aggregator   X                                         X    X            (X)',
  'Web               X                                    (X)                    (X)',
  'Database Utility                                            X',
];

test('matrix prints the component connections table as the seed page shows it', () => {
  const result = runCli(['matrix']);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const lines = result.stdout.split('\n');
  const start = lines.indexOf(SEED_TABLE[0] ?? '');
  expect(start).toBeGreaterThan(-1);
  expect(lines.slice(start, start + SEED_TABLE.length)).toEqual(SEED_TABLE);
});

test('matrix prints the legend of the four marks', () => {
  const { stdout } = runCli(['matrix']);
  expect(stdout).toContain('  X     single connection (required)\n');
  expect(stdout).toContain('  X+    one or more connections\n');
  expect(stdout).toContain('  (X)   optional connection\n');
  expect(stdout).toContain('  (X+)  optional, one or more connections\n');
});

test('matrix takes no arguments', () => {
  const result = runCli(['matrix', 'extra']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('matrix takes no arguments');
});
