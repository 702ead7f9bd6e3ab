// Fills the generated sections of docs/format.md and docs/rules.md from the code, and writes the
// JSON Schema of the file format: `npm run docs`. tests/docs.test.ts fails when they differ.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDocs, ROOT } from './docs/generate';

// The command examples in docs/rules.md name files relative to the root, as a user there types them.
process.chdir(ROOT);

for (const { path, text } of await generateDocs()) {
  const absolute = join(ROOT, path);
  let current: string | undefined;
  try {
    current = readFileSync(absolute, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) {
    console.log(`${path}: up to date`);
    continue;
  }
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  console.log(`${path}: written`);
}
