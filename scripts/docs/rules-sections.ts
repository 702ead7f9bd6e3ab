// The generated sections of docs/rules.md, read from the domain's public tables only: the kinds,
// the matrix and its marks, the options, the problem codes, the rule sets and high availability.
import {
  ALL_CELLS,
  COMPONENT_KINDS,
  CONTEXT_KINDS,
  type ComponentKind,
  DEFAULT_RULESET,
  displayName,
  type HaSupport,
  haSupport,
  isContextKind,
  kindInfo,
  MARKS,
  matrixCell,
  OPTION_CATALOG,
  PROBLEM_CATALOG,
  RULESET,
  RULESET_CATALOG,
  SOURCE_KINDS,
  TARGET_KINDS,
} from '../../src/domain';
import { code, listed, table } from './markdown';

/** Whether a kind starts (or ends) matrix connections; a context kind only has context links. */
const has = (list: readonly string[], kind: ComponentKind) =>
  isContextKind(kind) ? 'context links only' : list.includes(kind) ? 'yes' : 'no';

/** Where docs/rules.md explains context links (its heading's anchor). */
const CONTEXT_LINK = '[context link](#framework-context-kinds-and-context-links)';

function kinds(): string {
  return table(
    ['kind id', 'display name', 'what it is', 'starts connections', 'can be connected to'],
    COMPONENT_KINDS.map((kind) => [
      code(kind),
      displayName(kind),
      kindInfo(kind).role,
      has(SOURCE_KINDS, kind),
      has(TARGET_KINDS, kind),
    ]),
  );
}

function matrix(): string {
  const grid = table(
    ['from \\ to', ...TARGET_KINDS],
    SOURCE_KINDS.map((from) => [
      from,
      ...TARGET_KINDS.map((to) => {
        const cell = matrixCell(from, to);
        return cell ? MARKS[cell.mark].symbol : '';
      }),
    ]),
  );
  // The context kinds have neither a row nor a column, yet they start and end context links: they
  // are said apart, so no sentence claims they never start a connection.
  const matrixKinds = COMPONENT_KINDS.filter((kind) => !isContextKind(kind));
  const noRow = matrixKinds.filter((kind) => !(SOURCE_KINDS as readonly string[]).includes(kind));
  const noColumn = matrixKinds.filter((kind) => !(TARGET_KINDS as readonly string[]).includes(kind));
  const sentences = [
    noRow.length > 0 &&
      `${listed(noRow.map(code))} ${noRow.length === 1 ? 'has' : 'have'} no row: ${noRow.length === 1 ? 'it never starts' : 'they never start'} a connection.`,
    noColumn.length > 0 &&
      `${listed(noColumn.map(code))} ${noColumn.length === 1 ? 'has' : 'have'} no column: nothing connects to ${noColumn.length === 1 ? 'it' : 'them'}.`,
    CONTEXT_KINDS.length > 0 &&
      `The context kinds ${listed(CONTEXT_KINDS.map(code))} have neither a row nor a column: the matrix does not govern them. A connection from or to one of them is a ${CONTEXT_LINK}, allowed in either direction and never counted.`,
  ].filter((sentence) => sentence !== false);
  return [
    `Rule set ${code(RULESET)}. Rows are the source, columns the target; an empty cell means the connection is not allowed.`,
    '',
    grid,
    '',
    sentences.join(' '),
  ].join('\n');
}

function matrixNotes(): string {
  return ALL_CELLS.filter((cell) => cell.note !== undefined || cell.label !== undefined)
    .map((cell) => {
      const pair = `**${displayName(cell.from)} → ${displayName(cell.to)}**, ${code(MARKS[cell.mark].symbol)}`;
      const label = cell.label === undefined ? '' : ` Drawn with the label “${cell.label}”.`;
      return `- ${pair}: ${cell.note ?? ''}${label}`;
    })
    .join('\n');
}

function marks(): string {
  return table(
    ['mark', 'name in code', 'at least', 'at most', 'meaning'],
    Object.values(MARKS).map((mark) => [
      mark.symbol,
      code(mark.mark),
      String(mark.min),
      mark.max === null ? 'no limit' : String(mark.max),
      mark.legend,
    ]),
  );
}

function options(): string {
  return table(
    ['option', 'in the designer', 'what it means'],
    OPTION_CATALOG.map((option) => [code(option.key), option.label, option.description]),
  );
}

type Subject = (typeof PROBLEM_CATALOG)[keyof typeof PROBLEM_CATALOG]['subject'];

/** What each subject of a problem is, in the words and keys of a problem record. */
const SUBJECTS: { readonly [S in Subject]: string } = {
  document: 'the deployment (no id)',
  component: `a component (${code('componentId')})`,
  cardinality: `a component and a target kind (${code('componentId')}, ${code('targetKind')})`,
  connection: `a connection (${code('connectionId')})`,
  host: `a host (${code('hostId')})`,
};

function problems(): string {
  return table(
    ['code', 'severity', 'subject'],
    Object.entries(PROBLEM_CATALOG).map(([problem, { severity, subject }]) => [
      `[${code(problem)}](#${problem})`,
      severity,
      SUBJECTS[subject],
    ]),
  );
}

/** The rule sets, the default first, with what each says of itself and what it does not model. */
function rulesets(): string {
  return table(
    ['rule set', 'release', 'what it says', 'not modelled'],
    RULESET_CATALOG.map((ruleset) => [
      ruleset.id === DEFAULT_RULESET ? `${code(ruleset.id)} (default)` : code(ruleset.id),
      ruleset.label,
      ruleset.description,
      ruleset.notModelled ?? '',
    ]),
  );
}

/** Every matrix cell and every kind's backup whose rule differs between the rule sets. */
function rulesetDifferences(): string {
  const rows: string[][] = [];
  for (const from of SOURCE_KINDS) {
    for (const to of TARGET_KINDS) {
      const marks = RULESET_CATALOG.map((ruleset) => matrixCell(from, to, ruleset.id)?.mark);
      if (new Set(marks).size <= 1) continue;
      rows.push([
        `${from} → ${to}`,
        ...marks.map((mark) => (mark === undefined ? 'not allowed' : `${MARKS[mark].symbol} ${code(mark)}`)),
      ]);
    }
  }
  for (const kind of COMPONENT_KINDS) {
    const support = RULESET_CATALOG.map((ruleset) => haSupport(kind, ruleset.id));
    if (new Set(support).size <= 1) continue;
    rows.push([
      `${displayName(kind)} backup`,
      ...support.map((mode) =>
        mode === 'none' ? `[${code('ha-unsupported')}](#ha-unsupported)` : standby(mode),
      ),
    ]);
  }
  return table(['difference', ...RULESET_CATALOG.map((ruleset) => code(ruleset.id))], rows);
}

/** The standby modes a kind's backup may have, in words. */
function standby(mode: HaSupport): string {
  switch (mode) {
    case 'warm':
    case 'hot':
      return `${code(mode)} standby only`;
    case 'any':
      return `${code('warm')} or ${code('hot')} (Framework HA, outside the WFM guide)`;
    case 'not-checked':
      return 'not checked (context kind)';
    case 'none':
      return 'none';
  }
}

/** The per-kind table of high availability (rules.md section 10), under the default rule set. */
function ha(): string {
  return table(
    ['kind id', 'backup', 'why or when'],
    COMPONENT_KINDS.map((kind) => {
      const { rules } = kindInfo(kind);
      const mode = haSupport(kind, DEFAULT_RULESET);
      const since =
        rules.haFrom === undefined
          ? ''
          : `Documented from ${code(rules.haFrom)} on; under an earlier rule set a backup is ${code('ha-unsupported')}.`;
      const advice = rules.haAdvice === undefined ? '' : `No backup: ${rules.haAdvice}.`;
      return [code(kind), standby(mode), [advice, since].filter((text) => text !== '').join(' ')];
    }),
  );
}

/** docs/rules.md's generated sections by name. */
export function rulesSections(): Record<string, string> {
  return {
    kinds: kinds(),
    matrix: matrix(),
    'matrix-notes': matrixNotes(),
    marks: marks(),
    options: options(),
    problems: problems(),
    rulesets: rulesets(),
    'ruleset-differences': rulesetDifferences(),
    ha: ha(),
  };
}
