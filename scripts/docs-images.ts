// The pictures of docs/templates.md: every template on the canvas (light and dark) and as the SVG
// the designer exports (issue 14: "screenshots of every template … and their exported SVGs").
//
//   npm run build && npx vite preview --port 4199 &   # the built designer
//   npx tsx scripts/docs-images.ts [port]             # writes docs/images/templates/
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { parseDocument } from '../src/document';
import { serializeSvg } from '../src/export/svg';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs/images/templates');
const port = Number(process.argv[2] ?? 4199);

/** The catalog's ids and titles, read from its source (its `?raw` imports are for the bundler). */
function templates(): { id: string; title: string }[] {
  const source = readFileSync(join(ROOT, 'src/templates/catalog.ts'), 'utf8');
  return [...source.matchAll(/id: '([^']+)',\s*title: '([^']+)'/g)].map((m) => ({
    id: m[1] as string,
    title: m[2] as string,
  }));
}

mkdirSync(OUT, { recursive: true });
const list = templates();
for (const { id } of list) {
  const parsed = parseDocument(readFileSync(join(ROOT, 'src/templates', `${id}.wfm.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${id}: ${parsed.error.message}`);
  // Exactly what Export → SVG writes (no problem outlines: the templates have none).
  writeFileSync(join(OUT, `${id}.svg`), serializeSvg(parsed.document));
}

const executablePath = systemChromium();
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [...CHROMIUM_ARGS],
});
for (const theme of ['light', 'dark'] as const) {
  for (const { id, title } of list) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name: 'Templates' }).click();
    const dialog = page.getByRole('dialog', { name: 'Templates' });
    await dialog.getByRole('button', { name: title, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.react-flow__node').first().waitFor();
    // The fit runs after the first frames; let it settle.
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT, `${id}-${theme}.png`) });
    await page.close();
    console.log(`${id}-${theme}.png`);
  }
}
await browser.close();
