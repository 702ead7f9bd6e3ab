import { expect, test } from 'vitest';
import { locateElements } from './json-positions';

test('the elements of components and connections are found at the line and column of their first character', () => {
  const text = [
    '{',
    '  "format": "wfm-topology",',
    '  "components": [',
    '    { "id": "a" },',
    '    {"id": "b"}',
    '  ],',
    '  "connections": [ {"id": "c"}, {"id": "d"} ]',
    '}',
  ].join('\n');
  expect(locateElements(text)).toEqual({
    root: { line: 1, column: 1 },
    hosts: [],
    components: [
      { line: 4, column: 5 },
      { line: 5, column: 5 },
    ],
    connections: [
      { line: 7, column: 20 },
      { line: 7, column: 33 },
    ],
  });
});

test('brackets, braces, quotes and keys named components inside strings or deeper objects are not elements', () => {
  const text =
    '{"name":"a [b] {c} \\"components\\": [","components":[{"id":"x","notes":"],[{","components":[1,2]},' +
    '{"id":"y"}],"options":{"connections":[{"id":"no"}]},"connections":[]}';
  const found = locateElements(text);
  expect(found.components.map((position) => text.slice(position.column - 1, position.column + 7))).toEqual([
    '{"id":"x',
    '{"id":"y',
  ]);
  expect(found.connections).toEqual([]);
});

test('a key given twice counts from its last occurrence, as JSON.parse keeps the last value', () => {
  const text = '{"components":[{"id":"old"}],\n"components":[{"id":"new"}, {"id":"two"}]}';
  expect(locateElements(text).components).toEqual([
    { line: 2, column: 15 },
    { line: 2, column: 29 },
  ]);
});

test('CRLF and lone CR end lines; a byte-order mark takes no column', () => {
  expect(locateElements('\uFEFF{\r\n"components":\r[\r\n  {}]}')).toEqual({
    root: { line: 1, column: 1 },
    hosts: [],
    components: [{ line: 4, column: 3 }],
    connections: [],
  });
});

test('numbers, true, false and null are elements too, so indexes match JSON.parse', () => {
  const text = '{"components":[1, -2.5e3,true,false ,null,"s",[],{}]}';
  expect(locateElements(text).components.map((position) => position.column)).toEqual(
    ['1', '-2.5e3', 'true', 'false', 'null', '"s"', '[]', '{}'].map((value) => text.indexOf(value) + 1),
  );
});

test('the elements of hosts are found too, for problems about a host', () => {
  const text = '{"hosts": [{"id": "h-1"}, {"id": "h-2"}], "components": [], "connections": []}';
  expect(locateElements(text).hosts).toEqual([
    { line: 1, column: 12 },
    { line: 1, column: 27 },
  ]);
});
