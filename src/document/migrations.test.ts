import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CURRENT_VERSION } from './envelope';
import { parseDocument } from './index';
import { isJsonObject } from './json';
import { MIGRATIONS, migrate } from './migrations';

// Each format version k has a frozen fixture `fixtures/v{k}.wfm.json`: a file as version k wrote
// it, never edited afterwards. A migration k -> k+1 must turn fixture k into fixture k+1.

function fixtureUrl(version: number): URL {
  return new URL(`./fixtures/v${version}.wfm.json`, import.meta.url);
}

function readFixture(version: number): Readonly<Record<string, unknown>> {
  const value: unknown = JSON.parse(readFileSync(fixtureUrl(version), 'utf8'));
  if (!isJsonObject(value)) throw new Error(`fixture v${version} is not a JSON object`);
  return deepFreeze(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function withoutValidation(file: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { validation: _ignored, ...rest } = file;
  return rest;
}

const versions = Array.from({ length: CURRENT_VERSION }, (_, index) => index + 1);

test('there is one migration per version step', () => {
  expect(MIGRATIONS).toHaveLength(CURRENT_VERSION - 1);
});

test.each(versions)('the frozen fixture of version %i exists and opens', (version) => {
  expect(existsSync(fixtureUrl(version))).toBe(true);
  expect(parseDocument(readFileSync(fixtureUrl(version), 'utf8')).ok).toBe(true);
});

test('a file of the current version goes through the migrations unchanged', () => {
  const current = readFixture(CURRENT_VERSION);
  expect(migrate(current, CURRENT_VERSION)).toBe(current);
});

test.each(MIGRATIONS.map((migration, index) => ({ migration, from: index + 1 })))(
  'the migration from version $from turns its frozen fixture into the next one without mutating it',
  ({ migration, from }) => {
    // The fixture is deep-frozen: a migration that mutated its input would throw here.
    const migrated = migration(readFixture(from));
    expect(migrated.version).toBe(from + 1);
    expect(withoutValidation(migrated)).toEqual(withoutValidation(readFixture(from + 1)));
  },
);
