import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, expect, test } from 'vitest';
import { updateLog, whileBusy } from '../server/update-log';

// The update log's start when another instance holds the file (decision 034: instances share one
// DATA_DIR): a fresh-clone CI run saw two instances started at the same moment, and one died with
// "database is locked" while switching the file to WAL.

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
let scratch = '';
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = '';
});

test('a step SQLite answers busy is tried again until it holds', () => {
  let calls = 0;
  whileBusy(() => {
    calls += 1;
    if (calls < 3) throw busy();
  });
  expect(calls).toBe(3);
});

test('any other error, and busy past the limit, is thrown as it came', () => {
  expect(() =>
    whileBusy(() => {
      throw new Error('disk I/O error');
    }),
  ).toThrow('disk I/O error');
  let calls = 0;
  expect(() =>
    whileBusy(() => {
      calls += 1;
      throw busy();
    }, 100),
  ).toThrow('database is locked');
  expect(calls).toBeGreaterThan(1);
});

test('the log opens while another connection holds the file, once that one lets go', async () => {
  scratch = mkdtempSync(join(tmpdir(), 'wfm-update-log-'));
  const file = join(scratch, 'rooms.sqlite');
  // Another instance, in its own thread: it takes the file exclusively for 300 ms.
  const worker = new Worker(
    `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
     const { parentPort, workerData } = require('node:worker_threads');
     const db = new Database(workerData);
     db.exec('BEGIN EXCLUSIVE');
     parentPort.postMessage('locked');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, 300);`,
    { eval: true, workerData: file },
  );
  const released = new Promise((resolve) => worker.on('message', (m) => m === 'released' && resolve(m)));
  await new Promise((resolve) => worker.once('message', resolve));
  const log = updateLog(scratch);
  await released;
  await worker.terminate();
  expect(log.extensionName).toBe('wfm-update-log');
  log.close();
});
