import { expect, test } from 'vitest';
import { explainCell, markSymbol } from './explain';

test('an X cell reads "must connect to exactly one"', () => {
  expect(explainCell('builder', 'server')).toBe('A WFM Builder must connect to exactly one WFM Server.');
  expect(explainCell('data-aggregator', 'stat-server')).toBe(
    'A WFM Data Aggregator must connect to exactly one Stat Server.',
  );
});

test('an X+ cell reads "must connect to at least one"', () => {
  expect(explainCell('server', 'builder')).toBe('A WFM Server must connect to at least one WFM Builder.');
});

test('an (X) cell reads "may connect to at most one"', () => {
  expect(explainCell('daemon', 'web')).toBe('A WFM Daemon may connect to at most one WFM Web.');
  expect(explainCell('web', 'message-server')).toBe('A WFM Web may connect to at most one Message Server.');
});

test('an (X+) cell reads "may connect to any number of"', () => {
  // The plural of the target's name is left open: the words up to it are the rule.
  expect(explainCell('server', 'data-aggregator')).toMatch(
    /^A WFM Server may connect to any number of WFM Data Aggregators?\.$/,
  );
});

test('an empty cell says the matrix has no such connection', () => {
  expect(explainCell('builder', 'stat-server')).toBe(
    'WFM Builder cannot connect to Stat Server: the component connections matrix has no such connection.',
  );
  expect(explainCell('daemon', 'daemon')).toBe(
    'WFM Daemon cannot connect to WFM Daemon: the component connections matrix has no such connection.',
  );
});

test('a kind without a row never starts a connection', () => {
  expect(explainCell('stat-server', 'server')).toBe(
    'Stat Server never starts a connection: it has no row in the matrix.',
  );
  expect(explainCell('message-server', 'db-utility')).toBe(
    'Message Server never starts a connection: it has no row in the matrix.',
  );
});

test('a kind without a column is connected to by nothing', () => {
  expect(explainCell('server', 'db-utility')).toBe(
    'Nothing connects to WFM Database Utility: it has no column in the matrix.',
  );
});

test('each mark has the symbol the source prints', () => {
  expect(markSymbol('one')).toBe('X');
  expect(markSymbol('one-or-more')).toBe('X+');
  expect(markSymbol('optional-one')).toBe('(X)');
  expect(markSymbol('optional-many')).toBe('(X+)');
});
