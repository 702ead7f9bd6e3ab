import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import { visibleText } from '../document';
import { serializeMermaid } from './mermaid';

const PROPERTY = { seed: 20_251_126, numRuns: 300 } as const;

function topology(components: DocumentComponent[], connections: DocumentConnection[] = []): TopologyDocument {
  return { format: 'wfm-topology', version: 2, components, connections };
}

const LAB = topology(
  [
    { id: 'srv-1', kind: 'server', name: 'WFM_Server' },
    { id: 'bld-1', kind: 'builder', name: 'WFM_Builder' },
    { id: 'dap-1', kind: 'dap', name: 'WFM_DAP' },
  ],
  [
    { id: 'c-1', from: 'srv-1', to: 'bld-1', security: 'tls' },
    { id: 'c-2', from: 'bld-1', to: 'srv-1', security: 'mutual-tls' },
    { id: 'c-3', from: 'srv-1', to: 'dap-1' },
  ],
);

function nodeLines(mermaid: string): string[] {
  return mermaid.split('\n').filter((line) => /^ {2}n\d+\[/.test(line));
}

function arrowLines(mermaid: string): string[] {
  return mermaid.split('\n').filter((line) => line.includes('-->'));
}

test('the diagram is a top-to-bottom flowchart ending in a line feed', () => {
  const mermaid = serializeMermaid(LAB);
  expect(mermaid.startsWith('flowchart TB\n')).toBe(true);
  expect(mermaid.endsWith('\n')).toBe(true);
});

test('one node line per component, named by position and labelled with name and kind', () => {
  expect(nodeLines(serializeMermaid(LAB))).toEqual([
    '  n1["WFM_Server (WFM Server)"]:::k_server',
    '  n2["WFM_Builder (WFM Builder)"]:::k_builder',
    '  n3["WFM_DAP (DAP)"]:::k_dap',
  ]);
});

test('one arrow per connection, secured ones labelled TLS or mutual TLS', () => {
  expect(arrowLines(serializeMermaid(LAB))).toEqual([
    '  n1 -- "TLS" --> n2',
    '  n2 -- "mutual TLS" --> n1',
    '  n1 --> n3',
  ]);
});

test('a style class per kind in the diagram, and none for kinds not in it', () => {
  const classes = serializeMermaid(LAB)
    .split('\n')
    .filter((line) => line.startsWith('  classDef '))
    .map((line) => line.split(' ')[3]);
  expect(classes).toEqual(['k_server', 'k_builder', 'k_dap']);
});

test('an empty document is a bare flowchart', () => {
  expect(serializeMermaid(topology([]))).toBe('flowchart TB\n');
});

test('component ids never reach the diagram, so ids with Mermaid syntax are harmless', () => {
  const document = topology(
    [
      { id: 'a --> b', kind: 'server', name: 'S' },
      { id: 'end', kind: 'builder', name: 'B' },
    ],
    [{ id: 'c', from: 'end', to: 'a --> b' }],
  );
  const mermaid = serializeMermaid(document);
  expect(mermaid).not.toContain('a --> b');
  expect(arrowLines(mermaid)).toEqual(['  n2 --> n1']);
});

test('quotes, brackets and angle brackets in a name become Mermaid entity codes', () => {
  const name = `He said "hi" [x] {y} (z) <b>|\`#&`;
  const [line] = nodeLines(serializeMermaid(topology([{ id: 's', kind: 'server', name }])));
  const label = line?.slice(line.indexOf('["') + 2, line.lastIndexOf(' (WFM Server)"]'));
  expect(label).toBe('He said #quot;hi#quot; #91;x#93; #123;y#125; #40;z#41; #lt;b#gt;#124;#96;#35;#amp;');
  expect(label).not.toMatch(/["<>[\]{}()|`]/);
});

test('no raw HTML from a name reaches the diagram', () => {
  const name = '<img src=x onerror=alert(1)><br/><script>alert(2)</script>';
  const mermaid = serializeMermaid(topology([{ id: 's', kind: 'server', name }]));
  expect(mermaid).not.toMatch(/<[a-z/]/i);
});

test('a line break in a name is shown as <U+000A> and does not start a new Mermaid statement', () => {
  const name = 'first\nn2 --> n1\r\nclick n1 call alert()';
  const mermaid = serializeMermaid(topology([{ id: 's', kind: 'server', name }]));
  expect(mermaid.split('\n')).toHaveLength(4);
  expect(nodeLines(mermaid)).toEqual([
    '  n1["first#lt;U+000A#gt;n2 --#gt; n1#lt;U+000D#gt;#lt;U+000A#gt;click n1 call alert#40;#41; (WFM Server)"]:::k_server',
  ]);
});

test('a name cannot close the Markdown code fence the report puts the diagram in', () => {
  const mermaid = serializeMermaid(topology([{ id: 's', kind: 'server', name: '```\n# heading' }]));
  expect(mermaid).not.toContain('```');
});

// What Mermaid does to the text before its parser sees it (mermaid's own code, quoted as the
// reference): comment lines are dropped with a multi-line expression whose `^` also matches after
// U+2028 and U+2029, directives are found anywhere, and `style …:#…;` loses its last `;`.
const MERMAID_COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;
const MERMAID_DIRECTIVE = /%{2}{/;
function mermaidStyleRewrite(text: string): string {
  return text
    .replace(/style.*:\S*#.*;/g, (s) => s.substring(0, s.length - 1))
    .replace(/classDef.*:\S*#.*;/g, (s) => s.substring(0, s.length - 1));
}

const CODE = /#(\d+|quot|lt|gt|amp);/g;
const NAMED: { readonly [code: string]: string } = { quot: '"', lt: '<', gt: '>', amp: '&' };

/** Line ends as JavaScript's multi-line `^` sees them, which is how Mermaid reads lines. */
const LINE_END = /\r\n|[\n\r\u2028\u2029]/;

interface ParsedMermaid {
  readonly nodes: {
    readonly id: string;
    readonly name: string;
    readonly kindName: string;
    readonly kindClass: string;
  }[];
  readonly arrows: string[];
  readonly classes: string[];
}

/**
 * The diagram read line by line with the only shapes the writer may produce; any other line
 * throws. Labels come back decoded from Mermaid's entity codes, and must hold no syntax raw.
 */
function parseMermaid(text: string): ParsedMermaid {
  const lines = text.split(LINE_END);
  if (lines.shift() !== 'flowchart TB') throw new Error('no flowchart header');
  if (lines.pop() !== '') throw new Error('the diagram does not end in a line feed');
  const parsed: ParsedMermaid = { nodes: [], arrows: [], classes: [] };
  for (const line of lines) {
    const node = /^ {2}(n\d+)\["([^"]*) \(([A-Za-z ]+)\)"\]:::(k_[a-z_]+)$/.exec(line);
    const arrow = /^ {2}(n\d+)(?: -- "(TLS|mutual TLS)")? --> (n\d+)$/.exec(line);
    const classDef = /^ {2}classDef (k_[a-z_]+) fill:#[0-9a-f]{6},stroke:#1f2937,color:#ffffff$/.exec(line);
    if (node) {
      const raw = node[2] ?? '';
      const withoutCodes = raw.replace(CODE, '');
      if (/[#;%:`"<>&[\]{}()|]/.test(withoutCodes)) throw new Error(`raw syntax in the label of: ${line}`);
      const label = raw.replace(CODE, (_, code: string) => NAMED[code] ?? String.fromCharCode(Number(code)));
      parsed.nodes.push({
        id: node[1] ?? '',
        name: label,
        kindName: node[3] ?? '',
        kindClass: node[4] ?? '',
      });
    } else if (arrow) parsed.arrows.push(line.trim());
    else if (classDef) parsed.classes.push(classDef[1] ?? '');
    else throw new Error(`not a line the writer makes: ${JSON.stringify(line)}`);
  }
  return parsed;
}

/** The LAB diagram with its WFM Server renamed. */
function labWith(name: string): TopologyDocument {
  return { ...LAB, components: LAB.components.map((c) => (c.id === 'srv-1' ? { ...c, name } : c)) };
}

test('the line structure parser refuses a line the writer would never make', () => {
  const node = (name: string) => `flowchart TB\n  n1["${name} (WFM Server)"]:::k_server\n`;
  expect(parseMermaid(node('a#59;b')).nodes[0]?.name).toBe('a;b');
  expect(() => parseMermaid(`${node('a')}%% comment\n`)).toThrow('not a line');
  expect(() => parseMermaid(node('a\u2028b'))).toThrow('not a line');
  expect(() => parseMermaid(node('a;b'))).toThrow('raw syntax');
  expect(() => parseMermaid(node('a%%b'))).toThrow('raw syntax');
});

test('a line separator before %% in a name neither ends the line nor starts a comment', () => {
  const name = 'WFM\u2028%% hidden\u2029%%{init: {"theme": "dark"}}%%';
  const mermaid = serializeMermaid(labWith(name));
  expect(mermaid).not.toMatch(/[\u2028\u2029]/);
  expect(mermaid.replace(MERMAID_COMMENT_LINE, '')).toBe(mermaid);
  expect(mermaid).not.toMatch(MERMAID_DIRECTIVE);
  expect(mermaid).not.toContain('%');
  const parsed = parseMermaid(mermaid);
  expect(parsed.nodes[0]?.name).toBe('WFM<U+2028>%% hidden<U+2029>%%{init: {"theme": "dark"}}%%');
  expect(parsed.arrows).toEqual(['n1 -- "TLS" --> n2', 'n2 -- "mutual TLS" --> n1', 'n1 --> n3']);
});

test('a right-to-left override in a name is shown as <U+202E>, so the label keeps its order', () => {
  const parsed = parseMermaid(serializeMermaid(labWith('WFM\u202Erevres')));
  expect(parsed.nodes[0]?.name).toBe('WFM<U+202E>revres');
});

test('semicolons, colons, hashes and backticks in a name are entity codes, and the style rewrite leaves the diagram alone', () => {
  const name = 'style n1 fill:#f00; `**bold**` a;b #quot; classDef x:#1;';
  const mermaid = serializeMermaid(labWith(name));
  const [line] = nodeLines(mermaid);
  expect(line).toBe(
    '  n1["style n1 fill#58;#35;f00#59; #96;**bold**#96; a#59;b #35;quot#59; classDef x#58;#35;1#59; (WFM Server)"]:::k_server',
  );
  expect(mermaidStyleRewrite(mermaid)).toBe(mermaid);
  expect(parseMermaid(mermaid).nodes[0]?.name).toBe(name);
});

const NASTY = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'%;:#"\'`<>&[]{}()|*_~\\\n\r\t\u2028\u2029\u202e\u200f\u0085 -'.split('')),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

test('whatever the names, the diagram is one node line per component with the name as its label', () => {
  fc.assert(
    fc.property(fc.array(NASTY, { minLength: 1, maxLength: 4 }), (names) => {
      const document = topology(
        names.map((name, index) => ({ id: `c${index}`, kind: 'builder', name })),
        names.slice(1).map((_, index) => ({ id: `e${index}`, from: `c${index + 1}`, to: 'c0' })),
      );
      const mermaid = serializeMermaid(document);
      const parsed = parseMermaid(mermaid);
      expect(parsed.nodes).toEqual(
        names.map((name, index) => ({
          id: `n${index + 1}`,
          name: visibleText(name),
          kindName: 'WFM Builder',
          kindClass: 'k_builder',
        })),
      );
      expect(parsed.arrows).toEqual(names.slice(1).map((_, index) => `n${index + 2} --> n1`));
      expect(parsed.classes).toEqual(['k_builder']);
      expect(mermaid.replace(MERMAID_COMMENT_LINE, '')).toBe(mermaid);
      expect(mermaidStyleRewrite(mermaid)).toBe(mermaid);
      expect(mermaid).not.toMatch(MERMAID_DIRECTIVE);
    }),
    PROPERTY,
  );
});
