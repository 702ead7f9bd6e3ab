import { expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { createConnectionJudge } from '../domain';
import { connectionHint } from './connection-hint';

const SITE: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  components: [
    { id: 'web-1', kind: 'web', name: 'WFM_Web_1' },
    { id: 'srv-1', kind: 'server', name: 'WFM_Server_1' },
    { id: 'bld-1', kind: 'builder', name: 'WFM_Builder_1' },
    { id: 'stat-1', kind: 'stat-server', name: 'Stat_Server_1' },
  ],
  connections: [],
};
const judge = createConnectionJudge(SITE);
const nameOf = (id: string) => SITE.components.find((c) => c.id === id)?.name ?? id;

test('over a legal target the tooltip says which connection a drop makes', () => {
  expect(connectionHint(judge, nameOf, 'web-1', 'srv-1')).toEqual({
    text: 'Connects WFM_Web_1 → WFM_Server_1',
    tone: 'legal',
  });
});

test('over an illegal target it gives the judge’s refusal and its rule', () => {
  expect(connectionHint(judge, nameOf, 'bld-1', 'stat-1')).toEqual({
    text: 'WFM Builder cannot connect to Stat Server: the component connections matrix has no such connection.',
    tone: 'illegal',
  });
  expect(connectionHint(judge, nameOf, 'srv-1', 'srv-1').tone).toBe('illegal');
});

test('over no target it says where to drop', () => {
  expect(connectionHint(judge, nameOf, 'web-1', null)).toEqual({
    text: 'Drop on a highlighted component to connect WFM_Web_1',
    tone: 'idle',
  });
});
