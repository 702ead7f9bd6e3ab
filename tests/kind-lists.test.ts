import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { COMPONENT_KINDS } from '../src/domain';

// Decision 017: the kinds are listed once, in the registry, and the matrix's cells are keyed by
// kind in matrix-rows.ts. Any other file of src/ that lists every kind, or keys a table by kind, is
// a second place a new kind would have to be added, so this test fails on it.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The files that may key tables by kind: the registry and the matrix. */
const KIND_TABLES = ['src/domain/kind-registry.ts', 'src/domain/matrix-rows.ts'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) =>
      relative(ROOT, join(ROOT, folder, file))
        .split('\\')
        .join('/'),
    );
}

/** The kind ids a text names as quoted strings. */
function kindsNamed(text: string): string[] {
  return COMPONENT_KINDS.filter((kind) => new RegExp(`['"\`]${kind}['"\`]`).test(text));
}

/** The kind ids a text uses as object keys (`server: …`, `'data-aggregator': …`) at the start of a line. */
function kindKeys(text: string): string[] {
  return COMPONENT_KINDS.filter((kind) =>
    new RegExp(`^\\s*(?:${kind}|'${kind}'|"${kind}")\\s*:`, 'm').test(text),
  );
}

test('the readers find a spelt-out list and a table keyed by kind', () => {
  const list = `const KINDS = [${COMPONENT_KINDS.map((kind) => `'${kind}'`).join(', ')}];`;
  expect(kindsNamed(list)).toEqual(COMPONENT_KINDS);
  const table = 'const TIER = {\n  server: 2,\n  \'data-aggregator\': 1,\n  "dap": 3,\n};';
  expect(kindKeys(table)).toEqual(['server', 'data-aggregator', 'dap']);
});

test('no file of src/ but the registry names every kind', () => {
  const offenders = sourceFiles('src').filter(
    (file) =>
      file !== 'src/domain/kind-registry.ts' &&
      kindsNamed(readFileSync(join(ROOT, file), 'utf8')).length === COMPONENT_KINDS.length,
  );
  expect(offenders).toEqual([]);
});

test('no file of src/ but the registry and the matrix keys a table by kind', () => {
  const offenders = sourceFiles('src')
    .filter((file) => !KIND_TABLES.includes(file))
    .map((file) => ({ file, keys: kindKeys(readFileSync(join(ROOT, file), 'utf8')) }))
    // One or two kind keys can be a field that happens to be called `server` or `web`.
    .filter(({ keys }) => keys.length > 2);
  expect(offenders).toEqual([]);
});
