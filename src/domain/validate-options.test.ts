import { expect, test } from 'vitest';
import { cellRequirement } from './cardinality';
import { matrixCell } from './matrix';
import { DEFAULT_OPTIONS, OPTION_CATALOG, resolveOptions } from './options';
import type { Problem } from './problems';
import { codes, comp, conn, healthyDoc, withCode } from './test-builders';
import { validate } from './validate';

const LAYER_SOURCES = [
  ['server', 'srv', 'WFM_Server'],
  ['builder', 'bld', 'WFM_Builder'],
  ['daemon', 'dmn', 'WFM_Daemon'],
  ['data-aggregator', 'agg', 'WFM_Data_Aggregator'],
  ['web', 'web', 'WFM_Web'],
] as const;

const toMessageServer = LAYER_SOURCES.map(([, id]) => conn(`${id}-msg`, id, 'msg'));

function subjectOf(problem: Problem): string | undefined {
  if ('componentId' in problem) return problem.componentId;
  if ('connectionId' in problem) return problem.connectionId;
  return undefined;
}

test('both options are off by default', () => {
  expect(DEFAULT_OPTIONS).toEqual({ managementLayer: false, scheduledReporting: false });
  expect(resolveOptions(undefined)).toEqual({ managementLayer: false, scheduledReporting: false });
  expect(resolveOptions({ managementLayer: true })).toEqual({
    managementLayer: true,
    scheduledReporting: false,
  });
  expect(resolveOptions({ scheduledReporting: true })).toEqual({
    managementLayer: false,
    scheduledReporting: true,
  });
});

test('the option catalog lists both options with words for the UI', () => {
  expect(OPTION_CATALOG.map((option) => option.key)).toEqual(['managementLayer', 'scheduledReporting']);
  for (const option of OPTION_CATALOG) {
    expect(option.label.length).toBeGreaterThan(0);
    expect(option.description.length).toBeGreaterThan(0);
  }
});

test.each(LAYER_SOURCES)(
  'with the Management Layer on, a %s must connect to a Message Server',
  (_kind, id, name) => {
    const others = toMessageServer.filter((c) => c.from !== id);
    const problems = validate(
      healthyDoc({
        components: [comp('msg', 'message-server', 'MsgSrv')],
        connections: others,
        options: { managementLayer: true },
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({
      code: 'missing-connection',
      severity: 'error',
      message: expect.stringContaining(`'${name}'`),
      componentId: id,
      targetKind: 'message-server',
    });
    expect(problems[0]?.message).toContain('Management Layer');
  },
);

test('with the Management Layer on and every WFM application connected to Message Server, there is no problem', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'MsgSrv')],
      connections: toMessageServer,
      options: { managementLayer: true },
    }),
  );
  expect(problems).toEqual([]);
});

test('with the Management Layer on, a WFM Database Utility needs no Message Server (it has no such cell)', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'MsgSrv')],
      connections: toMessageServer,
      options: { managementLayer: true },
    }),
  );
  expect(problems.filter((p) => subjectOf(p) === 'util')).toEqual([]);
});

test('with the Management Layer on, a Message Server still takes at most one connection per application', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'MsgSrv'), comp('msg2', 'message-server', 'MsgSrv2')],
      connections: [...toMessageServer, conn('bld-msg2', 'bld', 'msg2')],
      options: { managementLayer: true },
    }),
  );
  expect(problems).toMatchObject([
    { code: 'too-many-connections', componentId: 'bld', targetKind: 'message-server' },
  ]);
});

test('with the Management Layer off, Message Server is optional and every connection to it gets a warning', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'MsgSrv')],
      connections: toMessageServer,
    }),
  );
  expect(codes(problems)).toEqual(LAYER_SOURCES.map(() => 'management-layer-off'));
  expect(problems.map(subjectOf)).toEqual(toMessageServer.map((c) => c.id));
  expect(problems.every((p) => p.severity === 'warning')).toBe(true);
});

test('with the Management Layer off, no connection to Message Server is required', () => {
  expect(validate(healthyDoc({ options: { managementLayer: false } }))).toEqual([]);
});

test('with scheduled reporting on, a WFM Daemon must connect to WFM Web', () => {
  const problems = validate(healthyDoc({ options: { scheduledReporting: true } }));
  expect(problems).toEqual([
    {
      code: 'missing-connection',
      severity: 'error',
      message: expect.stringContaining("'WFM_Daemon'"),
      componentId: 'dmn',
      targetKind: 'web',
    },
  ]);
  expect(problems[0]?.message).toContain('Report Scheduler');
});

test('with scheduled reporting off, a WFM Daemon need not connect to WFM Web', () => {
  expect(validate(healthyDoc({ options: { scheduledReporting: false } }))).toEqual([]);
});

test('with scheduled reporting on, a WFM Daemon still connects to at most one WFM Web', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('web2', 'web', 'Web2')],
      connections: [
        conn('web2-srv', 'web2', 'srv'),
        conn('dmn-web', 'dmn', 'web'),
        conn('dmn-web2', 'dmn', 'web2'),
      ],
      options: { scheduledReporting: true },
    }),
  );
  expect(problems).toMatchObject([{ code: 'too-many-connections', componentId: 'dmn', targetKind: 'web' }]);
});

test('with both options on, each is checked', () => {
  const problems = validate(
    healthyDoc({
      components: [comp('msg', 'message-server', 'MsgSrv')],
      connections: toMessageServer.filter((c) => c.from !== 'dmn'),
      options: { managementLayer: true, scheduledReporting: true },
    }),
  );
  expect(problems).toMatchObject([
    { code: 'missing-connection', componentId: 'dmn', targetKind: 'web' },
    { code: 'missing-connection', componentId: 'dmn', targetKind: 'message-server' },
  ]);
  expect(withCode(problems, 'missing-component')).toEqual([]);
});

test('an option never changes a required cell or the maximum of a cell', () => {
  const on = { managementLayer: true, scheduledReporting: true };
  const builderToServer = matrixCell('builder', 'server');
  const serverToServer = matrixCell('server', 'server');
  if (!builderToServer || !serverToServer) throw new Error('cells missing');
  expect(cellRequirement(builderToServer, on)).toEqual({ min: 1, max: 1, requiredBy: 'matrix' });
  expect(cellRequirement(serverToServer, on)).toEqual({ min: 0, max: null, requiredBy: 'none' });
});

test('the options say why an optional cell became required', () => {
  const daemonToWeb = matrixCell('daemon', 'web');
  const webToMessage = matrixCell('web', 'message-server');
  const webToWeb = matrixCell('web', 'web');
  if (!daemonToWeb || !webToMessage || !webToWeb) throw new Error('cells missing');
  const on = { managementLayer: true, scheduledReporting: true };
  expect(cellRequirement(daemonToWeb, on)).toEqual({ min: 1, max: 1, requiredBy: 'scheduled-reporting' });
  expect(cellRequirement(webToMessage, on)).toEqual({ min: 1, max: 1, requiredBy: 'management-layer' });
  expect(cellRequirement(webToWeb, on)).toEqual({ min: 0, max: 1, requiredBy: 'none' });
  expect(cellRequirement(daemonToWeb, DEFAULT_OPTIONS)).toEqual({ min: 0, max: 1, requiredBy: 'none' });
  expect(cellRequirement(webToMessage, DEFAULT_OPTIONS)).toEqual({ min: 0, max: 1, requiredBy: 'none' });
});
