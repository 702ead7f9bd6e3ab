// The generated command-line sections of docs/rules.md: the exit codes, and what `validate`
// prints, taken from a run of the command itself.
import { EXIT_CODES } from '../../cli/exit-codes';
import { main } from '../../cli/main';
import { code, fence, table } from './markdown';

/** When each exit code is given; the compiler holds it to every code the command has. */
const EXIT_CODE_MEANINGS: { readonly [K in keyof typeof EXIT_CODES]: string } = {
  valid:
    'Every file is valid: no problem of severity error (warnings and infos allowed). `export`, `migrate`: the file was written.',
  problems: '`validate`: at least one file has a problem of severity error.',
  unusable:
    'A file could not be read or is not a valid document (the message, on standard error, names the file and the path inside it); or the command line is wrong (an unknown `--ruleset` too); or `export` or `migrate` could not write its output.',
};

function exitCodes(): string {
  const meanings = new Map<string, string>(Object.entries(EXIT_CODE_MEANINGS));
  return table(
    ['exit code', 'when'],
    Object.entries(EXIT_CODES).map(([name, value]) => [code(value), meanings.get(name) ?? '']),
  );
}

/** Runs the command in this process, as `npx wfm-topology …` would from the project's root. */
async function run(args: readonly string[]): Promise<string> {
  let out = '';
  let err = '';
  const exit = await main(args, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  if (err !== '') throw new Error(`wfm-topology ${args.join(' ')} printed on stderr: ${err}`);
  return fence('console', `$ npx wfm-topology ${args.join(' ')}\n${out}$ echo $?\n${exit}`);
}

/** docs/rules.md's generated command-line sections by name. */
export async function cliSections(): Promise<Record<string, string>> {
  return {
    'exit-codes': exitCodes(),
    'validate-text': await run(['validate', 'examples/broken.wfm.json']),
    'validate-json': await run(['validate', 'examples/single-site.wfm.json', '--format', 'json']),
  };
}
