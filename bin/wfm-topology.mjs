#!/usr/bin/env node
// Node 20 cannot run TypeScript, so the CLI's sources are loaded through tsx, a runtime dependency.
import { register } from 'tsx/esm/api';

register();

try {
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // An internal failure is exit 2, like a file that could not be checked: never a false "valid".
  process.stderr.write(
    `wfm-topology: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 2;
}
