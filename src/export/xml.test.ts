import fc from 'fast-check';
import { expect, test } from 'vitest';
import { escapeXml, unescapeXml } from './xml';

const PROPERTY = { seed: 20_251_126, numRuns: 200 } as const;

test('escapeXml escapes the five XML special characters', () => {
  expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
  );
});

test('escapeXml escapes an ampersand that already looks like an entity', () => {
  expect(escapeXml('&amp; &#x41;')).toBe('&amp;amp; &amp;#x41;');
});

test('escapeXml drops the characters XML 1.0 cannot hold, and keeps tab, line feed and carriage return', () => {
  expect(escapeXml('a\u0000b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh')).toBe('abcdefgh');
  expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd');
});

test('escapeXml leaves Unicode text as it is', () => {
  expect(escapeXml('Zürich 中文 😀 \u2028')).toBe('Zürich 中文 😀 \u2028');
});

test('unescapeXml reverses escapeXml for any text XML can hold', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML drops
      const holdable = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
      expect(unescapeXml(escapeXml(text))).toBe(holdable);
    }),
    PROPERTY,
  );
});

test('unescapeXml reads decimal and hexadecimal character references', () => {
  expect(unescapeXml('&#34;&#x22;&#X22;&#x1F600;&#128512;')).toBe('""&#X22;😀😀');
});

test('unescapeXml turns a reference past U+10FFFF into nothing rather than throwing', () => {
  expect(unescapeXml('a&#x110000;b&#99999999999;c')).toBe('abc');
});

test('unescapeXml leaves unknown entities and bare ampersands alone', () => {
  expect(unescapeXml('&nbsp; & &amp')).toBe('&nbsp; & &amp');
});
