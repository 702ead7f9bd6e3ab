import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { CURRENT_VERSION, serializeDocument } from '../src/document';
import { defineCommand } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliOutput } from './io';
import { readDocumentFile } from './read-document-file';
import { fileErrorLines } from './validate-report';

// `migrate` writes a file of any version the tool reads as the current version (docs/format.md,
// Migrations; decision in docs/format.md "The migrate command"). It writes the document only, with
// no validation block: a migration changes the format, not the design, and `validate` or
// `export --to json` give the judgement. Without -o it writes to standard output, so the input is
// never touched unless -o names it; then the new text replaces it whole (written beside it, then
// renamed), so a failed write never leaves half a file.

export const migrateCommand = defineCommand({
  name: 'migrate',
  synopsis: 'migrate FILE [-o OUT]',
  summary: `Write a topology file of an older format version as format version ${CURRENT_VERSION}.`,
  details: [
    'FILE is a topology JSON file of format version 1 or 2, or an SVG or PNG exported by the designer.',
    `The output is the version-${CURRENT_VERSION} JSON document as the designer writes it, without the`,
    'validation block (run validate for the problems). A file already at the current version is',
    'written back in the designer’s layout.',
    '',
    'Options:',
    '  -o, --output OUT   write to OUT instead of standard output. FILE itself is changed only when',
    '                     OUT names it; the new text then replaces it whole.',
    '',
    'Exit codes:',
    '  0  written',
    '  2  FILE could not be read or is not a valid topology document, or OUT could not be written',
  ],
  options: { output: { type: 'string', short: 'o' } },
  input: z.strictObject({
    positionals: z.tuple([z.string()], { error: 'migrate needs exactly one FILE' }),
    output: z.string().min(1, { error: '-o needs a file name' }).optional(),
  }),
  run: ({ positionals: [file], output: out }, output) => migrateFile(file, out, output),
});

function migrateFile(file: string, out: string | undefined, output: CliOutput): ExitCode {
  const result = readDocumentFile(file);
  if (!result.ok) {
    output.printError(fileErrorLines(file, result.error));
    return EXIT_CODES.unusable;
  }
  const text = serializeDocument(result.document, { includeValidation: false });
  if (out === undefined) {
    output.printFile(text);
    return EXIT_CODES.valid;
  }
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.migrating`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    output.printError([`${out}: cannot write the file: ${reason}`]);
    return EXIT_CODES.unusable;
  }
  return EXIT_CODES.valid;
}
