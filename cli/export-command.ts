import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { EXPORT_FORMATS, findExportFormat, HEADLESS_FORMATS } from '../src/export/formats';
import { defineCommand } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliOutput } from './io';
import { readDocumentFile } from './read-document-file';
import { fileErrorLines } from './validate-report';

// `--to` takes the headless formats of the designer's own list (decision 018), by id or alias;
// the usage below is written from that list, so a new format needs no change here.

type HeadlessFormat = (typeof HEADLESS_FORMATS)[number];

const IDS = HEADLESS_FORMATS.map((format) => format.id);

function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const TO_ERROR = `--to must be ${orList(IDS)}`;

/** Why `--to NAME` is refused: a format only the designer writes is named as such. */
function toError(name: unknown): string {
  const format = typeof name === 'string' ? findExportFormat(name) : undefined;
  return format && !format.headless
    ? `--to ${format.id}: ${format.label} is written by the designer only (it needs a browser); ${TO_ERROR}`
    : TO_ERROR;
}

/** One line a format in `export --help`: id, label, file ending, other names. */
function formatLines(): string[] {
  const width = Math.max(...IDS.map((id) => id.length));
  const headless = HEADLESS_FORMATS.map((format) => {
    const aliases = format.aliases.map((alias) => `--to ${alias}`);
    const also = aliases.length > 0 ? `, also ${orList(aliases)}` : '';
    return `  ${format.id.padEnd(width)}  ${format.label} (${format.extension})${also}`;
  });
  const browserOnly = EXPORT_FORMATS.filter((format) => !format.headless).map(
    (format) => `  ${format.label} is written by the designer only: it needs a browser.`,
  );
  return [...headless, ...browserOnly];
}

export const exportCommand = defineCommand({
  name: 'export',
  synopsis: `export FILE --to ${IDS.join('|')} [-o OUT] [--outline-problems]`,
  summary: `Write a topology file as ${orList(HEADLESS_FORMATS.map((format) => format.label))}.`,
  details: [
    'FILE is a topology JSON file, or an SVG or PNG exported by the designer.',
    '',
    'Options:',
    '  --to FORMAT                the format to write (below)',
    '  -o, --output OUT           write to OUT instead of standard output',
    '  --outline-problems         (svg) outline components and connections that have problems',
    '',
    'Formats:',
    ...formatLines(),
    '',
    'Exit codes:',
    '  0  written (whatever the validation result; it is inside the output)',
    '  2  FILE could not be read or is not a valid topology document, or OUT could not be written',
  ],
  options: {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'outline-problems': { type: 'boolean' },
  },
  input: z.strictObject({
    positionals: z.tuple([z.string()], { error: 'export needs exactly one FILE' }),
    to: z.string({ error: TO_ERROR }).transform((name, context) => {
      const format = findExportFormat(name);
      if (format?.headless) return format;
      context.issues.push({ code: 'custom', message: toError(name), input: name });
      return z.NEVER;
    }),
    output: z.string().min(1, { error: '-o needs a file name' }).optional(),
    'outline-problems': z.boolean().default(false),
  }),
  run: ({ positionals: [file], to, output: out, 'outline-problems': outline }, output) =>
    exportFile(file, to, out, outline, output),
});

async function exportFile(
  file: string,
  format: HeadlessFormat,
  out: string | undefined,
  outline: boolean,
  output: CliOutput,
): Promise<ExitCode> {
  const result = readDocumentFile(file);
  if (!result.ok) {
    output.printError(fileErrorLines(file, result.error));
    return EXIT_CODES.unusable;
  }
  const write = await format.writer();
  const text = write(result.document, { outlineProblems: outline });
  if (out === undefined) {
    output.printFile(text);
    return EXIT_CODES.valid;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    output.printError([`${out}: cannot write the file: ${reason}`]);
    return EXIT_CODES.unusable;
  }
  return EXIT_CODES.valid;
}
