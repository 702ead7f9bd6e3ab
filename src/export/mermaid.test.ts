import { expect, test } from 'vitest';
import type { DocumentComponent, DocumentConnection, TopologyDocument } from '../document';
import { serializeMermaid } from './mermaid';

function topology(components: DocumentComponent[], connections: DocumentConnection[] = []): TopologyDocument {
  return { format: 'wfm-topology', version: 1, components, connections };
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

test('a line break in a name does not start a new Mermaid statement', () => {
  const name = 'first\nn2 --> n1\r\nclick n1 call alert()';
  const mermaid = serializeMermaid(topology([{ id: 's', kind: 'server', name }]));
  expect(mermaid.split('\n')).toHaveLength(4);
  expect(nodeLines(mermaid)).toEqual([
    '  n1["first n2 --#gt; n1 click n1 call alert#40;#41; (WFM Server)"]:::k_server',
  ]);
});

test('a name cannot close the Markdown code fence the report puts the diagram in', () => {
  const mermaid = serializeMermaid(topology([{ id: 's', kind: 'server', name: '```\n# heading' }]));
  expect(mermaid).not.toContain('```');
});
