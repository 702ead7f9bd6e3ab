import { visibleJson, visibleText } from '../src/document';

/** Where the CLI's text ends up: the process's two streams, or a test's buffers. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * What a command prints through; it never writes to a stream itself. Paths, names and messages are
 * data (a CI job globs committed file names, a document names its components), so every line is
 * made visible before it is written: no escape sequence, newline or bidi override from the data
 * reaches a terminal or a log as itself.
 */
export interface CliOutput {
  /** Lines on standard output; each is ended with a newline here, so the data adds no line. */
  readonly print: (lines: readonly string[]) => void;
  /** Lines on standard error, likewise. */
  readonly printError: (lines: readonly string[]) => void;
  /** One JSON value on standard output: exact JSON, every control and bidi character a `\u` escape. */
  readonly printJson: (value: unknown) => void;
  /**
   * A written file's text on standard output (`export` without `-o`), byte for byte what `-o`
   * would write: its format's writer escapes its own strings.
   */
  readonly printFile: (text: string) => void;
}

/** The one place lines of text become output: each made visible, then ended with a newline. */
function writeLines(write: (text: string) => void, lines: readonly string[]): void {
  write(lines.map((line) => `${visibleText(line)}\n`).join(''));
}

export function createOutput(io: CliIo): CliOutput {
  return {
    print: (lines) => writeLines(io.out, lines),
    printError: (lines) => writeLines(io.err, lines),
    printJson: (value) => io.out(`${visibleJson(JSON.stringify(value, null, 2))}\n`),
    printFile: (text) => io.out(text.endsWith('\n') ? text : `${text}\n`),
  };
}
