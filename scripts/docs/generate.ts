import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocumentJsonSchema } from '../../src/document/json-schema';
import { cliSections } from './cli-sections';
import { formatSections } from './format-sections';
import { fillSections } from './markers';
import { rulesSections } from './rules-sections';

/** The project's root: every path below is relative to it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const FORMAT_DOC = 'docs/format.md';
export const RULES_DOC = 'docs/rules.md';
export const SCHEMA_FILE = 'docs/schema/wfm-topology.schema.json';

export interface GeneratedFile {
  /** Relative to the root. */
  readonly path: string;
  readonly text: string;
}

const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

/** `text` as the project's formatter writes a file at `path`, so `npm run lint` finds nothing to change. */
function formatted(text: string, path: string): string {
  const result = spawnSync(process.execPath, [BIOME, 'format', `--stdin-file-path=${path}`], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`biome could not format ${path}: ${result.stderr}`);
  return result.stdout;
}

function filled(path: string, sections: Readonly<Record<string, string>>): GeneratedFile {
  return { path, text: fillSections(readFileSync(join(ROOT, path), 'utf8'), sections, path) };
}

/**
 * Every generated file as `npm run docs` writes it: the two documents with their generated
 * sections filled from the code, and the JSON Schema. Writes nothing; the caller compares or writes.
 */
export async function generateDocs(): Promise<GeneratedFile[]> {
  return [
    filled(FORMAT_DOC, formatSections()),
    filled(RULES_DOC, { ...rulesSections(), ...(await cliSections()) }),
    {
      path: SCHEMA_FILE,
      text: formatted(`${JSON.stringify(createDocumentJsonSchema(), null, 2)}\n`, SCHEMA_FILE),
    },
  ];
}
