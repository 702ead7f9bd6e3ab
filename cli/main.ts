import { parseCommandLine } from './args';
import { COMMANDS } from './commands';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { type CliIo, processIo } from './io';
import { commandUsage, usage } from './usage';

/**
 * Runs `wfm-topology` with the arguments after the program name and returns the exit code of
 * rules.md section 6; the bin sets it, so pending output is flushed before the process ends.
 * @example await main(['validate', 'examples/single-site.wfm.json']) // 0
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  const line = parseCommandLine(argv, COMMANDS);
  switch (line.kind) {
    case 'help':
      io.out(line.command ? commandUsage(line.command) : usage(COMMANDS));
      return EXIT_CODES.valid;
    case 'usage-error':
      io.err(
        `wfm-topology: ${line.message}\n\n${line.command ? commandUsage(line.command) : usage(COMMANDS)}`,
      );
      return EXIT_CODES.unusable;
    case 'run':
      return line.run(io);
    default: {
      const unreachable: never = line;
      return unreachable;
    }
  }
}
