import { CURRENT_VERSION } from './envelope';
import type { RawDocument } from './json';
import { migrate1To2 } from './migrate-1-to-2';
import type { ParseIssue } from './parse-error';

// RawDocument lives in json.ts, so each migration can name it without importing this registry,
// which imports the migrations (no import cycle).
export type { RawDocument };

/**
 * Turns a file of version k into a file of version k + 1, `version` included. Pure: it builds a
 * new object and never mutates its input (the tests hand it a deep-frozen fixture).
 */
export type Migration = (document: RawDocument) => RawDocument;

/**
 * `MIGRATIONS[k - 1]` turns version k into version k + 1.
 * Each migration comes with frozen fixtures `fixtures/v{k}.wfm.json` and `fixtures/v{k+1}.wfm.json`
 * that migrations.test.ts checks it against.
 */
export const MIGRATIONS: readonly Migration[] = [migrate1To2];

/** Brings a file of `fromVersion` (1 ≤ fromVersion ≤ CURRENT_VERSION) to `CURRENT_VERSION`. */
export function migrate(document: RawDocument, fromVersion: number): RawDocument {
  return MIGRATIONS.slice(fromVersion - 1, CURRENT_VERSION - 1).reduce(
    (migrated, migration) => migration(migrated),
    document,
  );
}

/** `ADDED_KEYS[k - 1]`: the top-level keys version k + 1 added, unknown to a file of version k. */
const ADDED_KEYS: readonly (readonly string[])[] = [['ruleset', 'view', 'zones', 'hosts', 'annotations']];

/**
 * Top-level keys a file of `fromVersion` could not have had: version k refused them as unknown,
 * and a migration would overwrite them or read them as the later version means them.
 * @example keysAddedLater({ version: 1, hosts: [] }, 1) // [{ path: 'hosts', message: 'unknown key in a version-1 file …' }]
 */
export function keysAddedLater(document: RawDocument, fromVersion: number): ParseIssue[] {
  return ADDED_KEYS.slice(fromVersion - 1, CURRENT_VERSION - 1).flatMap((keys, step) =>
    keys
      .filter((key) => Object.hasOwn(document, key))
      .map((key) => ({
        path: key,
        message: `unknown key in a version-${fromVersion} file: it came with version ${fromVersion + step + 1}`,
      })),
  );
}
