// Everything the product knows about a kind of component, one entry per kind (decision 017). The
// palette, the canvas, the matrix explorer, the rules, the explanation, the layouts, the writers
// and the file format read these entries; nothing else lists the kinds. Adding a kind is an entry
// here and its row and column in `matrix-rows.ts`.

import type { RulesetId } from './ruleset-ids';

/**
 * `wfm` kinds are WFM applications; `framework` kinds are the Genesys Framework and the database;
 * `context` kinds are the Framework and third-party parts the matrix does not govern (rules.md
 * section 8): a connection with one at either end is a context link.
 */
export type KindGroup = 'wfm' | 'framework' | 'context';

/**
 * How a kind may run a backup (rules.md section 10): one standby mode, `any` (Framework HA, outside
 * the WFM guide), `none`, or `not-checked` (context kinds: no HA rule applies to them).
 */
export type HaSupport = 'none' | 'warm' | 'hot' | 'any' | 'not-checked';

/**
 * Who sets up a kind's TLS: the Genesys Security Deployment Guide, with the certificate on the
 * Host object (WFM Server, Builder, Data Aggregator); the servlet container and the Java keystore
 * (WFM Web, WFM Daemon: `tls-web-daemon`); or neither, as far as the guide says.
 */
export type TlsSetup = 'security-guide' | 'servlet-container' | 'not-described';

/** The rules of rules.md that apply to a kind as a whole, rather than to a cell of the matrix. */
export interface KindRules {
  /** A component of this kind that no connection reaches gets `unused-component`. */
  readonly unusedWhenUnreached: boolean;
  readonly tls: TlsSetup;
  /**
   * Its place among the clients a WFM Server serves, as the explanation names them ("serves B, DA,
   * W and D"); null when it is not a client of the Server.
   */
  readonly serverClientOrder: number | null;
  /** The backup modes it supports (rules.md section 10). */
  readonly ha: HaSupport;
  /**
   * The first release whose guide documents its backups; under an earlier rule set a backup of it
   * is `ha-unsupported` (WFM Server's warm standby, from 8.5.2 on). Absent: every release.
   */
  readonly haFrom?: RulesetId;
  /** Why it has no backup, or what to do instead, when `ha` is `none`: the `ha-unsupported` message says it. */
  readonly haAdvice?: string;
  /**
   * The Local Control Agent of its host starts and watches it under the Management Layer: a host
   * that runs one and has no LCA gets `missing-lca` (rules.md section 11).
   */
  readonly lcaManaged: boolean;
  /**
   * Why the guide allows only one per deployment: a second one is `too-many-instances`, and the
   * message gives this reason. Null when any number may run.
   */
  readonly singleInstance: string | null;
  /** It may be marked as the ETL server (`etl`), and a deployment runs ETL on one server only. */
  readonly etl: boolean;
}

/** One kind, as every view shows it and every rule reads it. */
export interface KindEntry {
  /** The kind id of the contract, the same as the entry's key. */
  readonly kind: string;
  /** The name the Genesys guide, the UI and the file format all use. */
  readonly displayName: string;
  /** Short label for tight spaces (matrix headers, minimap). */
  readonly shortName: string;
  /** The display name for many: "WFM Web instances". */
  readonly plural: string;
  /** One line on what the component does. */
  readonly role: string;
  /** Base of the ids the designer gives new components (`srv` → `srv-3`). */
  readonly idPrefix: string;
  /** Base of the generated Genesys-style Application name (`WFM_Server` → `WFM_Server_1`). */
  readonly namePrefix: string;
  /**
   * Its row in the layouts, top to bottom: the clients of the WFM Server above it, the Server in
   * the middle, the database and the Framework below, so most connections point down.
   */
  readonly roleTier: number;
  /** Fill colour of the component's card and icon, readable with white text. */
  readonly color: string;
  /** A stroke icon as SVG path data on a 24×24 grid (stroke, no fill), drawn alike everywhere. */
  readonly icon: readonly string[];
  readonly group: KindGroup;
  /** How the guide's matrix heads its row; absent when it never starts a connection (no row). */
  readonly matrixRow?: string;
  /** True when the guide's matrix has a column for it, even an empty one. */
  readonly matrixColumn: boolean;
  readonly rules: KindRules;
}

/** What no rule of a kind applies to: the context kinds of rules.md section 8. */
const CONTEXT_RULES = {
  unusedWhenUnreached: false,
  tls: 'not-described',
  serverClientOrder: null,
  ha: 'not-checked',
  singleInstance: null,
  etl: false,
  lcaManaged: false,
} as const satisfies KindRules;

/** The kinds of rules.md sections 1 and 8, in the order the palette, the matrix and every list show them. */
export const KIND_REGISTRY = {
  server: {
    kind: 'server',
    displayName: 'WFM Server',
    shortName: 'Server',
    plural: 'WFM Servers',
    role: 'The hub: every other WFM component talks to it; hosts the Locator service.',
    idPrefix: 'srv',
    namePrefix: 'WFM_Server',
    roleTier: 2,
    color: '#1d4ed8',
    // A hub with four spokes: every WFM component talks to the Server.
    icon: ['M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6', 'M12 3v6M12 15v6M3 12h6M15 12h6'],
    group: 'wfm',
    matrixRow: 'Server',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: false,
      tls: 'security-guide',
      serverClientOrder: null,
      ha: 'warm',
      haFrom: 'wfm-8.5.2',
      lcaManaged: true,
      singleInstance: null,
      etl: true,
    },
  },
  builder: {
    kind: 'builder',
    displayName: 'WFM Builder',
    shortName: 'Builder',
    plural: 'WFM Builders',
    role: 'Builds schedules on request of a WFM Server; a Server may use a pool of them.',
    idPrefix: 'bld',
    namePrefix: 'WFM_Builder',
    roleTier: 1,
    color: '#6d28d9',
    // A calendar: schedules.
    icon: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v5M16 3v5', 'M8 14h3M13 14h3M8 17h3'],
    group: 'wfm',
    matrixRow: 'Builder',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: false,
      tls: 'security-guide',
      serverClientOrder: 1,
      ha: 'none',
      haAdvice: 'a WFM Server spreads its work over a pool of WFM Builders instead',
      lcaManaged: true,
      singleInstance: null,
      etl: false,
    },
  },
  daemon: {
    kind: 'daemon',
    displayName: 'WFM Daemon',
    shortName: 'Daemon',
    plural: 'WFM Daemons',
    role: 'Sends e-mail notifications and runs scheduled reports; at most one per deployment.',
    idPrefix: 'dmn',
    namePrefix: 'WFM_Daemon',
    roleTier: 0,
    color: '#be185d',
    // An envelope: notifications.
    icon: ['M3 6h18v12H3z', 'M3 7l9 6l9-6'],
    group: 'wfm',
    matrixRow: 'Daemon',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: false,
      tls: 'servlet-container',
      serverClientOrder: 4,
      ha: 'none',
      haAdvice: 'only one WFM Daemon may run',
      lcaManaged: true,
      singleInstance: 'more cause duplicate notifications and missing or duplicate scheduled reports',
      etl: false,
    },
  },
  'data-aggregator': {
    kind: 'data-aggregator',
    displayName: 'WFM Data Aggregator',
    shortName: 'Data Aggr.',
    plural: 'WFM Data Aggregators',
    role: 'Reads statistics from Stat Server and writes them to the WFM database.',
    idPrefix: 'da',
    namePrefix: 'WFM_Data_Aggregator',
    roleTier: 1,
    color: '#0e7490',
    // Bars: statistics gathered.
    icon: ['M4 20h16', 'M6 20v-6M10 20v-10M14 20v-8M18 20v-13'],
    group: 'wfm',
    matrixRow: 'Data Aggregator',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: false,
      tls: 'security-guide',
      serverClientOrder: 2,
      ha: 'hot',
      lcaManaged: true,
      singleInstance: null,
      etl: false,
    },
  },
  web: {
    kind: 'web',
    displayName: 'WFM Web',
    shortName: 'Web',
    plural: 'WFM Web instances',
    role: 'The web application for supervisors, agents and reports, in a servlet container.',
    idPrefix: 'web',
    namePrefix: 'WFM_Web',
    roleTier: 0,
    color: '#15803d',
    // A globe: the web application.
    icon: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M3 12h18', 'M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18'],
    group: 'wfm',
    matrixRow: 'Web',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: false,
      tls: 'servlet-container',
      serverClientOrder: 3,
      ha: 'none',
      haAdvice: 'put several WFM Web instances behind a load balancer instead',
      lcaManaged: true,
      singleInstance: null,
      etl: false,
    },
  },
  'db-utility': {
    kind: 'db-utility',
    displayName: 'WFM Database Utility',
    shortName: 'DB Utility',
    plural: 'WFM Database Utilities',
    role: 'The Backup-Restore Utility: creates, updates, backs up and restores the WFM database.',
    idPrefix: 'dbu',
    namePrefix: 'WFM_Database_Utility',
    // A peer of the Server that talks only to the DAP.
    roleTier: 2,
    color: '#92400e',
    // A database with a circular arrow: backup and restore.
    icon: ['M4 6c0-3 10-3 10 0v9c0 3-10 3-10 0z', 'M4 6c0 3 10 3 10 0', 'M17 10a4 4 0 1 1-1 7', 'M16 14v3h3'],
    group: 'wfm',
    matrixRow: 'Database Utility (Backup-Restore Utility)',
    matrixColumn: false,
    rules: {
      unusedWhenUnreached: false,
      tls: 'not-described',
      serverClientOrder: null,
      ha: 'none',
      lcaManaged: false,
      singleInstance: null,
      etl: false,
    },
  },
  dap: {
    kind: 'dap',
    displayName: 'DAP',
    shortName: 'DAP',
    plural: 'DAPs',
    role: 'Database Access Point: the configuration object that stands for the WFM database.',
    idPrefix: 'dap',
    namePrefix: 'WFM_DAP',
    roleTier: 3,
    color: '#a16207',
    // A cylinder: the database.
    icon: ['M5 6c0-4 14-4 14 0v12c0 4-14 4-14 0z', 'M5 6c0 4 14 4 14 0', 'M5 12c0 4 14 4 14 0'],
    group: 'framework',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: true,
      tls: 'not-described',
      serverClientOrder: null,
      ha: 'any',
      lcaManaged: false,
      singleInstance: null,
      etl: false,
    },
  },
  'stat-server': {
    kind: 'stat-server',
    displayName: 'Stat Server',
    shortName: 'Stat Server',
    plural: 'Stat Servers',
    role: 'Genesys Framework statistics server.',
    idPrefix: 'stat',
    namePrefix: 'Stat_Server',
    roleTier: 3,
    color: '#475569',
    // A gauge: statistics.
    icon: ['M3 16a9 9 0 0 1 18 0', 'M12 16l4-6', 'M3 20h18'],
    group: 'framework',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: true,
      tls: 'not-described',
      serverClientOrder: null,
      ha: 'any',
      lcaManaged: false,
      singleInstance: null,
      etl: false,
    },
  },
  'message-server': {
    kind: 'message-server',
    displayName: 'Message Server',
    shortName: 'Msg Server',
    plural: 'Message Servers',
    role: 'Genesys Management Layer log and alarm server.',
    idPrefix: 'msg',
    namePrefix: 'Message_Server',
    roleTier: 3,
    color: '#c2410c',
    // A speech bubble: log and alarm messages.
    icon: ['M4 5h16v11H9l-5 4z', 'M8 9h8M8 12h5'],
    group: 'framework',
    matrixColumn: true,
    rules: {
      unusedWhenUnreached: true,
      tls: 'not-described',
      serverClientOrder: null,
      ha: 'any',
      lcaManaged: false,
      singleInstance: null,
      etl: false,
    },
  },
  'config-server': {
    kind: 'config-server',
    displayName: 'Configuration Server',
    shortName: 'Config Server',
    plural: 'Configuration Servers',
    role: 'Holds the Configuration Database; WFM Daemon connects to it for authentication.',
    idPrefix: 'cfg',
    namePrefix: 'Config_Server',
    roleTier: 3,
    color: '#3f3f46',
    // A sheet of settings: the Configuration Database.
    icon: ['M5 3h14v18H5z', 'M8 7h8M8 11h8M8 15h5'],
    group: 'context',
    matrixColumn: false,
    rules: CONTEXT_RULES,
  },
  scs: {
    kind: 'scs',
    displayName: 'Solution Control Server',
    shortName: 'SCS',
    plural: 'Solution Control Servers',
    role: 'Starts and watches applications through the LCA of each host (Management Layer).',
    idPrefix: 'scs',
    namePrefix: 'SCS',
    roleTier: 3,
    color: '#4d7c0f',
    // A start button in a ring: it starts and stops applications.
    icon: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M10 8v8l6-4z'],
    group: 'context',
    matrixColumn: false,
    rules: CONTEXT_RULES,
  },
  'smtp-server': {
    kind: 'smtp-server',
    displayName: 'SMTP server',
    shortName: 'SMTP',
    plural: 'SMTP servers',
    role: 'The mail server WFM Daemon sends notifications through.',
    idPrefix: 'smtp',
    namePrefix: 'SMTP_Server',
    // Beside the WFM Daemon's row, outside the deployment.
    roleTier: -1,
    color: '#a21caf',
    // An envelope on its way: outgoing mail.
    icon: ['M3 7h13v10H3z', 'M3 8l6.5 4.5L16 8', 'M18 12h4M20 10l2 2l-2 2'],
    group: 'context',
    matrixColumn: false,
    rules: CONTEXT_RULES,
  },
  'load-balancer': {
    kind: 'load-balancer',
    displayName: 'Load balancer',
    shortName: 'Load balancer',
    plural: 'Load balancers',
    role: 'The front end that spreads users over several WFM Web instances.',
    idPrefix: 'lb',
    namePrefix: 'Load_Balancer',
    // Above the WFM Web instances it spreads users over.
    roleTier: -1,
    color: '#4338ca',
    // One line fanning out to three.
    icon: ['M12 3v7', 'M12 10l-7 9M12 10v9M12 10l7 9'],
    group: 'context',
    matrixColumn: false,
    rules: CONTEXT_RULES,
  },
} as const satisfies { readonly [kind: string]: KindEntry };

/** The palette's sections, in order, by the title each shows over the kinds of its group. */
export const KIND_GROUP_TITLES = {
  wfm: 'WFM applications',
  framework: 'Framework and database',
  context: 'Framework and third-party context',
} as const satisfies { readonly [G in KindGroup]: string };
