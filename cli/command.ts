import type { ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import type { ExitCode } from './exit-codes';
import type { CliOutput } from './io';

/** The flags a command accepts, in `node:util` `parseArgs` terms. */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What `parseArgs` read for a command: positionals and flag values, not yet checked. */
export interface RawArguments {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, unknown>>;
}

/** A command as its module writes it: its arguments are checked by `input` before `run` sees them. */
export interface CommandSpec<Input> {
  readonly name: string;
  /** One line after `wfm-topology`, e.g. `validate FILE... [--format text|json]`. */
  readonly synopsis: string;
  readonly summary: string;
  /** More lines for `wfm-topology <command> --help`, one string a line. */
  readonly details: readonly string[];
  readonly options: OptionsConfig;
  /** Checks `{ positionals, ...values }`: the command line is CLI input, so it goes through zod. */
  readonly input: z.ZodType<Input>;
  readonly run: (input: Input, output: CliOutput) => ExitCode | Promise<ExitCode>;
}

export type Prepared =
  | { readonly ok: true; readonly run: (output: CliOutput) => Promise<ExitCode> }
  | { readonly ok: false; readonly message: string };

/** A command with its input type hidden, so commands of different inputs share one list. */
export interface Command {
  readonly name: string;
  readonly synopsis: string;
  readonly summary: string;
  readonly details: readonly string[];
  readonly options: OptionsConfig;
  readonly prepare: (args: RawArguments) => Prepared;
}

export function defineCommand<Input>(spec: CommandSpec<Input>): Command {
  const { name, synopsis, summary, details, options } = spec;
  return {
    name,
    synopsis,
    summary,
    details,
    options,
    prepare: (args) => {
      const parsed = spec.input.safeParse({ positionals: args.positionals, ...args.values });
      if (!parsed.success) {
        return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join('; ') };
      }
      const input = parsed.data;
      return { ok: true, run: async (output) => spec.run(input, output) };
    },
  };
}
