// Writes the version-2 templates of src/templates/ from the deployments below (domain.md section
// 5): positions, container boxes and routes from Tidy up's layout (src/drawing/elk-layout.ts). Run: npx tsx scripts/write-templates.ts
// The files carry a clean `validation` block: src/templates/templates.test.ts proves it true.
import { writeFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { serializeDocument, type TopologyDocument } from '../src/document';
import { applyLayout } from '../src/drawing';
import { elkLayout } from '../src/drawing/elk-layout';

type Doc = Omit<TopologyDocument, 'format' | 'version'>;
type C = TopologyDocument['components'][number];

const elk = new ELK({ algorithms: ['layered'] });

async function place(doc: Doc, notes: readonly string[] = []): Promise<TopologyDocument> {
  const document: TopologyDocument = { format: 'wfm-topology', version: 2, ...doc };
  // Tidy up's layout, routes and container boxes included, so a template is already tidy: Tidy
  // up leaves it where it is.
  const laidOut = applyLayout(document, await elkLayout(elk, document));
  const boxes = [
    ...(laidOut.zones ?? []).map((z) => ({ ...z.position, ...z.size })),
    ...(laidOut.hosts ?? []).filter((h) => h.zone === undefined).map((h) => ({ ...h.position, ...h.size })),
  ] as { x: number; y: number; width: number; height: number }[];
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + 48;
  const top = Math.min(...boxes.map((b) => b.y));
  return {
    ...laidOut,
    annotations: notes.map((text, i) => ({
      id: `note-${i + 1}`,
      text,
      position: { x: Math.ceil(right / 8) * 8, y: Math.round(top / 8) * 8 + i * 160 },
    })),
  };
}

const CLEAN = { ruleset: 'wfm-8.5.2', valid: true, counts: { error: 0, warning: 0, info: 0 }, problems: [] };

async function write(file: string, pending: Promise<TopologyDocument>): Promise<void> {
  const document = await pending;
  const json = JSON.parse(serializeDocument(document, { includeValidation: false }));
  writeFileSync(`src/templates/${file}`, `${JSON.stringify({ ...json, validation: CLEAN }, null, 2)}\n`);
}

const host = (
  id: string,
  name: string,
  extra: Partial<NonNullable<TopologyDocument['hosts']>[number]> = {},
) => ({
  id,
  name,
  address: `${name}.example.com`,
  ...extra,
});
const link = (
  n: number,
  from: string,
  to: string,
  extra: Partial<TopologyDocument['connections'][number]> = {},
) => ({
  id: `c-${n}`,
  from,
  to,
  security: 'none' as const,
  ...extra,
});
const DAP_NOTE = 'The WFM database (Microsoft SQL Server, database wfm).';

/** T1's components, on the hosts T1 names. */
function t1(): C[] {
  return [
    {
      id: 'srv-1',
      kind: 'server',
      name: 'WFM_Server',
      host: 'h-app1',
      port: 7000,
      etl: false,
      notes: 'Hosts the Locator service.',
    },
    { id: 'bld-1', kind: 'builder', name: 'WFM_Builder', host: 'h-app1', port: 7010 },
    { id: 'da-1', kind: 'data-aggregator', name: 'WFM_Data_Aggregator', host: 'h-app1', port: 7020 },
    { id: 'web-1', kind: 'web', name: 'WFM_Web', host: 'h-web1', port: 8080 },
    { id: 'dap-1', kind: 'dap', name: 'WFM_DAP', host: 'h-db1', port: 1433, notes: DAP_NOTE },
    { id: 'stat-1', kind: 'stat-server', name: 'StatServer_WFM', host: 'h-stat1', port: 3020 },
    {
      id: 'bru-1',
      kind: 'db-utility',
      name: 'WFM_Database_Utility',
      host: 'h-app1',
      notes: 'The Backup-Restore Utility.',
    },
  ];
}
const T1_LINKS = [
  ['srv-1', 'bld-1'],
  ['srv-1', 'dap-1'],
  ['bld-1', 'srv-1'],
  ['da-1', 'srv-1'],
  ['da-1', 'dap-1'],
  ['da-1', 'stat-1'],
  ['web-1', 'srv-1'],
  ['bru-1', 'dap-1'],
] as const;
const t1Links = () => T1_LINKS.map(([from, to], i) => link(i + 1, from, to));
const T1_HOSTS = (lca: boolean) => [
  host('h-app1', 'wfm-app01', lca ? { lca: true } : {}),
  host('h-web1', 'wfm-web01', lca ? { lca: true } : {}),
  host('h-db1', 'wfm-db01'),
  host('h-stat1', 'stat01'),
];

await write(
  'minimal-single-site.wfm.json',
  place({
    name: 'Minimal single site',
    ruleset: 'wfm-8.5.2',
    options: { managementLayer: false, scheduledReporting: false },
    hosts: T1_HOSTS(false),
    components: t1(),
    connections: t1Links(),
  }),
);

await write(
  'management-layer.wfm.json',
  place(
    {
      name: 'Single site with Management Layer',
      ruleset: 'wfm-8.5.2',
      options: { managementLayer: true, scheduledReporting: false },
      hosts: [...T1_HOSTS(true), host('h-mgmt1', 'mgmt01', { lca: true })],
      components: [
        ...t1(),
        {
          id: 'msg-1',
          kind: 'message-server',
          name: 'MessageServer',
          host: 'h-mgmt1',
          port: 4020,
          notes: 'Management Layer log and alarm server.',
        },
        {
          id: 'scs-1',
          kind: 'scs' as C['kind'],
          name: 'SCS_WFM',
          host: 'h-mgmt1',
          port: 4010,
          notes: 'Named in the WFM Solution object.',
        },
      ],
      connections: [
        ...t1Links(),
        link(9, 'srv-1', 'msg-1'),
        link(10, 'bld-1', 'msg-1'),
        link(11, 'da-1', 'msg-1'),
        link(12, 'web-1', 'msg-1'),
        link(13, 'scs-1', 'msg-1', { label: 'alarms' }),
      ],
    },
    [
      'The WFM Solution object names SCS_WFM. It starts and watches each WFM application through the LCA of its host (port 4999).',
    ],
  ),
);

await write(
  'notifications-and-reports.wfm.json',
  place({
    name: 'Notifications and scheduled reports',
    ruleset: 'wfm-8.5.2',
    options: { managementLayer: false, scheduledReporting: true },
    hosts: [...T1_HOSTS(false), host('h-cfg1', 'cfg01'), host('h-mail1', 'smtp')],
    components: [
      ...t1(),
      {
        id: 'dmn-1',
        kind: 'daemon',
        name: 'WFM_Daemon',
        host: 'h-app1',
        port: 7030,
        notes: 'Sends e-mail notifications and runs the Report Scheduler through WFM_Web.',
      },
      { id: 'cfg-1', kind: 'config-server' as C['kind'], name: 'confserv', host: 'h-cfg1', port: 2020 },
      { id: 'smtp-1', kind: 'smtp-server' as C['kind'], name: 'SMTP_Relay', host: 'h-mail1', port: 25 },
    ],
    connections: [
      ...t1Links(),
      link(9, 'dmn-1', 'srv-1'),
      link(10, 'dmn-1', 'web-1', { label: 'Report Scheduler' }),
      link(11, 'dmn-1', 'cfg-1', { label: 'authentication' }),
      link(12, 'dmn-1', 'smtp-1', { label: 'notifications' }),
    ],
  }),
);

await write(
  'builder-pool.wfm.json',
  place({
    name: 'Builder pool',
    ruleset: 'wfm-8.5.2',
    options: { managementLayer: false, scheduledReporting: false },
    hosts: [
      ...T1_HOSTS(false),
      host('h-bld1', 'wfm-bld01'),
      host('h-bld2', 'wfm-bld02'),
      host('h-bld3', 'wfm-bld03'),
    ],
    components: [
      ...t1()
        .filter((c) => c.id !== 'bld-1')
        .map((c) =>
          c.id === 'srv-1'
            ? { ...c, notes: 'Hosts the Locator service; hands schedule builds to the Builder pool.' }
            : c,
        ),
      { id: 'bld-1', kind: 'builder', name: 'WFM_Builder_1', host: 'h-bld1', port: 7010 },
      { id: 'bld-2', kind: 'builder', name: 'WFM_Builder_2', host: 'h-bld2', port: 7010 },
      { id: 'bld-3', kind: 'builder', name: 'WFM_Builder_3', host: 'h-bld3', port: 7010 },
    ],
    connections: [
      link(1, 'srv-1', 'bld-1'),
      link(2, 'srv-1', 'bld-2'),
      link(3, 'srv-1', 'bld-3'),
      link(4, 'srv-1', 'dap-1'),
      link(5, 'bld-1', 'srv-1'),
      link(6, 'bld-2', 'srv-1'),
      link(7, 'bld-3', 'srv-1'),
      link(8, 'da-1', 'srv-1'),
      link(9, 'da-1', 'dap-1'),
      link(10, 'da-1', 'stat-1'),
      link(11, 'web-1', 'srv-1'),
      link(12, 'bru-1', 'dap-1'),
    ],
  }),
);

await write(
  'multi-site.wfm.json',
  place({
    name: 'Multi-site with several WFM Servers',
    ruleset: 'wfm-8.5.2',
    options: { managementLayer: false, scheduledReporting: false },
    zones: [
      { id: 'z-lon', name: 'London' },
      { id: 'z-chi', name: 'Chicago' },
    ],
    hosts: [
      host('h-lon1', 'wfm-lon01', { zone: 'z-lon' }),
      host('h-web1', 'wfm-web01', { zone: 'z-lon' }),
      host('h-db1', 'wfm-db01', { zone: 'z-lon' }),
      host('h-stat1', 'stat01', { zone: 'z-lon' }),
      host('h-chi1', 'wfm-chi01', { zone: 'z-chi' }),
    ],
    components: [
      {
        id: 'srv-1',
        kind: 'server',
        name: 'WFM_Server_London',
        host: 'h-lon1',
        port: 7000,
        etl: true,
        notes: 'Sites: London, Dublin. Locator host for WFM Web; the one ETL server.',
      },
      {
        id: 'srv-2',
        kind: 'server',
        name: 'WFM_Server_Chicago',
        host: 'h-chi1',
        port: 7000,
        etl: false,
        notes: 'Sites: Chicago, Toronto.',
      },
      { id: 'bld-1', kind: 'builder', name: 'WFM_Builder_London', host: 'h-lon1', port: 7010 },
      { id: 'bld-2', kind: 'builder', name: 'WFM_Builder_Chicago', host: 'h-chi1', port: 7010 },
      { id: 'da-1', kind: 'data-aggregator', name: 'WFM_Data_Aggregator', host: 'h-lon1', port: 7020 },
      {
        id: 'web-1',
        kind: 'web',
        name: 'WFM_Web',
        host: 'h-web1',
        port: 8080,
        notes: 'Connects to the Locator host, WFM_Server_London.',
      },
      { id: 'dap-1', kind: 'dap', name: 'WFM_DAP', host: 'h-db1', port: 1433, notes: DAP_NOTE },
      { id: 'stat-1', kind: 'stat-server', name: 'StatServer_WFM', host: 'h-stat1', port: 3020 },
      {
        id: 'bru-1',
        kind: 'db-utility',
        name: 'WFM_Database_Utility',
        host: 'h-lon1',
        notes: 'The Backup-Restore Utility.',
      },
    ],
    connections: [
      link(1, 'srv-1', 'srv-2', { label: 'cross-site schedules' }),
      link(2, 'srv-2', 'srv-1', { label: 'cross-site schedules' }),
      link(3, 'srv-1', 'bld-1'),
      link(4, 'srv-2', 'bld-2'),
      link(5, 'bld-1', 'srv-1'),
      link(6, 'bld-2', 'srv-2'),
      link(7, 'srv-1', 'dap-1'),
      link(8, 'srv-2', 'dap-1'),
      link(9, 'da-1', 'srv-1'),
      link(10, 'srv-2', 'da-1'),
      link(11, 'da-1', 'dap-1'),
      link(12, 'da-1', 'stat-1'),
      link(13, 'web-1', 'srv-1'),
      link(14, 'bru-1', 'dap-1'),
    ],
  }),
);

await write(
  'highly-available.wfm.json',
  place(
    {
      name: 'Highly available site',
      ruleset: 'wfm-8.5.2',
      options: { managementLayer: false, scheduledReporting: false },
      zones: [
        { id: 'z-dmz', name: 'DMZ' },
        { id: 'z-dc', name: 'London DC' },
      ],
      hosts: [
        host('h-lb1', 'lb01', { zone: 'z-dmz' }),
        host('h-web1', 'wfm-web01', { zone: 'z-dmz' }),
        host('h-web2', 'wfm-web02', { zone: 'z-dmz' }),
        host('h-app1', 'wfm-app01', { zone: 'z-dc', certificate: true }),
        host('h-app2', 'wfm-app02', { zone: 'z-dc', certificate: true }),
        host('h-bld1', 'wfm-bld01', { zone: 'z-dc' }),
        host('h-db1', 'wfm-db01', { zone: 'z-dc' }),
        host('h-stat1', 'stat01', { zone: 'z-dc' }),
      ],
      components: [
        {
          id: 'srv-1',
          kind: 'server',
          name: 'WFM_Server',
          host: 'h-app1',
          port: 7000,
          notes: 'Hosts the Locator service; every client lists it, not its backup.',
        },
        {
          id: 'srv-2',
          kind: 'server',
          name: 'WFM_Server_backup',
          host: 'h-app2',
          port: 7000,
          backupOf: 'srv-1',
          standby: 'warm',
        },
        { id: 'bld-1', kind: 'builder', name: 'WFM_Builder_1', host: 'h-app1', port: 7010 },
        { id: 'bld-2', kind: 'builder', name: 'WFM_Builder_2', host: 'h-app2', port: 7010 },
        { id: 'bld-3', kind: 'builder', name: 'WFM_Builder_3', host: 'h-bld1', port: 7010 },
        { id: 'da-1', kind: 'data-aggregator', name: 'WFM_Data_Aggregator', host: 'h-app1', port: 7020 },
        {
          id: 'da-2',
          kind: 'data-aggregator',
          name: 'WFM_Data_Aggregator_backup',
          host: 'h-app2',
          port: 7020,
          backupOf: 'da-1',
          standby: 'hot',
        },
        { id: 'web-1', kind: 'web', name: 'WFM_Web_1', host: 'h-web1', port: 8080 },
        { id: 'web-2', kind: 'web', name: 'WFM_Web_2', host: 'h-web2', port: 8080 },
        { id: 'lb-1', kind: 'load-balancer' as C['kind'], name: 'WFM_Web_LB', host: 'h-lb1', port: 443 },
        { id: 'dap-1', kind: 'dap', name: 'WFM_DAP', host: 'h-db1', port: 1433, notes: DAP_NOTE },
        { id: 'stat-1', kind: 'stat-server', name: 'StatServer_WFM', host: 'h-stat1', port: 3020 },
        {
          id: 'bru-1',
          kind: 'db-utility',
          name: 'WFM_Database_Utility',
          host: 'h-app1',
          notes: 'The Backup-Restore Utility.',
        },
      ],
      connections: [
        link(1, 'srv-1', 'bld-1'),
        link(2, 'srv-1', 'bld-2'),
        link(3, 'srv-1', 'bld-3'),
        link(4, 'srv-1', 'dap-1'),
        link(5, 'srv-2', 'bld-1'),
        link(6, 'srv-2', 'bld-2'),
        link(7, 'srv-2', 'bld-3'),
        link(8, 'srv-2', 'dap-1'),
        link(9, 'bld-1', 'srv-1', { security: 'tls' }),
        link(10, 'bld-2', 'srv-1', { security: 'tls' }),
        link(11, 'bld-3', 'srv-1', { security: 'tls' }),
        link(12, 'da-1', 'srv-1', { security: 'tls' }),
        link(13, 'da-1', 'dap-1'),
        link(14, 'da-1', 'stat-1'),
        link(15, 'da-2', 'srv-1', { security: 'tls' }),
        link(16, 'da-2', 'dap-1'),
        link(17, 'da-2', 'stat-1'),
        link(18, 'web-1', 'srv-1'),
        link(19, 'web-2', 'srv-1'),
        link(20, 'lb-1', 'web-1', { label: 'HTTPS' }),
        link(21, 'lb-1', 'web-2', { label: 'HTTPS' }),
        link(22, 'bru-1', 'dap-1'),
      ],
    },
    [
      'WFM_Server_backup takes over in warm standby (WFM 8.5.2 and later); WFM_Data_Aggregator_backup reads the same statistics and writes from where WFM_Data_Aggregator stopped (hot standby).',
      'WFM Web has no backup of its own: two instances behind the load balancer, each connected to the WFM Server.',
    ],
  ),
);
