import { DEFAULT_RULESET } from '../domain';
import { isJsonObject, ownValue, type RawDocument } from './json';
import { MAX_COMPONENT_NAME_LENGTH, MAX_HOST_LENGTH, MAX_ID_LENGTH } from './limits';

// Format version 1 → 2 (docs/format.md, Migrations; rules.md section 12). Version 1 named a
// component's machine in free text; version 2 has Host objects. Every distinct trimmed non-empty
// host string becomes a host, in order of first appearance, named and addressed by that string,
// with the id `host-1`, `host-2`, … (a suffix `-2`, `-3`, … where an id is taken). The rule set
// becomes the default, zones and annotations start empty, the `validation` block is dropped.
//
// Two choices the contract leaves open, written down in docs/format.md:
// - A host's name is at most 128 characters; a longer v1 host string (up to 255) keeps its
//   whole text as the address and its first 128 characters as the name.
// - Version 2 wants every id unique in the whole document, where version 1 only kept component
//   ids and connection ids unique among themselves. A v1 connection whose id is also a
//   component's is given a free id by the same suffix rule: nothing in version 1 refers to a
//   connection's id, so only the id changes, and the file still opens. New host ids avoid every
//   id of the file, components' and connections' alike.
// A file that says version 1 but carries a key version 2 added (ruleset, view, zones, hosts,
// annotations) is refused before the migration (migrations.ts, keysAddedLater), as version 1
// refused an unknown key: the migration would otherwise overwrite it or read it as version 2.
// A value the migration cannot understand (a host that is not a string, one over 255
// characters, a list that is not a list) is left where it is for the strict parse to refuse
// with its path, exactly as version 1 would have.

/** Turns a version-1 file into a version-2 file; pure, the input is never mutated. */
export function migrate1To2(document: RawDocument): RawDocument {
  const components = ownValue(document, 'components');
  const connections = ownValue(document, 'connections');
  const componentIds = new Set<string>();
  collectIds(components, componentIds);
  // Every id of the v1 file, so a new host id or a renamed connection never takes one of them.
  const taken = new Set(componentIds);
  collectIds(connections, taken);

  const hostIds = new Map<string, string>();
  const hosts: Record<string, unknown>[] = [];
  const migratedComponents = Array.isArray(components)
    ? components.map((component: unknown) => {
        if (!isJsonObject(component)) return component;
        const host = ownValue(component, 'host');
        if (typeof host !== 'string' || host.length > MAX_HOST_LENGTH) return component;
        const { host: _text, ...rest } = component;
        const trimmed = host.trim();
        if (trimmed === '') return rest;
        let id = hostIds.get(trimmed);
        if (id === undefined) {
          const ordinal = `host-${hosts.length + 1}`;
          id = freeId(ordinal, taken);
          hostIds.set(trimmed, id);
          hosts.push({ id, name: trimmed.slice(0, MAX_COMPONENT_NAME_LENGTH).trim(), address: trimmed });
        }
        return withKeyAfter(rest, component, 'host', id);
      })
    : components;

  // Only a clash with a component is renamed: two connections with one id stay for the strict
  // parse to refuse, as version 1 did.
  const migratedConnections = Array.isArray(connections)
    ? connections.map((connection: unknown) => {
        if (!isJsonObject(connection)) return connection;
        const id = ownValue(connection, 'id');
        if (typeof id !== 'string' || !componentIds.has(id)) return connection;
        return { ...connection, id: freeId(id, taken) };
      })
    : connections;

  // The order of docs/format.md, so a migrated file reads like one written in version 2; keys
  // version 1 did not know follow, for the strict parse to refuse at their path.
  const migrated: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    // Defined, not assigned: an own "__proto__" key of the file must stay a key the parse sees.
    if (value !== undefined)
      Object.defineProperty(migrated, key, { value, enumerable: true, writable: true, configurable: true });
  };
  put('$schema', ownValue(document, '$schema'));
  put('format', ownValue(document, 'format'));
  put('version', 2);
  put('name', ownValue(document, 'name'));
  put('ruleset', DEFAULT_RULESET);
  put('options', ownValue(document, 'options'));
  put('zones', []);
  put('hosts', hosts);
  put('components', migratedComponents);
  put('connections', migratedConnections);
  put('annotations', []);
  for (const [key, value] of Object.entries(document)) {
    if (!Object.hasOwn(migrated, key) && key !== 'validation') put(key, value);
  }
  return migrated;
}

function collectIds(list: unknown, into: Set<string>): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (!isJsonObject(item)) continue;
    const id = ownValue(item, 'id');
    if (typeof id === 'string') into.add(id);
  }
}

/**
 * `wanted` when free, else `wanted-2`, `wanted-3`, …; the id returned is taken from then on. A
 * suffix that would pass the id cap replaces the end of `wanted` instead, so the id stays legal.
 */
function freeId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let suffix = 2; taken.has(id); suffix += 1) {
    const tail = `-${suffix}`;
    id = `${wanted.slice(0, MAX_ID_LENGTH - tail.length)}${tail}`;
  }
  taken.add(id);
  return id;
}

/** `rest` with `key` set to `value` where `original` had it, so the keys keep their order. */
function withKeyAfter(
  rest: Record<string, unknown>,
  original: Readonly<Record<string, unknown>>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of Object.keys(original)) {
    const kept = name === key ? value : rest[name];
    Object.defineProperty(result, name, {
      value: kept,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
