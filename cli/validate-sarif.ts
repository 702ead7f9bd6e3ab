import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatParseIssue, type ProblemRecord } from '../src/document';
import { PROBLEM_CATALOG, PROBLEM_CODES, type ProblemCode, type Severity } from '../src/domain';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { type ElementPositions, locateElements, type TextPosition } from './json-positions';
import { RULE_DESCRIPTIONS, RULES_INFORMATION_URI } from './sarif-rules';
import type { FileReport } from './validate-report';
import { CLI_VERSION } from './version';

// SARIF 2.1.0 (OASIS), the subset GitHub code scanning reads: one run, the rules that fired, one
// result per problem with the file and the place of its subject, and files that could not be
// checked as tool execution notifications.

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: { readonly [S in Severity]: SarifLevel } = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  readonly uri: string;
}

interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: ArtifactLocation;
    readonly region?: { readonly startLine: number; readonly startColumn: number };
  };
  readonly logicalLocations?: readonly {
    readonly name: string;
    readonly fullyQualifiedName: string;
    readonly kind: 'object';
  }[];
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [
    {
      readonly tool: {
        readonly driver: {
          readonly name: string;
          readonly informationUri: string;
          readonly version: string;
          readonly rules: readonly {
            readonly id: ProblemCode;
            readonly shortDescription: { readonly text: string };
            readonly defaultConfiguration: { readonly level: SarifLevel };
            readonly helpUri: string;
          }[];
        };
      };
      readonly invocations: readonly [
        {
          readonly executionSuccessful: boolean;
          readonly exitCode: ExitCode;
          readonly toolExecutionNotifications: readonly {
            readonly level: 'error';
            readonly message: { readonly text: string };
            readonly locations: readonly SarifLocation[];
            readonly descriptor: { readonly id: string };
          }[];
        },
      ];
      /** The rule set each file was judged by, in the order of the command line (rules.md section 13). */
      readonly properties: {
        readonly rulesets: readonly { readonly uri: string; readonly ruleset: string }[];
      };
      readonly results: readonly {
        readonly properties: { readonly ruleset: string };
        readonly ruleId: ProblemCode;
        readonly ruleIndex: number;
        readonly level: SarifLevel;
        readonly message: { readonly text: string };
        readonly locations: readonly [SarifLocation];
      }[];
    },
  ];
}

/**
 * The reports of `validate` as a SARIF 2.1.0 log for code-scanning CI. `exitCode` is the one the
 * command returns; a file that could not be read is a notification, not a result.
 */
export function toSarif(reports: readonly FileReport[], exitCode: ExitCode): SarifLog {
  const checked = reports.filter((report) => report.ok);
  const fired = new Set(
    checked.flatMap((report) => report.validation.problems.map((problem) => problem.code)),
  );
  const rules = PROBLEM_CODES.filter((code) => fired.has(code));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wfm-topology',
            // The rules the tool applies are the ones this page of the Genesys guide lays down.
            informationUri: RULES_INFORMATION_URI,
            version: CLI_VERSION,
            rules: rules.map((code) => ({
              id: code,
              shortDescription: { text: RULE_DESCRIPTIONS[code] },
              defaultConfiguration: { level: LEVELS[PROBLEM_CATALOG[code].severity] },
              helpUri: RULES_INFORMATION_URI,
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: exitCode !== EXIT_CODES.unusable,
            exitCode,
            toolExecutionNotifications: reports.flatMap((report) =>
              report.ok
                ? []
                : [
                    {
                      level: 'error' as const,
                      message: {
                        text: [report.error.message, ...report.error.issues.map(formatParseIssue)].join('\n'),
                      },
                      locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.file) } }],
                      descriptor: { id: report.error.kind },
                    },
                  ],
            ),
          },
        ],
        properties: {
          rulesets: checked.map((report) => ({
            uri: artifactLocation(report.file).uri,
            ruleset: report.validation.ruleset,
          })),
        },
        results: checked.flatMap((report) => fileResults(report, rules)),
      },
    ],
  };
}

function fileResults(report: FileReport & { ok: true }, rules: readonly ProblemCode[]) {
  const { problems } = report.validation;
  if (problems.length === 0) return [];
  const { document, text, source } = report.parsed;
  // Lines and columns only where the document is the file's text; an SVG or PNG carries it inside.
  const positions = source === 'json' ? locateElements(text) : undefined;
  const hostIndex = new Map((document.hosts ?? []).map((host, index) => [host.id, index]));
  const componentIndex = new Map(document.components.map((component, index) => [component.id, index]));
  const connectionIndex = new Map(document.connections.map((connection, index) => [connection.id, index]));
  const artifact = artifactLocation(report.file);
  return problems.map((problem) => {
    const subject = subjectOf(problem, hostIndex, componentIndex, connectionIndex);
    const position = positionOf(subject, positions);
    return {
      properties: { ruleset: report.validation.ruleset },
      ruleId: problem.code,
      ruleIndex: rules.indexOf(problem.code),
      level: LEVELS[problem.severity],
      message: { text: problem.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact,
            ...(position ? { region: { startLine: position.line, startColumn: position.column } } : {}),
          },
          logicalLocations: [
            { name: subject.path, fullyQualifiedName: subject.path, kind: 'object' as const },
          ],
        },
      ] as const,
    };
  });
}

/** The element a problem is about, as a JSON path (`components[3]`), or the document's root (`$`). */
interface Subject {
  readonly list: 'hosts' | 'components' | 'connections' | undefined;
  readonly index: number;
  readonly path: string;
}

const ROOT: Subject = { list: undefined, index: 0, path: '$' };

function subjectOf(
  problem: ProblemRecord,
  hostIndex: ReadonlyMap<string, number>,
  componentIndex: ReadonlyMap<string, number>,
  connectionIndex: ReadonlyMap<string, number>,
): Subject {
  const found =
    problem.connectionId !== undefined
      ? { list: 'connections' as const, index: connectionIndex.get(problem.connectionId) }
      : problem.componentId !== undefined
        ? { list: 'components' as const, index: componentIndex.get(problem.componentId) }
        : problem.hostId !== undefined
          ? { list: 'hosts' as const, index: hostIndex.get(problem.hostId) }
          : undefined;
  if (found?.index === undefined) return ROOT;
  return { list: found.list, index: found.index, path: `${found.list}[${found.index}]` };
}

function positionOf(subject: Subject, positions: ElementPositions | undefined): TextPosition | undefined {
  if (!positions) return undefined;
  return subject.list ? positions[subject.list][subject.index] : positions.root;
}

/**
 * A file as given on the command line, as a URI reference: a relative path stays relative (code
 * scanning resolves it against the checkout), each segment percent-encoded; an absolute one
 * becomes a `file:` URI.
 */
export function artifactLocation(file: string): ArtifactLocation {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const segments = file.split(sep === '\\' ? /[\\/]/ : '/').map((segment) => encodeURIComponent(segment));
  return { uri: segments.join('/') };
}
