// Caps of the file format (docs/format.md, Limits), plus the importer's own: a file past them is
// refused whole, never truncated, so a user never edits half of a file without knowing it.

const MIB = 1024 * 1024;

/** Largest file `parseDocument` reads, in UTF-8 bytes (10 MiB); checked before `JSON.parse`. */
export const MAX_FILE_BYTES = 10 * MIB;

/**
 * Largest SVG file read (160 MiB). An SVG export carries the document's compact JSON, read back
 * only up to MAX_FILE_BYTES, plus a drawing that shows each name on its card and in its tooltip
 * and both names in each connection's tooltip, escaped for XML. The largest legal document drawn
 * at its worst (20,000 components with 128-character names of `"`, which is 2 bytes embedded and 6
 * drawn, 60,000 secured connections, every other card outlined) gives 150,104,045 bytes
 * (143.2 MiB); the cap leaves about 12 % for the drawing to change. Measured, and kept honest, by
 * tests/export-caps.test.ts.
 */
export const MAX_SVG_FILE_BYTES = 160 * MIB;

/**
 * Largest PNG file read (48 MiB). A PNG export is at most 8,000,000 pixels (8,196,613 after the
 * browser rounds each side up), 4 bytes each: 32.9 MB of pixels if nothing compresses, plus the
 * document as ASCII JSON in a tEXt chunk, read back only up to MAX_FILE_BYTES. At worst
 * 43,474,205 bytes (41.5 MiB); the cap leaves about 15 %. Measured by tests/export-caps.test.ts.
 */
export const MAX_PNG_FILE_BYTES = 48 * MIB;

/** Largest file of any format the designer writes: what the browser's import reads at most. */
export const MAX_EXPORT_FILE_BYTES = Math.max(MAX_FILE_BYTES, MAX_SVG_FILE_BYTES, MAX_PNG_FILE_BYTES);

export const MAX_COMPONENTS = 20_000;
export const MAX_CONNECTIONS = 60_000;
export const MAX_HOSTS = 2_000;
export const MAX_ZONES = 500;
export const MAX_ANNOTATIONS = 2_000;
/** A connection's drawn route bends at most this many times (drawing only). */
export const MAX_WAYPOINTS = 50;
export const MAX_CONNECTION_LABEL_LENGTH = 100;
export const MAX_ANNOTATION_TEXT_LENGTH = 2000;
/** A host's address, as the Host object's IP address or name field holds it. */
export const MAX_ADDRESS_LENGTH = 255;
/** The LCA listens on a port of its own; Genesys requires at least 2000. */
export const MIN_LCA_PORT = 2000;

/** A parse error lists at most this many issues: the first ones are the ones worth fixing first. */
export const MAX_REPORTED_ISSUES = 20;

/**
 * Longest `$schema` a file may carry: a URL or path for editors to find the JSON Schema, never
 * kept (the length browsers accept for a URL, so any real address fits).
 */
export const MAX_SCHEMA_REFERENCE_LENGTH = 2048;
export const MAX_DOCUMENT_NAME_LENGTH = 200;
export const MAX_ID_LENGTH = 64;
export const MAX_COMPONENT_NAME_LENGTH = 128;
/**
 * The format judges a name trimmed (1–128 characters); the name as written, spaces around it
 * included, may take at most twice that, so no file can smuggle megabytes in through spaces.
 */
export const MAX_COMPONENT_NAME_RAW_LENGTH = 2 * MAX_COMPONENT_NAME_LENGTH;
export const MAX_HOST_LENGTH = 255;
export const MAX_NOTES_LENGTH = 2000;
export const MIN_PORT = 1;
export const MAX_PORT = 65_535;
