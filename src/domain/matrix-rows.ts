import type { SourceKind, TargetKind } from './kinds';
import type { Mark } from './marks';
import type { OptionKey } from './options';
import type { RulesetId } from './ruleset-ids';

// The component connections matrix of rule-set `wfm-8.5.2` (rules.md section 2), as data: the one
// table of what may connect to what, with everything the product says about each cell, and how
// older releases print a cell where they differ (rules.md section 7). Which
// kinds have a row and a column is the kinds' registry entry; `matrix.ts` derives the rest.

/** One allowed cell: its mark and what the product knows about it. */
export interface CellRule {
  readonly mark: Mark;
  /** The source's footnote or context for this cell, quoted where the guide words it. */
  readonly note?: string;
  /** Short label for the connection on the canvas, where the cell has a name of its own. */
  readonly label?: string;
  /** What a missing required connection costs, in plain words: "it cannot build schedules". */
  readonly consequence?: string;
  /** The deployment option that makes this optional cell required while it is on (rules.md section 3). */
  readonly requiredWhen?: OptionKey;
  /**
   * Where an older release's table prints this cell differently (rules.md section 7): its mark
   * there, and the source's wording of the difference. Releases not listed print the cell as above.
   */
  readonly releases?: { readonly [R in RulesetId]?: ReleaseCell };
}

/** A cell as an older release prints it. */
export interface ReleaseCell {
  readonly mark: Mark;
  /** What the source says of the difference, for the matrix explorer and the rule card. */
  readonly note: string;
}

/** Server → Data Aggregator before 8.5.2: required and single. */
const SERVER_TO_DATA_AGGREGATOR_BEFORE_852: ReleaseCell = {
  mark: 'one',
  note: 'The 8.5.0/8.5.1 tables print X (the 8.5.2 table prints (X+)); its column is inferred: the flattened Server row of those releases has its third mark in the Data Aggregator column.',
};

type Row = { readonly [T in TargetKind]?: CellRule };

const MESSAGE_SERVER_NOTE =
  'Configure the Message Server connections if you are using Management Layer to run Workforce Management.';

/** Every connection to Message Server: optional, and required under the Management Layer. */
const MESSAGE_SERVER: CellRule = {
  mark: 'optional-one',
  note: MESSAGE_SERVER_NOTE,
  consequence: 'the Management Layer gets none of its logs and alarms',
  requiredWhen: 'managementLayer',
};

/**
 * A row is the Application whose Connections tab lists the target; a missing cell is forbidden.
 * `satisfies` makes the compiler prove every kind with a row in its registry entry has one here.
 */
export const MATRIX_ROWS = {
  server: {
    server: {
      mark: 'optional-many',
      note: 'WFM Server may connect to other instances of WFM Server if you are using an environment with a number of WFM Servers and want to create schedules for all the sites they serve.',
    },
    builder: {
      mark: 'one-or-more',
      note: 'You can configure and connect to multiple instances of WFM Builder.',
      consequence: 'it cannot build schedules',
    },
    'data-aggregator': {
      mark: 'optional-many',
      consequence: 'no WFM Data Aggregator collects its statistics',
      releases: {
        'wfm-8.5.1': SERVER_TO_DATA_AGGREGATOR_BEFORE_852,
        'wfm-8.5.0': SERVER_TO_DATA_AGGREGATOR_BEFORE_852,
      },
    },
    dap: {
      mark: 'one',
      note: 'The WFM database, represented by its DAP, is a central hub of its own.',
      consequence: 'it cannot reach the WFM database',
    },
    'message-server': MESSAGE_SERVER,
  },
  builder: {
    server: { mark: 'one', consequence: 'no WFM Server sends it schedules to build' },
    'message-server': MESSAGE_SERVER,
  },
  daemon: {
    server: {
      mark: 'one',
      note: 'WFM Daemon retrieves all data required for its work from WFM Server.',
      consequence: 'it cannot get the data it needs for notifications and reports',
    },
    web: {
      mark: 'optional-one',
      note: 'Although the WFM Daemon connection to WFM Web is marked as optional (X), it is required if you want to use WFM’s scheduled reporting: without it WFM Daemon cannot generate the Report Scheduler.',
      label: 'scheduled reports',
      consequence: 'it cannot generate the Report Scheduler that scheduled reporting needs',
      requiredWhen: 'scheduledReporting',
    },
    'message-server': MESSAGE_SERVER,
  },
  'data-aggregator': {
    server: { mark: 'one', consequence: 'it works for no WFM Server' },
    dap: { mark: 'one', consequence: 'its statistics cannot be written into the WFM database' },
    'stat-server': {
      mark: 'one',
      note: 'Through its connection to Stat Server, WFM Data Aggregator provides one point of interaction between Workforce Management and the Genesys Framework.',
      consequence: 'it has no statistics to collect',
    },
    'message-server': MESSAGE_SERVER,
  },
  web: {
    server: { mark: 'one', consequence: 'supervisors and agents cannot reach WFM through it' },
    web: {
      mark: 'optional-one',
      note: 'Present in the source without explanation; other pages of the guide name a “WFM Web server, report engine”, so this is read as a link to a WFM Web instance that serves as report engine (inferred).',
      label: 'report engine (inferred)',
    },
    'message-server': MESSAGE_SERVER,
  },
  'db-utility': {
    dap: { mark: 'one', consequence: 'it cannot create, update, back up or restore the WFM database' },
  },
} as const satisfies { readonly [S in SourceKind]: Row };
