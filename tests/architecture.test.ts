import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// Arrows point down the house list and never back up (STYLE.md, "The house").

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages that belong to the browser UI only. */
const UI_PACKAGES = ['react', 'react-dom', '@xyflow/react', '@xyflow/system', 'zustand'];

/** Browser globals the pure layers must not touch. */
const DOM_GLOBALS = ['document', 'window', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement'];

interface Layer {
  readonly folder: string;
  /** The other folders its relative imports may reach, all further down the house list. */
  readonly mayImport: readonly string[];
  /** When set, the only packages the layer may import (besides relative modules). */
  readonly onlyPackages?: readonly string[];
  readonly forbiddenPackages: readonly string[];
  /** Whether `document.`, `window.` and friends are read as the browser's globals (the domain says `topology`). */
  readonly noDomGlobals: boolean;
}

// The house, from the bottom up (docs/decisions/016-layers.md). Each layer may import the ones
// below it that it lists, never one above: domain → document → drawing → export → store → ui →
// canvas → panels → app, and the command line beside the UI, on domain, document, drawing and export.
const PURE = ['src/domain', 'src/document', 'src/drawing', 'src/export'];
const DATA = ['src/templates', 'src/exercises'];

/** Add a row when a new layer appears; layers whose folder does not exist yet are skipped. */
const LAYERS: readonly Layer[] = [
  {
    folder: 'src/domain',
    mayImport: [],
    onlyPackages: ['zod'],
    forbiddenPackages: UI_PACKAGES,
    noDomGlobals: true,
  },
  // Not read for DOM globals: a file-format layer rightly names its variables `document`.
  { folder: 'src/document', mayImport: ['src/domain'], forbiddenPackages: UI_PACKAGES, noDomGlobals: false },
  {
    folder: 'src/drawing',
    mayImport: ['src/domain', 'src/document'],
    forbiddenPackages: UI_PACKAGES,
    // Like the file format, drawing code names the topology document `document`.
    noDomGlobals: false,
  },
  {
    folder: 'src/export',
    mayImport: ['src/domain', 'src/document', 'src/drawing'],
    forbiddenPackages: UI_PACKAGES,
    noDomGlobals: false,
  },
  // The drawing check (issue 14 item 7): measures what the pure layers draw; nothing imports it.
  {
    folder: 'src/diagram-check',
    mayImport: [...PURE, ...DATA],
    forbiddenPackages: UI_PACKAGES,
    noDomGlobals: false,
  },
  {
    folder: 'src/templates',
    mayImport: ['src/domain', 'src/document'],
    forbiddenPackages: UI_PACKAGES,
    // Like the file format, drawing code names the topology document `document`.
    noDomGlobals: false,
  },
  {
    folder: 'src/exercises',
    mayImport: ['src/domain', 'src/document'],
    forbiddenPackages: UI_PACKAGES,
    // Like the file format, drawing code names the topology document `document`.
    noDomGlobals: false,
  },
  // The Yjs mapping of the document and the room links (issue 16, decision 031): pure functions
  // on a Y.Doc that the product server and, later, the app use. Names the document `document`.
  {
    folder: 'src/collab',
    mayImport: ['src/domain', 'src/document'],
    forbiddenPackages: UI_PACKAGES,
    noDomGlobals: false,
  },
  {
    folder: 'src/store',
    mayImport: [...PURE, ...DATA],
    forbiddenPackages: ['@xyflow/react', '@xyflow/system'],
    noDomGlobals: false,
  },
  // The designer's side of live collaboration (issue 16): the session, the binding of the store to
  // the room's Y.Doc, the provider. Shared by canvas, panels and app.
  {
    folder: 'src/live',
    mayImport: [...PURE, 'src/collab', 'src/store'],
    forbiddenPackages: ['@xyflow/react', '@xyflow/system'],
    noDomGlobals: false,
  },
  {
    folder: 'src/ui',
    mayImport: [...PURE, 'src/store'],
    forbiddenPackages: ['@xyflow/react', '@xyflow/system'],
    noDomGlobals: false,
  },
  {
    folder: 'src/canvas',
    mayImport: [...PURE, 'src/store', 'src/live', 'src/ui'],
    forbiddenPackages: [],
    noDomGlobals: false,
  },
  {
    folder: 'src/panels',
    mayImport: [...PURE, ...DATA, 'src/store', 'src/live', 'src/ui', 'src/canvas'],
    forbiddenPackages: [],
    noDomGlobals: false,
  },
  {
    folder: 'src/app',
    mayImport: [
      ...PURE,
      ...DATA,
      'src/store',
      'src/collab',
      'src/live',
      'src/ui',
      'src/canvas',
      'src/panels',
    ],
    forbiddenPackages: [],
    noDomGlobals: false,
  },
  { folder: 'cli', mayImport: PURE, forbiddenPackages: UI_PACKAGES, noDomGlobals: false },
  // The product server (decision 031): Node only, beside the UI like the command line.
  {
    folder: 'server',
    mayImport: [...PURE, 'src/collab', 'scripts'],
    forbiddenPackages: UI_PACKAGES,
    noDomGlobals: false,
  },
];

function sourceFiles(folder: string): string[] {
  const absolute = join(ROOT, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mts|cts)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(absolute, file));
}

/** The code of a file with comments and string contents blanked, so words in them are not read as code. */
function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    const ch = text[i] ?? '';
    if (two === '//') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (two === '/*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      out += ' ';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      i += 1;
      while (i < text.length && text[i] !== ch) i += text[i] === '\\' ? 2 : 1;
      i += 1;
      out += `${ch}${ch}`;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(text: string): string[] {
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

function isPackage(specifier: string, name: string): boolean {
  return specifier === name || specifier.startsWith(`${name}/`);
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(join(ROOT, folder), path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/** What is wrong with one file of a layer, one line per offence. */
function offences(layer: Layer, file: string, text: string = readFileSync(file, 'utf8')): string[] {
  const name = relative(ROOT, file);
  const found: string[] = [];
  for (const specifier of importsOf(text)) {
    if (isRelative(specifier)) {
      const target = resolve(dirname(file), specifier);
      if (isInside(target, layer.folder)) continue;
      const allowed = layer.mayImport.some((folder) => isInside(target, folder));
      if (!allowed) {
        const where = LAYERS.find((l) => isInside(target, l.folder))?.folder ?? relative(ROOT, target);
        found.push(
          `${name} imports ${specifier}, in ${where}: ${layer.folder} may import only ${[layer.folder, ...layer.mayImport].join(', ')}`,
        );
      }
      continue;
    }
    const forbidden = layer.forbiddenPackages.find((p) => isPackage(specifier, p));
    if (forbidden)
      found.push(`${name} imports the package ${specifier}, which ${layer.folder} must not know`);
    else if (layer.onlyPackages && !layer.onlyPackages.some((p) => isPackage(specifier, p))) {
      found.push(
        `${name} imports ${specifier}: ${layer.folder} may import only ${layer.onlyPackages.join(', ')}`,
      );
    }
  }
  if (layer.noDomGlobals) {
    const code = codeOnly(text);
    for (const global of DOM_GLOBALS) {
      if (new RegExp(`(?<![\\w$.])${global}\\s*[.[(]`).test(code))
        found.push(`${name} uses the DOM global ${global}`);
    }
  }
  return found;
}

test('the import reader finds static, type-only, side-effect, re-exported and dynamic imports', () => {
  const text = [
    "import { a } from 'react';",
    "import type { Node } from '@xyflow/react';",
    "import './side-effect';",
    "export * from '../store/slice';",
    "export { b } from './b';",
    "const lazy = await import('zustand');",
    '// import { c } from "commented-out";',
  ].join('\n');
  expect(importsOf(text)).toEqual(
    expect.arrayContaining(['react', '@xyflow/react', './side-effect', '../store/slice', './b', 'zustand']),
  );
});

test('the code reader ignores DOM words in comments and strings', () => {
  const code = codeOnly(
    "// the document. \n const s = 'window.open'; /* document.body */ x = document.title;",
  );
  expect(code).not.toContain('window.open');
  expect(code).not.toContain('document.body');
  expect(code).toContain('document.title');
});

test('the domain module exists and is read', () => {
  expect(sourceFiles('src/domain').length).toBeGreaterThanOrEqual(10);
});

test('src/domain imports only its own modules and zod, and never touches the DOM', () => {
  const domain = layer('src/domain');
  expect(sourceFiles(domain.folder).flatMap((file) => offences(domain, file))).toEqual([]);
});

test.each(LAYERS.filter((l) => l.folder !== 'src/domain').map((l) => l.folder))(
  '%s imports only the layers below it that it may (nothing to check while the folder does not exist)',
  (folder) => {
    const checked = layer(folder);
    expect(sourceFiles(folder).flatMap((file) => offences(checked, file))).toEqual([]);
  },
);

test('every source folder is a layer of the house', () => {
  const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/${entry.name}`);
  expect(folders.filter((folder) => !LAYERS.some((l) => l.folder === folder))).toEqual([]);
});

test('a layer that imported one above it would be caught', () => {
  const up = ["import { useDesigner } from '../store/react';", "import { Modal } from '../ui/modal';"].join(
    '\n',
  );
  expect(offences(layer('src/drawing'), join(ROOT, 'src/drawing/bad.ts'), up)).toHaveLength(2);
  expect(
    offences(layer('src/canvas'), join(ROOT, 'src/canvas/bad.ts'), "import { X } from '../panels/x';"),
  ).toHaveLength(1);
  expect(
    offences(layer('src/store'), join(ROOT, 'src/store/bad.ts'), "import { X } from '../app/x';"),
  ).toHaveLength(1);
  expect(
    offences(layer('src/panels'), join(ROOT, 'src/panels/ok.ts'), "import { X } from '../canvas/x';"),
  ).toEqual([]);
});

function layer(folder: string): Layer {
  const found = LAYERS.find((l) => l.folder === folder);
  if (!found) throw new Error(`no layer ${folder}`);
  return found;
}

test('a domain file that broke the rules would be caught', () => {
  const bad = [
    "import { create } from 'zustand';",
    "import { x } from '../document/x';",
    "import { z } from 'zod';",
    "import { y } from './y';",
    "import { readFileSync } from 'node:fs';",
    'window.alert(1);',
  ].join('\n');
  expect(offences(layer('src/domain'), join(ROOT, 'src/domain/bad.ts'), bad)).toHaveLength(4);
});

test('a command-line file that imported the UI would be caught', () => {
  const bad = ["import { Shell } from '../src/app/shell';", "import { useStore } from 'zustand';"].join('\n');
  const ok = ["import { validate } from '../src/domain';", "import { readFileSync } from 'node:fs';"].join(
    '\n',
  );
  expect(offences(layer('cli'), join(ROOT, 'cli/main.ts'), bad)).toHaveLength(2);
  expect(offences(layer('cli'), join(ROOT, 'cli/main.ts'), ok)).toEqual([]);
});
