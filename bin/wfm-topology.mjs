#!/usr/bin/env node
// The command runs as one built JavaScript file (decision 019), made by `npm install` (the prepare
// script) from cli/main.ts, so no TypeScript is transpiled on each run.
import { existsSync } from 'node:fs';

const bundle = new URL('../cli-dist/wfm-topology.mjs', import.meta.url);

if (!existsSync(bundle)) {
  process.stderr.write(
    'wfm-topology: the command is not built (cli-dist/wfm-topology.mjs is missing).\n' +
      'Run `npm install` in the project folder, or `npm run build:cli` to build it alone.\n',
  );
  process.exitCode = 2;
} else {
  try {
    const { main } = await import(bundle.href);
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    // An internal failure is exit 2, like a file that could not be checked: never a false "valid".
    process.stderr.write(
      `wfm-topology: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 2;
  }
}
