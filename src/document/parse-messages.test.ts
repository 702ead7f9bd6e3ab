import { expect, test } from 'vitest';
import { formatParseError } from './index';
import { describeJsonSyntaxError } from './json-syntax-error';
import { expectIssue, expectRefused } from './testing/expect-refused';
import { fileText, withComponent, withConnection } from './testing/files';

// A refusal is read in a dialog and printed by the CLI: it names what is wrong without handing the
// file's own bytes to a terminal (issue 11, item 5).

/** C0 (newline aside: a refusal has its own lines), DEL, C1, bidi controls, U+2028/U+2029. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

test('a file that is not JSON is refused without quoting it', () => {
  const text = '\u001b[2J\u001b]52;c;cm0gLXJmIH4=\u0007 WFM_Server connects to WFM_Builder';
  const error = expectRefused(text, 'not-json');
  expect(error.message).toBe("The file is not JSON: unexpected character '<U+001B>'.");
  expect(formatParseError(error)).not.toMatch(RAW_CONTROL);
});

test('plain text is refused naming the first character, not echoing the text', () => {
  const error = expectRefused('WFM_Server connects to WFM_Builder', 'not-json');
  expect(error.message).toBe("The file is not JSON: unexpected character 'W'.");
});

test('a syntax error in the middle of a file is placed by line and column', () => {
  const text = '{\n  "format": "wfm-topology",\n  "version": 1,\n}';
  expect(expectRefused(text, 'not-json').message).toBe(
    'The file is not JSON: expected double-quoted property name (line 4, column 1).',
  );
});

test('an engine message that quotes the file keeps only the place', () => {
  const quoting = new SyntaxError('JSON Parse error: Unexpected identifier "\u001b[2Jx" at position 0');
  expect(describeJsonSyntaxError(quoting, '\u001b[2Jx')).toBe('The file is not JSON (line 1, column 1).');
  const unplaced = new SyntaxError('Unexpected "\u202e" is not valid JSON');
  expect(describeJsonSyntaxError(unplaced, '\u202e')).toBe('The file is not JSON.');
});

test('an engine that runs out of stack on deep nesting is told apart', () => {
  expect(describeJsonSyntaxError(new RangeError('Maximum call stack size exceeded'), '[[[')).toBe(
    'The file cannot be read as JSON: it is nested too deeply.',
  );
});

test('a value quoted in an issue shows control and bidi characters as escapes', () => {
  expectIssue(
    withComponent(0, { kind: '\u202eserver\u009b2J' }),
    'components[0].kind',
    'got "\\u202eserver\\u009b2J"',
  );
  expectIssue(withComponent(0, { host: 7 }), 'components[0].host', 'expected a string, got 7');
});

test('an unknown key with control characters is named by an escaped path', () => {
  const text = fileText((file) => {
    file['\u001b[31mkey\u202e'] = 1;
  });
  expectIssue(text, '["\\u001b[31mkey\\u202e"]', 'unknown key');
});

test('an id quoted in a reference issue shows bidi characters as escapes', () => {
  expectIssue(
    withConnection(0, { to: 'srv\u2066-9' }),
    'connections[0].to',
    'no component with id "srv\\u2066-9"',
  );
});
