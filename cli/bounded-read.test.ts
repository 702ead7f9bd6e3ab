import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, symlinkSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  MAX_FILE_BYTES,
  MAX_PNG_FILE_BYTES,
  MAX_SVG_FILE_BYTES,
  serializeDocument,
  type TopologyDocument,
} from '../src/document';
import { serializeSvg } from '../src/export';
import { createScratch, runCliBytes } from './testing/run-cli';

// Issue 11, item 6: the CLI reads only regular files, and no further than its cap, whatever the
// path leads to and whatever `stat` says; item 7: the cap fits the designer's own exports.

const scratch = createScratch();
afterAll(() => scratch.remove());

/**
 * Long enough for the CLI to start on a busy machine, far too short to fill memory from
 * /dev/zero (7.5 GB in 24 s before the fix) or to wait on a FIFO: a hang is killed and fails.
 */
const QUICKLY_MS = 20_000;
const NOT_REGULAR = 'This is not a regular file (a device, FIFO, socket or directory): nothing was read.';
const onWindows = process.platform === 'win32';

function expectRefused(path: string, message: string): void {
  const run = runCliBytes(['validate', path], QUICKLY_MS);
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(run.stdout.toString()).toBe('');
  expect(run.stderr.toString()).toBe(`${path}: ${message}\n`);
}

/** A file of `size` bytes that starts with `start` and is a hole after it: big, and costs no disk. */
function sparseFile(name: string, start: Uint8Array | string, size: number): string {
  const path = join(scratch.folder, name);
  const fd = openSync(path, 'w');
  writeSync(fd, typeof start === 'string' ? Buffer.from(start) : start);
  writeSync(fd, Buffer.from([0x20]), 0, 1, size - 1);
  closeSync(fd);
  return path;
}

test.skipIf(!existsSync('/dev/zero'))('a device (/dev/zero) exits 2 at once, nothing read', () => {
  expectRefused('/dev/zero', NOT_REGULAR);
});

test.skipIf(onWindows || !existsSync('/dev/zero'))(
  'a symbolic link to /dev/zero, as committed in a repository, exits 2 at once',
  () => {
    const link = join(scratch.folder, 'x.wfm.json');
    symlinkSync('/dev/zero', link);
    expectRefused(link, NOT_REGULAR);
  },
);

test.skipIf(onWindows)('a FIFO with no writer exits 2 at once instead of waiting forever', () => {
  const fifo = join(scratch.folder, 'pipe.wfm.json');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  expectRefused(fifo, NOT_REGULAR);
});

test.skipIf(onWindows)('a socket exits 2', async () => {
  const socket = join(scratch.folder, 'socket.wfm.json');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  try {
    expectRefused(socket, NOT_REGULAR);
  } finally {
    server.close();
  }
});

test('a directory exits 2', () => {
  expectRefused(scratch.folder, NOT_REGULAR);
});

test.skipIf(!existsSync('/proc/self/pagemap'))(
  'a file whose stat size is 0 but that never ends is read no further than the cap',
  () => {
    // /proc/self/pagemap: a regular file, size 0 by stat, gigabytes when read.
    expectRefused('/proc/self/pagemap', 'The file is larger than 10 MB, the most a topology file may take.');
  },
);

test('a JSON file of a terabyte (sparse) exits 2 at once: past 10 MB it is not read', () => {
  const huge = sparseFile('huge.wfm.json', '{"name":"', 1024 ** 4);
  expectRefused(huge, 'The file is larger than 10 MB, the most a topology file may take.');
});

test('an SVG or a PNG past its own cap exits 2 naming that cap', () => {
  const svg = sparseFile('huge.svg', '<svg xmlns="http://www.w3.org/2000/svg">', MAX_SVG_FILE_BYTES + 1);
  expectRefused(svg, 'The file is larger than 160 MB, the most an SVG exported by the designer may take.');
  const signature = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const png = sparseFile('huge.png', signature, MAX_PNG_FILE_BYTES + 1);
  expectRefused(png, 'The file is larger than 48 MB, the most a PNG exported by the designer may take.');
});

/** A valid deployment of 20,000 components: one WFM Server, one DAP and 19,998 WFM Builders. */
const HOST_COUNT = 1000;

function twentyThousandComponents(): TopologyDocument {
  const builders = Array.from({ length: 19_998 }, (_, index) => ({
    id: `bld-${index}`,
    kind: 'builder' as const,
    name: `WFM_Builder_${index}`,
    host: `host-${index % HOST_COUNT}`,
    port: 7010,
    notes: 'Builder pool of the contact centre',
  }));
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'Builder farm',
    // A version-2 document names at most 2,000 hosts: the Builders share a thousand machines.
    hosts: Array.from({ length: HOST_COUNT }, (_, index) => ({
      id: `host-${index}`,
      name: `builder-${index}`,
      address: `builder-${index}.wfm.example.com`,
    })),
    components: [
      { id: 'srv-1', kind: 'server', name: 'WFM_Server' },
      { id: 'dap-1', kind: 'dap', name: 'WFM_DAP' },
      ...builders,
    ],
    connections: [
      { id: 'c-dap', from: 'srv-1', to: 'dap-1' },
      { id: 'c-bld', from: 'srv-1', to: 'bld-0' },
      ...builders.map((builder) => ({ id: `c-${builder.id}`, from: builder.id, to: 'srv-1' })),
    ],
  };
}

test('the designer’s SVG export of a legal 20,000-component document is read, though over 10 MB', () => {
  const document = twentyThousandComponents();
  const svg = scratch.write('farm.svg', serializeSvg(document, { outlineProblems: true }));
  const run = runCliBytes(['export', svg, '--to', 'json']);
  expect(run.stderr.toString()).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.toString()).toBe(serializeDocument(document));
  expect(Buffer.byteLength(serializeSvg(document))).toBeGreaterThan(MAX_FILE_BYTES);
}, 120_000);
