import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE_DIR = join(ROOT, 'tests', `lint-probe-${process.pid}`);
afterAll(() => rmSync(PROBE_DIR, { recursive: true, force: true }));

/** Lints one probe file with the project's own Biome configuration and returns what it said. */
function lint(name: string, source: string): { code: number | null; output: string } {
  mkdirSync(PROBE_DIR, { recursive: true });
  const file = join(PROBE_DIR, name);
  writeFileSync(file, source);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'lint', file],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const SINKS: readonly [string, string][] = [
  ['innerHTML assignment', 'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }\n'],
  ['outerHTML', 'export function f(el: HTMLElement) { return el.outerHTML; }\n'],
  [
    'insertAdjacentHTML',
    "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }\n",
  ],
  ['eval', 'export function f(s: string) { return eval(s); }\n'],
  ['new Function', 'export function f(s: string) { return new Function(s); }\n'],
  [
    'dangerouslySetInnerHTML',
    'export const f = (s: string) => <div dangerouslySetInnerHTML={{ __html: s }} />;\n',
  ],
];

test.each(SINKS)('lint refuses the HTML or code sink: %s', (name, source) => {
  const result = lint(`${name.replace(/\W+/g, '-')}.tsx`, source);
  expect(result.code).not.toBe(0);
});

test('lint accepts rendering a user string as text', () => {
  const result = lint(
    'text.ts',
    'export function f(el: HTMLElement, s: string) {\n  el.textContent = s;\n}\n',
  );
  expect(result.output).not.toMatch(/sinks are forbidden/);
  expect(result.code).toBe(0);
});

// Issue 12: layers only point down, and no folder imports itself in a circle. The architecture
// test checks directions between layers; Biome's noImportCycles catches a cycle inside one.
test('lint refuses two modules that import each other', () => {
  lint('cycle-b.ts', "import { a } from './cycle-a';\nexport const b = () => a;\n");
  const result = lint('cycle-a.ts', "import { b } from './cycle-b';\nexport const a = () => b;\n");
  expect(result.output).toMatch(/noImportCycles/);
  expect(result.code).not.toBe(0);
});

test('lint accepts a module that imports one that does not import it back', () => {
  lint('chain-b.ts', 'export const b = () => 1;\n');
  const result = lint('chain-a.ts', "import { b } from './chain-b';\nexport const a = () => b();\n");
  expect(result.output).not.toMatch(/noImportCycles/);
  expect(result.code).toBe(0);
});
