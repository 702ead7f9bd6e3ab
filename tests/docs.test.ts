import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import {
  FORMAT_DOC,
  type GeneratedFile,
  generateDocs,
  ROOT,
  RULES_DOC,
  SCHEMA_FILE,
} from '../scripts/docs/generate';
import { sectionNames } from '../scripts/docs/markers';
import { createValidationBlock, parseDocument } from '../src/document';
import * as LIMITS from '../src/document/limits';
import { COMPONENT_KINDS, OPTION_CATALOG, PROBLEM_CODES } from '../src/domain';

// docs/format.md, docs/rules.md and the JSON Schema must say what the code does: their generated
// parts are made again here and compared, and every example of a problem is run through the rules.

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

let generated: readonly GeneratedFile[] = [];
beforeAll(async () => {
  generated = await generateDocs();
}, 120_000);

test.each([FORMAT_DOC, RULES_DOC, SCHEMA_FILE])('%s is as `npm run docs` writes it from the code', (path) => {
  const file = generated.find((candidate) => candidate.path === path);
  expect(file, `${path} is not generated`).toBeDefined();
  expect(read(path), `${path} differs from the code: run npm run docs`).toBe(file?.text);
});

/** The text of a generated section as the file has it now. */
function section(path: string, name: string): string {
  const text = read(path);
  const start = text.indexOf(`<!-- generated:${name} -->`);
  const end = text.indexOf(`<!-- /generated:${name} -->`);
  if (start < 0 || end < start) throw new Error(`${path} has no generated section ${name}`);
  return text.slice(start, end);
}

test('every kind is in the kinds table, and the matrix has a row or a column for it', () => {
  expect(sectionNames(read(RULES_DOC))).toEqual(expect.arrayContaining(['kinds', 'matrix', 'marks']));
  for (const kind of COMPONENT_KINDS) {
    expect(section(RULES_DOC, 'kinds')).toContain(`| \`${kind}\` |`);
    expect(section(RULES_DOC, 'matrix')).toContain(kind);
  }
});

test('every option is in the options table', () => {
  for (const { key } of OPTION_CATALOG) expect(section(RULES_DOC, 'options')).toContain(`| \`${key}\` |`);
});

test('every limit is in the limits table', () => {
  for (const name of Object.keys(LIMITS)) expect(section(FORMAT_DOC, 'limits')).toContain(`\`${name}\``);
});

test('every problem code is in the problems table and has a section of its own', () => {
  const rules = read(RULES_DOC);
  for (const code of PROBLEM_CODES) {
    expect(section(RULES_DOC, 'problems')).toContain(`[\`${code}\`](#${code})`);
    expect(rules).toContain(`\n### \`${code}\`\n`);
  }
});

interface Example {
  /** The heading the example is under. */
  readonly heading: string;
  readonly document: string;
  readonly problems: string;
}

/** Every `json example` block of docs/rules.md with the `json problems` block that follows it. */
function examples(): Example[] {
  const found: Example[] = [];
  let heading = '';
  let document: string | undefined;
  const blocks = /^(#{2,3}) (.+)$|^```json (example|problems)\n([\s\S]*?)^```$/gm;
  for (const match of read(RULES_DOC).matchAll(blocks)) {
    const [, , title, tag, body = ''] = match;
    if (title !== undefined) {
      if (document !== undefined) throw new Error(`an example under ${heading} has no problems block`);
      heading = title;
    } else if (tag === 'example') {
      if (document !== undefined) throw new Error(`two examples in a row under ${heading}`);
      document = body;
    } else {
      if (document === undefined) throw new Error(`a problems block under ${heading} follows no example`);
      found.push({ heading, document, problems: body });
      document = undefined;
    }
  }
  return found;
}

test.each(examples().map((example, index) => [index + 1, example.heading, example] as const))(
  'example %i of docs/rules.md (%s) gives exactly the problems it shows',
  (_, __, example) => {
    const parsed = parseDocument(example.document);
    if (!parsed.ok) throw new Error(`the example is not a valid file: ${JSON.stringify(parsed.error)}`);
    const actual = createValidationBlock(parsed.document).problems;
    // Compared as JSON text, so the keys' order is checked too, not only the values.
    expect(JSON.stringify(JSON.parse(example.problems))).toBe(JSON.stringify(actual));
  },
);

test('every problem code has an example under its heading that gives it', () => {
  const all = examples();
  for (const code of PROBLEM_CODES) {
    const own = all.filter((example) => example.heading === `\`${code}\``);
    expect(own.length, `no example for ${code}`).toBeGreaterThan(0);
    for (const example of own) expect(example.problems).toContain(`"code": "${code}"`);
  }
});

// ---- links ------------------------------------------------------------------------------------

function markdownFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

/** The anchors GitHub gives a file's headings. */
function anchors(path: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, title = ''] of read(path).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replaceAll(' ', '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

const LINK = /\]\(([^)\s]+)\)/g;

test.each(['README.md', ...markdownFiles('docs')])(
  'every relative link of %s stays in the repository and reaches its file and heading',
  (path) => {
    const broken: string[] = [];
    for (const [, target = ''] of read(path).matchAll(LINK)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [file = '', anchor] = target.split('#');
      const resolved = file === '' ? join(ROOT, path) : resolve(dirname(join(ROOT, path)), file);
      const inside = relative(ROOT, resolved);
      if (inside.startsWith('..')) broken.push(`${target}: outside the repository`);
      else if (!existsSync(resolved)) broken.push(`${target}: no such file`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchors(inside).has(anchor)) {
        broken.push(`${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  },
);

test('the README points to the format and the rules', () => {
  const readme = read('README.md');
  expect(readme.includes('](docs/format.md'), 'no link to docs/format.md').toBe(true);
  expect(readme.includes('](docs/rules.md'), 'no link to docs/rules.md').toBe(true);
});
