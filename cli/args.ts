import { parseArgs } from 'node:util';
import type { Command } from './command';
import type { ExitCode } from './exit-codes';
import type { CliOutput } from './io';

/** What the command line asks for; main switches over `kind`. */
export type CommandLine =
  | { readonly kind: 'help'; readonly command?: Command }
  | { readonly kind: 'usage-error'; readonly message: string; readonly command?: Command }
  | { readonly kind: 'run'; readonly run: (output: CliOutput) => Promise<ExitCode> };

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

/**
 * Reads `wfm-topology <command> [arguments]`. Each command declares its own flags, so adding one
 * (say `export FILE --to svg -o OUT`) is a new entry in the command list, not a change here.
 * Every command also takes `--help`/`-h`.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.has(name)) return { kind: 'help' };
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const what = name.startsWith('-') ? 'option' : 'command';
    return { kind: 'usage-error', message: `unknown ${what} '${name}'` };
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs throws on an unknown flag or a flag without its value; its message names the flag.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'usage-error', message, command };
  }
  const { help, ...values } = parsed.values;
  if (help === true) return { kind: 'help', command };
  const prepared = command.prepare({ positionals: parsed.positionals, values });
  return prepared.ok
    ? { kind: 'run', run: prepared.run }
    : { kind: 'usage-error', message: prepared.message, command };
}
