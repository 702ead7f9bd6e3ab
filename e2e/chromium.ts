import { existsSync } from 'node:fs';

// One place for how the tests and the benchmarks launch Chromium (playwright.config.ts,
// bench/browser.ts): Debian's Chromium where it exists (CI and the dev machines), else
// Playwright's own browser (`npx playwright install chromium` on a laptop).

const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium in a container: no sandbox, no GPU, nothing phoning home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium's path, or `undefined` when there is none and Playwright's own is used. */
export function systemChromium(): string | undefined {
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}
