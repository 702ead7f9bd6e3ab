import { expect, test } from 'vitest';
import { parseDocument } from './index';
import { expectIssue } from './testing/expect-refused';
import { fileText } from './testing/files';

// JSON.parse makes "__proto__" an ordinary own key; a careless copy would turn it into the
// prototype of the copy, or of every object.

function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    probe.polluted === undefined &&
    Object.getOwnPropertyNames(Object.prototype).every((key) => key !== 'polluted')
  );
}

test('a __proto__ key at the top level is an unknown key, and no prototype changes', () => {
  const text = fileText().replace('{', '{"__proto__":{"polluted":true},');
  expectIssue(text, '__proto__', 'unknown key');
  expect(prototypeIsClean()).toBe(true);
});

test('a __proto__ key in a component, a position, the options or a connection is an unknown key', () => {
  const cases = [
    ['"id":"srv-1"', '"__proto__":{"polluted":1},"id":"srv-1"', 'components[0].__proto__'],
    ['"x":0', '"__proto__":{"polluted":1},"x":0', 'components[0].position.__proto__'],
    ['"managementLayer"', '"__proto__":{"polluted":1},"managementLayer"', 'options.__proto__'],
    ['"id":"c-1"', '"__proto__":{"polluted":1},"id":"c-1"', 'connections[0].__proto__'],
  ] as const;
  for (const [find, replace, path] of cases) {
    expectIssue(fileText().replace(find, replace), path, 'unknown key');
  }
  expect(prototypeIsClean()).toBe(true);
});

test('constructor and prototype keys are unknown keys like any other', () => {
  expectIssue(
    fileText().replace('"id":"srv-1"', '"constructor":{},"id":"srv-1"'),
    'components[0].constructor',
  );
  expectIssue(fileText().replace('{', '{"prototype":{},'), 'prototype');
});

test('a parsed document carries no __proto__ of its own, even from the validation block', () => {
  const text = fileText().replace('{', '{"validation":{"__proto__":{"polluted":true}},');
  const result = parseDocument(text);
  expect(result.ok).toBe(true);
  expect(result.ok && Object.getPrototypeOf(result.document)).toBe(Object.prototype);
  expect(prototypeIsClean()).toBe(true);
});

test('a million nested arrays do not crash the reader', () => {
  const depth = 1_000_000;
  const result = parseDocument(`${'['.repeat(depth)}${']'.repeat(depth)}`);
  if (result.ok) throw new Error('a nest of arrays was accepted as a topology');
  expect(['not-json', 'not-topology']).toContain(result.error.kind);
});

test('deep nesting inside a component is refused at the field, not followed', () => {
  const depth = 100_000;
  const text = fileText().replace('{"x":0,"y":0}', `${'['.repeat(depth)}${']'.repeat(depth)}`);
  expectIssue(text, 'components[0].position', 'expected an object, got an array');
});

test('deep nesting inside the ignored validation block is accepted', () => {
  const depth = 100_000;
  const text = fileText().replace('{', `{"validation":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},`);
  expect(parseDocument(text).ok).toBe(true);
});
