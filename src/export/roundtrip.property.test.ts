import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { type DocumentComponent, parseDocument, serializeDocument, type TopologyDocument } from '../document';
import {
  componentV2FieldsArbitrary,
  connectionsArbitrary,
  type DocumentIds,
  documentIdsArbitrary,
  v2PartsArbitrary,
} from '../document/testing/arbitraries';
import { COMPONENT_KINDS } from '../domain';
import { connectionsDrawn } from '../drawing/drawn-links';
import { extractDocumentText } from './embedded';
import { importText } from './import-file';
import { serializeMarkdown } from './markdown';
import { serializeMermaid } from './mermaid';
import { addPngText, asciiJson, PNG_TEXT_KEYWORD } from './png-metadata';
import { serializeSvg } from './svg';

// Every export that carries its document must give back exactly the document it was written from,
// whatever the user typed into a name. The generator below writes only valid documents (unique
// ids, existing endpoints, etl only on a WFM Server) with names built to break writers.

const PROPERTY = { seed: 20_251_126, numRuns: 200 } as const;
const EXAMPLES = join(import.meta.dirname, '../../examples');

/** A 1×1 RGBA PNG (IHDR, IDAT, IEND) as a browser's canvas would write it. */
const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

/** Pieces that break naive writers: markup, entities, CDATA ends, quotes, emoji, controls. */
const NASTY_PIECES = [
  '"',
  "'",
  '<',
  '>',
  '&',
  '&amp;',
  '&#x41;',
  ']]>',
  '<![CDATA[',
  '</text><script>alert(1)</script>',
  '</metadata>',
  '<!--',
  '|',
  '`',
  '#',
  '\\',
  '\\u0041',
  '😀',
  '👩‍💻',
  'é',
  'Ω',
  '中文',
  '\u0000',
  '\u0007',
  '\u001f',
  '\u007f',
  '\u0085',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  'WFM_Server',
] as const;

const namePiece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(120)) },
);

/** 1–128 characters once trimmed, kept as written (a name may have spaces around it). */
const componentName = fc
  .array(namePiece, { minLength: 1, maxLength: 6 })
  .map((pieces) => pieces.join(''))
  .filter((name) => name.trim().length >= 1 && name.trim().length <= 128);

const documentName = fc
  .array(namePiece, { maxLength: 5 })
  .map((pieces) => pieces.join(''))
  .filter((name) => name.length <= 200);

/** JSON writes -0 as 0, so a generated -0 could never come back as itself. */
const coordinate = fc
  .oneof(fc.integer({ min: -5000, max: 5000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
  .map((value) => (value === 0 ? 0 : value));

const position = fc.record({ x: coordinate, y: coordinate });

const id = fc.oneof(
  fc.stringMatching(/^[a-z]{1,4}-[0-9]{1,3}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => text.length <= 64),
);

type PositionPolicy = 'always' | 'sometimes';

function componentArbitrary(
  componentId: string,
  positions: PositionPolicy,
  ids: DocumentIds,
): fc.Arbitrary<DocumentComponent> {
  return fc
    .record(
      {
        kind: fc.constantFrom(...COMPONENT_KINDS),
        name: componentName,
        position,
        port: fc.integer({ min: 1, max: 65_535 }),
        etl: fc.boolean(),
        notes: fc.string({ unit: 'binary', maxLength: 40 }),
      },
      { requiredKeys: positions === 'always' ? ['kind', 'name', 'position'] : ['kind', 'name'] },
    )
    .chain(({ etl, ...fields }) =>
      componentV2FieldsArbitrary(fields.kind, ids).map((v2) =>
        fields.kind === 'server' && etl !== undefined
          ? { id: componentId, ...fields, ...v2, etl }
          : { id: componentId, ...fields, ...v2 },
      ),
    );
}

/**
 * A valid version-2 document, with names built to break writers on components, hosts and
 * zones; with `'sometimes'`, some components have no position (the layout places them).
 */
function documentArbitrary(positions: PositionPolicy): fc.Arbitrary<TopologyDocument> {
  return documentIdsArbitrary(id, 12)
    .chain((ids) =>
      fc.record({
        header: fc.record(
          {
            name: documentName,
            options: fc.record(
              { managementLayer: fc.boolean(), scheduledReporting: fc.boolean() },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
        parts: v2PartsArbitrary(ids, componentName, position),
        components: fc.tuple(
          ...ids.components.map((componentId) => componentArbitrary(componentId, positions, ids)),
        ),
        connections: connectionsArbitrary(ids, id, position, 16),
      }),
    )
    .map(({ header, parts, components, connections }) => ({
      format: 'wfm-topology' as const,
      version: 2 as const,
      ...header,
      ...parts,
      components,
      connections,
    }));
}

const anyDocument = documentArbitrary('sometimes');
const positionedDocument = documentArbitrary('always');

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The document an exported file carries, read back the way the importer reads it. */
function documentCarriedBy(bytes: Uint8Array): TopologyDocument {
  const embedded = extractDocumentText(bytes);
  if (!embedded.ok) throw new Error(embedded.message);
  const parsed = parseDocument(embedded.text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.document;
}

function exampleDocuments(): { file: string; document: TopologyDocument }[] {
  return readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.wfm.json'))
    .map((file) => {
      const parsed = parseDocument(readFileSync(join(EXAMPLES, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
      return { file, document: parsed.document };
    });
}

test('the generator writes documents the format accepts', () => {
  fc.assert(
    fc.property(anyDocument, (document) => {
      expect(parseDocument(serializeDocument(document))).toEqual({ ok: true, document });
    }),
    PROPERTY,
  );
});

test('the examples folder has documents to round-trip', () => {
  expect(exampleDocuments().length).toBeGreaterThanOrEqual(2);
});

describe.each(exampleDocuments())('example $file', ({ document }) => {
  test('JSON: writing what the importer read gives the same bytes', () => {
    const text = serializeDocument(document);
    const imported = importText(text, 'example');
    expect(imported.ok && serializeDocument(imported.document)).toBe(text);
  });

  test('SVG: the embedded document is the document', () => {
    expect(documentCarriedBy(utf8(serializeSvg(document)))).toEqual(document);
  });

  test('PNG: the tEXt chunk carries the document', () => {
    const png = addPngText(PNG_1X1, PNG_TEXT_KEYWORD, asciiJson(serializeDocument(document)));
    expect(documentCarriedBy(png)).toEqual(document);
  });
});

test('JSON: a positioned document written, imported and written again is byte-identical', () => {
  fc.assert(
    fc.property(positionedDocument, (document) => {
      const text = serializeDocument(document);
      const imported = importText(text, 'generated.wfm.json');
      expect(imported.ok && serializeDocument(imported.document)).toBe(text);
    }),
    PROPERTY,
  );
});

test('JSON: import places every component that has no position and changes nothing else', () => {
  fc.assert(
    fc.property(anyDocument, (document) => {
      const imported = importText(serializeDocument(document), 'generated.wfm.json');
      if (!imported.ok) throw new Error(imported.error.message);
      expect(imported.document.components.every((component) => component.position !== undefined)).toBe(true);
      const placed = new Map(imported.document.components.map((c) => [c.id, c.position]));
      const expected = {
        ...document,
        components: document.components.map((c) => ({ ...c, position: c.position ?? placed.get(c.id) })),
      };
      expect(imported.document).toEqual(expected);
    }),
    PROPERTY,
  );
});

test('SVG: the embedded document is deep-equal to the document the SVG was written from', () => {
  fc.assert(
    fc.property(anyDocument, fc.boolean(), (document, outlineProblems) => {
      expect(documentCarriedBy(utf8(serializeSvg(document, { outlineProblems })))).toEqual(document);
    }),
    PROPERTY,
  );
});

test('PNG: the document in the tEXt chunk is deep-equal to the document', () => {
  fc.assert(
    fc.property(anyDocument, (document) => {
      const png = addPngText(PNG_1X1, PNG_TEXT_KEYWORD, asciiJson(serializeDocument(document)));
      expect(documentCarriedBy(png)).toEqual(document);
    }),
    PROPERTY,
  );
});

// Characters XML 1.0 cannot hold even as a reference; the validator does not look for them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

test('SVG: any document gives well-formed XML with no script, event handler or outside reference', () => {
  fc.assert(
    fc.property(anyDocument, fc.boolean(), (document, outlineProblems) => {
      const svg = serializeSvg(document, { outlineProblems });
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toMatch(NOT_XML_CHAR);
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/foreignObject/i);
      expect(svg).not.toMatch(/\son\w+\s*=/i);
      expect(svg).not.toMatch(/href\s*=\s*["'](?!#)/i);
      expect(svg).not.toMatch(/url\((?!#)/i);
    }),
    PROPERTY,
  );
});

test('Markdown: any document gives one components row per component and no raw markup', () => {
  fc.assert(
    fc.property(anyDocument, (document) => {
      const markdown = serializeMarkdown(document);
      // The components table runs to the next section (Hosts, Zones, … in version 2).
      const section = markdown.split('\n## Components\n')[1]?.split('\n## ')[0] ?? '';
      const rows = section.split('\n').filter((line) => line.startsWith('| '));
      // The header row plus one row per component; a newline or pipe in a name adds none.
      expect(rows).toHaveLength(document.components.length === 0 ? 0 : document.components.length + 1);
      for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
      expect(markdown).not.toMatch(/<(script|text|metadata|!\[CDATA)/i);
    }),
    PROPERTY,
  );
});

test('Mermaid: any document gives one node line per component and one arrow per drawn connection', () => {
  fc.assert(
    fc.property(anyDocument, (document) => {
      const lines = serializeMermaid(document).trimEnd().split('\n');
      expect(lines[0]).toBe('flowchart TB');
      // Components sit inside the subgraphs of their zone and host, so deeper than two spaces.
      const nodes = lines.filter((line) => /^ +n\d+\["/.test(line));
      // A matrix connection is `-->`, a context link `-.->`, each labelled or not.
      const arrows = lines.filter((line) =>
        /^ {2}n\d+ (-- "[^"]*" -->|-->|-\. "[^"]*" \.->|-\.->) n\d+$/.test(line),
      );
      expect(nodes).toHaveLength(document.components.length);
      // Message Server connections drawn as badges or hidden (the document's view) are no arrows.
      expect(arrows).toHaveLength(connectionsDrawn(document).length);
      for (const node of nodes) expect(node).toMatch(/^ +n\d+\["[^"<>]*"\]:::k_\w+$/);
    }),
    PROPERTY,
  );
});
