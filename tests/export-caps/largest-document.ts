import {
  type DocumentComponent,
  type DocumentConnection,
  MAX_COMPONENT_NAME_LENGTH,
  MAX_COMPONENTS,
  MAX_CONNECTIONS,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_FILE_BYTES,
  MAX_NOTES_LENGTH,
  serializeDocument,
  type TopologyDocument,
} from '../../src/document';
import { extractFromSvg, serializeSvg } from '../../src/export';

// The largest document the format allows, shaped to make the largest SVG export the designer can
// read back. The SVG carries the document's compact JSON in <metadata>, read back only up to
// MAX_FILE_BYTES, and draws each component's name on its card and in its tooltip, and both names
// in each connection's tooltip: a name is embedded once and drawn about eight times. So:
// - every count is at its cap: 20,000 components, 60,000 connections, names of 128 characters;
// - the names are made of the character the writer expands most in the drawing for what it costs
//   in the embedded JSON, measured on the writer as it is (today `"`: 2 bytes embedded, `\"`,
//   and 6 in each drawn copy, `&quot;`, since a name with an `=` has its quotes escaped);
// - every connection is secured (a lock and a tag) and every WFM Server claims ETL, so an export
//   with "Outline problems" outlines every other card;
// - budget left over fills the notes, which only the embedded copy carries.

/** Characters a hostile or unlucky name could be made of, each 2 bytes or less in compact JSON. */
const NAME_CHARACTERS = ['"', '\\', 'é', '\u061c', '\u0085', '\u009b', '\u007f', 'a'] as const;

/** Short ids leave the budget to what is drawn. */
function id(index: number): string {
  return index.toString(36);
}

function name(index: number, character: string): string {
  const unique = index.toString(36).padStart(4, '0');
  return `=${character.repeat(MAX_COMPONENT_NAME_LENGTH - 1 - unique.length)}${unique}`;
}

function component(index: number, character: string, notes: string): DocumentComponent {
  const server = index % 2 === 0;
  return {
    id: id(index),
    kind: server ? 'server' : 'builder',
    name: name(index, character),
    position: { x: (index % 100) * 320 + 0.5, y: Math.floor(index / 100) * 160 + 0.5 },
    ...(server ? { etl: true } : {}),
    ...(notes ? { notes } : {}),
  };
}

/** From a WFM Server to a WFM Builder (an X+ cell), no pair twice. */
function connection(index: number, components: number): DocumentConnection {
  const server = (index * 2) % components;
  const round = Math.floor((index * 2) / components);
  const builder = (server + 1 + 2 * round) % components;
  // Ids are unique in the whole document (format version 2): connections count on from the components.
  return { id: id(MAX_COMPONENTS + index), from: id(server), to: id(builder), security: 'mutual-tls' };
}

function build(character: string, notesLength = 0, components = MAX_COMPONENTS): TopologyDocument {
  const notes = 'n'.repeat(notesLength);
  return {
    format: 'wfm-topology',
    version: 2,
    name: `=${character.repeat(MAX_DOCUMENT_NAME_LENGTH - 1)}`,
    components: Array.from({ length: components }, (_, index) => component(index, character, notes)),
    connections: Array.from({ length: Math.min(MAX_CONNECTIONS, components * 3) }, (_, index) =>
      connection(index, components),
    ),
  };
}

/** The SVG of `document` as the designer writes it with "Outline problems" ticked. */
export function worstSvg(document: TopologyDocument): string {
  return serializeSvg(document, { outlineProblems: true });
}

/** The size of the text an SVG embeds, read back as the importer reads it. */
export function embeddedBytes(svg: string): number {
  const embedded = extractFromSvg(svg);
  if (!embedded.ok) throw new Error(embedded.message);
  return Buffer.byteLength(embedded.text);
}

/**
 * The name character that makes the largest SVG for the least embedded text, tried on a small
 * document (20 components) with the real writer; only characters that cost no more than `"` in
 * the embedded text qualify, so full-length names still fit the budget.
 */
export function worstNameCharacter(): string {
  const sized = NAME_CHARACTERS.map((character) => {
    const svg = worstSvg(build(character, 0, 20));
    return { character, drawn: Buffer.byteLength(svg), embedded: embeddedBytes(svg) };
  });
  const budget = sized[0]?.embedded ?? 0;
  const [worst] = sized.filter((entry) => entry.embedded <= budget).sort((a, b) => b.drawn - a.drawn);
  return worst?.character ?? '"';
}

/**
 * The document's bytes as the SVG embeds them: compact JSON in which the writer turns `&<>'=`
 * into six-byte `\u` escapes. Only to size the notes: the test reads the real embedded text back.
 */
function estimateEmbedded(document: TopologyDocument): number {
  const json = serializeDocument(document, { includeValidation: false, compact: true });
  return Buffer.byteLength(json) + 5 * (json.match(/[&<>'=]/g)?.length ?? 0);
}

/** Left unused, so that the estimate above never puts the document over the cap. */
const SLACK = 4096;

/** The largest legal document for the SVG export, as described above: about 10 MiB embedded. */
export function largestDocument(character = worstNameCharacter()): TopologyDocument {
  const spare = MAX_FILE_BYTES - SLACK - estimateEmbedded(build(character));
  const perComponent = Math.floor(spare / MAX_COMPONENTS) - ',"notes":""'.length;
  return build(character, Math.max(0, Math.min(MAX_NOTES_LENGTH, perComponent)));
}
