import { CURRENT_VERSION, FORMAT } from './envelope';
import { isJsonObject, ownValue } from './json';
import { describeJsonSyntaxError } from './json-syntax-error';
import {
  MAX_ANNOTATIONS,
  MAX_COMPONENTS,
  MAX_CONNECTIONS,
  MAX_FILE_BYTES,
  MAX_HOSTS,
  MAX_REPORTED_ISSUES,
  MAX_ZONES,
} from './limits';
import { keysAddedLater, migrate, type RawDocument } from './migrations';
import { type ParseIssue, type ParseResult, refuse, refuseTooLarge } from './parse-error';
import { findReferenceIssues } from './references';
import { documentFileSchema } from './schema';
import { exceedsUtf8Bytes } from './utf8';
import { describeIssue, toParseIssues } from './zod-issues';

// Editors on Windows may start a UTF-8 file with a byte-order mark, which JSON.parse refuses.
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads a topology file (docs/format.md). Never throws: a refusal is a value whose `kind`
 * the caller switches over, with the paths of what is wrong.
 * @example parseDocument('{"format":"wfm-topology","version":1,"components":[],"connections":[]}').ok === true
 */
export function parseDocument(text: string): ParseResult {
  // Before JSON.parse: a huge file would cost its full parse just to be refused.
  if (exceedsUtf8Bytes(text, MAX_FILE_BYTES)) return refuseTooLarge();
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text);
  } catch (error) {
    // In words that quote nothing of the file: its bytes may be terminal escape sequences.
    return refuse('not-json', describeJsonSyntaxError(error, text));
  }
  return parseEnvelope(json);
}

function parseEnvelope(json: unknown): ParseResult {
  if (!isJsonObject(json)) {
    return refuse('not-topology', 'This is not a WFM topology file: it is JSON, but not a JSON object.');
  }
  if (ownValue(json, 'format') !== FORMAT) {
    return refuse('not-topology', `This is not a WFM topology file: "format" is not "${FORMAT}".`, [
      { path: 'format', message: `must be "${FORMAT}"` },
    ]);
  }
  const version = ownValue(json, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuseInvalid([{ path: 'version', message: 'must be a whole number, 1 or higher' }]);
  }
  if (version > CURRENT_VERSION) {
    return refuse(
      'newer-version',
      `This file was made by a newer version of the WFM Topology Designer (format version ${version}); this version opens format version ${CURRENT_VERSION} and older.`,
    );
  }
  const unknownThen = keysAddedLater(json, version);
  if (unknownThen.length > 0) return refuseInvalid(unknownThen);
  return parseCurrent(migrate(json, version));
}

function parseCurrent(raw: RawDocument): ParseResult {
  const overCap = COUNT_CAPS.map(([key, cap]) => countOverCap(raw, key, cap)).find(
    (issue) => issue !== undefined,
  );
  if (overCap) return refuse('too-large', 'The document is larger than a topology may be.', [overCap]);

  const parsed = documentFileSchema.safeParse(raw, { error: describeIssue });
  if (!parsed.success) return refuseInvalid(toParseIssues(parsed.error.issues));
  // Both are only for readers of the file: problems are always recomputed, and `$schema` only
  // points editors at the JSON Schema, so saving the document again does not write it back.
  const { $schema: _forEditors, validation: _recomputed, ...document } = parsed.data;
  const referenceIssues = findReferenceIssues(document);
  if (referenceIssues.length > 0) return refuseInvalid(referenceIssues);
  return { ok: true, document };
}

type CountedList = 'zones' | 'hosts' | 'components' | 'connections' | 'annotations';

/** The lists whose length the format caps, in the order of the file. */
const COUNT_CAPS: readonly (readonly [CountedList, number])[] = [
  ['zones', MAX_ZONES],
  ['hosts', MAX_HOSTS],
  ['components', MAX_COMPONENTS],
  ['connections', MAX_CONNECTIONS],
  ['annotations', MAX_ANNOTATIONS],
];

// Refused before the strict parse, so 'too-large' is told apart from a row-level error.
function countOverCap(raw: RawDocument, key: CountedList, cap: number): ParseIssue | undefined {
  const list = ownValue(raw, key);
  if (!Array.isArray(list) || list.length <= cap) return undefined;
  return { path: key, message: `has ${list.length} ${key}; at most ${cap} are allowed` };
}

function refuseInvalid(issues: readonly ParseIssue[]): ParseResult {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const listed = issues.length > MAX_REPORTED_ISSUES ? `, the first ${MAX_REPORTED_ISSUES} listed` : '';
  return refuse('invalid', `The file is not a valid topology document (${count}${listed}).`, issues);
}
