import type { ProblemCode } from '../src/domain';

/**
 * One line per problem code for SARIF's `rules[].shortDescription` (docs/rules.md), shown as
 * the title of a code-scanning alert; the result's message names the components. `satisfies`
 * makes the compiler prove every code has one.
 */
export const RULE_DESCRIPTIONS = {
  'forbidden-connection': 'A connection the component connections matrix has no cell for',
  'self-connection': 'A component connected to itself',
  'duplicate-connection': 'The same connection listed more than once',
  'missing-connection': 'A connection the matrix or an option requires is missing',
  'too-many-connections': 'More connections to one kind than the matrix allows',
  'too-many-instances': 'More than one WFM Daemon, or more than one ETL WFM Server',
  'duplicate-name': 'Two components with the same Application name',
  'missing-component': 'Scheduled reporting is on and there is no WFM Daemon',
  'unused-component': 'A DAP, Stat Server or Message Server that no connection reaches',
  'management-layer-off': 'A Message Server connection while the Management Layer is off',
  'tls-web-daemon':
    'TLS on a WFM Web or WFM Daemon connection is set up outside the Security Deployment Guide',
  'ha-unsupported': 'A backup of a kind, or in a standby mode, the release does not support',
  'ha-invalid-pair': 'A backup that names itself, another kind, a backup, or a primary that already has one',
  'ha-mismatch': "A backup whose connections reach other components than its primary's",
  'ha-backup-target': 'A connection to a backup: clients list the primary',
  'port-conflict': 'Two applications on one host listening on the same port, or on the LCA port',
  'missing-lca': 'A host that runs WFM applications under the Management Layer has no LCA',
  'tls-no-certificate': 'TLS to a WFM Server, Builder or Data Aggregator whose host has no certificate',
  'tls-mutual-auth': 'Mutual TLS to a WFM Server, Builder or Data Aggregator not set up for it',
} as const satisfies Record<ProblemCode, string>;

/** Where the connection rules come from: the Genesys guide's "Component connections" page. */
export const RULES_INFORMATION_URI = 'https://docs.genesys.com/Documentation/WM/8.5.2/Admin/DataFlow';
