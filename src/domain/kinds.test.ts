import { expect, test } from 'vitest';
import { describeComponent } from './describe';
import { COMPONENT_KINDS, displayName, isComponentKind, KIND_CATALOG, kindInfo } from './kinds';

// Written by hand from rules.md section 1; never derived from the module.
const EXPECTED_DISPLAY_NAMES = {
  server: 'WFM Server',
  builder: 'WFM Builder',
  daemon: 'WFM Daemon',
  'data-aggregator': 'WFM Data Aggregator',
  web: 'WFM Web',
  'db-utility': 'WFM Database Utility',
  dap: 'DAP',
  'stat-server': 'Stat Server',
  'message-server': 'Message Server',
} as const;

const EXPECTED_KINDS = Object.keys(EXPECTED_DISPLAY_NAMES);

test('there are exactly the nine component kinds of the contract', () => {
  expect([...COMPONENT_KINDS].sort()).toEqual([...EXPECTED_KINDS].sort());
  expect(Object.keys(KIND_CATALOG).sort()).toEqual([...EXPECTED_KINDS].sort());
});

test.each(Object.entries(EXPECTED_DISPLAY_NAMES))('the %s kind is called "%s"', (kind, name) => {
  expect(isComponentKind(kind)).toBe(true);
  if (!isComponentKind(kind)) return;
  expect(displayName(kind)).toBe(name);
  expect(kindInfo(kind).displayName).toBe(name);
});

test.each([...EXPECTED_KINDS])('the %s kind has a role, a #rrggbb colour and a group', (kind) => {
  if (!isComponentKind(kind)) throw new Error(`${kind} is not a component kind`);
  const info = kindInfo(kind);
  expect(info.kind).toBe(kind);
  expect(info.role.trim().length).toBeGreaterThan(10);
  expect(info.color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(['wfm', 'framework']).toContain(info.group);
  expect(info.shortName.length).toBeGreaterThan(0);
  expect(info.namePrefix).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
});

test('the WFM applications are in the wfm group and the Framework pieces are not', () => {
  for (const kind of ['server', 'builder', 'daemon', 'data-aggregator', 'web', 'db-utility'] as const) {
    expect(kindInfo(kind).group).toBe('wfm');
  }
  for (const kind of ['dap', 'stat-server', 'message-server'] as const) {
    expect(kindInfo(kind).group).toBe('framework');
  }
});

test('no two kinds share a display name or a colour', () => {
  const infos = COMPONENT_KINDS.map(kindInfo);
  expect(new Set(infos.map((info) => info.displayName)).size).toBe(infos.length);
  expect(new Set(infos.map((info) => info.color.toLowerCase())).size).toBe(infos.length);
});

test('isComponentKind refuses anything that is not a kind id', () => {
  for (const value of ['Server', 'WFM Server', 'message server', '', 'db_utility', 42, null, undefined, {}]) {
    expect(isComponentKind(value)).toBe(false);
  }
});

test('a component is described by its kind and its quoted name', () => {
  expect(describeComponent({ kind: 'builder', name: 'B1' })).toBe("WFM Builder 'B1'");
  expect(describeComponent({ kind: 'dap', name: 'WFM_DAP' })).toBe("DAP 'WFM_DAP'");
});
