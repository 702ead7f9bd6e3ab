import type { TestProject } from 'vitest/node';
import { buildCli } from '../scripts/build-cli';

/**
 * The CLI tests run `bin/wfm-topology.mjs`, which loads the built bundle (decision 019): it is
 * built from the sources once before any test file runs, and again before each re-run in watch
 * mode, so no test ever checks a bundle older than the code beside it.
 */
export default async function setup(project: TestProject): Promise<void> {
  await buildCli();
  project.onTestsRerun(async () => {
    await buildCli();
  });
}
