import { expect, test } from 'vitest';
import { createOutput } from './io';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: createOutput({ out: (t) => out.push(t), err: (t) => err.push(t) }), out, err };
}

test('each line is made visible and ended by the CLI, so data adds no line of its own', () => {
  const { output, out, err } = capture();
  output.print(['a.wfm.json: \u001b[2J', 'b\nc']);
  output.printError(['\u202eoops']);
  expect(out.join('')).toBe('a.wfm.json: <U+001B>[2J\nb<U+000A>c\n');
  expect(err.join('')).toBe('<U+202E>oops\n');
});

test('a JSON value is printed as exact JSON with control and bidi characters escaped', () => {
  const { output, out } = capture();
  const value = { file: 'x\u009b.json', names: ['\u001b[31m', '\u2028\u202e', 'a\ud800'] };
  output.printJson(value);
  const text = out.join('');
  expect(text).toBe(
    `${JSON.stringify(value, null, 2).replace('\u009b', '\\u009b').replace('\u2028\u202e', '\\u2028\\u202e')}\n`,
  );
  expect(JSON.parse(text)).toEqual(value);
});

test('an exported file is printed as the writer wrote it, with a final newline', () => {
  const { output, out } = capture();
  output.printFile('<svg/>');
  output.printFile('# Report\n');
  expect(out).toEqual(['<svg/>\n', '# Report\n']);
});
