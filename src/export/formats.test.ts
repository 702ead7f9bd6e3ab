import { expect, test } from 'vitest';
import { parseDocument, serializeDocument, type TopologyDocument } from '../document';
import { EXPORT_FORMATS, exportFormat, findExportFormat, HEADLESS_FORMATS } from './formats';
import { serializeMarkdown } from './markdown';
import { serializeMermaid } from './mermaid';
import { serializeSvg } from './svg';

const LAB: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  name: 'Lab',
  components: [
    { id: 'srv-1', kind: 'server', name: 'WFM_Server', position: { x: 0, y: 0 } },
    { id: 'bld-1', kind: 'builder', name: 'WFM_Builder', position: { x: 0, y: 120 } },
  ],
  connections: [{ id: 'c-1', from: 'bld-1', to: 'srv-1' }],
};

// An independent expectation: what the Export menu and `--to` offer, in this order.
const EXPECTED = [
  { id: 'json', label: 'JSON', extension: '.wfm.json', headless: true },
  { id: 'svg', label: 'SVG', extension: '.svg', headless: true },
  { id: 'png', label: 'PNG', extension: '.png', headless: false },
  { id: 'md', label: 'Markdown', extension: '.md', headless: true },
  { id: 'mermaid', label: 'Mermaid', extension: '.mmd', headless: true },
];

test('the formats are JSON, SVG, PNG, Markdown and Mermaid, in the order the menu shows them', () => {
  expect(
    EXPORT_FORMATS.map(({ id, label, extension, headless }) => ({ id, label, extension, headless })),
  ).toEqual(EXPECTED);
});

test.each(EXPORT_FORMATS.map((format) => [format.id, format] as const))(
  'the %s format has a label, a file name ending and a MIME type',
  (_id, format) => {
    expect(format.id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(format.label.trim()).not.toBe('');
    expect(format.extension).toMatch(/^(\.[a-z0-9]+)+$/);
    expect(format.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
  },
);

test('every id and alias names one format only', () => {
  const names = EXPORT_FORMATS.flatMap((format) => [format.id, ...format.aliases]);
  expect(new Set(names).size).toBe(names.length);
});

test('a headless format has a writer; a browser-only one (PNG) leaves it to the app', () => {
  for (const format of EXPORT_FORMATS) expect(format.writer === null).toBe(!format.headless);
  expect(HEADLESS_FORMATS.map((format) => format.id)).toEqual(['json', 'svg', 'md', 'mermaid']);
});

test('a format is found by its id or an alias: markdown is md', () => {
  expect(findExportFormat('markdown')).toBe(exportFormat('md'));
  expect(findExportFormat('md')).toBe(exportFormat('md'));
  expect(findExportFormat('pdf')).toBeUndefined();
});

test('each headless writer writes what its module writes', async () => {
  const options = { outlineProblems: true };
  const written = async (id: 'json' | 'svg' | 'md' | 'mermaid') => {
    const format = exportFormat(id);
    if (!format.writer) throw new Error(`${id} has no writer`);
    return (await format.writer())(LAB, options);
  };
  expect(await written('json')).toBe(serializeDocument(LAB));
  expect(parseDocument(await written('json'))).toMatchObject({ ok: true });
  expect(await written('svg')).toBe(serializeSvg(LAB, options));
  expect(await written('md')).toBe(serializeMarkdown(LAB));
  expect(await written('mermaid')).toBe(serializeMermaid(LAB));
});
