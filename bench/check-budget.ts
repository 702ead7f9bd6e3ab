import { existsSync } from 'node:fs';
import { BUDGET, measureInitialBundle } from './budget';

// `npm test` runs this after `npm run build`: the first screen's JavaScript and CSS must stay
// within the budget of docs/performance.md. Sizes are deterministic, so this check is not flaky.

const dist = process.argv[2] ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
  console.error(`No build in ${dist}/: run \`npm run build\` first.`);
  process.exit(1);
}
const size = measureInitialBundle(dist);
const lines = [
  `Initial JavaScript: ${size.jsGzipKb.toFixed(1)} kB gzip (budget ${BUDGET.jsKb} kB)`,
  `Initial CSS: ${size.cssGzipKb.toFixed(1)} kB gzip (budget ${BUDGET.cssKb} kB)`,
];
console.log(lines.join('\n'));
const over = size.jsGzipKb > BUDGET.jsKb || size.cssGzipKb > BUDGET.cssKb;
if (over) {
  console.error(
    'Over the bundle budget. Load what the first screen does not need with import() (docs/performance.md).',
  );
  for (const file of size.files)
    console.error(`  ${file.file}: ${(file.gzipBytes / 1000).toFixed(1)} kB gzip`);
  process.exit(1);
}
