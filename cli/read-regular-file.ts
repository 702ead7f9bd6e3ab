import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** A cap on the bytes read, with whatever the caller wants to say about it. */
export interface ReadCap {
  readonly bytes: number;
}

/** The bytes of a regular file, or why they were not read; other failures are thrown. */
export type RegularFileRead<Cap extends ReadCap> =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'not-regular' }
  | { readonly ok: false; readonly reason: 'too-large'; readonly cap: Cap };

// Opened without blocking: a FIFO with no writer would otherwise hold `open` forever. Windows has
// no O_NONBLOCK, and no FIFO to open by a path either.
const OPEN_FLAGS = constants.O_RDONLY | (typeof constants.O_NONBLOCK === 'number' ? constants.O_NONBLOCK : 0);

// `open` itself refuses some of what is not a file: a socket (ENXIO) and, on Windows, a directory.
const NOT_A_FILE = new Set(['ENXIO', 'EISDIR']);

// Whole blocks, never an odd length: some kernel files (/proc/self/pagemap) refuse reads that are
// not a multiple of 8 bytes. So up to one block past the cap is read before the file is refused.
const CHUNK_BYTES = 64 * 1024;

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** Reads into `into` until it is full or the file ends; returns how many bytes came. */
function readFully(fd: number, into: Uint8Array): number {
  let filled = 0;
  while (filled < into.length) {
    const got = readSync(fd, into, filled, into.length - filled, null);
    if (got === 0) break;
    filled += got;
  }
  return filled;
}

/**
 * Reads a file only if, once symbolic links are followed, it is a regular file, and reads at most
 * one block past its cap. The checks are made on the open descriptor, not the path, so nothing can
 * be swapped in between; the cap counts the bytes that come, whatever `stat` says (a device says
 * 0, a file may grow). `capFor` chooses the cap from the first `headBytes` bytes.
 */
export function readRegularFile<Cap extends ReadCap>(
  path: string,
  headBytes: number,
  capFor: (head: Uint8Array) => Cap,
): RegularFileRead<Cap> {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    if (NOT_A_FILE.has(String(errorCode(error)))) return { ok: false, reason: 'not-regular' };
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) return { ok: false, reason: 'not-regular' };
    const head = new Uint8Array(headBytes);
    const headLength = readFully(fd, head);
    const cap = capFor(head.subarray(0, headLength));
    const chunks = [head.subarray(0, headLength)];
    let total = headLength;
    let ended = headLength < headBytes;
    while (!ended && total <= cap.bytes) {
      const chunk = new Uint8Array(CHUNK_BYTES);
      const got = readFully(fd, chunk);
      chunks.push(chunk.subarray(0, got));
      total += got;
      ended = got < chunk.length;
    }
    if (total > cap.bytes) return { ok: false, reason: 'too-large', cap };
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}
