import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseDocument, serializeDocument } from './index';
import { documentArbitrary } from './testing/arbitraries';
import { expectWellFormed, fixedSeed } from './testing/property';

// parseDocument reads whatever a user drops on the page: it must answer every input with a value.

test('parseDocument never throws on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      expectWellFormed(parseDocument(text));
    }),
    fixedSeed(3000),
  );
});

test('parseDocument never throws on arbitrary JSON', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expectWellFormed(parseDocument(JSON.stringify(value) ?? 'null'));
    }),
    fixedSeed(2000),
  );
});

test('parseDocument never throws on a topology envelope around arbitrary JSON', () => {
  const envelope = fc.record(
    {
      format: fc.constant('wfm-topology'),
      version: fc.oneof(fc.constant(1), fc.jsonValue()),
      name: fc.jsonValue(),
      options: fc.jsonValue(),
      components: fc.array(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()))),
      connections: fc.array(fc.jsonValue()),
    },
    { requiredKeys: ['format', 'version'] },
  );
  fc.assert(
    fc.property(envelope, (file) => {
      expectWellFormed(parseDocument(JSON.stringify(file)));
    }),
    fixedSeed(1000),
  );
});

/** Follows `steps` into a JSON value (each step picks a child) and sets `key` there to `replacement`. */
function mutateAt(root: unknown, steps: readonly number[], key: string, replacement: unknown): void {
  let node = root;
  for (const step of steps) {
    const children = Array.isArray(node) ? node : isRecord(node) ? Object.values(node) : [];
    const child = children[step % Math.max(children.length, 1)];
    if (!Array.isArray(child) && !isRecord(child)) break;
    node = child;
  }
  if (Array.isArray(node)) node[steps.length % Math.max(node.length, 1)] = replacement;
  else if (isRecord(node)) {
    const keys = Object.keys(node);
    const target = steps.length % 2 === 0 && keys.length > 0 ? (keys[key.length % keys.length] ?? key) : key;
    Object.defineProperty(node, target, {
      value: replacement,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

test('parseDocument answers every one-value mutation of a valid file, and what it accepts round-trips', () => {
  const mutation = fc.record({
    document: documentArbitrary,
    steps: fc.array(fc.nat(), { maxLength: 5 }),
    key: fc.string({ maxLength: 12 }),
    replacement: fc.jsonValue({ maxDepth: 2 }),
  });
  fc.assert(
    fc.property(mutation, ({ document, steps, key, replacement }) => {
      const file: unknown = JSON.parse(serializeDocument(document));
      mutateAt(file, steps, key, replacement);
      const result = parseDocument(JSON.stringify(file));
      expectWellFormed(result);
      if (result.ok) {
        const again = parseDocument(serializeDocument(result.document));
        expect(again).toEqual(result);
      }
    }),
    fixedSeed(1500),
  );
});

test('parseDocument answers every text edit of a valid file: a cut, or characters typed in', () => {
  const edit = fc.record({
    document: documentArbitrary,
    at: fc.nat(),
    cut: fc.nat({ max: 8 }),
    typed: fc.string({ maxLength: 4 }),
  });
  fc.assert(
    fc.property(edit, ({ document, at, cut, typed }) => {
      const text = serializeDocument(document);
      const index = at % (text.length + 1);
      expectWellFormed(parseDocument(`${text.slice(0, index)}${typed}${text.slice(index + cut)}`));
    }),
    fixedSeed(1000),
  );
});

test('a __proto__, constructor or prototype key anywhere is an unknown key and pollutes nothing', () => {
  const injection = fc.record({
    document: documentArbitrary,
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    value: fc.jsonValue({ maxDepth: 2 }),
    where: fc.constantFrom('top', 'options', 'component', 'position', 'connection'),
  });
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  fc.assert(
    fc.property(injection, ({ document, key, value, where }) => {
      const target = { id: '\u0000target', kind: 'server', name: 'T', position: { x: 0, y: 0 } } as const;
      const link = { id: '\u0000link', from: target.id, to: target.id };
      const file = structuredClone({
        ...document,
        options: document.options ?? {},
        components: [...document.components, target],
        connections: [...document.connections, link],
      });
      const lastComponent = file.components.length - 1;
      const lastConnection = file.connections.length - 1;
      const places = {
        top: [file, ''],
        options: [file.options, 'options.'],
        component: [file.components[lastComponent], `components[${lastComponent}].`],
        position: [file.components[lastComponent]?.position, `components[${lastComponent}].position.`],
        connection: [file.connections[lastConnection], `connections[${lastConnection}].`],
      } as const;
      const [object, path] = places[where];
      // An own data property, as JSON.parse makes it; `object[key] = value` would set the prototype.
      Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });

      const result = parseDocument(JSON.stringify(file));
      if (result.ok) throw new Error(`a ${key} key in ${where} was accepted`);
      expect(result.error.issues).toEqual([{ path: `${path}${key}`, message: 'unknown key' }]);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    }),
    fixedSeed(1000),
  );
});
