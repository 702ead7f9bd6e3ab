import { expect, test } from 'vitest';

// The app's Content-Security-Policy has no 'unsafe-eval': zod must never build code from strings,
// neither when the schemas are made nor when a file is parsed.

test('reading and checking a document never calls the Function constructor', async () => {
  const original = globalThis.Function;
  const calls: unknown[][] = [];
  globalThis.Function = new Proxy(original, {
    construct(target, args) {
      calls.push(args);
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      calls.push(args);
      return Reflect.apply(target, self, args);
    },
  });
  try {
    const { parseDocument } = await import('./index');
    const text = JSON.stringify({
      format: 'wfm-topology',
      version: 2,
      components: [{ id: 's', kind: 'server', name: 'S', position: { x: 0, y: 0 } }],
      connections: [],
    });
    for (let run = 0; run < 3; run += 1) expect(parseDocument(text).ok).toBe(true);
  } finally {
    globalThis.Function = original;
  }
  expect(calls).toEqual([]);
});
