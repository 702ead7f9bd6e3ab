// Caps of rules.md section 5, plus the importer's own: a file past them is refused whole, never
// truncated, so a user never edits half of a file without knowing it.

/** Largest file `parseDocument` reads, in UTF-8 bytes (10 MiB); checked before `JSON.parse`. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_COMPONENTS = 20_000;
export const MAX_CONNECTIONS = 60_000;

/** A parse error lists at most this many issues: the first ones are the ones worth fixing first. */
export const MAX_REPORTED_ISSUES = 20;

export const MAX_DOCUMENT_NAME_LENGTH = 200;
export const MAX_ID_LENGTH = 64;
export const MAX_COMPONENT_NAME_LENGTH = 128;
export const MAX_HOST_LENGTH = 255;
export const MAX_NOTES_LENGTH = 2000;
export const MIN_PORT = 1;
export const MAX_PORT = 65_535;
