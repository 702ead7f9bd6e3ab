// Builds the command line into one JavaScript file (decision 019): `npm run build:cli`.
// `npm install` runs it (the prepare script), and so do `npm pack`, the unit tests and the bench.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { PURE_MODULE } from './pure-modules';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle that `bin/wfm-topology.mjs` loads: `cli/main.ts` with domain, document, export and zod. */
export const CLI_BUNDLE = join(ROOT, 'cli-dist', 'wfm-topology.mjs');

/**
 * Bundles `cli/entry.ts` (`main`) and everything it imports into {@link CLI_BUNDLE}. The file is written
 * beside its place and renamed over it, so a CLI started meanwhile (a parallel test, a second
 * build) reads the old bundle or the new one, never half of one.
 */
export async function buildCli(): Promise<{ readonly file: string; readonly bytes: number }> {
  const result = await build({
    input: join(ROOT, 'cli', 'entry.ts'),
    platform: 'node',
    // Node 20 is the oldest the package supports (`engines`): nothing newer is left in the output.
    transform: { target: 'node20' },
    // As in the app's build: a module of the pure layers that the CLI does not use is left out,
    // with the schemas it would build on loading (the exercises' alone are half of them). Other
    // modules keep their own say (zod's package.json declares it has no side effects).
    treeshake: { moduleSideEffects: (id) => (PURE_MODULE.test(id) ? false : undefined) },
    logLevel: 'warn',
    write: false,
    output: {
      format: 'esm',
      // One file, so the package is the bin and this file; nothing is resolved at run time.
      codeSplitting: false,
      // Not minified: an internal error's stack then names the real functions; minifying saved
      // no measurable start-up time (docs/performance.md).
      minify: false,
      banner: '// wfm-topology command line, built from cli/entry.ts by scripts/build-cli.ts.',
    },
  });
  const chunks = result.output.filter((output) => output.type === 'chunk');
  const [chunk] = chunks;
  if (!chunk || chunks.length !== 1) throw new Error(`expected one bundle, got ${chunks.length}`);
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  const temporary = `${CLI_BUNDLE}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, chunk.code);
    renameSync(temporary, CLI_BUNDLE);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { file: CLI_BUNDLE, bytes: Buffer.byteLength(chunk.code) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { file, bytes } = await buildCli();
  console.log(`Built ${relative(ROOT, file)} (${Math.round(bytes / 1000)} kB)`);
}
