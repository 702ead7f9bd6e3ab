import { expect, test } from 'vitest';
import { visibleJson, visibleText } from './index';

// The characters a terminal or a bidi-aware viewer acts on, typed in from the issue (11, item 5)
// and Unicode's tables, not read back from the module.
const INTERPRETED_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f], // C0 controls, tab and newline included
  [0x007f, 0x007f], // DEL
  [0x0080, 0x009f], // C1 controls
  [0x061c, 0x061c], // ARABIC LETTER MARK
  [0x200e, 0x200f], // LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
  [0x2028, 0x2029], // LINE SEPARATOR, PARAGRAPH SEPARATOR
  [0x202a, 0x202e], // embeddings and overrides
  [0x2066, 0x2069], // isolates
  [0xd800, 0xdfff], // surrogates, when alone
];

function interpreted(code: number): boolean {
  return INTERPRETED_RANGES.some(([first, last]) => code >= first && code <= last);
}

const EVERY_UNIT = Array.from({ length: 0x10000 }, (_, code) => code);

test('every interpreted character of the BMP is written as <U+XXXX>, and every other is left alone', () => {
  const wrong = EVERY_UNIT.filter((code) => {
    const ch = String.fromCharCode(code);
    const expected = interpreted(code) ? `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>` : ch;
    return visibleText(ch) !== expected;
  });
  expect(wrong).toEqual([]);
});

test('a terminal escape in a name is shown, not run', () => {
  expect(visibleText('B1\u001b[2J\u001b[31m')).toBe('B1<U+001B>[2J<U+001B>[31m');
  expect(visibleText('\u001b]52;c;cm0gLXJmIH4=\u0007')).toBe('<U+001B>]52;c;cm0gLXJmIH4=<U+0007>');
  expect(visibleText('\u009b2J')).toBe('<U+009B>2J');
});

test('a newline in a name cannot start a forged line', () => {
  expect(visibleText('B1\nprod.wfm.json: 0 errors\r')).toBe('B1<U+000A>prod.wfm.json: 0 errors<U+000D>');
});

test('bidi overrides are shown where they stand, so nothing is reordered', () => {
  expect(visibleText('WFM_\u202eredliuB\u202c_1')).toBe('WFM_<U+202E>redliuB<U+202C>_1');
  expect(visibleText('\u2066a\u2069\u200f')).toBe('<U+2066>a<U+2069><U+200F>');
});

test('a lone surrogate is shown, and a pair (one character) is kept', () => {
  expect(visibleText('a\ud800b')).toBe('a<U+D800>b');
  expect(visibleText('\udfffa')).toBe('<U+DFFF>a');
  expect(visibleText('\ud83d\ude80 \ud800\ud800\ude80')).toBe('\ud83d\ude80 <U+D800>\ud800\ude80');
});

test('plain text, accents, CJK and right-to-left letters come back as they are', () => {
  for (const text of ['WFM_Server_1', 'Serveur_Montréal', '東京_WFM', 'שרת_WFM', '<script>&"\'', ''])
    expect(visibleText(text)).toBe(text);
});

test('JSON.stringify already escapes C0 and lone surrogates (Node 20 and later)', () => {
  expect(JSON.stringify('\u0000\u001b\n')).toBe('"\\u0000\\u001b\\n"');
  expect(JSON.stringify('\ud800x\udfff')).toBe('"\\ud800x\\udfff"');
});

const HOSTILE = [
  'B1\u001b[2J\u001b[31m',
  'B1\nprod.wfm.json: 0 errors',
  '\u009b2J\u007f',
  'WFM_\u202eredliuB\u202c',
  '\u061c\u200e\u200f\u2028\u2029\u2066\u2069',
  'a\ud800b\udfff',
  '\ud83d\ude80',
];

test('visibleJson leaves no interpreted character in JSON text, and the text parses to the same value', () => {
  const value = { names: HOSTILE, nested: { [HOSTILE[3] ?? '']: HOSTILE } };
  for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
    const safe = visibleJson(json);
    expect(JSON.parse(safe)).toEqual(value);
    const left = [...safe].filter((ch) => ch !== '\n' && interpreted(ch.charCodeAt(0)) && ch.length === 1);
    expect(left).toEqual([]);
  }
});

test('visibleJson keeps the layout of pretty-printed JSON and the escapes it finds', () => {
  expect(visibleJson('{\n  "a": "\\u001b\u202e"\n}')).toBe('{\n  "a": "\\u001b\\u202e"\n}');
  expect(visibleJson(JSON.stringify('\u009b\u2028'))).toBe('"\\u009b\\u2028"');
});
