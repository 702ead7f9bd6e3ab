import type { ParseErrorKind } from '../../src/document';
import { COMPONENT_KINDS, PROBLEM_CATALOG, type ProblemCode } from '../../src/domain';

// The adversarial corpus of issue 7 and what each file must come to. The expectations are written
// from rules.md sections 4–6, not read back from the code: a change that alters an outcome must
// change this table too. Files under `cases/` are committed; the others are made by `corpus.ts`
// when the tests run (megabytes are generated, not committed).

export interface ExpectedIssue {
  readonly path: string;
  /** A part of the issue's message. */
  readonly message: string;
}

export type Expected =
  | {
      readonly outcome: 'refused';
      readonly kind: ParseErrorKind;
      /** Issues the refusal must list (each at its path). */
      readonly issues: readonly ExpectedIssue[];
      /** How many issues it lists in all; defaults to `issues.length`. */
      readonly listed?: number;
      /** A part of the one-sentence reason. */
      readonly message?: string;
    }
  | {
      readonly outcome: 'accepted';
      /** Whether the design breaks no rule of severity error. */
      readonly valid: boolean;
      /** The codes of the problems found, sorted. */
      readonly problems: readonly ProblemCode[];
      readonly components: number;
    };

export interface AdversarialCase {
  /** The file name, under `cases/` when committed. */
  readonly file: string;
  readonly source: 'committed' | 'generated';
  readonly about: string;
  readonly expected: Expected;
  /** Carries script or markup in its strings: the browser tests import it and watch the canary. */
  readonly markup?: boolean;
  /** Small enough to import in the browser tests (every committed file, a few generated ones). */
  readonly browser?: boolean;
  /**
   * Carries escape sequences, newlines or bidi controls into what the CLI prints: its text output
   * is checked line by line too, not only its JSON.
   */
  readonly terminal?: boolean;
}

function refused(
  kind: ParseErrorKind,
  issues: readonly ExpectedIssue[] = [],
  more: { listed?: number; message?: string } = {},
): Expected {
  return { outcome: 'refused', kind, issues, ...more };
}

function accepted(components: number, problems: readonly ProblemCode[] = []): Expected {
  return {
    outcome: 'accepted',
    valid: !problems.some((code) => PROBLEM_CATALOG[code].severity === 'error'),
    problems: [...problems].sort(),
    components,
  };
}

const unknownKey = (path: string): ExpectedIssue => ({ path, message: 'unknown key' });
// A version-1 file is read by the version-2 schema after its migration: the kinds of both parts.
const KIND_LIST = `must be one of ${COMPONENT_KINDS.map((kind) => `"${kind}"`).join(', ')}`;

/** What the markup deployment is warned of once migrated: TLS to hosts without a certificate. */
const MARKUP_WARNINGS: readonly ProblemCode[] = ['tls-no-certificate', 'tls-no-certificate'];

/** The small single-site file most committed cases bend: a WFM Server and a WFM Builder, one connection. */
const BASE_PROBLEMS: readonly ProblemCode[] = ['missing-connection', 'missing-connection'];

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  // Prototype pollution
  {
    file: 'proto-top-level.json',
    source: 'committed',
    about: 'a "__proto__" key at the top level',
    expected: refused('invalid', [unknownKey('__proto__')]),
  },
  {
    file: 'proto-in-every-object.json',
    source: 'committed',
    about: 'a "__proto__" key in the options, a component, a position and a connection',
    expected: refused('invalid', [
      unknownKey('options.__proto__'),
      unknownKey('components[0].__proto__'),
      unknownKey('components[0].position.__proto__'),
      unknownKey('connections[0].__proto__'),
    ]),
  },
  {
    file: 'constructor-prototype.json',
    source: 'committed',
    about: '"constructor": { "prototype": … } at the top level and in a component',
    expected: refused('invalid', [
      unknownKey('constructor'),
      unknownKey('components[1].constructor'),
      unknownKey('components[1].prototype'),
    ]),
  },
  {
    file: 'proto-in-validation-block.json',
    source: 'committed',
    about: '"__proto__" and "constructor" inside the validation block, which import ignores',
    expected: accepted(2, BASE_PROBLEMS),
  },
  {
    file: 'prototype-property-ids.json',
    source: 'committed',
    about: 'ids and names that are property names of Object.prototype, in a valid deployment',
    expected: accepted(5),
  },
  // Depth and size
  {
    file: 'deep-arrays.json',
    source: 'generated',
    about: 'a million nested arrays',
    expected: refused('not-topology'),
    browser: true,
  },
  {
    file: 'deep-arrays-in-position.json',
    source: 'generated',
    about: 'a million nested arrays where a position belongs',
    expected: refused('invalid', [
      { path: 'components[0].position', message: 'expected an object, got an array' },
    ]),
  },
  {
    file: 'deep-objects-in-validation.json',
    source: 'generated',
    about: 'a million nested objects inside the ignored validation block',
    expected: accepted(2, BASE_PROBLEMS),
  },
  {
    file: 'over-size-cap.json',
    source: 'generated',
    about: 'a valid file padded to one byte over 10 MB',
    expected: refused('too-large', [], { message: 'larger than 10 MB' }),
    browser: true,
  },
  {
    file: 'ten-mb-component-name.json',
    source: 'generated',
    about: 'a component name of 10 MB',
    expected: refused('too-large', [], { message: 'larger than 10 MB' }),
    browser: true,
  },
  {
    file: 'nine-mb-component-name.json',
    source: 'generated',
    about: 'a component name of 9 MB, in a file under the cap',
    expected: refused('invalid', [
      { path: 'components[0].name', message: 'must be at most 256 characters as written' },
    ]),
  },
  {
    file: 'nine-mb-spaces-in-a-name.json',
    source: 'generated',
    about:
      'issue 11: a name of 9 MB of spaces and one letter, which the trimmed cap let through to fill storage',
    expected: refused('invalid', [
      { path: 'components[0].name', message: 'must be at most 256 characters as written' },
    ]),
  },
  {
    file: 'nine-mb-document-name.json',
    source: 'generated',
    about: 'a document name of 9 MB, in a file under the cap',
    expected: refused('invalid', [{ path: 'name', message: 'must be at most 200 characters' }]),
  },
  {
    file: 'too-many-components.json',
    source: 'generated',
    about: '20,001 components',
    expected: refused('too-large', [{ path: 'components', message: 'at most 20000 are allowed' }]),
  },
  {
    file: 'too-many-connections.json',
    source: 'generated',
    about: '60,001 connections',
    expected: refused('too-large', [{ path: 'connections', message: 'at most 60000 are allowed' }]),
  },
  {
    file: 'many-bad-rows.json',
    source: 'generated',
    about: '500 components with a port of 0: the refusal lists the first 20 issues',
    expected: refused(
      'invalid',
      [{ path: 'components[0].port', message: 'must be an integer from 1 to 65535' }],
      {
        listed: 20,
        message: '500 issues, the first 20 listed',
      },
    ),
  },
  {
    file: 'many-unknown-keys.json',
    source: 'generated',
    about: 'a component with 200,000 unknown keys',
    expected: refused('invalid', [unknownKey('components[0].k0')], { listed: 20 }),
  },
  // Numbers
  {
    file: 'nan-coordinate.json',
    source: 'committed',
    about: 'NaN as a coordinate, which JSON cannot hold',
    expected: refused('not-json'),
  },
  {
    file: 'string-coordinates.json',
    source: 'committed',
    about: 'strings as coordinates',
    expected: refused('invalid', [
      { path: 'components[0].position.x', message: 'expected a number, got "NaN"' },
      { path: 'components[0].position.y', message: 'expected a number, got "200"' },
    ]),
  },
  {
    file: 'infinite-coordinates.json',
    source: 'committed',
    about: '1e999 and -1e999 as coordinates (Infinity once parsed)',
    expected: refused('invalid', [
      { path: 'components[0].position.x', message: 'expected a number, got Infinity' },
      { path: 'components[0].position.y', message: 'expected a number, got -Infinity' },
    ]),
  },
  // References and kinds
  {
    file: 'duplicate-component-ids.json',
    source: 'committed',
    about: 'two components with one id',
    expected: refused('invalid', [{ path: 'components[1].id', message: 'duplicate id "srv-1"' }]),
  },
  {
    file: 'duplicate-connection-ids.json',
    source: 'committed',
    about: 'two connections with one id',
    expected: refused('invalid', [{ path: 'connections[1].id', message: 'duplicate id "c-1"' }]),
  },
  {
    file: 'dangling-connections.json',
    source: 'committed',
    about: 'connections to and from components that do not exist',
    expected: refused('invalid', [
      { path: 'connections[0].to', message: 'no component with id "srv-9"' },
      { path: 'connections[1].from', message: 'no component with id "ghost"' },
    ]),
  },
  {
    file: 'unknown-kinds.json',
    source: 'committed',
    about: 'kinds that do not exist, one of them "toString"',
    expected: refused('invalid', [
      { path: 'components[0].kind', message: `${KIND_LIST}; got "mainframe"` },
      { path: 'components[1].kind', message: `${KIND_LIST}; got "toString"` },
    ]),
  },
  {
    file: 'future-version.json',
    source: 'committed',
    about: 'format version 3, with a field version 2 does not know',
    expected: refused('newer-version', [], { message: 'made by a newer version' }),
  },
  // Version 2: one id space, references of the right sort, backups, drawing caps (rules.md section 12)
  {
    file: 'v2-dangling-references.json',
    source: 'committed',
    about: 'a host in a zone, a component on a host and a backup of a component that do not exist',
    expected: refused('invalid', [
      { path: 'hosts[0].zone', message: 'no zone with id "z-9"' },
      { path: 'components[0].host', message: 'no host with id "h-9"' },
      { path: 'components[2].backupOf', message: 'no component with id "srv-9"' },
    ]),
  },
  {
    file: 'v2-wrong-sort-references.json',
    source: 'committed',
    about: 'references that name a thing of the wrong sort',
    expected: refused('invalid', [
      { path: 'hosts[0].zone', message: '"h-app1" is a host, not a zone' },
      { path: 'components[0].host', message: '"bld-1" is a component, not a host' },
      { path: 'components[1].host', message: '"z-ldn" is a zone, not a host' },
      { path: 'components[2].backupOf', message: '"a-1" is an annotation, not a component' },
      { path: 'connections[1].to', message: '"h-app1" is a host, not a component' },
    ]),
  },
  {
    file: 'v2-duplicate-ids-across-sorts.json',
    source: 'committed',
    about: 'a component, a connection and an annotation that reuse ids of other sorts',
    expected: refused('invalid', [
      { path: 'components[3].id', message: 'duplicate id "h-app1" (already the id of a host)' },
      { path: 'connections[1].id', message: 'duplicate id "srv-2" (already the id of a component)' },
      { path: 'annotations[0].id', message: 'duplicate id "z-ldn" (already the id of a zone)' },
    ]),
  },
  {
    file: 'v2-standby-without-backup.json',
    source: 'committed',
    about: 'a standby on a component that is no backup, and a backup without its standby',
    expected: refused('invalid', [
      { path: 'components[1].standby', message: 'allowed only on a backup' },
      { path: 'components[2].standby', message: 'is required with "backupOf"' },
    ]),
  },
  {
    file: 'v2-over-cap-waypoints-and-label.json',
    source: 'committed',
    about: 'a connection with 51 waypoints and a label of 101 characters',
    expected: refused('invalid', [
      { path: 'connections[0].label', message: 'must be at most 100 characters' },
      { path: 'connections[0].waypoints', message: 'must have at most 50 points' },
    ]),
  },
  {
    file: 'v1-with-version-2-keys.json',
    source: 'committed',
    about: 'a version-1 file with hosts, a key only version 2 knows',
    expected: refused('invalid', [
      { path: 'hosts', message: 'unknown key in a version-1 file: it came with version 2' },
    ]),
  },
  // Envelope and field errors
  {
    file: 'wrong-format.json',
    source: 'committed',
    about: 'a "format" that is not "wfm-topology"',
    expected: refused('not-topology', [{ path: 'format', message: 'must be "wfm-topology"' }]),
  },
  {
    file: 'json-array.json',
    source: 'committed',
    about: 'JSON that is not an object',
    expected: refused('not-topology'),
  },
  {
    file: 'version-as-string.json',
    source: 'committed',
    about: 'the version as a string',
    expected: refused('invalid', [{ path: 'version', message: 'must be a whole number, 1 or higher' }]),
  },
  { file: 'truncated.json', source: 'committed', about: 'a file cut short', expected: refused('not-json') },
  { file: 'empty.json', source: 'committed', about: 'an empty file', expected: refused('not-json') },
  {
    file: 'bad-fields.json',
    source: 'committed',
    about: 'a port out of range, a port as a string, ETL on a builder, a misspelt key',
    expected: refused('invalid', [
      { path: 'components[0].port', message: 'must be an integer from 1 to 65535' },
      { path: 'components[1].port', message: 'must be an integer from 1 to 65535' },
      unknownKey('components[1].hots'),
    ]),
  },
  {
    file: 'binary-garbage.bin',
    source: 'generated',
    about: '64 KB of random bytes',
    expected: refused('not-json'),
    browser: true,
  },
  {
    file: 'utf16.json',
    source: 'generated',
    about: 'a valid file encoded as UTF-16 instead of UTF-8',
    expected: refused('not-json'),
    browser: true,
  },
  // Script and markup
  {
    file: 'markup-in-every-field.json',
    source: 'committed',
    about: 'script and markup in every string field of a valid single-site deployment',
    // Version 1 had no certificates: its two TLS connections to a Server and a Builder now warn.
    expected: accepted(8, MARKUP_WARNINGS),
    markup: true,
  },
  {
    file: 'markup-in-problems.json',
    source: 'committed',
    about: 'markup in the names of a broken deployment, so problem messages carry it',
    expected: accepted(4, [
      'duplicate-name',
      'missing-connection',
      'missing-connection',
      'self-connection',
      'unused-component',
      'unused-component',
    ]),
    markup: true,
  },
  {
    file: 'markup-in-enums-and-keys.json',
    source: 'committed',
    about: 'markup as a kind, a security level and a key: refused, the refusal quoting it',
    expected: refused('invalid', [
      { path: 'components[0].kind', message: `got "<img src=x onerror=` },
      { path: 'components[1]["\\"><svg onload=\\"window.__canary=\'pwned\'\\">"]', message: 'unknown key' },
      { path: 'connections[0].security', message: `got "<script>window.__canary='pwned'</script>"` },
    ]),
    markup: true,
  },
  {
    file: 'over-long-names.json',
    source: 'committed',
    about: 'markup names over the 128- and 200-character caps',
    expected: refused('invalid', [
      { path: 'name', message: 'must be at most 200 characters' },
      { path: 'components[0].name', message: 'must be at most 128 characters' },
    ]),
    markup: true,
  },
  {
    file: 'lone-surrogates-and-controls.json',
    source: 'committed',
    about: 'lone surrogates, NUL, an escape sequence and a right-to-left override in names',
    expected: accepted(2, BASE_PROBLEMS),
    markup: true,
    terminal: true,
  },
  // Terminal attacks on the CLI (issue 11): what it prints must show these, never act on them
  {
    file: 'terminal-escapes-in-names.json',
    source: 'committed',
    about:
      'names that clear the screen (CSI 2J), colour the log (SGR), write the clipboard (OSC 52), set the title and hide a link (OSC 8)',
    expected: accepted(4, [
      'forbidden-connection',
      'missing-connection',
      'missing-connection',
      'missing-connection',
      'missing-connection',
      'unused-component',
    ]),
    terminal: true,
  },
  {
    file: 'forged-log-line-in-name.json',
    source: 'committed',
    about: 'names with a newline or a carriage return followed by a forged "prod.wfm.json: 0 errors" line',
    expected: accepted(2, BASE_PROBLEMS),
    terminal: true,
  },
  {
    file: 'bidi-overrides-in-names.json',
    source: 'committed',
    about: 'right-to-left overrides, isolates and marks in names, two names alike but for case',
    expected: accepted(4, [
      'duplicate-name',
      'missing-connection',
      'missing-connection',
      'unused-component',
      'unused-component',
    ]),
    terminal: true,
  },
  {
    file: 'c1-controls-in-names.json',
    source: 'committed',
    about:
      'C1 controls (U+009B is a one-character CSI), DEL, NEL and the line and paragraph separators in names',
    expected: accepted(2, BASE_PROBLEMS),
    terminal: true,
  },
  {
    file: 'terminal-escapes-in-refusal.json',
    source: 'generated',
    about: 'an escape sequence and a bidi override in a kind and in an unknown key: the refusal quotes them',
    expected: refused('invalid', [
      { path: 'components[0].kind', message: 'got "\\u001b[2Jserver\\u202e"' },
      unknownKey('components[1]["\\u001b]52;c;cm0gLXJmIH4K\\u0007"]'),
    ]),
    terminal: true,
  },
  {
    file: 'binary-with-escapes.bin',
    source: 'generated',
    about: 'a file that is not JSON, whose bytes are escape sequences, a C1 CSI and a forged line',
    expected: refused('not-json', [], { message: "unexpected character '<U+001B>'" }),
    terminal: true,
  },
  {
    file: 'markup-around-metadata.svg',
    source: 'committed',
    about: 'an SVG with script, event handlers and an external entity around the embedded document',
    expected: accepted(8, MARKUP_WARNINGS),
    markup: true,
  },
  {
    file: 'markup-in-every-field.svg',
    source: 'generated',
    about: 'the markup deployment exported as SVG by the designer',
    expected: accepted(8, MARKUP_WARNINGS),
    markup: true,
    browser: true,
  },
  {
    file: 'markup-in-every-field.png',
    source: 'generated',
    about: 'the markup deployment in a PNG text chunk',
    expected: accepted(8, MARKUP_WARNINGS),
    markup: true,
    browser: true,
  },
  {
    file: 'png-huge-chunk-length.png',
    source: 'generated',
    about: 'a PNG whose chunk claims 4 GB',
    expected: refused('not-topology'),
    browser: true,
  },
  {
    file: 'unclosed-metadata.svg',
    source: 'generated',
    about: '200,000 unclosed <metadata tags (once minutes of regular-expression backtracking)',
    expected: refused('not-topology'),
    browser: true,
  },
];
