import { expect, test } from 'vitest';
import singleSiteFile from '../../examples/single-site.wfm.json';
import { type ExplanationSection, explainDeployment } from './explain-deployment';
import { isComponentKind } from './kinds';
import { SECURITY_LEVELS, type Topology, type TopologyComponent, type TopologyConnection } from './model';
import { comp, conn, doc, healthyDoc } from './test-builders';

/** The example file as the rules read it; a kind or security the domain does not know fails the test. */
function topologyOf(file: typeof singleSiteFile): Topology {
  return {
    options: file.options,
    components: file.components.map((c): TopologyComponent => {
      if (!isComponentKind(c.kind)) throw new Error(`unknown kind ${c.kind}`);
      return { id: c.id, kind: c.kind, name: c.name, etl: c.etl };
    }),
    connections: file.connections.map(
      (c): TopologyConnection => ({
        id: c.id,
        from: c.from,
        to: c.to,
        security: SECURITY_LEVELS.find((level) => level === c.security),
      }),
    ),
  };
}

function section(sections: readonly ExplanationSection[], heading: string): string[] {
  const found = sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section "${heading}" in ${sections.map((s) => s.heading).join(', ')}`);
  return found.sentences;
}

function headings(sections: readonly ExplanationSection[]): string[] {
  return sections.map((s) => s.heading);
}

const singleSite = topologyOf(singleSiteFile);

test('an empty deployment says it is empty and explains only the options', () => {
  const sections = explainDeployment(doc([]));
  expect(headings(sections)).toEqual(['Overview', 'Options']);
  expect(section(sections, 'Overview')).toEqual([
    'The deployment is empty: it has no components yet. Start with a WFM Server: every other WFM component connects to it.',
  ]);
  expect(section(sections, 'Options')).toEqual([
    'The Management Layer is off, so no WFM application needs a Message Server.',
    'Scheduled reporting is off, so a WFM Daemon and its connection to WFM Web are optional.',
  ]);
});

test('the single-site example is explained section by section, naming every component', () => {
  const sections = explainDeployment(singleSite);
  expect(headings(sections)).toEqual([
    'Overview',
    'WFM Servers',
    'Schedule building',
    'Statistics',
    'Database',
    'Web, notifications and reports',
    'Hosts and zones',
    'Security',
    'Options',
    'ETL',
    'What is missing',
  ]);
  expect(section(sections, 'Overview').slice(0, 2)).toEqual([
    'This deployment has 8 components and 11 connections: 1 WFM Server, 1 WFM Builder, 1 WFM Daemon, 1 WFM Data Aggregator, 1 WFM Web, 1 WFM Database Utility, 1 DAP and 1 Stat Server.',
    // Its two TLS connections name no Host with a certificate (tls-no-certificate, rules.md section 11).
    'It is valid: it follows the component connections matrix, with 2 warnings.',
  ]);
  expect(section(sections, 'WFM Servers')).toEqual([
    "There is one WFM Server: WFM Server 'WFM_Server'.",
    "WFM Server 'WFM_Server' serves WFM Builder 'WFM_Builder', WFM Data Aggregator 'WFM_Data_Aggregator', WFM Web 'WFM_Web' and WFM Daemon 'WFM_Daemon', which connect to it.",
  ]);
  expect(section(sections, 'Schedule building')).toEqual([
    "WFM Server 'WFM_Server' uses WFM Builder 'WFM_Builder' to build schedules.",
  ]);
  expect(section(sections, 'Statistics')[0]).toBe(
    "WFM Data Aggregator 'WFM_Data_Aggregator' reads statistics from Stat Server 'Stat_Server' and writes them into the WFM database through DAP 'WFM_DAP'.",
  );
  expect(section(sections, 'Database')).toEqual([
    "DAP 'WFM_DAP' stands for the WFM database; WFM Server 'WFM_Server', WFM Data Aggregator 'WFM_Data_Aggregator' and WFM Database Utility 'WFM_Database_Utility' use it directly.",
    "WFM Database Utility 'WFM_Database_Utility' creates, updates, backs up and restores the database of DAP 'WFM_DAP'.",
    'WFM Builder, WFM Web and WFM Daemon reach the database indirectly, through WFM Server.',
  ]);
  expect(section(sections, 'Web, notifications and reports')).toEqual([
    "WFM Web 'WFM_Web' serves supervisors and agents through WFM Server 'WFM_Server'.",
    "WFM Daemon 'WFM_Daemon' sends e-mail notifications and runs scheduled reports with data from WFM Server 'WFM_Server'.",
    "It connects to WFM Web 'WFM_Web', so it can generate the Report Scheduler.",
  ]);
  expect(section(sections, 'Security')).toEqual([
    '2 of 11 connections are secured.',
    "WFM Server 'WFM_Server' → WFM Builder 'WFM_Builder' and WFM Builder 'WFM_Builder' → WFM Server 'WFM_Server' use TLS.",
    'WFM Server, WFM Builder and WFM Data Aggregator follow the Genesys Security Deployment Guide; their certificate is assigned on the Host object.',
  ]);
  expect(section(sections, 'Options')).toContain(
    'Scheduled reporting is on: the deployment needs one WFM Daemon that connects to WFM Web, or the Report Scheduler cannot be generated.',
  );
  expect(section(sections, 'ETL')).toEqual([
    "WFM Server 'WFM_Server' is the ETL server, the only one the guide allows.",
  ]);
  expect(section(sections, 'What is missing')).toEqual([
    'Nothing is missing: the deployment follows the component connections matrix.',
  ]);
});

test('several WFM Servers: each one’s clients, its Builder pool and its links to the other Servers', () => {
  const sections = explainDeployment(
    doc(
      [
        comp('s1', 'server', 'S1'),
        comp('s2', 'server', 'S2'),
        comp('b1', 'builder', 'B1'),
        comp('b2', 'builder', 'B2'),
        comp('b3', 'builder', 'B3'),
        comp('w1', 'web', 'W1'),
        comp('dap', 'dap', 'DB'),
      ],
      [
        conn('s1-s2', 's1', 's2'),
        conn('s1-b1', 's1', 'b1'),
        conn('s1-b2', 's1', 'b2'),
        conn('s2-b3', 's2', 'b3'),
        conn('b1-s1', 'b1', 's1'),
        conn('b2-s1', 'b2', 's1'),
        conn('b3-s2', 'b3', 's2'),
        conn('w1-s1', 'w1', 's1'),
        conn('s1-dap', 's1', 'dap'),
        conn('s2-dap', 's2', 'dap'),
      ],
    ),
  );
  expect(section(sections, 'WFM Servers')).toEqual([
    "There are 2 WFM Servers: WFM Server 'S1' and WFM Server 'S2'.",
    "WFM Server 'S1' serves WFM Builder 'B1', WFM Builder 'B2' and WFM Web 'W1', which connect to it.",
    "WFM Server 'S1' connects to WFM Server 'S2' to create schedules for all the sites they serve.",
    "WFM Server 'S2' serves WFM Builder 'B3', which connects to it.",
  ]);
  expect(section(sections, 'Schedule building')).toEqual([
    "WFM Server 'S1' uses a pool of 2 WFM Builders to build schedules: WFM Builder 'B1' and WFM Builder 'B2'. It sends each build request to a Builder that is alive, choosing the one with the shortest queue.",
    "WFM Server 'S2' uses WFM Builder 'B3' to build schedules.",
  ]);
});

test('WFM Servers that are not linked are told they cannot schedule each other’s sites', () => {
  const servers = explainDeployment(doc([comp('s1', 'server', 'S1'), comp('s2', 'server', 'S2')]));
  expect(section(servers, 'WFM Servers')).toEqual([
    "There are 2 WFM Servers: WFM Server 'S1' and WFM Server 'S2'.",
    "No WFM application connects to WFM Server 'S1' yet.",
    "No WFM application connects to WFM Server 'S2' yet.",
    'The WFM Servers are not linked to each other, so none of them creates schedules for the sites of another.',
  ]);
});

test('a WFM Builder that no WFM Server lists gets no schedules to build', () => {
  const sections = explainDeployment(
    doc([comp('s1', 'server', 'S1'), comp('b1', 'builder', 'B1')], [conn('b1-s1', 'b1', 's1')]),
  );
  expect(section(sections, 'Schedule building')).toEqual([
    "WFM Builder 'B1' connects to WFM Server 'S1', but no WFM Server lists it in its pool, so it gets no schedules to build.",
  ]);
});

test('secured connections: TLS, mutual TLS with MutualAuth, and the servlet container of Web and Daemon', () => {
  const sections = explainDeployment(
    doc(
      [
        comp('s1', 'server', 'S1'),
        comp('b1', 'builder', 'B1'),
        comp('w1', 'web', 'W1'),
        comp('d1', 'daemon', 'D1'),
      ],
      [
        conn('s1-b1', 's1', 'b1', 'mutual-tls'),
        conn('b1-s1', 'b1', 's1', 'tls'),
        conn('w1-s1', 'w1', 's1', 'tls'),
        conn('d1-s1', 'd1', 's1'),
        conn('d1-w1', 'd1', 'w1', 'mutual-tls'),
      ],
    ),
  );
  expect(section(sections, 'Security')).toEqual([
    '4 of 5 connections are secured.',
    "WFM Builder 'B1' → WFM Server 'S1' and WFM Web 'W1' → WFM Server 'S1' use TLS.",
    "WFM Server 'S1' → WFM Builder 'B1' and WFM Daemon 'D1' → WFM Web 'W1' use mutual TLS.",
    "For mutual TLS, add the option MutualAuth = true to WFM Builder 'B1'.",
    'WFM Server, WFM Builder and WFM Data Aggregator follow the Genesys Security Deployment Guide; their certificate is assigned on the Host object.',
    "WFM Web 'W1' → WFM Server 'S1' and WFM Daemon 'D1' → WFM Web 'W1' are secured in the servlet container and the Java keystore, not by the Genesys Security Deployment Guide.",
  ]);
});

test('a deployment without TLS says so', () => {
  expect(section(explainDeployment(healthyDoc()), 'Security')).toEqual([
    'No connection is secured with TLS.',
  ]);
});

test('what is missing is said with what it costs', () => {
  const sections = explainDeployment(
    doc(
      [
        comp('s1', 'server', 'S1'),
        comp('a1', 'data-aggregator', 'A1'),
        comp('u1', 'db-utility', 'U1'),
        comp('st', 'stat-server', 'Stat'),
      ],
      [conn('a1-s1', 'a1', 's1'), conn('a1-st', 'a1', 'st'), conn('u1-st', 'u1', 'st')],
      { scheduledReporting: true },
    ),
  );
  expect(section(sections, 'Overview')[1]).toBe(
    'It is not valid yet: it has 6 errors to fix, listed under “What is missing”.',
  );
  expect(section(sections, 'What is missing')).toEqual([
    'Scheduled reporting is on, but the deployment has no WFM Daemon to run the scheduled reports.',
    "WFM Server 'S1' has no WFM Builder, so it cannot build schedules.",
    "WFM Server 'S1' has no DAP, so it cannot reach the WFM database.",
    "WFM Data Aggregator 'A1' has no DAP, so its statistics cannot be written into the WFM database.",
    "WFM Database Utility 'U1' has no DAP, so it cannot create, update, back up or restore the WFM database.",
    "WFM Database Utility 'U1' cannot connect to Stat Server 'Stat': the component connections matrix has no WFM Database Utility → Stat Server connection.",
  ]);
  expect(section(sections, 'Statistics')).toContain(
    "WFM Data Aggregator 'A1' reads statistics from Stat Server 'Stat', but has no DAP to write them into.",
  );
  expect(section(sections, 'Database')).toEqual([
    'There is no DAP, so no component can reach the WFM database.',
  ]);
});

test('a WFM Daemon without WFM Web cannot generate the Report Scheduler under scheduled reporting', () => {
  const sections = explainDeployment(healthyDoc({ options: { scheduledReporting: true } }));
  expect(section(sections, 'What is missing')).toEqual([
    "WFM Daemon 'WFM_Daemon' has no WFM Web, so it cannot generate the Report Scheduler that scheduled reporting needs.",
  ]);
});

test('the Management Layer: who sends logs to Message Server, and what is missing without it', () => {
  const on = explainDeployment(
    healthyDoc({
      components: [comp('msg', 'message-server', 'Msg')],
      connections: [conn('srv-msg', 'srv', 'msg')],
      options: { managementLayer: true },
    }),
  );
  expect(section(on, 'Options')).toContain(
    "WFM Server 'WFM_Server' sends logs and alarms to Message Server 'Msg'.",
  );
  expect(section(on, 'What is missing')).toContain(
    "WFM Builder 'WFM_Builder' has no Message Server, so the Management Layer gets none of its logs and alarms.",
  );

  const off = explainDeployment(
    healthyDoc({
      components: [comp('msg', 'message-server', 'Msg')],
      connections: [conn('srv-msg', 'srv', 'msg')],
    }),
  );
  expect(section(off, 'Options')).toContain(
    '1 connection to Message Server is drawn, but it is used only with the Management Layer.',
  );
});

test('no Data Aggregator and no Daemon: no statistics, no notifications', () => {
  const sections = explainDeployment(doc([comp('s1', 'server', 'S1')]));
  expect(section(sections, 'Statistics')).toEqual([
    'There is no WFM Data Aggregator, so no statistics from Stat Server reach the WFM database.',
  ]);
  expect(section(sections, 'Web, notifications and reports')).toEqual([
    'There is no WFM Daemon, so WFM sends no e-mail notifications and runs no scheduled reports.',
  ]);
});

test('WFM Web may use another WFM Web as its report engine', () => {
  const sections = explainDeployment(
    healthyDoc({ components: [comp('rep', 'web', 'Reports')], connections: [conn('web-rep', 'web', 'rep')] }),
  );
  expect(section(sections, 'Web, notifications and reports')).toContain(
    "WFM Web 'WFM_Web' uses WFM Web 'Reports' as its report engine (inferred).",
  );
});

test('more than one ETL server is pointed out', () => {
  const sections = explainDeployment(
    doc([comp('s1', 'server', 'S1', { etl: true }), comp('s2', 'server', 'S2', { etl: true })]),
  );
  expect(section(sections, 'ETL')).toEqual([
    "2 WFM Servers are marked as ETL servers (WFM Server 'S1' and WFM Server 'S2'), but the guide allows only one.",
  ]);
});

test('a deployment without a WFM Server says nothing can work yet', () => {
  expect(section(explainDeployment(doc([comp('b1', 'builder', 'B1')])), 'WFM Servers')).toEqual([
    'There is no WFM Server. It is the hub every other WFM component connects to, so nothing can work yet.',
  ]);
});

test('the explanation is deterministic', () => {
  expect(explainDeployment(singleSite)).toEqual(explainDeployment(singleSite));
});

test('a large deployment is summarised: long lists name the first few and count the rest', () => {
  const builders = Array.from({ length: 3000 }, (_, i) => comp(`b${i}`, 'builder', `B${i}`));
  const sections = explainDeployment(
    doc(
      [comp('s1', 'server', 'S1'), ...builders],
      builders.flatMap((b) => [conn(`s1-${b.id}`, 's1', b.id), conn(`${b.id}-s1`, b.id, 's1')]),
    ),
  );
  expect(section(sections, 'Schedule building')[0]).toMatch(
    /^WFM Server 'S1' uses a pool of 3000 WFM Builders to build schedules: WFM Builder 'B0', .* and 2992 more\./,
  );
  for (const { sentences } of sections) expect(sentences.length).toBeLessThanOrEqual(25);
});

/** The fastest of three runs, in milliseconds: the least disturbed by a busy machine. */
function fastestRun(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

// A generous ceiling, like validate's: it guards against quadratic work, not small slowdowns.
test('explaining a 10,000-component deployment takes well under a second', () => {
  const large = doc(Array.from({ length: 10_000 }, (_, i) => comp(`w${i}`, 'web', `W${i}`)));
  expect(section(explainDeployment(large), 'What is missing').at(-1)).toBe('…and 9988 more errors.');
  expect(fastestRun(() => explainDeployment(large))).toBeLessThan(1000);
});

test('a version-2 deployment is explained with its release, hosts in zones, backups and Framework context', () => {
  const sections = explainDeployment({
    ruleset: 'wfm-8.5.0',
    options: { managementLayer: true },
    zones: [{ id: 'z-1', name: 'London DC' }],
    hosts: [
      { id: 'h-1', name: 'wfm-app01', zone: 'z-1', lca: true, certificate: true },
      { id: 'h-2', name: 'wfm-app02', zone: 'z-1' },
    ],
    components: [
      { id: 'srv-1', kind: 'server', name: 'WFM_Server', host: 'h-1' },
      { id: 'da-1', kind: 'data-aggregator', name: 'WFM_DA', host: 'h-1' },
      {
        id: 'da-2',
        kind: 'data-aggregator',
        name: 'WFM_DA_backup',
        host: 'h-2',
        backupOf: 'da-1',
        standby: 'hot',
      },
      { id: 'scs-1', kind: 'scs', name: 'SCS' },
    ],
    connections: [],
  });
  expect(section(sections, 'Overview')).toContain(
    'It is designed for WFM 8.5.0: As 8.5.1: WFM Server must connect to exactly one WFM Data Aggregator, and only WFM Data Aggregator has a backup (hot standby).',
  );
  expect(section(sections, 'Hosts and zones')).toEqual([
    '3 components run on 2 hosts.',
    "The host 'wfm-app01' in zone 'London DC' runs WFM Server 'WFM_Server' and WFM Data Aggregator 'WFM_DA', with an LCA on port 4999 and a TLS certificate.",
    "The host 'wfm-app02' in zone 'London DC' runs WFM Data Aggregator 'WFM_DA_backup'.",
    "Solution Control Server 'SCS' has no host yet.",
    "The hosts stand in 1 zone: 'London DC' (2 hosts).",
    'Under the Management Layer, Solution Control Server starts and watches applications through the LCA of each host: 1 host of 2 runs one.',
  ]);
  expect(section(sections, 'High availability')).toEqual([
    "WFM Data Aggregator 'WFM_DA_backup' is the backup of WFM Data Aggregator 'WFM_DA', in hot standby: clients list WFM_DA only, and the backup keeps its own Connections tab with the same targets.",
  ]);
  expect(section(sections, 'Framework context')[0]).toMatch(
    /^Solution Control Server 'SCS' is drawn for context/,
  );
});
