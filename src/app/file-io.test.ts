import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fileBaseName } from './file-io';

const PROPERTY = { seed: 20_251_126, numRuns: 200 } as const;

test('a plain document name is the file name', () => {
  expect(fileBaseName('Single site')).toBe('Single site');
  expect(fileBaseName('prod_eu-west.v2')).toBe('prod_eu-west.v2');
});

test('a document without a name, or with nothing usable, is "deployment"', () => {
  for (const name of [undefined, '', '   ', '...', '---', '///', '<>:"|?*'])
    expect(fileBaseName(name)).toBe('deployment');
});

test('characters that file systems or shells reserve become dashes', () => {
  expect(fileBaseName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
  expect(fileBaseName('../../etc/passwd')).toBe('etc-passwd');
});

test('runs of reserved characters become one dash, and runs of spaces one space', () => {
  expect(fileBaseName('a <> b    c')).toBe('a - b c');
});

test('line breaks and tabs never reach the file name', () => {
  expect(fileBaseName('first\nsecond\tthird')).toBe('first-second-third');
});

test('letters and digits of any script are kept, in NFKC form', () => {
  expect(fileBaseName('Zürich 東京 ١٢٣')).toBe('Zürich 東京 ١٢٣');
  expect(fileBaseName('ﬁle ①')).toBe('file 1');
});

test('emoji and other symbols become dashes', () => {
  expect(fileBaseName('lab 😀 copy')).toBe('lab - copy');
});

test('no leading or trailing dot, dash or space, so the name cannot hide or end oddly', () => {
  expect(fileBaseName(' .hidden. ')).toBe('hidden');
  expect(fileBaseName('-rf')).toBe('rf');
});

test('a long name is cut to 100 characters and still ends cleanly', () => {
  expect(fileBaseName('x'.repeat(300))).toBe('x'.repeat(100));
  expect(fileBaseName(`${'a'.repeat(99)}.b`)).toBe('a'.repeat(99));
  expect(fileBaseName(`${'a'.repeat(99)} b`)).toBe('a'.repeat(99));
});

test('cutting a long name never splits a character in two', () => {
  const name = fileBaseName(`a${'𠀀'.repeat(80)}`);
  expect(name).toBe(`a${'𠀀'.repeat(49)}`);
  expect(name).not.toMatch(/\p{Cs}/u);
});

/** Any text, often long enough that the cut at 100 characters lands in its random part. */
const documentName = fc
  .tuple(fc.constantFrom('', 'a'.repeat(95), 'b'.repeat(99)), fc.string({ unit: 'binary', maxLength: 60 }))
  .map(([prefix, tail]) => `${prefix}${tail}`);

test('any document name gives a safe, non-empty file name of at most 100 characters', () => {
  fc.assert(
    fc.property(fc.option(documentName, { nil: undefined }), (name) => {
      const base = fileBaseName(name);
      expect(base.length).toBeGreaterThan(0);
      expect([...base].length).toBeLessThanOrEqual(100);
      expect(base).not.toMatch(/\p{Cs}/u);
      expect(base).toMatch(/^[\p{L}\p{N}_]([\p{L}\p{N} ._-]*[\p{L}\p{N}_])?$/u);
      expect(base).not.toMatch(/ {2}/);
    }),
    PROPERTY,
  );
});
