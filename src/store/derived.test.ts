import { expect, test } from 'vitest';
import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import { canConnect, type Problem, validate } from '../domain';
import { createDerivations } from './derived';
import { addConnection, moveComponents, updateComponent, updateConnection } from './operations';

// Builders: a deployment with problems of every subject (component, cardinality, connection).

function component(id: string, kind: DocumentComponent['kind'], name: string): DocumentComponent {
  return { id, kind, name, position: { x: 0, y: 0 } };
}

function troubled(): TopologyDocument {
  const components = [
    component('srv-1', 'server', 'WFM_Server_1'),
    component('bld-1', 'builder', 'WFM_Builder_1'),
    component('stat-1', 'stat-server', 'Stat_Server_1'),
    component('dmn-1', 'daemon', 'Daemon'),
    component('dmn-2', 'daemon', 'daemon'),
  ];
  const connections: DocumentConnection[] = [
    { id: 'c-1', from: 'bld-1', to: 'stat-1' },
    { id: 'c-2', from: 'dmn-1', to: 'srv-1' },
    { id: 'c-3', from: 'dmn-1', to: 'srv-1' },
  ];
  return { format: 'wfm-topology', version: 2, components, connections };
}

function connected(document: TopologyDocument, from: string, to: string): TopologyDocument {
  const result = addConnection(document, from, to);
  if (!result.ok) throw new Error(result.verdict.message);
  return result.document;
}

/** An independent expectation: the problems of validate about one component or connection. */
function about(problems: readonly Problem[], key: 'componentId' | 'connectionId', id: string): Problem[] {
  return problems.filter((p) => Object.getOwnPropertyDescriptor(p, key)?.value === id);
}

// problems

test('problems of a document equal what validate finds', () => {
  const document = troubled();
  expect(createDerivations().problems(document).problems).toEqual(validate(document));
});

test('problems counts errors, warnings and infos as validate reports them', () => {
  const document = troubled();
  const expected = validate(document);
  const { counts } = createDerivations().problems(document);
  expect(counts).toEqual({
    error: expected.filter((p) => p.severity === 'error').length,
    warning: expected.filter((p) => p.severity === 'warning').length,
    info: expected.filter((p) => p.severity === 'info').length,
  });
  expect(counts.error).toBeGreaterThan(0);
});

test('problems indexes every problem under its component, in validate order', () => {
  const document = troubled();
  const expected = validate(document);
  const { byComponent } = createDerivations().problems(document);
  for (const { id } of document.components) {
    expect(byComponent.get(id) ?? []).toEqual(about(expected, 'componentId', id));
  }
  expect([...byComponent.keys()].every((id) => document.components.some((c) => c.id === id))).toBe(true);
  expect(byComponent.get('dmn-2')?.map((p) => p.code)).toEqual(
    expect.arrayContaining(['too-many-instances', 'duplicate-name']),
  );
});

test('problems indexes every problem under its connection, in validate order', () => {
  const document = troubled();
  const expected = validate(document);
  const { byConnection } = createDerivations().problems(document);
  for (const { id } of document.connections) {
    expect(byConnection.get(id) ?? []).toEqual(about(expected, 'connectionId', id));
  }
  expect(byConnection.get('c-1')?.map((p) => p.code)).toEqual(['forbidden-connection']);
  expect(byConnection.get('c-3')?.map((p) => p.code)).toEqual(['duplicate-connection']);
  expect(byConnection.has('c-2')).toBe(false);
});

test('problems returns the same object for the same document', () => {
  const derivations = createDerivations();
  const document = troubled();
  expect(derivations.problems(document)).toBe(derivations.problems(document));
});

test('problems returns the same object, without validating again, for a document that only moved', () => {
  const derivations = createDerivations();
  const document = troubled();
  const first = derivations.problems(document);
  const moved = moveComponents(document, new Map([['srv-1', { x: 40, y: 40 }]]));
  const movedAgain = moveComponents(moved, new Map([['bld-1', { x: 90, y: 10 }]]));
  expect(moved).not.toBe(document);
  expect(derivations.problems(moved)).toBe(first);
  expect(derivations.problems(movedAgain)).toBe(first);
});

test('problems stay the same object when only notes change, which no rule reads', () => {
  const derivations = createDerivations();
  const document = troubled();
  const first = derivations.problems(document);
  const edited = updateComponent(document, 'srv-1', { notes: 'n' });
  expect(derivations.problems(edited)).toBe(first);
});

test('problems are found again when a host, a port, a backup or the rule set changes (version 2 rules read them)', () => {
  const derivations = createDerivations();
  const document = troubled();
  const first = derivations.problems(document);
  expect(derivations.problems(updateComponent(document, 'srv-1', { port: 7000 }))).not.toBe(first);
  const again = derivations.problems(document);
  expect(derivations.problems({ ...document, ruleset: 'wfm-8.5.0' })).not.toBe(again);
  const third = derivations.problems(document);
  const withHost = { ...document, hosts: [{ id: 'h-1', name: 'app01' }] };
  expect(derivations.problems(withHost)).not.toBe(third);
  const moved = { ...withHost, hosts: [{ id: 'h-1', name: 'app01', position: { x: 5, y: 5 } }] };
  const fourth = derivations.problems(withHost);
  expect(derivations.problems(moved)).toBe(fourth);
});

test('problems are found again after a rename', () => {
  const derivations = createDerivations();
  const document = troubled();
  const first = derivations.problems(document);
  const renamed = updateComponent(document, 'dmn-2', { name: 'WFM_Daemon_2' });
  const next = derivations.problems(renamed);
  expect(next).not.toBe(first);
  expect(next.problems).toEqual(validate(renamed));
  expect(next.byComponent.get('dmn-2')?.map((p) => p.code)).not.toContain('duplicate-name');
});

test('problems are found again after a new connection', () => {
  const derivations = createDerivations();
  const document = troubled();
  const first = derivations.problems(document);
  const next = connected(document, 'srv-1', 'bld-1');
  expect(derivations.problems(next)).not.toBe(first);
  expect(derivations.problems(next).problems).toEqual(validate(next));
});

test.each([
  ['a change of security', (d: TopologyDocument) => updateConnection(d, 'c-2', 'tls')],
  ['ETL turned on', (d: TopologyDocument) => updateComponent(d, 'srv-1', { etl: true })],
  ['a change of options', (d: TopologyDocument) => ({ ...d, options: { scheduledReporting: true } })],
])('problems are found again after %s', (_name, change) => {
  const derivations = createDerivations();
  const document = troubled();
  const first = derivations.problems(document);
  const changed = change(document);
  const next = derivations.problems(changed);
  expect(next).not.toBe(first);
  expect(next.problems).toEqual(validate(changed));
});

test('problems are found again when components change order, since problems follow component order', () => {
  const derivations = createDerivations();
  const document = troubled();
  const first = derivations.problems(document);
  const reordered = { ...document, components: [...document.components].reverse() };
  expect(derivations.problems(reordered)).not.toBe(first);
  expect(derivations.problems(reordered).problems).toEqual(validate(reordered));
});

test('two sets of derivations keep their own memory', () => {
  const a = createDerivations();
  const b = createDerivations();
  const document = troubled();
  expect(a.problems(document)).not.toBe(b.problems(document));
  expect(a.problems(document)).toEqual(b.problems(document));
});

// judge

test('the judge gives the verdicts of canConnect', () => {
  const document = troubled();
  const judge = createDerivations().judge(document);
  for (const [from, to] of [
    ['srv-1', 'bld-1'],
    ['bld-1', 'srv-1'],
    ['bld-1', 'stat-1'],
    ['dmn-1', 'srv-1'],
    ['srv-1', 'srv-1'],
  ] as const) {
    expect(judge.canConnect(from, to)).toEqual(canConnect(document, from, to));
  }
});

test('the judge is the same object for a document that only moved', () => {
  const derivations = createDerivations();
  const document = troubled();
  const judge = derivations.judge(document);
  const moved = moveComponents(document, new Map([['stat-1', { x: 7, y: 7 }]]));
  expect(derivations.judge(moved)).toBe(judge);
});

test('the judge is made again after a new connection, and then refuses the duplicate', () => {
  const derivations = createDerivations();
  const document = troubled();
  const judge = derivations.judge(document);
  const next = connected(document, 'srv-1', 'bld-1');
  const nextJudge = derivations.judge(next);
  expect(nextJudge).not.toBe(judge);
  expect(judge.canConnect('srv-1', 'bld-1').ok).toBe(true);
  expect(nextJudge.canConnect('srv-1', 'bld-1')).toMatchObject({ ok: false, reason: 'duplicate-connection' });
});

test('the judge is made again after a rename, so its messages name the component as it is now', () => {
  const derivations = createDerivations();
  const document = troubled();
  const judge = derivations.judge(document);
  const renamed = updateComponent(document, 'srv-1', { name: 'Site_A_Server' });
  const nextJudge = derivations.judge(renamed);
  expect(nextJudge).not.toBe(judge);
  expect(nextJudge.canConnect('srv-1', 'srv-1').message).toContain('Site_A_Server');
});
