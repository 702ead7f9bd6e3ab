import { expect, test } from 'vitest';
import { COMPONENT_KINDS } from '../domain';
import { copyName, idPrefix, nextComponentName, nextId } from './names';

test('the first WFM Server of a deployment is named WFM_Server_1', () => {
  expect(nextComponentName('server', [])).toBe('WFM_Server_1');
});

test('the next WFM Server is named WFM_Server_2 once WFM_Server_1 is taken', () => {
  expect(nextComponentName('server', ['WFM_Server_1'])).toBe('WFM_Server_2');
});

test('a generated name fills the first free number, not the one after the highest', () => {
  expect(nextComponentName('builder', ['WFM_Builder_1', 'WFM_Builder_3'])).toBe('WFM_Builder_2');
});

test('each kind gets its own Genesys prefix', () => {
  expect(nextComponentName('data-aggregator', ['WFM_Server_1'])).toBe('WFM_Data_Aggregator_1');
  expect(nextComponentName('stat-server', [])).toBe('Stat_Server_1');
  expect(nextComponentName('message-server', [])).toBe('Message_Server_1');
});

test('taken names are compared case-insensitively, as Configuration Server compares them', () => {
  expect(nextComponentName('server', ['wfm_server_1', 'WFM_SERVER_2'])).toBe('WFM_Server_3');
});

test('taken names are compared without surrounding spaces', () => {
  expect(nextComponentName('daemon', ['  WFM_Daemon_1 '])).toBe('WFM_Daemon_2');
});

test('a copy of a hand-named component is named <name>_copy', () => {
  expect(copyName('Site_A_Server', new Set())).toBe('Site_A_Server_copy');
});

test('a second copy is named <name>_copy2, a third <name>_copy3', () => {
  expect(copyName('Site_A_Server', new Set(['site_a_server_copy']))).toBe('Site_A_Server_copy2');
  expect(copyName('Site_A_Server', new Set(['site_a_server_copy', 'site_a_server_copy2']))).toBe(
    'Site_A_Server_copy3',
  );
});

test('copyName compares its candidates lower-cased against a set of lower-cased names', () => {
  expect(copyName('Main', new Set(['main_copy']))).toBe('Main_copy2');
});

test('nextId gives a prefixed id that is not taken', () => {
  const taken = new Set(['srv-1', 'srv-2', 'c-3']);
  const id = nextId('srv', taken);
  expect(id).toMatch(/^srv-\d+$/);
  expect(taken.has(id)).toBe(false);
});

test('nextId skips ids that are taken even past the size of the set', () => {
  expect(nextId('srv', new Set(['srv-2', 'srv-3']))).toBe('srv-4');
});

test('nextId called repeatedly while recording each id never repeats one', () => {
  const taken = new Set(['srv-1', 'bld-5', 'c-2']);
  const made: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const id = nextId(i % 2 === 0 ? 'srv' : 'c', taken);
    expect(taken.has(id)).toBe(false);
    taken.add(id);
    made.push(id);
  }
  expect(new Set(made).size).toBe(50);
});

test('every kind has a short id prefix of its own', () => {
  const prefixes = COMPONENT_KINDS.map(idPrefix);
  expect(new Set(prefixes).size).toBe(COMPONENT_KINDS.length);
  expect(idPrefix('server')).toBe('srv');
});

test('the copy of a 128-character name is shortened to stay within 128 characters', () => {
  const name = 'N'.repeat(128);
  expect(copyName(name, new Set())).toBe(`${'N'.repeat(123)}_copy`);
  expect(copyName(name, new Set([`${'n'.repeat(123)}_copy`]))).toBe(`${'N'.repeat(122)}_copy2`);
});
