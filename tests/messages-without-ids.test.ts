import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { generateDocument } from '../bench/generate';
import { parseDocument, type TopologyDocument } from '../src/document';
import {
  createConnectionJudge,
  explainDeployment,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  validate,
} from '../src/domain';
import { BUILT_IN_EXERCISES } from '../src/exercises';
import { importBytes } from '../src/export/import-file';
import { quickFixes } from '../src/store/quick-fixes';
import { TEMPLATES } from '../src/templates/catalog';
import { caseBytes } from './adversarial/corpus';
import { ADVERSARIAL_CASES } from './adversarial/manifest';

// Issue 12, item 7: a user reads component names, never ids. Every message a user sees about a
// deployment (its problems, the explanation, the connection refusals, the quick fixes' labels and
// notices) is checked over every document the tests know, and over the same documents with opaque
// ids, so that an id which happens to look like a name cannot hide a message that prints ids.
// File refusals (parse errors quoting a value from the file) are another matter, not checked here.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Past this many components, refusals are asked for the first ones only (pairs grow as a square). */
const PAIRS_UP_TO = 40;

function parsed(text: string, where: string): TopologyDocument {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(`${where}: ${result.error.message}`);
  return result.document;
}

function filesIn(folder: string): [string, TopologyDocument][] {
  return readdirSync(join(ROOT, folder))
    .filter((file) => file.endsWith('.wfm.json'))
    .map((file) => [`${folder}/${file}`, parsed(readFileSync(join(ROOT, folder, file), 'utf8'), file)]);
}

function adversarialAccepted(): [string, TopologyDocument][] {
  return ADVERSARIAL_CASES.filter((entry) => entry.expected.outcome === 'accepted').map((entry) => {
    const result = importBytes(caseBytes(entry), entry.file);
    if (!result.ok) throw new Error(`${entry.file}: ${result.error.message}`);
    return [`adversarial ${entry.file}`, result.document];
  });
}

/** A document that breaks every rule of rules.md section 4, each with a component or connection to name. */
function everyProblem(options: TopologyDocument['options']): TopologyDocument {
  const c = (
    id: string,
    kind: TopologyDocument['components'][number]['kind'],
    name: string,
    etl?: boolean,
  ) => (etl ? { id, kind, name, etl } : { id, kind, name });
  return {
    format: 'wfm-topology',
    version: 2,
    options,
    components: [
      c('srv-a', 'server', 'London_Server', true),
      c('srv-b', 'server', 'Leeds_Server', true),
      c('bld-a', 'builder', 'Builder_North'),
      c('bld-b', 'builder', 'Builder_South'),
      c('dmn-a', 'daemon', 'Notifier'),
      c('dmn-b', 'daemon', 'Notifier_Two'),
      c('web-a', 'web', 'Portal'),
      c('dap-a', 'dap', 'Database'),
      c('dap-b', 'dap', 'database'),
      c('msg-a', 'message-server', 'Logs'),
      c('stat-a', 'stat-server', 'Statistics'),
      c('util-a', 'db-utility', 'Backups'),
    ],
    connections: [
      { id: 'c-1', from: 'bld-a', to: 'srv-a' },
      { id: 'c-2', from: 'bld-a', to: 'srv-b' },
      { id: 'c-3', from: 'bld-a', to: 'srv-a' },
      { id: 'c-4', from: 'web-a', to: 'web-a' },
      { id: 'c-5', from: 'bld-b', to: 'stat-a' },
      { id: 'c-6', from: 'web-a', to: 'msg-a', security: 'tls' },
      { id: 'c-7', from: 'dmn-a', to: 'srv-a', security: 'mutual-tls' },
      { id: 'c-8', from: 'srv-a', to: 'dap-a' },
    ],
  };
}

type Component = TopologyDocument['components'][number];

/**
 * A version-2 document that breaks every rule of rules.md section 11, and a host's `duplicate-name`
 * (section 9), each with a host, component or connection to name. Under `wfm-8.5.1` a WFM Server
 * backup is `ha-unsupported` too.
 */
function everyVersion2Problem(ruleset: TopologyDocument['ruleset']): TopologyDocument {
  const c = (
    id: string,
    kind: Component['kind'],
    name: string,
    more: Partial<Component> = {},
  ): Component => ({
    id,
    kind,
    name,
    ...more,
  });
  return {
    format: 'wfm-topology',
    version: 2,
    ruleset,
    options: { managementLayer: true },
    hosts: [
      { id: 'h-a', name: 'app_london', lca: true, certificate: true },
      { id: 'h-b', name: 'app_leeds' },
      { id: 'h-c', name: 'APP_LONDON ' },
    ],
    components: [
      c('srv-a', 'server', 'London_Server', { host: 'h-a', port: 7000 }),
      c('srv-b', 'server', 'Standby_Server', { host: 'h-b', backupOf: 'srv-a', standby: 'warm' }),
      c('bld-a', 'builder', 'Builder_North', { host: 'h-a', port: 7000 }),
      c('bld-b', 'builder', 'Builder_Spare', { host: 'h-b', backupOf: 'bld-a', standby: 'warm' }),
      c('da-a', 'data-aggregator', 'Aggregator', { host: 'h-b' }),
      c('da-b', 'data-aggregator', 'Aggregator_Standby', { backupOf: 'da-a', standby: 'hot' }),
      c('da-c', 'data-aggregator', 'Aggregator_Third', { backupOf: 'da-a', standby: 'hot' }),
      c('dap-a', 'dap', 'Database', { host: 'h-a', port: 4999 }),
      c('stat-a', 'stat-server', 'Statistics'),
      c('stat-b', 'stat-server', 'Statistics_Two'),
      c('msg-a', 'message-server', 'Logs'),
      c('lb-a', 'load-balancer', 'Web_Front', { host: 'h-a', port: 4999 }),
      c('web-a', 'web', 'Portal'),
    ],
    connections: [
      { id: 'c-1', from: 'srv-a', to: 'bld-a', security: 'mutual-tls' },
      { id: 'c-2', from: 'bld-a', to: 'srv-a', security: 'tls' },
      { id: 'c-3', from: 'srv-a', to: 'dap-a' },
      { id: 'c-4', from: 'srv-a', to: 'da-a' },
      { id: 'c-5', from: 'srv-a', to: 'da-b', security: 'tls' },
      { id: 'c-6', from: 'da-a', to: 'srv-a' },
      { id: 'c-7', from: 'da-a', to: 'dap-a' },
      { id: 'c-8', from: 'da-a', to: 'stat-a' },
      { id: 'c-9', from: 'da-b', to: 'srv-a' },
      { id: 'c-10', from: 'da-b', to: 'dap-a' },
      { id: 'c-11', from: 'da-b', to: 'stat-b' },
      { id: 'c-12', from: 'srv-a', to: 'msg-a' },
      { id: 'c-13', from: 'lb-a', to: 'web-a' },
      { id: 'c-14', from: 'web-a', to: 'srv-a' },
      { id: 'c-15', from: 'srv-b', to: 'bld-a' },
    ],
  };
}

/**
 * The same document with every host, component and connection id replaced by one no message could
 * contain by chance, and every reference to them (`host`, `backupOf`, `from`, `to`) following.
 */
function withOpaqueIds(document: TopologyDocument): TopologyDocument {
  const ids = new Map<string, string>();
  const opaque = (id: string) => {
    let found = ids.get(id);
    if (!found) {
      found = `q${ids.size.toString(36)}x${(ids.size * 7919 + 104729).toString(36)}`;
      ids.set(id, found);
    }
    return found;
  };
  const host = (id: string) => opaque(`host ${id}`);
  return {
    ...document,
    ...(document.hosts ? { hosts: document.hosts.map((h) => ({ ...h, id: host(h.id) })) } : {}),
    components: document.components.map((c) => ({
      ...c,
      id: opaque(c.id),
      ...(c.host === undefined ? {} : { host: host(c.host) }),
      ...(c.backupOf === undefined ? {} : { backupOf: opaque(c.backupOf) }),
    })),
    connections: document.connections.map((c) => ({
      ...c,
      id: opaque(`connection ${c.id}`),
      from: opaque(c.from),
      to: opaque(c.to),
    })),
  };
}

const BASE: [string, TopologyDocument][] = [
  ...filesIn('examples'),
  ...TEMPLATES.map((t): [string, TopologyDocument] => [`template ${t.id}`, parsed(t.text, t.file)]),
  ...BUILT_IN_EXERCISES.map((e): [string, TopologyDocument] => [`exercise ${e.id} (start)`, e.start]),
  ...filesIn('src/exercises/solutions'),
  ...adversarialAccepted(),
  ['every problem, options off', everyProblem({ managementLayer: false, scheduledReporting: false })],
  ['every problem, options on', everyProblem({ managementLayer: true, scheduledReporting: true })],
  [
    'scheduled reporting without a WFM Daemon',
    { ...everyProblem({ scheduledReporting: true }), components: [], connections: [] },
  ],
  ['every version-2 problem', everyVersion2Problem('wfm-8.5.2')],
  ['every version-2 problem, WFM 8.5.1', everyVersion2Problem('wfm-8.5.1')],
  ['generated site (ids unlike names)', generateDocument(200).document],
];

const CORPUS: [string, TopologyDocument][] = [
  ...BASE,
  ...BASE.map(([name, document]): [string, TopologyDocument] => [
    `${name}, opaque ids`,
    withOpaqueIds(document),
  ]),
];

interface UserText {
  readonly text: string;
  /** The document the text speaks of: a fix's notice speaks of the document the fix made. */
  readonly about: TopologyDocument;
}

/** Every text a user may read about the document: problems, explanation, refusals, fixes. */
function userTexts(document: TopologyDocument, problems: readonly Problem[]): UserText[] {
  const texts = problems.map((problem) => problem.message);
  for (const section of explainDeployment(document, problems))
    texts.push(section.heading, ...section.sentences);
  const judge = createConnectionJudge(document);
  const ends = document.components.slice(0, PAIRS_UP_TO);
  for (const from of ends) for (const to of ends) texts.push(judge.canConnect(from.id, to.id).message);
  const notices: UserText[] = [];
  for (const problem of problems) {
    for (const fix of quickFixes(document, problem)) {
      texts.push(fix.label);
      if (fix.kind !== 'edit') continue;
      const result = fix.apply(document);
      const about = {
        ...result.document,
        hosts: [...(document.hosts ?? []), ...(result.document.hosts ?? [])],
        components: [...document.components, ...result.document.components],
        connections: [...document.connections, ...result.document.connections],
      };
      notices.push({ text: result.notice, about });
    }
  }
  return [...[...new Set(texts)].map((text) => ({ text, about: document })), ...notices];
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A finder of the document's ids (hosts', components' and connections') that a text spells out as
 * a word of its own, leaving out the ids inside a component's or host's name: there the name is
 * speaking, not the id.
 */
function idFinder(document: TopologyDocument): (text: string) => string[] {
  const hosts = document.hosts ?? [];
  const names = [...document.components, ...hosts].map((c) => c.name);
  const ids = [
    ...new Set([...hosts, ...document.components, ...document.connections].map((c) => c.id)),
  ].filter((id) => !names.some((name) => name.includes(id)));
  if (ids.length === 0) return () => [];
  const alternatives = ids.sort((a, b) => b.length - a.length).map(escaped);
  const pattern = new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'g');
  return (text) => [...new Set(text.match(pattern) ?? [])].sort();
}

test('the corpus covers every problem code, so every message builder is read', () => {
  const seen = new Set<ProblemCode>(CORPUS.flatMap(([, document]) => validate(document).map((p) => p.code)));
  expect(PROBLEM_CODES.filter((code) => !seen.has(code))).toEqual([]);
});

test('the version-2 documents give every code of rules.md section 11 and a host problem themselves', () => {
  const problems = [everyVersion2Problem('wfm-8.5.2'), everyVersion2Problem('wfm-8.5.1')].flatMap(
    (document) => validate(document),
  );
  const section11: ProblemCode[] = [
    'ha-unsupported',
    'ha-invalid-pair',
    'ha-mismatch',
    'ha-backup-target',
    'port-conflict',
    'missing-lca',
    'tls-no-certificate',
    'tls-mutual-auth',
  ];
  const seen = new Set(problems.map((problem) => problem.code));
  expect(section11.filter((code) => !seen.has(code))).toEqual([]);
  expect(problems.filter((p) => 'hostId' in p).map((p) => p.code)).toEqual(
    expect.arrayContaining(['duplicate-name', 'missing-lca']),
  );
});

test('the check itself finds an id that a message spells out', () => {
  const document = everyProblem({});
  const idsIn = idFinder(document);
  expect(idsIn("connection 'c-3' repeats 'c-1'")).toEqual(['c-1', 'c-3']);
  expect(idsIn("Builder 'Builder_North' (bld-a)")).toEqual(['bld-a']);
  expect(idsIn("Builder 'Builder_North' (bld-ab, xc-1)")).toEqual([]);
  // An id inside a component's name is the name speaking, not the id.
  const port = idFinder({ ...document, connections: [{ id: 'Port', from: 'web-a', to: 'srv-a' }] });
  expect(port("WFM Web 'Portal' and the Port")).toEqual([]);
  // Host ids are ids too, and a host's name speaks like a component's.
  const hosts = idFinder(everyVersion2Problem('wfm-8.5.2'));
  expect(hosts("Host 'app_leeds' (h-b)")).toEqual(['h-b']);
  expect(hosts("Host 'app_leeds' runs WFM Server 'Standby_Server'")).toEqual([]);
});

test.each(CORPUS)('no message about "%s" names a component or connection by its id', (_name, document) => {
  const problems = validate(document);
  const finders = new Map<TopologyDocument, (text: string) => string[]>();
  const leaks = userTexts(document, problems).flatMap(({ text, about }) => {
    let idsIn = finders.get(about);
    if (!idsIn) {
      idsIn = idFinder(about);
      finders.set(about, idsIn);
    }
    return idsIn(text).map((id) => `${id} in: ${text}`);
  });
  expect(leaks).toEqual([]);
});
