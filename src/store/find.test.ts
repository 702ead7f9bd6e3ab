import { expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { findMatches } from './find';

const DOC: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  zones: [{ id: 'z-1', name: 'London DC' }],
  hosts: [
    { id: 'h-1', name: 'wfm-app01', address: 'app01.example.com', zone: 'z-1' },
    { id: 'h-2', name: 'builders-host' },
  ],
  components: [
    { id: 'srv-1', kind: 'server', name: 'WFM_Server_1', host: 'h-1' },
    { id: 'bld-1', kind: 'builder', name: 'Pool_A', host: 'h-2' },
    { id: 'web-1', kind: 'web', name: 'Portal_builder', host: 'h-1' },
    { id: 'dap-1', kind: 'dap', name: 'WFM_DAP' },
  ],
  connections: [],
};

const ids = (query: string) => findMatches(DOC, query).map((m) => m.id);

test('a name matches first when it starts with the text, then when it contains it', () => {
  expect(ids('wfm_')).toEqual(['srv-1', 'dap-1']);
  expect(ids('dap')).toEqual(['dap-1']);
  expect(ids('server_1')).toEqual(['srv-1']);
});

test('a host’s name or address finds the components on it, and the host itself', () => {
  expect(ids('app01')).toEqual(['h-1', 'srv-1', 'web-1']);
  expect(ids('example.com')).toEqual(['srv-1', 'web-1', 'h-1']);
});

test('a kind’s display name or id finds its components, after the names that match', () => {
  // "builder" is in Portal_builder's name, on the host "builders-host", and Pool_A's kind.
  expect(ids('builder')).toEqual(['h-2', 'web-1', 'bld-1']);
  expect(ids('WFM Web')).toEqual(['web-1']);
  expect(findMatches(DOC, 'data-agg')).toEqual([]);
});

test('case and surrounding spaces do not matter; an empty text lists everything', () => {
  expect(ids('  PORTAL ')).toEqual(['web-1']);
  expect(ids('')).toEqual(['srv-1', 'bld-1', 'web-1', 'dap-1', 'h-1', 'h-2', 'z-1']);
});

test('a match says what it is and where it runs', () => {
  expect(findMatches(DOC, 'Pool')[0]).toEqual({
    id: 'bld-1',
    sort: 'component',
    name: 'Pool_A',
    kindName: 'WFM Builder',
    hostName: 'builders-host',
  });
  expect(findMatches(DOC, 'london')[0]).toMatchObject({ id: 'z-1', kindName: 'Zone' });
});
