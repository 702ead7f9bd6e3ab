import { expect, test } from 'vitest';
import type { Topology, TopologyComponent, TopologyHost } from '../domain';
import { meetsBackupGoal, meetsHostGoal } from './goals-v2';

function topology(components: TopologyComponent[], hosts: TopologyHost[] = []): Topology {
  return { hosts, components, connections: [] };
}

const DA: TopologyComponent = { id: 'da-1', kind: 'data-aggregator', name: 'DA', host: 'h-1' };

test('a host goal is met by a component of the kind on a host of the topology', () => {
  expect(
    meetsHostGoal(topology([DA], [{ id: 'h-1', name: 'app' }]), { type: 'host', kind: 'data-aggregator' }),
  ).toBe(true);
});

test('a host goal is not met by a component on no host, on a host the topology lacks, or of another kind', () => {
  const check = { type: 'host', kind: 'data-aggregator' } as const;
  expect(meetsHostGoal(topology([{ ...DA, host: undefined }], [{ id: 'h-1', name: 'app' }]), check)).toBe(
    false,
  );
  expect(meetsHostGoal(topology([DA]), check)).toBe(false);
  expect(meetsHostGoal(topology([DA], [{ id: 'h-1', name: 'app' }]), { ...check, kind: 'server' })).toBe(
    false,
  );
});

test('a host goal can ask for an LCA and a certificate', () => {
  const plain = topology([DA], [{ id: 'h-1', name: 'app' }]);
  const equipped = topology([DA], [{ id: 'h-1', name: 'app', lca: true, certificate: true }]);
  const check = { type: 'host', kind: 'data-aggregator', lca: true, certificate: true } as const;
  expect(meetsHostGoal(plain, check)).toBe(false);
  expect(meetsHostGoal(equipped, check)).toBe(true);
  expect(meetsHostGoal(equipped, { ...check, certificate: false })).toBe(false);
});

test('a backup goal is met by a backup of the same kind in the asked standby mode', () => {
  const backup: TopologyComponent = {
    id: 'da-2',
    kind: 'data-aggregator',
    name: 'DA2',
    backupOf: 'da-1',
    standby: 'hot',
  };
  const check = { type: 'backup', kind: 'data-aggregator', standby: 'hot' } as const;
  expect(meetsBackupGoal(topology([DA, backup]), check)).toBe(true);
  expect(meetsBackupGoal(topology([DA, backup]), { ...check, standby: 'warm' })).toBe(false);
  expect(meetsBackupGoal(topology([DA]), check)).toBe(false);
});

test('a backup of a missing primary, of itself, of another kind or of a backup meets no backup goal', () => {
  const check = { type: 'backup', kind: 'data-aggregator', standby: 'hot' } as const;
  const of = (backupOf: string): TopologyComponent => ({
    id: 'da-2',
    kind: 'data-aggregator',
    name: 'B',
    backupOf,
    standby: 'hot',
  });
  const server: TopologyComponent = { id: 'srv', kind: 'server', name: 'S' };
  const chained: TopologyComponent = {
    id: 'da-3',
    kind: 'data-aggregator',
    name: 'C',
    backupOf: 'da-1',
    standby: 'hot',
  };
  expect(meetsBackupGoal(topology([DA, of('gone')]), check)).toBe(false);
  expect(meetsBackupGoal(topology([DA, of('da-2')]), check)).toBe(false);
  expect(meetsBackupGoal(topology([DA, server, of('srv')]), check)).toBe(false);
  expect(meetsBackupGoal(topology([{ ...chained, standby: 'warm' }, { ...of('da-3') }]), check)).toBe(false);
});
