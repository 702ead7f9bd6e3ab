import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { serializeDocument, type TopologyDocument } from '../document';
import { decodeShareFragment, encodeShareFragment, inflateBounded, SHARE_PREFIX } from './share-link';

const PROPERTY = { seed: 20_251_126, numRuns: 200 } as const;

const DOCUMENT: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  name: 'Zürich <lab> & "DR" 😀',
  components: [{ id: 'srv-1', kind: 'server', name: 'WFM_Server', position: { x: 0, y: 0 } }],
  connections: [],
};

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

test('a fragment starts with #doc= and holds only base64url characters', async () => {
  const fragment = await encodeShareFragment(serializeDocument(DOCUMENT));
  expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
  expect(fragment.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
});

test('decoding an encoded document gives back the same text', async () => {
  const text = serializeDocument(DOCUMENT, { includeValidation: false });
  expect(await decodeShareFragment(await encodeShareFragment(text))).toEqual({ ok: true, text });
});

test('any text survives the link, byte for byte', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
      expect(await decodeShareFragment(await encodeShareFragment(text))).toEqual({ ok: true, text });
    }),
    PROPERTY,
  );
});

test('a large document survives the link', async () => {
  const text = JSON.stringify({ rows: Array.from({ length: 20_000 }, (_, i) => `WFM_Server_${i}`) });
  expect(await decodeShareFragment(await encodeShareFragment(text))).toEqual({ ok: true, text });
});

test('the link is compressed: a repetitive document gives a short fragment', async () => {
  const text = serializeDocument({
    ...DOCUMENT,
    components: Array.from({ length: 50 }, (_, i) => ({
      id: `srv-${i}`,
      kind: 'server' as const,
      name: `S${i}`,
    })),
  });
  expect((await encodeShareFragment(text)).length).toBeLessThan(text.length / 3);
});

test('a fragment with characters outside base64url is refused as damaged', async () => {
  for (const fragment of ['#doc=abc+def', '#doc=abc/def', '#doc=abc=', '#doc=a b', '#doc=%41%42', '#doc=ü']) {
    const result = await decodeShareFragment(fragment);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('not valid base64url') });
  }
});

test('a fragment whose length no base64 has is refused as damaged', async () => {
  expect(await decodeShareFragment('#doc=A')).toEqual({
    ok: false,
    message: expect.stringContaining('damaged'),
  });
});

test('an empty fragment is refused as damaged', async () => {
  expect((await decodeShareFragment(SHARE_PREFIX)).ok).toBe(false);
});

test('random bytes are refused as damaged, never thrown', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (bytes) => {
      const result = await decodeShareFragment(`${SHARE_PREFIX}${base64Url(bytes)}`);
      // A few random byte strings happen to be valid deflate data; what matters is no throw.
      if (!result.ok) expect(result.message).toMatch(/^The link/);
    }),
    PROPERTY,
  );
});

test('a cut-off link is refused as damaged', async () => {
  const fragment = await encodeShareFragment(serializeDocument(DOCUMENT));
  const result = await decodeShareFragment(fragment.slice(0, fragment.length - 8));
  expect(result).toEqual({ ok: false, message: expect.stringContaining('damaged') });
});

test('a link whose content is not UTF-8 is refused as damaged', async () => {
  const fragment = `${SHARE_PREFIX}${base64Url(deflateRawSync(Uint8Array.of(0xff, 0xfe, 0xc3)))}`;
  expect(await decodeShareFragment(fragment)).toEqual({
    ok: false,
    message: expect.stringContaining('damaged'),
  });
});

test('a zip bomb (11 MB of spaces, a few KB compressed) is refused as too large', async () => {
  const bomb = deflateRawSync(new Uint8Array(11 * 1024 * 1024).fill(0x20), { level: 9 });
  expect(bomb.length).toBeLessThan(20_000);
  const result = await decodeShareFragment(`${SHARE_PREFIX}${base64Url(bomb)}`);
  expect(result).toEqual({ ok: false, message: expect.stringContaining('larger than 10 MB') });
});

test('a document of exactly 10 MB still opens', async () => {
  const text = ' '.repeat(10 * 1024 * 1024);
  const result = await decodeShareFragment(`${SHARE_PREFIX}${base64Url(deflateRawSync(text))}`);
  expect(result.ok && result.text.length).toBe(text.length);
});

/** Deflate-raw data that inflates to `megabytes` MB of zeros, made in milliseconds from one flushed block. */
function bomb(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

test('a bomb of 1.5 MB that inflates to 1.5 GB is refused with memory near the 10 MB cap', async () => {
  const data = bomb(1500);
  expect(data.length).toBeLessThan(2 * 1024 * 1024);
  const start = process.memoryUsage();
  let peakArrayBuffers = start.arrayBuffers;
  let peakRss = start.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
    peakRss = Math.max(peakRss, now.rss);
  }, 1);
  const result = await decodeShareFragment(`${SHARE_PREFIX}${base64Url(data)}`);
  clearInterval(sampler);
  const end = process.memoryUsage();
  peakArrayBuffers = Math.max(peakArrayBuffers, end.arrayBuffers);
  peakRss = Math.max(peakRss, end.rss);
  expect(result).toEqual({ ok: false, message: expect.stringContaining('larger than 10 MB') });
  // A few times the cap, never the bomb's size: expanding it whole would take 1.5 GB.
  expect((peakArrayBuffers - start.arrayBuffers) / 2 ** 20).toBeLessThan(64);
  expect((peakRss - start.rss) / 2 ** 20).toBeLessThan(200);
});

test('inflating stops at the cap, and data right at the cap passes', async () => {
  const exact = deflateRawSync(Buffer.alloc(4096, 0x61));
  expect(await inflateBounded(exact, 4096)).toEqual({ ok: true, bytes: new Uint8Array(4096).fill(0x61) });
  expect(await inflateBounded(exact, 4095)).toEqual({ ok: false, reason: 'too-large' });
});

test('data that is not deflate is called damaged, whatever its size', async () => {
  expect(await inflateBounded(new Uint8Array([1, 2, 3, 4, 5]), 1024)).toEqual({
    ok: false,
    reason: 'damaged',
  });
  const noise = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251);
  expect((await inflateBounded(noise, 1024)).ok).toBe(false);
});
