import fc from 'fast-check';
import { expect, test } from 'vitest';
import { visibleText } from '../document';

const PROPERTY = { seed: 20_251_126, numRuns: 300 } as const;

/** The contract's characters, written out by hand rather than read from the code. */
const SHOWN: readonly number[] = [
  ...Array.from({ length: 0x20 }, (_, i) => i), // C0
  0x7f, // DEL
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), // C1
  0x061c, // Arabic letter mark
  0x200e, // left-to-right mark
  0x200f, // right-to-left mark
  0x202a, // left-to-right embedding
  0x202b, // right-to-left embedding
  0x202c, // pop directional formatting
  0x202d, // left-to-right override
  0x202e, // right-to-left override
  0x2066, // left-to-right isolate
  0x2067, // right-to-left isolate
  0x2068, // first strong isolate
  0x2069, // pop directional isolate
  0x2028, // line separator
  0x2029, // paragraph separator
];

/** Characters next to those above that are visible (or harmless) and stay as they are. */
const KEPT: readonly number[] = [0x20, 0x7e, 0xa0, 0x061b, 0x200b, 0x200d, 0x2027, 0x202f, 0x2065, 0x206a];

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

test('a right-to-left override is written as <U+202E> and the text keeps its order', () => {
  expect(visibleText('invoice\u202Egpj.exe')).toBe('invoice<U+202E>gpj.exe');
});

test('every control, bidi control and separator of the contract is written as <U+XXXX>', () => {
  for (const code of SHOWN) {
    expect(visibleText(`a${String.fromCharCode(code)}b`), `U+${hex(code)}`).toBe(`a<U+${hex(code)}>b`);
  }
});

test('the notation is upper-case hex with at least four digits', () => {
  expect(visibleText('\u0000')).toBe('<U+0000>');
  expect(visibleText('\u001b')).toBe('<U+001B>');
  expect(visibleText('\u009f')).toBe('<U+009F>');
  expect(visibleText('\u202e')).toBe('<U+202E>');
});

test('tab, line feed and carriage return are controls too', () => {
  expect(visibleText('a\tb\nc\r\nd')).toBe('a<U+0009>b<U+000A>c<U+000D><U+000A>d');
});

test('a lone surrogate is written as <U+D800>-style notation; a pair is kept as its character', () => {
  expect(visibleText('a\ud800b')).toBe('a<U+D800>b');
  expect(visibleText('a\udfffb')).toBe('a<U+DFFF>b');
  expect(visibleText('\udc00\ud800')).toBe('<U+DC00><U+D800>');
  expect(visibleText('end\ud83d')).toBe('end<U+D83D>');
  expect(visibleText('😀 \ud83d\ude00')).toBe('😀 😀');
  expect(visibleText('\ud83d\ud83d\ude00')).toBe('<U+D83D>😀');
});

test('visible characters next to the shown ranges are kept', () => {
  for (const code of KEPT) {
    const text = `a${String.fromCharCode(code)}b`;
    expect(visibleText(text), `U+${hex(code)}`).toBe(text);
  }
});

test('ordinary text, accents, scripts and emoji come back unchanged, as the same string', () => {
  const text = 'WFM_Server_1 Zürich 東京 مرحبا שלום 😀 <b>&amp;';
  expect(visibleText(text)).toBe(text);
});

test('the result never holds a shown character or a lone surrogate', () => {
  const shown = new Set(SHOWN);
  const hidden = (out: string): string[] => {
    const found: string[] = [];
    for (let i = 0; i < out.length; i += 1) {
      const code = out.charCodeAt(i);
      const next = out.charCodeAt(i + 1);
      if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i += 1;
      else if (shown.has(code) || (code >= 0xd800 && code <= 0xdfff)) found.push(hex(code));
    }
    return found;
  };
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      expect(hidden(visibleText(text))).toEqual([]);
    }),
    PROPERTY,
  );
});

test('writing text visibly twice changes nothing more', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      expect(visibleText(visibleText(text))).toBe(visibleText(text));
    }),
    PROPERTY,
  );
});

test('each shown character becomes exactly its notation, everything else stays in order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...SHOWN.map((c) => String.fromCharCode(c))), fc.string()), {
        maxLength: 12,
      }),
      (parts) => {
        const expected = parts
          .map((part) =>
            part.length === 1 && SHOWN.includes(part.charCodeAt(0))
              ? `<U+${hex(part.charCodeAt(0))}>`
              : visibleText(part),
          )
          .join('');
        expect(visibleText(parts.join(''))).toBe(expected);
      },
    ),
    PROPERTY,
  );
});
