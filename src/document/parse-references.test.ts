import { test } from 'vitest';
import { expectIssue } from './testing/expect-refused';
import { fileText, withConnection } from './testing/files';

test('a second component with the same id is refused at its id', () => {
  const text = fileText((file) => {
    file.components.push({ id: 'srv-1', kind: 'dap', name: 'WFM_DAP' });
  });
  expectIssue(text, 'components[2].id', 'duplicate id "srv-1"');
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
