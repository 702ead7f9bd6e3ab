import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseDocument } from './index';
import { v1FileArbitrary } from './testing/arbitraries';
import { fixedSeed } from './testing/property';

// Any file version 1 accepted opens after the migration, with what the user drew kept: the
// components as they were (their host text now a host), the connections between the same
// components, and the components that shared a machine still sharing one.

type JsonRecord = Record<string, unknown>;

function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? (value as JsonRecord[]) : [];
}

/** The machine a v1 component named, as the migration groups them: trimmed, blank is none. */
function machine(component: JsonRecord): string | undefined {
  const host = component.host;
  return typeof host === 'string' && host.trim() !== '' ? host.trim() : undefined;
}

test('every valid version-1 file opens after migration and keeps its components, connections and host groupings', () => {
  fc.assert(
    fc.property(v1FileArbitrary, (file) => {
      const result = parseDocument(JSON.stringify(file));
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error.issues)}`);
      const { document } = result;
      const components = records(file.components);
      const connections = records(file.connections);

      expect(document.version).toBe(2);
      expect(document.ruleset).toBe('wfm-8.5.2');
      expect(
        document.components.map(({ id, kind, name, position }) => ({ id, kind, name, position })),
      ).toEqual(components.map(({ id, kind, name, position }) => ({ id, kind, name, position })));

      const componentIds = new Set(components.map((component) => component.id));
      expect(document.connections.map(({ from, to, security }) => ({ from, to, security }))).toEqual(
        connections.map(({ from, to, security }) => ({ from, to, security })),
      );
      document.connections.forEach((connection, index) => {
        const before = connections[index]?.id;
        if (componentIds.has(before))
          expect(connection.id.startsWith(`${String(before).slice(0, 40)}`)).toBe(true);
        else expect(connection.id).toBe(before);
      });

      // Two components share a host exactly when they named the same machine.
      const addresses = new Map((document.hosts ?? []).map((host) => [host.id, host.address]));
      expect(document.components.map((component) => addresses.get(component.host ?? ''))).toEqual(
        components.map(machine),
      );
      expect(new Set(addresses.values()).size).toBe(addresses.size);
    }),
    fixedSeed(1000),
  );
});
