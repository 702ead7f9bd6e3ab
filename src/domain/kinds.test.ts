import { expect, test } from 'vitest';
import { describeComponent } from './describe';
import {
  COMPONENT_KINDS,
  displayName,
  haSupport,
  isComponentKind,
  isContextKind,
  KIND_CATALOG,
  kindInfo,
} from './kinds';

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
  // Section 8: the Framework context kinds.
  'config-server': 'Configuration Server',
  scs: 'Solution Control Server',
  'smtp-server': 'SMTP server',
  'load-balancer': 'Load balancer',
} as const;

const EXPECTED_KINDS = Object.keys(EXPECTED_DISPLAY_NAMES);

test('there are exactly the nine component kinds and four context kinds of the contract', () => {
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
  expect(['wfm', 'framework', 'context']).toContain(info.group);
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
  for (const kind of ['config-server', 'scs', 'smtp-server', 'load-balancer'] as const) {
    expect(kindInfo(kind).group).toBe('context');
    expect(isContextKind(kind)).toBe(true);
  }
  expect(COMPONENT_KINDS.filter(isContextKind)).toEqual([
    'config-server',
    'scs',
    'smtp-server',
    'load-balancer',
  ]);
});

test('the context kinds get the id prefixes cfg, scs, smtp and lb', () => {
  expect(
    ['config-server', 'scs', 'smtp-server', 'load-balancer'].map(
      (k) => isComponentKind(k) && kindInfo(k).idPrefix,
    ),
  ).toEqual(['cfg', 'scs', 'smtp', 'lb']);
});

test('HA support per kind follows rules.md section 10, WFM Server only from 8.5.2 on', () => {
  const expected = {
    'data-aggregator': 'hot',
    server: 'warm',
    builder: 'none',
    daemon: 'none',
    web: 'none',
    'db-utility': 'none',
    dap: 'any',
    'stat-server': 'any',
    'message-server': 'any',
    'config-server': 'not-checked',
    scs: 'not-checked',
    'smtp-server': 'not-checked',
    'load-balancer': 'not-checked',
  };
  expect(Object.fromEntries(COMPONENT_KINDS.map((kind) => [kind, haSupport(kind, 'wfm-8.5.2')]))).toEqual(
    expected,
  );
  expect(haSupport('server', 'wfm-8.5.1')).toBe('none');
  expect(haSupport('server', 'wfm-8.5.0')).toBe('none');
  expect(haSupport('data-aggregator', 'wfm-8.5.0')).toBe('hot');
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
