import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type DocumentComponent,
  type DocumentConnection,
  type TopologyDocument,
  topologyDocumentSchema,
} from '../document';
import { documentArbitrary } from '../document/testing/arbitraries';
import { fixedSeed } from '../document/testing/property';
import {
  type ComponentKind,
  type DeploymentOptions,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  problemComponentId,
  problemConnectionId,
  problemHostId,
  type Security,
  validate,
} from '../domain';
import { BUILT_IN_EXERCISES } from '../exercises';
import { updateHost } from './layout-operations';
import { updateComponent } from './operations';
import { CODES_WITHOUT_QUICK_FIX, type EditQuickFix, type QuickFix, quickFixes } from './quick-fixes';
import { createDesignerStore } from './store';

// Builders

function part(
  id: string,
  kind: ComponentKind,
  name: string,
  x = 0,
  y = 0,
  extra: Partial<
    Pick<DocumentComponent, 'etl' | 'host' | 'port' | 'backupOf' | 'standby' | 'mutualAuth'>
  > = {},
): DocumentComponent {
  return { id, kind, name, position: { x, y }, ...extra };
}

function link(id: string, from: string, to: string, security?: Security): DocumentConnection {
  return security ? { id, from, to, security } : { id, from, to };
}

function design(
  components: DocumentComponent[],
  connections: DocumentConnection[] = [],
  options: Partial<DeploymentOptions> = {},
): TopologyDocument {
  return { format: 'wfm-topology', version: 2, options, components, connections };
}

/** A Server with its Builder and DAP: no problems. Other parts join it in each case. */
const SITE = {
  components: [
    part('srv', 'server', 'S1', 320, 160),
    part('bld', 'builder', 'B1', 320, 0),
    part('dap', 'dap', 'D1', 320, 320),
  ],
  connections: [link('s-b', 'srv', 'bld'), link('b-s', 'bld', 'srv'), link('s-d', 'srv', 'dap')],
};

function site(
  components: DocumentComponent[] = [],
  connections: DocumentConnection[] = [],
  options: Partial<DeploymentOptions> = {},
): TopologyDocument {
  return design([...SITE.components, ...components], [...SITE.connections, ...connections], options);
}

/** Unique within one validation, as the panel keys its items: code, subject, target kind. */
function keyOf(problem: Problem): string {
  const target = 'targetKind' in problem ? problem.targetKind : '';
  const subject = problemComponentId(problem) ?? problemConnectionId(problem) ?? problemHostId(problem) ?? '';
  return `${problem.code}|${subject}|${target}`;
}

function errorKeys(document: TopologyDocument): Set<string> {
  return new Set(
    validate(document)
      .filter((p) => p.severity === 'error')
      .map(keyOf),
  );
}

function problemOf(document: TopologyDocument, code: ProblemCode, subject?: string): Problem {
  const found = validate(document).find(
    (p) =>
      p.code === code &&
      (subject === undefined || problemComponentId(p) === subject || problemConnectionId(p) === subject),
  );
  if (!found) throw new Error(`no ${code} problem on ${subject ?? 'the document'}`);
  return found;
}

function edit(fix: QuickFix | undefined): EditQuickFix {
  if (fix?.kind !== 'edit') throw new Error(`not an edit fix: ${fix?.id}`);
  return fix;
}

/** Applies a fix the way the user finishes it: an edit as it is, "Rename" by typing a unique name. */
function applied(document: TopologyDocument, fix: QuickFix): TopologyDocument {
  if (fix.kind === 'rename' && fix.hostId !== undefined) {
    return updateHost(document, fix.hostId, { name: 'A_unique_host' });
  }
  if (fix.kind === 'rename') return updateComponent(document, fix.componentId, { name: 'A_unique_name' });
  const result = fix.apply(document);
  expect(result.ok, result.notice).toBe(true);
  return result.document;
}

// Every fix of every code, on a document where it removes the problem and adds no error

interface Case {
  readonly title: string;
  readonly document: TopologyDocument;
  readonly code: ProblemCode;
  /** The component or connection the problem is about. */
  readonly subject?: string;
  readonly labels: readonly string[];
}

const CASES: readonly Case[] = [
  {
    title: 'a WFM Builder without a Server, with one Server to connect to',
    document: site([part('b2', 'builder', 'B2', 640, 0)]),
    code: 'missing-connection',
    subject: 'b2',
    labels: ['Connect to S1'],
  },
  {
    title: 'a WFM Web with two Servers to choose from',
    document: site(
      [part('s2', 'server', 'S2', 960, 160), part('web', 'web', 'W1', 640, -160)],
      [link('s2-b', 's2', 'bld'), link('s2-d', 's2', 'dap')],
    ),
    code: 'missing-connection',
    subject: 'web',
    labels: ['Connect to S1', 'Connect to S2'],
  },
  {
    title: 'a WFM Server with no Builder at all',
    document: design(
      [part('srv', 'server', 'S1'), part('dap', 'dap', 'D1', 0, 160)],
      [link('s-d', 'srv', 'dap')],
    ),
    code: 'missing-connection',
    subject: 'srv',
    labels: ['Add WFM Builder and connect'],
  },
  {
    title: 'a WFM Builder with no Server at all (the new Server takes the one DAP)',
    document: design([part('bld', 'builder', 'B1'), part('dap', 'dap', 'D1', 0, 320)]),
    code: 'missing-connection',
    subject: 'bld',
    labels: ['Add WFM Server and connect'],
  },
  {
    title: 'a Data Aggregator with no Stat Server',
    document: site(
      [part('agg', 'data-aggregator', 'A1', 0, 0)],
      [link('a-s', 'agg', 'srv'), link('a-d', 'agg', 'dap')],
    ),
    code: 'missing-connection',
    subject: 'agg',
    labels: ['Add Stat Server and connect'],
  },
  {
    title: 'a Database Utility with no DAP',
    document: design([part('util', 'db-utility', 'U1')]),
    code: 'missing-connection',
    subject: 'util',
    labels: ['Add DAP and connect'],
  },
  {
    title: 'a WFM Daemon with no WFM Web under scheduled reporting (the new Web takes the Daemon’s Server)',
    document: site([part('dmn', 'daemon', 'M1', 0, 0)], [link('m-s', 'dmn', 'srv')], {
      scheduledReporting: true,
    }),
    code: 'missing-connection',
    subject: 'dmn',
    labels: ['Add WFM Web and connect'],
  },
  {
    title: 'a WFM Builder with no Message Server under the Management Layer',
    document: design(
      [part('srv', 'server', 'S1'), part('bld', 'builder', 'B1', 0, -160), part('dap', 'dap', 'D1', 0, 160)],
      [link('s-b', 'srv', 'bld'), link('b-s', 'bld', 'srv'), link('s-d', 'srv', 'dap')],
      { managementLayer: true },
    ),
    code: 'missing-connection',
    subject: 'bld',
    labels: ['Add Message Server and connect'],
  },
  {
    title: 'a WFM Builder with two Servers',
    document: site(
      [part('s2', 'server', 'S2', 960, 160)],
      [link('b-s2', 'bld', 's2'), link('s2-b', 's2', 'bld'), link('s2-d', 's2', 'dap')],
    ),
    code: 'too-many-connections',
    subject: 'bld',
    labels: ['Remove connection to S1', 'Remove connection to S2'],
  },
  {
    title: 'a WFM Builder with two Servers, one of them listed twice',
    document: site(
      [part('s2', 'server', 'S2', 960, 160)],
      [
        link('b-s2', 'bld', 's2'),
        link('b-s2-again', 'bld', 's2'),
        link('s2-b', 's2', 'bld'),
        link('s2-d', 's2', 'dap'),
      ],
    ),
    code: 'too-many-connections',
    subject: 'bld',
    labels: ['Remove connection to S1', 'Remove connection to S2'],
  },
  {
    title: 'a WFM Builder connected to a DAP',
    document: site([], [link('b-d', 'bld', 'dap')]),
    code: 'forbidden-connection',
    subject: 'b-d',
    labels: ['Remove connection'],
  },
  {
    title: 'a WFM Server connected to itself',
    document: site([], [link('s-s', 'srv', 'srv')]),
    code: 'self-connection',
    subject: 's-s',
    labels: ['Remove connection'],
  },
  {
    title: 'a WFM Builder listed twice on the Server',
    document: site([], [link('s-b-again', 'srv', 'bld')]),
    code: 'duplicate-connection',
    subject: 's-b-again',
    labels: ['Remove connection'],
  },
  {
    title: 'a Message Server connection with the Management Layer off',
    document: site(
      [part('msg', 'message-server', 'L1', 640, 320)],
      [link('s-m', 'srv', 'msg'), link('b-m', 'bld', 'msg')],
    ),
    code: 'management-layer-off',
    subject: 's-m',
    labels: ['Enable Management Layer', 'Remove connection'],
  },
  {
    title: 'two components named alike',
    document: site(
      [part('b2', 'builder', ' s1 ', 640, 0)],
      [link('b2-s', 'b2', 'srv'), link('s-b2', 'srv', 'b2')],
    ),
    code: 'duplicate-name',
    subject: 'b2',
    labels: ['Rename'],
  },
  {
    title: 'a Stat Server that nothing uses',
    document: site([part('stat', 'stat-server', 'T1', 640, 320)]),
    code: 'unused-component',
    subject: 'stat',
    labels: ['Delete component'],
  },
  {
    title: 'a second WFM Daemon',
    document: site(
      [part('m1', 'daemon', 'M1', 0, 0), part('m2', 'daemon', 'M2', 640, 0)],
      [link('m1-s', 'm1', 'srv'), link('m2-s', 'm2', 'srv')],
    ),
    code: 'too-many-instances',
    subject: 'm2',
    labels: ['Delete component'],
  },
  {
    title: 'a second ETL server',
    document: design(
      [
        part('s1', 'server', 'S1', 0, 0, { etl: true }),
        part('s2', 'server', 'S2', 320, 0, { etl: true }),
        part('bld', 'builder', 'B1'),
        part('dap', 'dap', 'D1'),
      ],
      [
        link('s1-b', 's1', 'bld'),
        link('s2-b', 's2', 'bld'),
        link('s1-d', 's1', 'dap'),
        link('s2-d', 's2', 'dap'),
        link('b-s', 'bld', 's1'),
      ],
    ),
    code: 'too-many-instances',
    subject: 's2',
    labels: ['Turn off ETL'],
  },
  {
    title: 'scheduled reporting with no WFM Daemon',
    document: site([part('web', 'web', 'W1', 640, -160)], [link('w-s', 'web', 'srv')], {
      scheduledReporting: true,
    }),
    code: 'missing-component',
    labels: ['Add WFM Daemon'],
  },
  {
    title: 'a host that runs WFM applications under the Management Layer has no LCA',
    document: {
      ...site(
        [part('msg', 'message-server', 'L1', 640, 320)],
        [link('s-m', 'srv', 'msg'), link('b-m', 'bld', 'msg')],
        { managementLayer: true },
      ),
      hosts: [{ id: 'h-1', name: 'wfm-app01' }],
      components: [
        part('srv', 'server', 'S1', 320, 160, { host: 'h-1' }),
        part('bld', 'builder', 'B1', 320, 0),
        part('dap', 'dap', 'D1', 320, 320),
        part('msg', 'message-server', 'L1', 640, 320),
      ],
    },
    code: 'missing-lca',
    labels: ['Enable LCA'],
  },
  {
    title: 'two hosts with one name',
    document: {
      ...site(),
      hosts: [
        { id: 'h-1', name: 'wfm-app01' },
        { id: 'h-2', name: 'WFM-APP01' },
      ],
    },
    code: 'duplicate-name',
    labels: ['Rename'],
  },
  {
    title: 'a Data Aggregator backup that lists other targets than its primary',
    document: site(
      [
        part('st', 'stat-server', 'T1', 0, 320),
        part('da', 'data-aggregator', 'A1', 0, 160),
        part('da-b', 'data-aggregator', 'A1_backup', 0, 0, { backupOf: 'da', standby: 'hot' }),
      ],
      [
        link('a-s', 'da', 'srv'),
        link('a-d', 'da', 'dap'),
        link('a-t', 'da', 'st'),
        link('ab-s', 'da-b', 'srv'),
        link('ab-d', 'da-b', 'dap'),
      ],
    ),
    code: 'ha-mismatch',
    subject: 'da-b',
    labels: ["Copy the primary's connections"],
  },
  {
    title: 'a client that lists the backup instead of its primary',
    document: site(
      [
        part('d2', 'dap', 'D1_backup', 640, 320, { backupOf: 'dap', standby: 'hot' }),
        part('bld2', 'builder', 'B2', 640, 0),
      ],
      [link('s-d2', 'srv', 'd2'), link('b2-s', 'bld2', 'srv'), link('s-b2', 'srv', 'bld2')],
    ),
    code: 'ha-backup-target',
    subject: 's-d2',
    labels: ['Connect to the primary instead'],
  },
  {
    title: 'a WFM Builder marked as a backup: a Server uses a pool instead',
    document: site(
      [part('bld2', 'builder', 'B2', 640, 0, { backupOf: 'bld', standby: 'warm' })],
      [link('b2-s', 'bld2', 'srv'), link('s-b2', 'srv', 'bld2')],
    ),
    code: 'ha-unsupported',
    subject: 'bld2',
    labels: ['Make it a pool member'],
  },
  {
    title: 'a backup of a component of another kind',
    document: site(
      [part('d2', 'dap', 'D2', 640, 320, { backupOf: 'srv', standby: 'hot' })],
      [link('s-d2', 'srv', 'd2')],
    ),
    code: 'ha-invalid-pair',
    subject: 'd2',
    labels: ['Clear the backup link'],
  },
  {
    title: 'TLS to a WFM Server whose host has no certificate',
    document: {
      ...site([], [link('b-s2', 'bld', 'srv', 'tls')].slice(0, 0)),
      hosts: [{ id: 'h-1', name: 'wfm-app01' }],
      components: [
        part('srv', 'server', 'S1', 320, 160, { host: 'h-1' }),
        part('bld', 'builder', 'B1', 320, 0),
        part('dap', 'dap', 'D1', 320, 320),
      ],
      connections: [link('s-b', 'srv', 'bld'), link('b-s', 'bld', 'srv', 'tls'), link('s-d', 'srv', 'dap')],
    },
    code: 'tls-no-certificate',
    subject: 'b-s',
    labels: ["Assign a certificate on 'wfm-app01'"],
  },
  {
    title: 'TLS to a WFM Server that is on no host',
    document: design(SITE.components, [
      link('s-b', 'srv', 'bld'),
      link('b-s', 'bld', 'srv', 'tls'),
      link('s-d', 'srv', 'dap'),
    ]),
    code: 'tls-no-certificate',
    subject: 'b-s',
    labels: ["Put 'S1' on a new host with a certificate"],
  },
  {
    title: 'mutual TLS to a WFM Server not set up for it',
    document: {
      ...design(SITE.components, [
        link('s-b', 'srv', 'bld'),
        link('b-s', 'bld', 'srv', 'mutual-tls'),
        link('s-d', 'srv', 'dap'),
      ]),
      hosts: [{ id: 'h-1', name: 'wfm-app01', certificate: true }],
      components: [
        part('srv', 'server', 'S1', 320, 160, { host: 'h-1' }),
        part('bld', 'builder', 'B1', 320, 0),
        part('dap', 'dap', 'D1', 320, 320),
      ],
    },
    code: 'tls-mutual-auth',
    subject: 'b-s',
    labels: ['Turn on mutual TLS authentication'],
  },
  {
    title: 'two applications on one host with one port: the later one moves to the next free port',
    document: {
      ...site(),
      hosts: [{ id: 'h-1', name: 'wfm-app01' }],
      components: [
        part('srv', 'server', 'S1', 320, 160, { host: 'h-1', port: 7000 }),
        part('bld', 'builder', 'B1', 320, 0, { host: 'h-1', port: 7000 }),
        part('dap', 'dap', 'D1', 320, 320),
      ],
    },
    code: 'port-conflict',
    subject: 'bld',
    labels: ['Use the next free port'],
  },
  {
    title: 'WFM Web using TLS (information only)',
    document: site([part('web', 'web', 'W1', 640, -160)], [link('w-s', 'web', 'srv', 'tls')]),
    code: 'tls-web-daemon',
    subject: 'w-s',
    labels: [],
  },
];

describe.each(CASES)('$code: $title', ({ document, code, subject, labels }) => {
  const problem = problemOf(document, code, subject);
  const fixes = quickFixes(document, problem);

  test('offers exactly these fixes', () => {
    expect(fixes.map((f) => f.label)).toEqual(labels);
    expect(new Set(fixes.map((f) => f.id)).size).toBe(fixes.length);
  });

  test.each(fixes.map((fix) => [fix.label, fix] as const))(
    '"%s" removes the problem and adds no error',
    (_label, fix) => {
      const before = errorKeys(document);
      const after = applied(document, fix);
      expect(validate(after).map(keyOf)).not.toContain(keyOf(problem));
      expect([...errorKeys(after)].filter((key) => !before.has(key))).toEqual([]);
      expect(topologyDocumentSchema.safeParse(after).success).toBe(true);
    },
  );
});

test('every problem code has a quick fix, or is listed as having none on purpose', () => {
  expect(CODES_WITHOUT_QUICK_FIX).toEqual(['tls-web-daemon']);
  for (const code of PROBLEM_CODES) {
    const cases = CASES.filter((c) => c.code === code);
    expect(cases.length, `a case for ${code}`).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.labels.length > 0, `${code}: ${c.title}`).toBe(!CODES_WITHOUT_QUICK_FIX.includes(code));
    }
  }
});

// What "Add … and connect" builds

test('"Add WFM Builder and connect" connects the Server to a new Builder and the Builder back, above the Server', () => {
  const document = design(
    [part('srv', 'server', 'S1', 320, 160), part('dap', 'dap', 'D1', 320, 320)],
    [link('s-d', 'srv', 'dap')],
  );
  const result = edit(quickFixes(document, problemOf(document, 'missing-connection', 'srv'))[0]).apply(
    document,
  );
  if (!result.ok) throw new Error(result.notice);
  const builder = result.document.components.find((c) => c.kind === 'builder');
  expect(builder).toMatchObject({ name: 'WFM_Builder_1', position: { x: 320, y: 0 } });
  const pairs = result.document.connections.map((c) => `${c.from}→${c.to}`);
  expect(pairs).toEqual(['srv→dap', `srv→${builder?.id}`, `${builder?.id}→srv`]);
  expect(result.select).toEqual({ components: [builder?.id] });
  expect(result.notice).toBe(
    "Added WFM Builder 'WFM_Builder_1' and connected WFM Server 'S1' to it. Connected it to WFM Server 'S1'.",
  );
  expect(validate(result.document)).toEqual([]);
});

test('a new DAP goes below its source, beside any card already there', () => {
  const document = design([
    part('util', 'db-utility', 'U1', 0, 0),
    part('stat', 'stat-server', 'T1', 0, 160),
  ]);
  const result = edit(quickFixes(document, problemOf(document, 'missing-connection', 'util'))[0]).apply(
    document,
  );
  if (!result.ok) throw new Error(result.notice);
  expect(result.document.components.at(-1)).toMatchObject({ kind: 'dap', position: { x: 320, y: 160 } });
});

test('a new Server needs a DAP: with two DAPs it takes neither and says what is left', () => {
  const document = design([
    part('bld', 'builder', 'B1'),
    part('d1', 'dap', 'D1', 0, 320),
    part('d2', 'dap', 'D2', 320, 320),
  ]);
  const result = edit(quickFixes(document, problemOf(document, 'missing-connection', 'bld'))[0]).apply(
    document,
  );
  if (!result.ok) throw new Error(result.notice);
  const server = result.document.components.find((c) => c.kind === 'server');
  expect(result.notice).toBe(
    "Added WFM Server 'WFM_Server_1' and connected WFM Builder 'B1' to it. Connected it to WFM Builder 'B1'. It still needs a connection to a DAP.",
  );
  expect(
    validate(result.document)
      .filter((p) => p.severity === 'error')
      .map(keyOf),
  ).toEqual([`missing-connection|${server?.id}|dap`]);
});

test('"Add WFM Daemon" connects the new Daemon to the one Server and the one WFM Web', () => {
  const document = site([part('web', 'web', 'W1', 640, -160)], [link('w-s', 'web', 'srv')], {
    scheduledReporting: true,
  });
  const result = edit(quickFixes(document, problemOf(document, 'missing-component'))[0]).apply(document);
  if (!result.ok) throw new Error(result.notice);
  const daemon = result.document.components.find((c) => c.kind === 'daemon');
  expect(result.document.connections.filter((c) => c.from === daemon?.id).map((c) => c.to)).toEqual([
    'srv',
    'web',
  ]);
  expect(result.notice).toBe(
    "Added WFM Daemon 'WFM_Daemon_1'. Connected it to WFM Server 'S1' and WFM Web 'W1'.",
  );
  expect(validate(result.document)).toEqual([]);
});

test('enabling the Management Layer says how many components now need a Message Server', () => {
  const document = site([part('msg', 'message-server', 'L1', 640, 320)], [link('s-m', 'srv', 'msg')]);
  const result = edit(quickFixes(document, problemOf(document, 'management-layer-off'))[0]).apply(document);
  expect(result).toMatchObject({
    ok: true,
    notice: 'Enabled the Management Layer. 1 component now needs a connection to a Message Server.',
  });
  expect(result.document.options).toEqual({ managementLayer: true, scheduledReporting: false });
});

test('a fix is pure: it never changes the document it is given', () => {
  for (const { document, code, subject } of CASES) {
    const copy = structuredClone(document);
    for (const fix of quickFixes(document, problemOf(document, code, subject))) {
      if (fix.kind === 'edit') fix.apply(document);
    }
    expect(document).toEqual(copy);
  }
});

test('a fix that no longer applies changes nothing and says why', () => {
  const document = site([part('b2', 'builder', 'B2', 640, 0)]);
  const fix = edit(quickFixes(document, problemOf(document, 'missing-connection', 'b2'))[0]);
  const later = { ...document, components: document.components.filter((c) => c.id !== 'srv') };
  const result = fix.apply(later);
  expect(result.ok).toBe(false);
  expect(result.document).toBe(later);
  expect(result.notice).toMatch(/no longer|not in the deployment/);
});

// Through the store: one step, a selection, a notice

test('a quick fix is one undo step, even when it adds a component and three connections', () => {
  const document = design([part('bld', 'builder', 'B1'), part('dap', 'dap', 'D1', 0, 320)]);
  const store = createDesignerStore(document);
  const [fix] = quickFixes(document, problemOf(document, 'missing-connection', 'bld'));
  if (!fix) throw new Error('no fix');

  store.getState().applyQuickFix(fix);

  const fixed = store.getState().document;
  expect(fixed.components).toHaveLength(3);
  expect(fixed.connections).toHaveLength(3);
  expect(store.getState().history.past).toEqual([document]);
  store.getState().undo();
  expect(store.getState().document).toBe(document);
  store.getState().redo();
  expect(store.getState().document).toBe(fixed);
});

test('"Connect to" selects the new connection and says what it connected', () => {
  const document = design(
    [part('srv', 'server', 'S1'), part('bld', 'builder', 'B1', 0, -160)],
    [link('s-b', 'srv', 'bld')],
  );
  const store = createDesignerStore(document);
  const fix = quickFixes(document, problemOf(document, 'missing-connection', 'bld'))[0];
  if (!fix) throw new Error('no fix');

  store.getState().applyQuickFix(fix);

  const added = store.getState().document.connections.at(-1);
  expect(added).toMatchObject({ from: 'bld', to: 'srv' });
  expect([...store.getState().selection.connections]).toEqual([added?.id]);
  expect(store.getState().notice).toMatchObject({
    text: "Connected WFM Builder 'B1' to WFM Server 'S1'.",
    tone: 'success',
  });
});

test('"Remove connection" drops the removed connection from the selection', () => {
  const document = site([], [link('b-d', 'bld', 'dap')]);
  const store = createDesignerStore(document);
  store.getState().select({ connections: ['b-d'], components: ['bld'] });
  const fix = quickFixes(document, problemOf(document, 'forbidden-connection'))[0];
  if (!fix) throw new Error('no fix');

  store.getState().applyQuickFix(fix);

  expect(store.getState().document.connections.map((c) => c.id)).not.toContain('b-d');
  expect([...store.getState().selection.components]).toEqual(['bld']);
  expect(store.getState().selection.connections.size).toBe(0);
  expect(store.getState().notice?.text).toBe("Removed the connection from WFM Builder 'B1' to DAP 'D1'.");
});

test('"Rename" selects the component and asks the Inspector to focus its Name, changing nothing', () => {
  const document = site([part('b2', 'builder', 'S1', 640, 0)], [link('b2-s', 'b2', 'srv')]);
  const store = createDesignerStore(document);
  const [fix] = quickFixes(document, problemOf(document, 'duplicate-name'));
  expect(fix).toMatchObject({ kind: 'rename', componentId: 'b2', label: 'Rename' });
  if (!fix) throw new Error('no fix');

  store.getState().applyQuickFix(fix);

  expect([...store.getState().selection.components]).toEqual(['b2']);
  expect(store.getState().focusField).toBe('name');
  expect(store.getState().document).toBe(document);
  expect(store.getState().history.past).toEqual([]);
  store.getState().setFocusField(null);
  expect(store.getState().focusField).toBeNull();
});

test('a stale fix records no step and reports a refusal', () => {
  const document = site([part('b2', 'builder', 'B2', 640, 0)]);
  const fix = quickFixes(document, problemOf(document, 'missing-connection', 'b2'))[0];
  if (!fix) throw new Error('no fix');
  const store = createDesignerStore(document);
  store.getState().deleteElements(['srv'], []);
  const past = store.getState().history.past.length;

  store.getState().applyQuickFix(fix);

  expect(store.getState().history.past).toHaveLength(past);
  expect(store.getState().notice?.tone).toBe('refusal');
});

// Over many designs: every fix of every problem does what it says

/** Checks one fix on one document: the problem goes (or shrinks), and errors appear only where they must. */
function checkFix(document: TopologyDocument, problem: Problem, fix: QuickFix): void {
  const before = errorKeys(document);
  const after = applied(document, fix);
  expect(topologyDocumentSchema.safeParse(after).success).toBe(true);
  const afterProblems = validate(after);
  const still = afterProblems.find((p) => keyOf(p) === keyOf(problem));
  // Removing one of three or more connections to the same kind leaves the cell over full.
  if (problem.code !== 'too-many-connections' || quickFixes(document, problem).length <= 2) {
    expect(still, `${fix.label}: ${problem.message}`).toBeUndefined();
  }
  const added = afterProblems.filter((p) => p.severity === 'error' && !before.has(keyOf(p)));
  if (fix.id === 'enable-management-layer') {
    // Every component that must now log to a Message Server and does not.
    for (const p of added)
      expect(p).toMatchObject({ code: 'missing-connection', targetKind: 'message-server' });
  } else if (fix.id.startsWith('clear-backup:')) {
    // A backup let go is an application of its own: it may now count as a second Daemon or lack
    // its own connections, and only it can.
    // Its own backups, now backups of a primary rather than of a backup, are judged afresh too.
    const freed = fix.id.slice('clear-backup:'.length);
    const judged = new Set([freed, ...after.components.filter((c) => c.backupOf === freed).map((c) => c.id)]);
    for (const p of added) expect(judged.has(problemComponentId(p) ?? ''), fix.label).toBe(true);
  } else if (fix.id.startsWith('add-')) {
    // Only the new component can lack something: a connection with no single obvious target.
    const newIds = new Set(after.components.map((c) => c.id));
    for (const c of document.components) newIds.delete(c.id);
    for (const p of added) expect(newIds.has(problemComponentId(p) ?? '')).toBe(true);
  } else {
    expect(added, fix.label).toEqual([]);
  }
}

test('every fix of every problem in the built-in exercises’ start designs does what it says', () => {
  let checked = 0;
  for (const { start } of BUILT_IN_EXERCISES) {
    for (const problem of validate(start)) {
      for (const fix of quickFixes(start, problem)) {
        checkFix(start, problem, fix);
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(5);
});

test('every fix of every problem of random designs removes it and adds errors only where unavoidable', () => {
  fc.assert(
    fc.property(documentArbitrary, (document) => {
      for (const problem of validate(document)) {
        const fixes = quickFixes(document, problem);
        expect(fixes.length === 0).toBe(CODES_WITHOUT_QUICK_FIX.includes(problem.code));
        for (const fix of fixes) checkFix(document, problem, fix);
      }
    }),
    fixedSeed(300),
  );
});
