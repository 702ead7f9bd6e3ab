import { parseCommandLine } from './args';
import { COMMANDS } from './commands';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { type CliIo, type CliOutput, createOutput, processIo } from './io';
import { commandUsage, usage } from './usage';

/**
 * Runs `wfm-topology` with the arguments after the program name and returns the exit code of
 * rules.md section 6; the bin sets it, so pending output is flushed before the process ends.
 * @example await main(['validate', 'examples/single-site.wfm.json']) // 0
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  const output = createOutput(io);
  try {
    return await run(argv, output);
  } catch (error) {
    // Exit 2, never a false "valid"; the message may quote data, so it is printed like any line.
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    output.printError(['wfm-topology: internal error:', ...reason.split('\n')]);
    return EXIT_CODES.unusable;
  }
}

async function run(argv: readonly string[], output: CliOutput): Promise<ExitCode> {
  const line = parseCommandLine(argv, COMMANDS);
  switch (line.kind) {
    case 'help':
      output.print(line.command ? commandUsage(line.command) : usage(COMMANDS));
      return EXIT_CODES.valid;
    case 'usage-error':
      // The message may echo an argument: it is one line, made visible like every other.
      output.printError([
        `wfm-topology: ${line.message}`,
        '',
        ...(line.command ? commandUsage(line.command) : usage(COMMANDS)),
      ]);
      return EXIT_CODES.unusable;
    case 'run':
      return line.run(output);
    default: {
      const unreachable: never = line;
      return unreachable;
    }
  }
}
