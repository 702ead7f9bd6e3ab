import { expect, test } from 'vitest';
import { allGoalsMet, evaluateGoal, evaluateGoals, GOAL_CHECK_TYPES, type GoalCheck } from './goals';
import { comp, conn, doc, healthyDoc } from './test-builders';

// Every goal type has a case that meets it and one that does not; the last test checks that.
const tried = new Map<GoalCheck['type'], Set<boolean>>();

function expectGoal(topology: Parameters<typeof evaluateGoal>[0], check: GoalCheck, met: boolean): void {
  expect(evaluateGoal(topology, check)).toBe(met);
  const seen = tried.get(check.type) ?? new Set<boolean>();
  seen.add(met);
  tried.set(check.type, seen);
}

const broken = () => doc([comp('bld', 'builder', 'B1')]);
const withMessageServer = (managementLayer: boolean) =>
  healthyDoc({
    components: [comp('msg', 'message-server', 'MsgSrv')],
    connections: [conn('bld-msg', 'bld', 'msg')],
    options: { managementLayer },
  });

test('valid is met when no problem is an error', () => {
  expectGoal(healthyDoc(), { type: 'valid' }, true);
  expectGoal(withMessageServer(false), { type: 'valid' }, true);
  expectGoal(broken(), { type: 'valid' }, false);
});

test('an empty deployment is valid, as rules.md says', () => {
  expectGoal(doc([]), { type: 'valid' }, true);
});

test('no-problems is met with no errors and no warnings, infos allowed', () => {
  expectGoal(healthyDoc(), { type: 'no-problems' }, true);
  // The WFM Server's Host holds a certificate, so TLS to it is only the info about WFM Web.
  const withInfo = {
    ...doc(
      healthyDoc().components.map((c) => (c.id === 'srv' ? { ...c, host: 'h1' } : c)),
      healthyDoc().connections.map((c) => (c.id === 'web-srv' ? conn(c.id, c.from, c.to, 'tls') : c)),
    ),
    hosts: [{ id: 'h1', name: 'wfm-app01', certificate: true }],
  };
  expectGoal(withInfo, { type: 'no-problems' }, true);
  expectGoal(withMessageServer(false), { type: 'no-problems' }, false);
  expectGoal(broken(), { type: 'no-problems' }, false);
});

test('min-components counts the components of one kind', () => {
  const builders = doc([comp('b1', 'builder'), comp('b2', 'builder'), comp('s', 'server')]);
  expectGoal(builders, { type: 'min-components', kind: 'builder', count: 2 }, true);
  expectGoal(builders, { type: 'min-components', kind: 'builder', count: 3 }, false);
  expectGoal(builders, { type: 'min-components', kind: 'daemon', count: 0 }, true);
});

test('max-components caps the components of one kind', () => {
  const daemons = doc([comp('d1', 'daemon'), comp('d2', 'daemon')]);
  expectGoal(daemons, { type: 'max-components', kind: 'daemon', count: 2 }, true);
  expectGoal(daemons, { type: 'max-components', kind: 'daemon', count: 1 }, false);
  expectGoal(daemons, { type: 'max-components', kind: 'web', count: 0 }, true);
});

test('connection counts connections between two kinds, at least one by default', () => {
  expectGoal(healthyDoc(), { type: 'connection', from: 'builder', to: 'server' }, true);
  expectGoal(healthyDoc(), { type: 'connection', from: 'daemon', to: 'web' }, false);
  const scheduled = healthyDoc({ connections: [conn('dmn-web', 'dmn', 'web')] });
  expectGoal(scheduled, { type: 'connection', from: 'daemon', to: 'web', min: 1 }, true);
});

test('connection honours min and max', () => {
  const pool = doc(
    [comp('s', 'server'), comp('b1', 'builder'), comp('b2', 'builder'), comp('b3', 'builder')],
    [conn('1', 's', 'b1'), conn('2', 's', 'b2'), conn('3', 's', 'b3')],
  );
  expectGoal(pool, { type: 'connection', from: 'server', to: 'builder', min: 3 }, true);
  expectGoal(pool, { type: 'connection', from: 'server', to: 'builder', min: 4 }, false);
  expectGoal(pool, { type: 'connection', from: 'server', to: 'builder', max: 2 }, false);
  expectGoal(pool, { type: 'connection', from: 'server', to: 'web', min: 0, max: 0 }, true);
});

test('connection does not count forbidden, self or duplicate connections', () => {
  const faulty = doc(
    [comp('s', 'server'), comp('b', 'builder'), comp('stat', 'stat-server')],
    [conn('1', 'b', 'stat'), conn('2', 's', 's'), conn('3', 's', 'b'), conn('4', 's', 'b')],
  );
  expectGoal(faulty, { type: 'connection', from: 'builder', to: 'stat-server' }, false);
  expectGoal(faulty, { type: 'connection', from: 'server', to: 'server' }, false);
  expectGoal(faulty, { type: 'connection', from: 'server', to: 'builder', max: 1 }, true);
});

test('option compares a deployment option, absent meaning false', () => {
  expectGoal(
    doc([], [], { managementLayer: true }),
    { type: 'option', key: 'managementLayer', value: true },
    true,
  );
  expectGoal(doc([]), { type: 'option', key: 'managementLayer', value: true }, false);
  expectGoal(
    { components: [], connections: [] },
    { type: 'option', key: 'scheduledReporting', value: false },
    true,
  );
});

test('no-problem is met when no problem has the code', () => {
  expectGoal(withMessageServer(true), { type: 'no-problem', code: 'management-layer-off' }, true);
  expectGoal(withMessageServer(false), { type: 'no-problem', code: 'management-layer-off' }, false);
  expectGoal(broken(), { type: 'no-problem', code: 'management-layer-off' }, true);
});

test('every-component-connects needs each component of the kinds connected to the target kind', () => {
  const check: GoalCheck = { type: 'every-component-connects', kinds: ['builder', 'web'], to: 'server' };
  expectGoal(healthyDoc(), check, true);
  const stray = healthyDoc({ components: [comp('web2', 'web', 'WFM_Web_2')] });
  expectGoal(stray, check, false);
});

test('every-component-connects is not met when there is no component of the kinds', () => {
  expectGoal(
    doc([comp('s', 'server')]),
    { type: 'every-component-connects', kinds: ['builder'], to: 'server' },
    false,
  );
});

test('every-component-connects does not count a forbidden connection', () => {
  const check: GoalCheck = { type: 'every-component-connects', kinds: ['builder'], to: 'stat-server' };
  expectGoal(doc([comp('b', 'builder'), comp('st', 'stat-server')], [conn('1', 'b', 'st')]), check, false);
});

test('every-component-reached needs a connection from the source kind to each component of the kinds', () => {
  const check: GoalCheck = { type: 'every-component-reached', kinds: ['builder'], from: 'server' };
  expectGoal(healthyDoc(), check, true);
  const second = healthyDoc({
    components: [comp('bld2', 'builder', 'WFM_Builder_2')],
    connections: [conn('bld2-srv', 'bld2', 'srv')],
  });
  expectGoal(second, check, false);
  expectGoal(doc([comp('s', 'server')]), check, false);
});

test('host and backup goals (version 2) are judged through evaluateGoal', () => {
  const hosted = {
    hosts: [{ id: 'h-1', name: 'wfm-app01', lca: true }],
    components: [
      { id: 'da-1', kind: 'data-aggregator' as const, name: 'DA', host: 'h-1' },
      {
        id: 'da-2',
        kind: 'data-aggregator' as const,
        name: 'DA_b',
        backupOf: 'da-1',
        standby: 'hot' as const,
      },
    ],
    connections: [],
  };
  expectGoal(hosted, { type: 'host', kind: 'data-aggregator', lca: true }, true);
  expectGoal(hosted, { type: 'host', kind: 'data-aggregator', certificate: true }, false);
  expectGoal(hosted, { type: 'backup', kind: 'data-aggregator', standby: 'hot' }, true);
  expectGoal(hosted, { type: 'backup', kind: 'data-aggregator', standby: 'warm' }, false);
});

test('evaluateGoals judges every goal in order and allGoalsMet sums them up', () => {
  const goals = [
    { id: 'valid', check: { type: 'valid' } },
    { id: 'pool', check: { type: 'min-components', kind: 'builder', count: 3 } },
  ] as const satisfies readonly { id: string; check: GoalCheck }[];
  const results = evaluateGoals(healthyDoc(), goals);
  expect(results.map((r) => [r.goal.id, r.met])).toEqual([
    ['valid', true],
    ['pool', false],
  ]);
  expect(allGoalsMet(results)).toBe(false);
  expect(allGoalsMet(evaluateGoals(healthyDoc(), [goals[0]]))).toBe(true);
  expect(allGoalsMet([])).toBe(false);
});

test('every goal type was tried both met and not met', () => {
  for (const type of GOAL_CHECK_TYPES) {
    expect([type, [...(tried.get(type) ?? [])].sort()]).toEqual([type, [false, true]]);
  }
});
