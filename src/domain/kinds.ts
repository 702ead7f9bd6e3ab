/** Every component kind of rules.md section 1, in the order the palette and the matrix show them. */
export const COMPONENT_KINDS = [
  'server',
  'builder',
  'daemon',
  'data-aggregator',
  'web',
  'db-utility',
  'dap',
  'stat-server',
  'message-server',
] as const;

export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** `wfm` kinds are WFM applications; `framework` kinds are the Genesys Framework and the database. */
export type KindGroup = 'wfm' | 'framework';

export interface KindInfo {
  readonly kind: ComponentKind;
  /** The name the Genesys guide, the UI and the file format all use. */
  readonly displayName: string;
  /** Short label for tight spaces (matrix headers, minimap). */
  readonly shortName: string;
  /** One line on what the component does. */
  readonly role: string;
  /** Fill colour of the component's card and icon, readable with white text. */
  readonly color: string;
  readonly group: KindGroup;
  /** Base of the generated Genesys-style Application name (`WFM_Server` → `WFM_Server_1`). */
  readonly namePrefix: string;
}

/** The component catalog. `satisfies` makes the compiler prove every kind is described. */
export const KIND_CATALOG = {
  server: {
    kind: 'server',
    displayName: 'WFM Server',
    shortName: 'Server',
    role: 'The hub: every other WFM component talks to it; hosts the Locator service.',
    color: '#1d4ed8',
    group: 'wfm',
    namePrefix: 'WFM_Server',
  },
  builder: {
    kind: 'builder',
    displayName: 'WFM Builder',
    shortName: 'Builder',
    role: 'Builds schedules on request of a WFM Server; a Server may use a pool of them.',
    color: '#6d28d9',
    group: 'wfm',
    namePrefix: 'WFM_Builder',
  },
  daemon: {
    kind: 'daemon',
    displayName: 'WFM Daemon',
    shortName: 'Daemon',
    role: 'Sends e-mail notifications and runs scheduled reports; at most one per deployment.',
    color: '#be185d',
    group: 'wfm',
    namePrefix: 'WFM_Daemon',
  },
  'data-aggregator': {
    kind: 'data-aggregator',
    displayName: 'WFM Data Aggregator',
    shortName: 'Data Aggr.',
    role: 'Reads statistics from Stat Server and writes them to the WFM database.',
    color: '#0e7490',
    group: 'wfm',
    namePrefix: 'WFM_Data_Aggregator',
  },
  web: {
    kind: 'web',
    displayName: 'WFM Web',
    shortName: 'Web',
    role: 'The web application for supervisors, agents and reports, in a servlet container.',
    color: '#15803d',
    group: 'wfm',
    namePrefix: 'WFM_Web',
  },
  'db-utility': {
    kind: 'db-utility',
    displayName: 'WFM Database Utility',
    shortName: 'DB Utility',
    role: 'The Backup-Restore Utility: creates, updates, backs up and restores the WFM database.',
    color: '#92400e',
    group: 'wfm',
    namePrefix: 'WFM_Database_Utility',
  },
  dap: {
    kind: 'dap',
    displayName: 'DAP',
    shortName: 'DAP',
    role: 'Database Access Point: the configuration object that stands for the WFM database.',
    color: '#a16207',
    group: 'framework',
    namePrefix: 'WFM_DAP',
  },
  'stat-server': {
    kind: 'stat-server',
    displayName: 'Stat Server',
    shortName: 'Stat Server',
    role: 'Genesys Framework statistics server.',
    color: '#475569',
    group: 'framework',
    namePrefix: 'Stat_Server',
  },
  'message-server': {
    kind: 'message-server',
    displayName: 'Message Server',
    shortName: 'Msg Server',
    role: 'Genesys Management Layer log and alarm server.',
    color: '#c2410c',
    group: 'framework',
    namePrefix: 'Message_Server',
  },
} as const satisfies { readonly [K in ComponentKind]: KindInfo & { readonly kind: K } };

/** True when `value` is one of the kind ids of rules.md section 1. */
export function isComponentKind(value: unknown): value is ComponentKind {
  return typeof value === 'string' && (COMPONENT_KINDS as readonly string[]).includes(value);
}

/** The catalog entry of a kind, e.g. `kindInfo('dap').displayName === 'DAP'`. */
export function kindInfo(kind: ComponentKind): KindInfo {
  return KIND_CATALOG[kind];
}

/** The display name of a kind, e.g. `displayName('builder') === 'WFM Builder'`. */
export function displayName(kind: ComponentKind): string {
  return KIND_CATALOG[kind].displayName;
}
