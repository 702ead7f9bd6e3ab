import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { CURRENT_VERSION, parseDocument, serializeDocument, type TopologyDocument } from '../document';
import { type ComponentKind, countBySeverity, validate } from '../domain';
import { TEMPLATES } from './catalog';

/** The smallest card the drawing draws (src/drawing may not be imported from here: decision 016). */
const CARD_WIDTH = 200;
const CARD_HEIGHT = 60;

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const FILES = readdirSync(HERE)
  .filter((name) => name.endsWith('.wfm.json'))
  .sort();

function load(id: string): TopologyDocument {
  const entry = TEMPLATES.find((t) => t.id === id);
  if (!entry) throw new Error(`no template ${id}`);
  const result = parseDocument(entry.text);
  if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
  return result.document;
}

function count(document: TopologyDocument, kind: ComponentKind): number {
  return document.components.filter((c) => c.kind === kind).length;
}

function idsOf(document: TopologyDocument, kind: ComponentKind): string[] {
  return document.components.filter((c) => c.kind === kind).map((c) => c.id);
}

function connects(document: TopologyDocument, from: string, to: string): boolean {
  return document.connections.some((c) => c.from === from && c.to === to);
}

/** Every connection as `from kind → to kind`, e.g. `builder → server`. */
function kindPairs(document: TopologyDocument): string[] {
  const kind = new Map(document.components.map((c) => [c.id, c.kind]));
  return document.connections.map((c) => `${kind.get(c.from)} → ${kind.get(c.to)}`).sort();
}

test('the catalog offers the six reference deployments of domain.md section 5, in order', () => {
  expect(TEMPLATES.map((t) => t.title)).toEqual([
    'Minimal single site',
    'Single site with Management Layer',
    'Notifications and scheduled reports',
    'Builder pool',
    'Multi-site with several WFM Servers',
    'Highly available site',
  ]);
});

test('every template has a unique id, a unique title and a description', () => {
  expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  expect(new Set(TEMPLATES.map((t) => t.title.toLowerCase())).size).toBe(TEMPLATES.length);
  for (const template of TEMPLATES) expect(template.description.length).toBeGreaterThan(40);
});

test('every template file is in the catalog, and the catalog holds the text of its file', () => {
  expect(TEMPLATES.map((t) => t.file).sort()).toEqual(FILES);
  for (const template of TEMPLATES) {
    expect(template.text).toBe(readFileSync(join(HERE, template.file), 'utf8'));
  }
});

test.each(TEMPLATES)('$title parses, and writing it again gives its file byte for byte', ({ text }) => {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  const written = serializeDocument(result.document);
  // A template still in an older format version is written as its migration (src/document's
  // migration tests pin that); from then on it is written back byte for byte.
  const version: unknown = JSON.parse(text).version;
  if (version === CURRENT_VERSION) expect(written).toBe(text);
  const again = parseDocument(written);
  expect(again).toEqual(result);
  expect(again.ok && serializeDocument(again.document)).toBe(written);
});

test.each(TEMPLATES)('$title follows the matrix with no error, no warning and no info', ({ id }) => {
  expect(validate(load(id))).toEqual([]);
  expect(countBySeverity(validate(load(id)))).toEqual({ error: 0, warning: 0, info: 0 });
});

test.each(TEMPLATES)('$title is named after its title and places every component', ({ id, title }) => {
  const document = load(id);
  expect(document.name).toBe(title);
  for (const component of document.components) {
    expect(component.position, component.name).toBeDefined();
    expect((component.position?.x ?? 1) % 8, component.name).toBe(0);
    expect((component.position?.y ?? 1) % 8, component.name).toBe(0);
  }
});

test('the command-line validator passes every template with exit code 0', () => {
  const run = spawnSync(
    process.execPath,
    ['bin/wfm-topology.mjs', 'validate', ...FILES.map((file) => relative(ROOT, join(HERE, file)))],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

test('Minimal single site has exactly the components and connections of T1', () => {
  const document = load('minimal-single-site');
  expect(document.components.map((c) => c.kind).sort()).toEqual(
    ['data-aggregator', 'dap', 'db-utility', 'server', 'builder', 'stat-server', 'web'].sort(),
  );
  expect(kindPairs(document)).toEqual(
    [
      'server → builder',
      'server → dap',
      'builder → server',
      'data-aggregator → server',
      'data-aggregator → dap',
      'data-aggregator → stat-server',
      'web → server',
      'db-utility → dap',
    ].sort(),
  );
  expect(document.options ?? {}).not.toMatchObject({ managementLayer: true });
});

test('Single site with Management Layer turns the option on and connects every WFM application to the Message Server', () => {
  const document = load('management-layer');
  expect(document.options?.managementLayer).toBe(true);
  const [message] = idsOf(document, 'message-server');
  expect(message).toBeDefined();
  for (const kind of ['server', 'builder', 'data-aggregator', 'web'] as const) {
    for (const id of idsOf(document, kind)) expect(connects(document, id, message ?? ''), id).toBe(true);
  }
  expect(count(document, 'daemon')).toBe(0);
});

test('Single site with Management Layer draws the Solution Control Server and an LCA on every host of a WFM application', () => {
  const document = load('management-layer');
  expect(count(document, 'scs' as ComponentKind)).toBe(1);
  const hostsOfApplications = new Set(
    document.components
      .filter((c) => ['server', 'builder', 'daemon', 'data-aggregator', 'web'].includes(c.kind))
      .map((c) => c.host),
  );
  expect(hostsOfApplications.size).toBeGreaterThan(1);
  for (const host of document.hosts ?? []) {
    if (hostsOfApplications.has(host.id)) expect(host.lca, host.name).toBe(true);
  }
});

test('Notifications and scheduled reports has one WFM Daemon connected to the WFM Server, WFM Web, Configuration Server and the SMTP server', () => {
  const document = load('notifications-and-reports');
  expect(document.options?.scheduledReporting).toBe(true);
  const daemons = idsOf(document, 'daemon');
  expect(daemons).toHaveLength(1);
  const [daemon = ''] = daemons;
  for (const kind of ['server', 'web', 'config-server', 'smtp-server'] as ComponentKind[]) {
    expect(
      idsOf(document, kind).some((id) => connects(document, daemon, id)),
      kind,
    ).toBe(true);
  }
});

test('Builder pool has three or more WFM Builders, each connected both ways with the WFM Server', () => {
  const document = load('builder-pool');
  const [server = ''] = idsOf(document, 'server');
  const builders = idsOf(document, 'builder');
  expect(builders.length).toBeGreaterThanOrEqual(3);
  for (const builder of builders) {
    expect(connects(document, server, builder), builder).toBe(true);
    expect(connects(document, builder, server), builder).toBe(true);
  }
});

test('Multi-site has two or more WFM Servers that connect to each other, share the DAP and each use a Builder', () => {
  const document = load('multi-site');
  const servers = idsOf(document, 'server');
  expect(servers.length).toBeGreaterThanOrEqual(2);
  expect(servers.some((a) => servers.some((b) => a !== b && connects(document, a, b)))).toBe(true);
  const [dap = ''] = idsOf(document, 'dap');
  for (const server of servers) {
    expect(connects(document, server, dap), server).toBe(true);
    expect(idsOf(document, 'builder').some((builder) => connects(document, server, builder))).toBe(true);
  }
  expect(document.components.filter((c) => c.etl === true).length).toBeLessThanOrEqual(1);
});

test('Highly available site is T6: a warm backup WFM Server, a hot backup Data Aggregator, two WFM Web behind a load balancer, in zones', () => {
  const document = load('highly-available');
  const byId = new Map(document.components.map((c) => [c.id, c]));
  const backupOf = (kind: ComponentKind) =>
    document.components.filter((c) => c.kind === kind && c.backupOf && byId.get(c.backupOf)?.kind === kind);
  expect(backupOf('server').map((c) => c.standby)).toEqual(['warm']);
  expect(backupOf('data-aggregator').map((c) => c.standby)).toEqual(['hot']);
  expect(count(document, 'builder')).toBeGreaterThanOrEqual(3);
  const webs = idsOf(document, 'web');
  expect(webs).toHaveLength(2);
  const [balancer = ''] = idsOf(document, 'load-balancer' as ComponentKind);
  for (const web of webs) expect(connects(document, balancer, web), web).toBe(true);
  expect(document.zones?.length).toBeGreaterThanOrEqual(2);
  // A backup and its primary run on different hosts.
  for (const backup of document.components.filter((c) => c.backupOf)) {
    expect(backup.host).not.toBe(byId.get(backup.backupOf ?? '')?.host);
  }
});

test.each(TEMPLATES)(
  '$title is a version-2 file: every component on a host whose stored box holds its card',
  ({ id, text }) => {
    expect(JSON.parse(text).version).toBe(2);
    const document = load(id);
    const hosts = new Map((document.hosts ?? []).map((h) => [h.id, h]));
    for (const component of document.components) {
      const host = hosts.get(component.host ?? '');
      if (!host?.position || !host.size || !component.position)
        throw new Error(`${component.name} has no placed host`);
      expect(component.position.x, component.name).toBeGreaterThanOrEqual(host.position.x);
      expect(component.position.y, component.name).toBeGreaterThanOrEqual(host.position.y);
      expect(component.position.x + CARD_WIDTH, component.name).toBeLessThanOrEqual(
        host.position.x + host.size.width,
      );
      expect(component.position.y + CARD_HEIGHT, component.name).toBeLessThanOrEqual(
        host.position.y + host.size.height,
      );
    }
    const zones = new Map((document.zones ?? []).map((z) => [z.id, z]));
    for (const host of document.hosts ?? []) {
      const zone = host.zone === undefined ? undefined : zones.get(host.zone);
      if (!zone) continue;
      expect(host.position?.x ?? 0).toBeGreaterThanOrEqual(zone.position?.x ?? Number.POSITIVE_INFINITY);
      expect((host.position?.y ?? 0) + (host.size?.height ?? 0)).toBeLessThanOrEqual(
        (zone.position?.y ?? 0) + (zone.size?.height ?? 0),
      );
    }
  },
);
