/** The URL fragment that carries a shared document: `#doc=<deflate-raw, base64url>`. */
export const SHARE_PREFIX = '#doc=';
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

/** The document text a `#doc=` fragment carries, or an error message. Bounded: a bomb stops at 10 MB. */
export async function decodeShareFragment(
  fragment: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const bytes = fromBase64Url(fragment.slice(SHARE_PREFIX.length));
  if (!bytes) return { ok: false, message: 'The link is damaged: its document part is not valid base64url.' };
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > 10 * 1024 * 1024) {
        await reader.cancel();
        return {
          ok: false,
          message: 'The link’s document is larger than 10 MB, the most a topology file may take.',
        };
      }
      chunks.push(value);
    }
    const all = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(all) };
  } catch {
    return { ok: false, message: 'The link is damaged: its document part cannot be decompressed.' };
  }
}
