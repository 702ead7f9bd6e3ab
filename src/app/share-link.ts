import { SHARE_PREFIX } from './share-link-prefix';

export { SHARE_PREFIX };
/** Links longer than this break in mail clients and chat tools: such documents go by file. */
export const MAX_SHARE_LINK_LENGTH = 8000;

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const response = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The fragment (with `#doc=`) for document text. */
export async function encodeShareFragment(documentText: string): Promise<string> {
  const compressed = await pipe(new TextEncoder().encode(documentText), new CompressionStream('deflate-raw'));
  return `${SHARE_PREFIX}${toBase64Url(compressed)}`;
}

/** The most a link's document may inflate to: the size cap of a topology file. */
export const MAX_LINK_TEXT_BYTES = 10 * 1024 * 1024;
/**
 * Compressed bytes fed to the inflater at a time. Deflate expands at most about 1,032 times, so
 * one piece yields at most about 1 MB before the running count is checked again.
 */
const INFLATE_PIECE_BYTES = 1024;

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly reason: 'too-large' | 'damaged' };

/**
 * Inflates deflate-raw data and stops as soon as the output passes `cap`. The input goes in small
 * pieces and the output is counted as it comes, so a bomb (2 MB that inflates to 1.5 GB) costs at
 * most the cap plus one piece's output, never its whole size (issue 11, observation 3).
 */
export async function inflateBounded(bytes: Uint8Array, cap: number): Promise<InflateResult> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let damaged = false;
  const reading = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        total += value.length;
        if (total > cap) {
          over = true;
          await reader.cancel();
          return;
        }
        chunks.push(value);
      }
    } catch {
      damaged = true;
    }
  })();
  try {
    for (let offset = 0; offset < bytes.length && !over && !damaged; offset += INFLATE_PIECE_BYTES) {
      await writer.ready;
      await writer.write(bytes.slice(offset, offset + INFLATE_PIECE_BYTES));
    }
    if (!over && !damaged) await writer.close();
  } catch {
    // The reader was cancelled (too large), or the data is not deflate: the reading side says which.
    if (!over) damaged = true;
  }
  await reading;
  if (over) return { ok: false, reason: 'too-large' };
  if (damaged) return { ok: false, reason: 'damaged' };
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: all };
}

/** The document text a `#doc=` fragment carries, or an error message. Bounded: a bomb stops at 10 MB. */
export async function decodeShareFragment(
  fragment: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const bytes = fromBase64Url(fragment.slice(SHARE_PREFIX.length));
  if (!bytes) return { ok: false, message: 'The link is damaged: its document part is not valid base64url.' };
  const inflated = await inflateBounded(bytes, MAX_LINK_TEXT_BYTES);
  if (!inflated.ok) {
    return inflated.reason === 'too-large'
      ? { ok: false, message: 'The link’s document is larger than 10 MB, the most a topology file may take.' }
      : { ok: false, message: 'The link is damaged: its document part cannot be decompressed.' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes) };
  } catch {
    return { ok: false, message: 'The link is damaged: its document is not valid UTF-8 text.' };
  }
}
