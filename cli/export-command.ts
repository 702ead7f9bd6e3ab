import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { serializeDocument } from '../src/document';
import { serializeMarkdown, serializeMermaid, serializeSvg } from '../src/export';
import { defineCommand } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import type { CliOutput } from './io';
import { readDocumentFile } from './read-document-file';
import { fileErrorLines } from './validate-report';

const TARGETS = ['svg', 'md', 'mermaid', 'json'] as const;
type Target = (typeof TARGETS)[number];

/** The writers the designer's Export menu uses, by `--to` name. */
const WRITERS: {
  readonly [T in Target]: (document: Parameters<typeof serializeSvg>[0], outline: boolean) => string;
} = {
  svg: (document, outline) => serializeSvg(document, { outlineProblems: outline }),
  md: (document) => serializeMarkdown(document),
  mermaid: (document) => serializeMermaid(document),
  json: (document) => serializeDocument(document),
};

export const exportCommand = defineCommand({
  name: 'export',
  synopsis: 'export FILE --to svg|md|mermaid|json [-o OUT] [--outline-problems]',
  summary: 'Write a topology file as an SVG diagram, a Markdown report, a Mermaid flowchart or JSON.',
  details: [
    'FILE is a topology JSON file, or an SVG or PNG exported by the designer.',
    '',
    'Options:',
    '  --to svg|md|mermaid|json   the format to write',
    '  -o, --output OUT           write to OUT instead of standard output',
    '  --outline-problems         (svg) outline components and connections that have problems',
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
    to: z.enum(TARGETS, { error: '--to must be svg, md, mermaid or json' }),
    output: z.string().min(1, { error: '-o needs a file name' }).optional(),
    'outline-problems': z.boolean().default(false),
  }),
  run: ({ positionals: [file], to, output: out, 'outline-problems': outline }, output) =>
    exportFile(file, to, out, outline, output),
});

function exportFile(
  file: string,
  to: Target,
  out: string | undefined,
  outline: boolean,
  output: CliOutput,
): ExitCode {
  const result = readDocumentFile(file);
  if (!result.ok) {
    output.printError(fileErrorLines(file, result.error));
    return EXIT_CODES.unusable;
  }
  const text = WRITERS[to](result.document, outline);
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
