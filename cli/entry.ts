import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './main';

// What scripts/build-cli.ts bundles. bin/wfm-topology.mjs imports it for `main`; started directly
// (`node cli-dist/wfm-topology.mjs validate f.json`), the bundle is the command itself.
export { main };

/** Whether this module is the program Node was started with, through any symbolic link. */
function isProgram(): boolean {
  const program = process.argv[1];
  if (program === undefined) return false;
  try {
    return realpathSync(program) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgram()) process.exitCode = await main(process.argv.slice(2));
