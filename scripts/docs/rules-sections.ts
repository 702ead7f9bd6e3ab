// The generated sections of docs/rules.md, read from the domain's public tables only: the kinds,
// the matrix and its marks, the options and the problem codes.
import {
  ALL_CELLS,
  COMPONENT_KINDS,
  type ComponentKind,
  displayName,
  kindInfo,
  MARKS,
  matrixCell,
  OPTION_CATALOG,
  PROBLEM_CATALOG,
  RULESET,
  SOURCE_KINDS,
  TARGET_KINDS,
} from '../../src/domain';
import { code, listed, table } from './markdown';

const has = (list: readonly string[], kind: ComponentKind) => (list.includes(kind) ? 'yes' : 'no');

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
  const noRow = COMPONENT_KINDS.filter((kind) => !(SOURCE_KINDS as readonly string[]).includes(kind));
  const noColumn = COMPONENT_KINDS.filter((kind) => !(TARGET_KINDS as readonly string[]).includes(kind));
  const sentences = [
    noRow.length > 0 &&
      `${listed(noRow.map(code))} ${noRow.length === 1 ? 'has' : 'have'} no row: ${noRow.length === 1 ? 'it never starts' : 'they never start'} a connection.`,
    noColumn.length > 0 &&
      `${listed(noColumn.map(code))} ${noColumn.length === 1 ? 'has' : 'have'} no column: nothing connects to ${noColumn.length === 1 ? 'it' : 'them'}.`,
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

/** docs/rules.md's generated sections by name. */
export function rulesSections(): Record<string, string> {
  return {
    kinds: kinds(),
    matrix: matrix(),
    'matrix-notes': matrixNotes(),
    marks: marks(),
    options: options(),
    problems: problems(),
  };
}
