import type { Command } from './command';

/** The usage of the whole tool, for `--help`, no arguments and command-line mistakes. */
export function usage(commands: readonly Command[]): string[] {
  const width = Math.max(...commands.map((command) => command.synopsis.length));
  const lines = commands.map((command) => `  ${command.synopsis.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: wfm-topology <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'wfm-topology <command> --help' for more about a command.",
  ];
}

/** The usage of one command, for `wfm-topology <command> --help`. */
export function commandUsage(command: Command): string[] {
  return [`Usage: wfm-topology ${command.synopsis}`, '', command.summary, '', ...command.details];
}
