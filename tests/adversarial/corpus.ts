import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES, parseDocument } from '../../src/document';
import { addPngText, asciiJson, PNG_TEXT_KEYWORD, serializeSvg } from '../../src/export';
import { ADVERSARIAL_CASES, type AdversarialCase } from './manifest';

// The bytes of every case of the manifest: committed files are read from `cases/`, the large and
// binary ones are made here, the same bytes on every run.

export const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));

const MIB = 1024 * 1024;

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function committed(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CASES_DIR, file)));
}

/** The two-component file of the committed cases, as an object to bend. */
function baseFile() {
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'Single site',
    options: { managementLayer: false, scheduledReporting: false },
    components: [
      { id: 'srv-1', kind: 'server', name: 'WFM_Server', position: { x: 0, y: 200 }, port: 7000 } as Record<
        string,
        unknown
      >,
      { id: 'bld-1', kind: 'builder', name: 'WFM_Builder', position: { x: 0, y: 0 } } as Record<
        string,
        unknown
      >,
    ],
    connections: [{ id: 'c-1', from: 'bld-1', to: 'srv-1' }] as Record<string, unknown>[],
  };
}

const PLACEHOLDER = '"@@HOLE@@"';

/** The base file with `"@@HOLE@@"` put where `edit` leaves the placeholder, replaced by `raw` JSON text. */
function withRaw(edit: (file: ReturnType<typeof baseFile>) => void, raw: string): Uint8Array {
  const file = baseFile();
  edit(file);
  return utf8(JSON.stringify(file).replace(PLACEHOLDER, raw));
}

const HOLE = PLACEHOLDER.slice(1, -1);

/** A 1×1 RGBA PNG (IHDR, IDAT, IEND) as a browser's canvas writes it. */
const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

function markupDocument() {
  const result = parseDocument(new TextDecoder().decode(committed('markup-in-every-field.json')));
  if (!result.ok) throw new Error('markup-in-every-field.json must be a valid document');
  return result.document;
}

/** Deterministic bytes (a linear congruential generator), so the garbage is the same on every run. */
function garbage(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x2f6b_a5c1;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  bytes[0] = 0; // Not '<' (SVG) nor the PNG signature: the JSON path.
  return bytes;
}

const GENERATORS: Readonly<Record<string, () => Uint8Array>> = {
  'deep-arrays.json': () => utf8(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`),
  'deep-arrays-in-position.json': () =>
    withRaw(
      (file) => {
        file.components[0] = { ...file.components[0], position: HOLE };
      },
      `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`,
    ),
  'deep-objects-in-validation.json': () =>
    withRaw(
      (file) => Object.assign(file, { validation: HOLE }),
      `${'{"a":'.repeat(1_000_000)}1${'}'.repeat(1_000_000)}`,
    ),
  'over-size-cap.json': () => {
    const text = JSON.stringify(baseFile(), null, 2);
    return utf8(text + ' '.repeat(MAX_FILE_BYTES + 1 - text.length));
  },
  'ten-mb-component-name.json': () =>
    withRaw(
      (file) => {
        file.components[0] = { ...file.components[0], name: HOLE };
      },
      `"${'A'.repeat(10 * MIB)}"`,
    ),
  'nine-mb-component-name.json': () =>
    withRaw(
      (file) => {
        file.components[0] = { ...file.components[0], name: HOLE };
      },
      `"${'<b>'.repeat(3 * MIB)}"`,
    ),
  'nine-mb-spaces-in-a-name.json': () =>
    withRaw(
      (file) => {
        file.components[0] = { ...file.components[0], name: HOLE };
      },
      `"${' '.repeat(9 * MIB)}x"`,
    ),
  'nine-mb-document-name.json': () =>
    withRaw((file) => Object.assign(file, { name: HOLE }), `"${'<i>'.repeat(3 * MIB)}"`),
  'too-many-components.json': () => {
    const file = baseFile();
    file.components = Array.from({ length: 20_001 }, (_, i) => ({ id: `c${i}`, kind: 'dap', name: `D${i}` }));
    file.connections = [];
    return utf8(JSON.stringify(file));
  },
  'too-many-connections.json': () => {
    const file = baseFile();
    file.connections = Array.from({ length: 60_001 }, (_, i) => ({
      id: `k${i}`,
      from: 'bld-1',
      to: 'srv-1',
    }));
    return utf8(JSON.stringify(file));
  },
  'many-bad-rows.json': () => {
    const file = baseFile();
    file.components = Array.from({ length: 500 }, (_, i) => ({
      id: `c${i}`,
      kind: 'dap',
      name: `D${i}`,
      port: 0,
    }));
    file.connections = [];
    return utf8(JSON.stringify(file));
  },
  'many-unknown-keys.json': () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}":0,`).join('');
    return utf8(JSON.stringify(baseFile()).replace('"id":"srv-1",', `${keys}"id":"srv-1",`));
  },
  'binary-garbage.bin': () => garbage(64 * 1024),
  'utf16.json': () => {
    const text = `\ufeff${JSON.stringify(baseFile())}`;
    const bytes = new Uint8Array(text.length * 2);
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      bytes[index * 2] = unit & 0xff;
      bytes[index * 2 + 1] = unit >> 8;
    }
    return bytes;
  },
  'markup-in-every-field.svg': () => utf8(serializeSvg(markupDocument())),
  'markup-in-every-field.png': () =>
    addPngText(
      PNG_1X1,
      PNG_TEXT_KEYWORD,
      asciiJson(new TextDecoder().decode(committed('markup-in-every-field.json'))),
    ),
  'png-huge-chunk-length.png': () => {
    const bytes = new Uint8Array(PNG_1X1.length + 12);
    bytes.set(PNG_1X1.subarray(0, 33)); // signature and IHDR
    const view = new DataView(bytes.buffer);
    view.setUint32(33, 0xffff_fff0);
    bytes.set([0x74, 0x45, 0x58, 0x74], 37); // "tEXt"
    return bytes;
  },
  'terminal-escapes-in-refusal.json': () => {
    const file = baseFile();
    file.components[0] = { ...file.components[0], kind: '\u001b[2Jserver\u202e' };
    file.components[1] = { ...file.components[1], '\u001b]52;c;cm0gLXJmIH4K\u0007': 1 };
    return utf8(JSON.stringify(file));
  },
  'binary-with-escapes.bin': () => {
    const escapes = '\u001b[2J\u001b[H\u001b]52;c;cm0gLXJmIH4K\u0007\u009b31m\nprod.wfm.json: 0 errors\n';
    const garbageBytes = garbage(4096);
    const bytes = new Uint8Array(escapes.length + garbageBytes.length);
    bytes.set(Uint8Array.from(escapes, (ch) => ch.charCodeAt(0))); // one byte each, as Latin-1
    bytes.set(garbageBytes, escapes.length);
    return bytes;
  },
  'unclosed-metadata.svg': () =>
    utf8(`<svg xmlns="http://www.w3.org/2000/svg">${'<metadata '.repeat(200_000)}>`),
};

/** The bytes of one case. */
export function caseBytes(entry: AdversarialCase): Uint8Array {
  if (entry.source === 'committed') return committed(entry.file);
  const generate = GENERATORS[entry.file];
  if (!generate) throw new Error(`no generator for ${entry.file}`);
  return generate();
}

/** The generated files that have no case in the manifest, or cases without a file: both are mistakes. */
export function corpusMismatches(): string[] {
  const generated = new Set(ADVERSARIAL_CASES.filter((c) => c.source === 'generated').map((c) => c.file));
  return [
    ...Object.keys(GENERATORS).filter((file) => !generated.has(file)),
    ...[...generated].filter((file) => !GENERATORS[file]),
  ];
}

/**
 * Writes every case to a fresh temporary folder (committed ones are used where they are) and
 * returns the path of each, by file name, and a function that removes the folder.
 */
export function writeCorpus(cases: readonly AdversarialCase[] = ADVERSARIAL_CASES) {
  const folder = mkdtempSync(join(tmpdir(), 'wfm-adversarial-'));
  const paths = new Map<string, string>();
  for (const entry of cases) {
    if (entry.source === 'committed') {
      paths.set(entry.file, join(CASES_DIR, entry.file));
      continue;
    }
    const path = join(folder, entry.file);
    writeFileSync(path, caseBytes(entry));
    paths.set(entry.file, path);
  }
  return { folder, paths, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
