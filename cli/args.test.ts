import { expect, test } from 'vitest';
import { z } from 'zod';
import { parseCommandLine } from './args';
import { defineCommand } from './command';
import { COMMANDS } from './commands';
import { EXIT_CODES } from './exit-codes';

// A command as a later one would declare it: the parser needs no change to carry it.
const renderCommand = defineCommand({
  name: 'render',
  synopsis: 'render FILE --to svg|md|mermaid|json [-o OUT]',
  summary: 'Write a document as a picture or a text.',
  details: [],
  options: { to: { type: 'string' }, output: { type: 'string', short: 'o' } },
  input: z.strictObject({
    positionals: z.tuple([z.string()], { error: 'render takes exactly one FILE' }),
    to: z.enum(['svg', 'md', 'mermaid', 'json'], { error: '--to must be svg, md, mermaid or json' }),
    output: z.string().optional(),
  }),
  run: () => EXIT_CODES.valid,
});

const commands = [...COMMANDS, renderCommand];

test('a new command with its own flags is one more entry in the list', () => {
  expect(parseCommandLine(['render', 'a.wfm.json', '--to', 'svg', '-o', 'a.svg'], commands).kind).toBe('run');
  expect(parseCommandLine(['render', 'a.wfm.json', '--to=mermaid'], commands).kind).toBe('run');
});

test('a new command’s input is checked by its own schema', () => {
  expect(parseCommandLine(['render', 'a.wfm.json', '--to', 'png'], commands)).toEqual({
    kind: 'usage-error',
    message: '--to must be svg, md, mermaid or json',
    command: renderCommand,
  });
  expect(parseCommandLine(['render', '--to', 'svg'], commands)).toMatchObject({
    kind: 'usage-error',
    message: 'render takes exactly one FILE',
  });
});

test('flags of one command are unknown to another', () => {
  expect(parseCommandLine(['validate', 'a.wfm.json', '--to', 'svg'], commands).kind).toBe('usage-error');
});

test('--help after a command asks for that command’s usage', () => {
  expect(parseCommandLine(['render', '-h'], commands)).toEqual({ kind: 'help', command: renderCommand });
});
