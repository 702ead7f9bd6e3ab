import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { serializeMarkdown } from './markdown';
import { serializeMermaid } from './mermaid';
import { serializeSvg } from './svg';

// Version 2 in the Markdown report and the Mermaid diagram, and hostile text in every new field.

const PROPERTY = { seed: 20_260_113, numRuns: 150 } as const;

function ha(): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'Highly available site',
    ruleset: 'wfm-8.5.1',
    zones: [{ id: 'z-1', name: 'London DC' }],
    hosts: [
      {
        id: 'h-1',
        name: 'wfm-app01',
        address: 'wfm-app01.example.com',
        zone: 'z-1',
        lca: true,
        certificate: true,
      },
      { id: 'h-2', name: 'wfm-app02', zone: 'z-1', lca: true, lcaPort: 5000 },
      { id: 'h-3', name: 'spare' },
    ],
    components: [
      { id: 'srv', kind: 'server', name: 'WFM_Server', host: 'h-1', port: 7000 },
      { id: 'da-1', kind: 'data-aggregator', name: 'WFM_DA', host: 'h-1', port: 7020 },
      {
        id: 'da-2',
        kind: 'data-aggregator',
        name: 'WFM_DA_backup',
        host: 'h-2',
        port: 7020,
        backupOf: 'da-1',
        standby: 'hot',
      },
      { id: 'dap', kind: 'dap', name: 'WFM_DAP' },
    ],
    connections: [
      { id: 'c-1', from: 'da-1', to: 'srv', label: 'statistics' },
      { id: 'c-2', from: 'da-2', to: 'srv', security: 'tls' },
    ],
    annotations: [{ id: 'a-1', text: 'Agents in London\nand Leeds', position: { x: 0, y: -80 } }],
  };
}

function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('#'));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

test('the report names the rule set the document is judged by', () => {
  expect(serializeMarkdown(ha())).toContain('\nRule set: WFM 8.5.1\n');
  expect(serializeMarkdown({ ...ha(), ruleset: undefined } as TopologyDocument)).toContain(
    '\nRule set: WFM 8.5.2\n',
  );
});

test('the hosts table gives zone, address, LCA and port, certificate and the components on each host', () => {
  expect(rows(section(serializeMarkdown(ha()), '## Hosts'))).toEqual([
    ['wfm-app01', 'London DC', 'wfm-app01.example.com', 'yes, port 4999', 'yes', 'WFM_Server, WFM_DA'],
    ['wfm-app02', 'London DC', '—', 'yes, port 5000', 'no', 'WFM_DA_backup'],
    ['spare', '—', '—', 'no', 'no', '—'],
  ]);
});

test('the components table shows the host by name, never its id', () => {
  const components = rows(section(serializeMarkdown(ha()), '## Components'));
  expect(components.map((row) => row[2])).toEqual(['wfm-app01', 'wfm-app01', 'wfm-app02', '—']);
});

test('zones are listed with their hosts', () => {
  expect(section(serializeMarkdown(ha()), '## Zones').trim()).toBe(
    '- **London DC**: hosts wfm-app01, wfm-app02',
  );
});

test('the high availability section names each primary, its backup and the standby mode', () => {
  expect(section(serializeMarkdown(ha()), '## High availability').trim()).toBe(
    '- WFM_DA (WFM Data Aggregator) → backup WFM_DA_backup (WFM Data Aggregator), hot standby on wfm-app02',
  );
});

test('a connection label is in its Connections-tab table; notes are listed', () => {
  const markdown = serializeMarkdown(ha());
  expect(rows(section(markdown, '### WFM_DA (WFM Data Aggregator)'))[0]?.at(-1)).toBe('statistics');
  expect(section(markdown, '## Notes').trim()).toBe('- Agents in London / and Leeds');
});

test('a document without hosts, zones, backups, context or notes gets none of those sections', () => {
  const markdown = serializeMarkdown({ format: 'wfm-topology', version: 2, components: [], connections: [] });
  for (const heading of [
    '## Hosts',
    '## Zones',
    '## High availability',
    '## Framework context',
    '## Notes',
  ]) {
    expect(markdown).not.toContain(heading);
  }
});

test('Mermaid: a subgraph per zone holds a subgraph per host, which holds its components', () => {
  const lines = serializeMermaid(ha()).split('\n');
  const at = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
  expect(lines.slice(at('  subgraph z1'), at('  subgraph z1') + 9)).toEqual([
    '  subgraph z1["London DC"]',
    '    subgraph h1["wfm-app01"]',
    '      n1["WFM_Server (WFM Server)"]:::k_server',
    '      n2["WFM_DA (WFM Data Aggregator)"]:::k_data_aggregator',
    '    end',
    '    subgraph h2["wfm-app02"]',
    '      n3["WFM_DA_backup (WFM Data Aggregator)"]:::k_data_aggregator',
    '    end',
    '  end',
  ]);
  expect(lines).toContain('  n4["WFM_DAP (DAP)"]:::k_dap');
  expect(lines.some((line) => line.includes('spare'))).toBe(false);
});

test('Mermaid: labels ride on the arrows with the security, and a backup has a dotted standby line', () => {
  const lines = serializeMermaid(ha()).split('\n');
  expect(lines).toContain('  n2 -- "statistics" --> n1');
  expect(lines).toContain('  n3 -- "TLS" --> n1');
  expect(lines).toContain('  n3 -. "hot standby" .- n2');
});

const HOSTILE = [
  '</text><script>alert(1)</script>',
  '"]; click n1 call alert() %%{init}%%',
  'end\nsubgraph x',
  '| a | b |\n# heading',
  '[link](javascript:alert(1)) <img src=x onerror=alert(1)>',
  'RTL \u202Eevil\u2066 \u2028line',
];

function hostile(text: string): TopologyDocument {
  const base = ha();
  return {
    ...base,
    name: text,
    zones: [{ id: 'z-1', name: text }],
    hosts: (base.hosts ?? []).map((h) => ({ ...h, name: `${text}${h.id}`, address: text })),
    connections: base.connections.map((c) => ({ ...c, label: text.slice(0, 100) })),
    annotations: [{ id: 'a-1', text, position: { x: 0, y: 0 } }],
  };
}

test.each(HOSTILE)('hostile text in hosts, zones, labels and notes stays inert in Mermaid: %j', (text) => {
  const mermaid = serializeMermaid(hostile(text));
  for (const line of mermaid.trimEnd().split('\n').slice(1)) {
    expect(line).toMatch(
      /^ {2,6}(subgraph [hz]\d+\["[^"\n]*"\]|end|n\d+\["[^"\n]*"\]:::k_\w+|n\d+ (-- "[^"\n]*" -->|-->|-\. "[^"\n]*" \.->|-\.->|-\. "[^"\n]*" \.-) n\d+|classDef k_\w+ [^\n]*)$/,
    );
  }
  expect(mermaid).not.toMatch(/[%`\u202E\u2066\u2028]/);
});

test.each(HOSTILE)('hostile text in hosts, zones, labels and notes stays inert in Markdown: %j', (text) => {
  const markdown = serializeMarkdown(hostile(text));
  expect(markdown).not.toMatch(/<(script|img|text)/i);
  expect(markdown).not.toMatch(/[\u202E\u2066\u2028]/);
  expect(markdown).not.toMatch(/(?<!\\)\]\(javascript/);
  // Every row of the hosts table keeps its six columns.
  for (const row of rows(section(markdown, '## Hosts'))) expect(row).toHaveLength(6);
});

test.each(HOSTILE)('hostile text in hosts, zones, labels and notes stays inert in the SVG: %j', (text) => {
  const svg = serializeSvg(hostile(text));
  expect(XMLValidator.validate(svg)).toBe(true);
  // `<` in text is always `&lt;`, so every `<` starts a real element: none is a script or an image,
  // and no element has an event handler (`onerror=` inside a text is only text).
  expect(svg).not.toMatch(/<script|<img|<[^>]*\son\w+\s*=/i);
  expect(svg).not.toMatch(/[\u202E\u2066\u2028]/);
});

test('any host, zone, label and note text gives well-formed SVG, a six-column hosts table and one Mermaid line per item', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
      (text) => {
        const document = hostile(text);
        expect(XMLValidator.validate(serializeSvg(document))).toBe(true);
        for (const row of rows(section(serializeMarkdown(document), '## Hosts'))) expect(row).toHaveLength(6);
        const mermaid = serializeMermaid(document).trimEnd().split('\n');
        expect(mermaid.filter((line) => /^ +subgraph /.test(line))).toHaveLength(3);
        expect(mermaid.filter((line) => /^ +end$/.test(line))).toHaveLength(3);
      },
    ),
    PROPERTY,
  );
});
