import { expect, test } from 'vitest';
import { parseDocument } from './index';
import { expectIssue } from './testing/expect-refused';
import { fileText, withAnnotation, withComponent, withConnection, withHost, withZone } from './testing/files';

test('a second component with the same id is refused at its id', () => {
  const text = fileText((file) => {
    file.components.push({ id: 'srv-1', kind: 'dap', name: 'WFM_DAP' });
  });
  expectIssue(text, 'components[3].id', 'duplicate id "srv-1"');
});

test('a second connection with the same id is refused at its id', () => {
  const text = fileText((file) => {
    file.connections.push({ id: 'c-1', from: 'srv-1', to: 'bld-1' });
  });
  expectIssue(text, 'connections[2].id', 'duplicate id "c-1"');
});

test('a connection to a missing component is refused at its to', () => {
  expectIssue(withConnection(1, { to: 'srv-9' }), 'connections[1].to', 'no component with id "srv-9"');
});

test('a connection from a missing component is refused at its from', () => {
  expectIssue(withConnection(0, { from: 'bld-9' }), 'connections[0].from', 'no component with id "bld-9"');
});

test('ids are compared exactly: another case is another component', () => {
  expectIssue(withConnection(0, { to: 'SRV-1' }), 'connections[0].to', 'no component with id "SRV-1"');
});

// ---- version 2: one id space, references of the right sort (rules.md section 12) ----------------

test.each([
  [
    'a zone',
    () => withZone(0, { id: 'srv-1' }),
    'components[0].id',
    'duplicate id "srv-1" (already the id of a zone)',
  ],
  [
    'a host',
    () => withHost(0, { id: 'bld-1' }),
    'components[1].id',
    'duplicate id "bld-1" (already the id of a host)',
  ],
  [
    'a connection',
    () => withConnection(0, { id: 'srv-1' }),
    'connections[0].id',
    'duplicate id "srv-1" (already the id of a component)',
  ],
  [
    'an annotation',
    () => withAnnotation(0, { id: 'c-2' }),
    'annotations[0].id',
    'duplicate id "c-2" (already the id of a connection)',
  ],
  [
    'a host, against a zone',
    () => withHost(0, { id: 'z-ldn', zone: undefined }),
    'hosts[0].id',
    'duplicate id "z-ldn" (already the id of a zone)',
  ],
])('an id shared with %s is refused at the later one', (_, text, path, message) => {
  expectIssue(text(), path, message);
});

test('two hosts with one id are refused at the second', () => {
  const text = fileText((file) => {
    file.hosts.push({ id: 'h-app1', name: 'other' });
  });
  expectIssue(text, 'hosts[1].id', 'duplicate id "h-app1"');
});

test('a component on a host that does not exist is refused at its host', () => {
  expectIssue(withComponent(0, { host: 'h-9' }), 'components[0].host', 'no host with id "h-9"');
});

test('a component on a component is refused at its host, naming the sort', () => {
  expectIssue(
    withComponent(0, { host: 'bld-1' }),
    'components[0].host',
    '"bld-1" is a component, not a host',
  );
});

test('a component on a zone is refused at its host, naming the sort', () => {
  expectIssue(withComponent(0, { host: 'z-ldn' }), 'components[0].host', '"z-ldn" is a zone, not a host');
});

test('a host in a zone that does not exist is refused at its zone', () => {
  expectIssue(withHost(0, { zone: 'z-9' }), 'hosts[0].zone', 'no zone with id "z-9"');
});

test('a host in a host is refused at its zone, naming the sort', () => {
  expectIssue(withHost(0, { zone: 'h-app1' }), 'hosts[0].zone', '"h-app1" is a host, not a zone');
});

test('a backup of a component that does not exist is refused at its backupOf', () => {
  expectIssue(
    withComponent(2, { backupOf: 'srv-9' }),
    'components[2].backupOf',
    'no component with id "srv-9"',
  );
});

test('a backup of a host or a connection is refused at its backupOf, naming the sort', () => {
  expectIssue(
    withComponent(2, { backupOf: 'h-app1' }),
    'components[2].backupOf',
    '"h-app1" is a host, not a component',
  );
  expectIssue(
    withComponent(2, { backupOf: 'c-1' }),
    'components[2].backupOf',
    '"c-1" is a connection, not a component',
  );
});

test('a connection to a host or an annotation is refused at its end, naming the sort', () => {
  expectIssue(
    withConnection(0, { to: 'h-app1' }),
    'connections[0].to',
    '"h-app1" is a host, not a component',
  );
  expectIssue(
    withConnection(0, { from: 'a-1' }),
    'connections[0].from',
    '"a-1" is an annotation, not a component',
  );
});

test('a backup of itself or of another kind is a problem for the rules, not a document error', () => {
  expect(parseDocument(withComponent(2, { backupOf: 'srv-2' })).ok).toBe(true);
  expect(parseDocument(withComponent(2, { backupOf: 'bld-1' })).ok).toBe(true);
});

test('every reference issue is listed at once, in file order', () => {
  const text = fileText((file) => {
    file.hosts[0] = { ...file.hosts[0], zone: 'z-9' };
    file.components[0] = { ...file.components[0], host: 'h-9' };
    file.components[2] = { ...file.components[2], backupOf: 'srv-9' };
  });
  const result = parseDocument(text);
  expect(result.ok || result.error.issues.map((issue) => issue.path)).toEqual([
    'hosts[0].zone',
    'components[0].host',
    'components[2].backupOf',
  ]);
});
