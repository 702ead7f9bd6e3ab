import { visibleText } from './visible-text';

// The engine's own message is not passed on whole: V8 quotes the input (`Unexpected token '␛',
// "␛[2J…" is not valid JSON`), and other engines do the same, so a file that is not JSON would put
// its own bytes, escape sequences included, in front of the user. Kept are only the engine's fixed
// words (letters and a little punctuation, never a double quote, which opens a quotation) and the
// position, turned into a line and column counted here, the same in every engine.

const FIXED_WORDS = /^[A-Za-z ,'{}[\]:-]{1,80}$/;
const AT_POSITION = / in JSON at position (\d+)| at position (\d+)/;
// V8 names the character it stopped at but not where: that one character is shown, made visible.
const UNEXPECTED_CHARACTER = /^Unexpected token '(.)'/su;

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Why `JSON.parse` refused `text`, as one sentence that quotes nothing from it.
 * @example describeJsonSyntaxError(new SyntaxError('Expected double-quoted property name in JSON at position 9'), '{"a":1,\n}') // 'The file is not JSON: expected double-quoted property name (line 2, column 1).'
 */
export function describeJsonSyntaxError(error: unknown, text: string): string {
  // Deep nesting: today's V8 parses it iteratively, but other engines throw a RangeError.
  if (error instanceof RangeError) return 'The file cannot be read as JSON: it is nested too deeply.';
  const message = error instanceof Error ? error.message : '';
  const unexpected = UNEXPECTED_CHARACTER.exec(message)?.[1];
  if (unexpected !== undefined) {
    return `The file is not JSON: unexpected character '${visibleText(unexpected)}'.`;
  }
  const at = AT_POSITION.exec(message);
  const words = (at ? message.slice(0, at.index) : message).trim();
  const reason = FIXED_WORDS.test(words) ? `: ${words.charAt(0).toLowerCase()}${words.slice(1)}` : '';
  const offset = at ? Number(at[1] ?? at[2]) : Number.NaN;
  const place = Number.isSafeInteger(offset) ? ` (${lineAndColumn(text, offset)})` : '';
  return `The file is not JSON${reason}${place}.`;
}
