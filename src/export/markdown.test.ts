import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  type DocumentComponent,
  type DocumentConnection,
  parseDocument,
  type TopologyDocument,
  visibleText,
} from '../document';
import { serializeMarkdown } from './markdown';
import { serializeMermaid } from './mermaid';

const EXAMPLES = join(import.meta.dirname, '../../examples');

function exampleDocument(file: string): TopologyDocument {
  const parsed = parseDocument(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.document;
}

/**
 * A version-2 document; a component's `host` is written here as the host's name, as version 1
 * had it, and becomes a host of the document (as the migration does), so the report shows names.
 */
function topology(
  components: DocumentComponent[],
  connections: DocumentConnection[] = [],
  extra: Partial<Pick<TopologyDocument, 'name' | 'options'>> = {},
): TopologyDocument {
  const names = [...new Set(components.flatMap((c) => (c.host === undefined ? [] : [c.host])))];
  const hosts = names.map((name, index) => ({ id: `host-${index + 1}`, name }));
  const hostId = new Map(names.map((name, index) => [name, `host-${index + 1}`]));
  return {
    format: 'wfm-topology',
    version: 2,
    ...extra,
    ...(hosts.length > 0 && { hosts }),
    components: components.map((c) =>
      c.host === undefined ? c : { ...c, host: hostId.get(c.host) ?? c.host },
    ),
    connections,
  };
}

/** The text under a `## ` or `### ` heading, up to the next heading of any level. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('#'));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

/** The body rows of the first table in `text`, each split into trimmed cells at unescaped pipes. */
function tableRows(text: string): string[][] {
  const lines = text.split('\n').filter((line) => line.startsWith('|'));
  return lines.slice(2).map((line) =>
    line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

/**
 * What a CommonMark renderer shows for the inline text the writer makes: backslash escapes of
 * ASCII punctuation and the three entities the writer uses, decoded. Anything else (a raw `<`, a
 * lone `&`) is left for the assertions to catch.
 */
function rendered(markdown: string): string {
  return markdown.replace(
    /\\([!-/:-@[-`{-~])|&(amp|lt|gt);/g,
    (_, escaped: string | undefined, entity: string) =>
      escaped ?? { amp: '&', lt: '<', gt: '>' }[entity] ?? '',
  );
}

/** Whether `markdown` has `ch` with no backslash before it (a backslash itself escaped does not count). */
function hasUnescaped(markdown: string, ch: string): boolean {
  for (let i = 0; i < markdown.length; i += 1) {
    if (markdown[i] === '\\') i += 1;
    else if (markdown[i] === ch) return true;
  }
  return false;
}

const SERVER_AND_BUILDER = topology(
  [
    { id: 'srv', kind: 'server', name: 'WFM_Server', host: 'wfm01.example.com', port: 7000, etl: true },
    { id: 'bld', kind: 'builder', name: 'WFM_Builder', host: 'wfm02.example.com' },
    { id: 'dap', kind: 'dap', name: 'WFM_DAP' },
    { id: 'stat', kind: 'stat-server', name: 'Stat_Server' },
  ],
  [
    { id: 'c-1', from: 'srv', to: 'bld', security: 'tls' },
    { id: 'c-2', from: 'srv', to: 'dap' },
    { id: 'c-3', from: 'bld', to: 'srv', security: 'mutual-tls' },
    { id: 'c-4', from: 'bld', to: 'stat', security: 'none' },
  ],
  { name: 'Lab', options: { managementLayer: true } },
);

test('the report starts with the document name as its title', () => {
  expect(serializeMarkdown(SERVER_AND_BUILDER).startsWith('# Lab\n')).toBe(true);
});

test('a document without a name is titled "Untitled deployment"', () => {
  expect(serializeMarkdown(topology([])).startsWith('# Untitled deployment\n')).toBe(true);
  expect(serializeMarkdown(topology([], [], { name: '  ' })).startsWith('# Untitled deployment\n')).toBe(
    true,
  );
});

test('the options table shows each option on or off, off when the file leaves it out', () => {
  expect(tableRows(section(serializeMarkdown(SERVER_AND_BUILDER), '## Options'))).toEqual([
    ['Management Layer', 'on'],
    ['Scheduled reporting', 'off'],
  ]);
});

test('the components table has one row per component with kind, host and port', () => {
  expect(tableRows(section(serializeMarkdown(SERVER_AND_BUILDER), '## Components'))).toEqual([
    ['WFM_Server (ETL)', 'WFM Server', 'wfm01.example.com', '7000'],
    ['WFM_Builder', 'WFM Builder', 'wfm02.example.com', '—'],
    ['WFM_DAP', 'DAP', '—', '—'],
    ['Stat_Server', 'Stat Server', '—', '—'],
  ]);
});

test('the summary counts one component and one connection in the singular', () => {
  const one = topology([{ id: 'srv', kind: 'server', name: 'WFM_Server' }]);
  expect(serializeMarkdown(one)).toContain('deployment: 1 component, 0 connections, checked');
  const two = topology(
    [
      { id: 'srv', kind: 'server', name: 'WFM_Server' },
      { id: 'bld', kind: 'builder', name: 'WFM_Builder' },
    ],
    [{ id: 'c-1', from: 'bld', to: 'srv' }],
  );
  expect(serializeMarkdown(two)).toContain('deployment: 2 components, 1 connection, checked');
});

test('a document without components says so', () => {
  expect(section(serializeMarkdown(topology([])), '## Components')).toContain('No components.');
});

test('each source component gets a Connections-tab table: target, target kind, mark, security and label', () => {
  const markdown = serializeMarkdown(SERVER_AND_BUILDER);
  expect(tableRows(section(markdown, '### WFM_Server (WFM Server)'))).toEqual([
    ['WFM_Builder', 'WFM Builder', '`X+` one or more connections', 'TLS', '—'],
    ['WFM_DAP', 'DAP', '`X` single connection (required)', 'none', '—'],
  ]);
  expect(tableRows(section(markdown, '### WFM_Builder (WFM Builder)'))).toEqual([
    ['WFM_Server', 'WFM Server', '`X` single connection (required)', 'mutual TLS', '—'],
    ['Stat_Server', 'Stat Server', 'not in the matrix', 'none', '—'],
  ]);
});

test('components that never start a connection get no Connections-tab table', () => {
  const markdown = serializeMarkdown(SERVER_AND_BUILDER);
  expect(markdown).not.toContain('### WFM_DAP');
  expect(markdown).not.toContain('### Stat_Server');
});

test('a source component with an empty Connections tab says so', () => {
  const markdown = serializeMarkdown(topology([{ id: 'web', kind: 'web', name: 'WFM_Web' }]));
  expect(section(markdown, '### WFM_Web (WFM Web)')).toContain('No connections.');
});

test('a document with no source component says so under Connections tabs', () => {
  const markdown = serializeMarkdown(topology([{ id: 'dap', kind: 'dap', name: 'WFM_DAP' }]));
  expect(section(markdown, '## Connections tabs')).toContain('No component that starts connections.');
});

test('the optional marks are written with their symbols', () => {
  const markdown = serializeMarkdown(exampleDocument('single-site.wfm.json'));
  expect(markdown).toContain('| `(X+)` optional, one or more connections |');
  expect(markdown).toContain('| `(X)` optional connection |');
});

test('a valid deployment is reported "Valid" with its warning and info counts', () => {
  const validation = section(serializeMarkdown(exampleDocument('single-site.wfm.json')), '## Validation');
  expect(validation).toContain(
    '**Valid**: the deployment follows the component connections matrix (0 warnings, 0 infos).',
  );
  expect(tableRows(validation)).toEqual([]);
});

test('an invalid deployment is reported "Not valid" with counts and a row per problem code', () => {
  const validation = section(serializeMarkdown(exampleDocument('broken.wfm.json')), '## Validation');
  expect(validation).toContain('**Not valid**: 4 errors, 1 warning, 0 infos.');
  expect(tableRows(validation).map(([severity, code]) => [severity, code])).toEqual([
    ['error', '`missing-connection`'],
    ['error', '`too-many-instances`'],
    ['error', '`duplicate-name`'],
    ['error', '`forbidden-connection`'],
    ['warning', '`management-layer-off`'],
  ]);
});

test('the report ends with the Mermaid diagram in a mermaid code block', () => {
  const document = exampleDocument('single-site.wfm.json');
  const markdown = serializeMarkdown(document);
  expect(markdown.endsWith(`## Diagram\n\n\`\`\`mermaid\n${serializeMermaid(document)}\`\`\`\n`)).toBe(true);
});

test('a pipe in a name is escaped and does not add a table column', () => {
  const markdown = serializeMarkdown(topology([{ id: 'srv', kind: 'server', name: 'a|b', host: 'x|y' }]));
  expect(markdown).toContain('| a\\|b | WFM Server | x\\|y | — |');
  expect(tableRows(section(markdown, '## Components'))[0]).toHaveLength(4);
});

test('a line break in a name is shown as <U+000A> and does not break the table row', () => {
  const markdown = serializeMarkdown(
    topology([{ id: 'srv', kind: 'server', name: 'first\nsecond\r\nthird' }]),
  );
  expect(tableRows(section(markdown, '## Components'))).toEqual([
    ['first&lt;U+000A&gt;second&lt;U+000D&gt;&lt;U+000A&gt;third', 'WFM Server', '—', '—'],
  ]);
  expect(rendered(tableRows(section(markdown, '## Components'))[0]?.[0] ?? '')).toBe(
    'first<U+000A>second<U+000D><U+000A>third',
  );
});

test('HTML in a name is inert: angle brackets become entities', () => {
  const name = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  const markdown = serializeMarkdown(topology([{ id: 'srv', kind: 'server', name }], [], { name }));
  expect(markdown).not.toMatch(/<(img|script)/i);
  expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(markdown.startsWith('# &lt;img')).toBe(true);
});

test('Markdown syntax in a name is escaped, and a backslash stays a backslash', () => {
  const markdown = serializeMarkdown(
    topology([{ id: 'srv', kind: 'server', name: '*bold* `code` [link](x) \\' }]),
  );
  expect(tableRows(section(markdown, '## Components'))[0]?.[0]).toBe(
    '\\*bold\\* \\`code\\` \\[link\\](x) \\\\',
  );
});

test('an underscore inside a Genesys name is left alone, one at a word edge is escaped', () => {
  const markdown = serializeMarkdown(topology([{ id: 'srv', kind: 'server', name: '_WFM_Server_' }]));
  expect(tableRows(section(markdown, '## Components'))[0]?.[0]).toBe('\\_WFM_Server\\_');
});

test('names in problem messages are escaped too', () => {
  const document = topology([
    { id: 'a', kind: 'daemon', name: 'D|<1>' },
    { id: 'b', kind: 'daemon', name: 'D|<2>' },
  ]);
  const validation = section(serializeMarkdown(document), '## Validation');
  expect(validation).not.toMatch(/<\d>/);
  for (const row of tableRows(validation)) expect(row).toHaveLength(3);
});

test('an ampersand in a name is escaped, so a name spelt &lt; shows as &lt;, not as <', () => {
  const markdown = serializeMarkdown(
    topology([{ id: 'srv', kind: 'server', name: '&lt; &amp; &#60; A&B' }], [], { name: '&gt; Lab' }),
  );
  const [name] = tableRows(section(markdown, '## Components'))[0] ?? [];
  expect(name).toBe('&amp;lt; &amp;amp; &amp;\\#60; A&amp;B');
  expect(rendered(name ?? '')).toBe('&lt; &amp; &#60; A&B');
  expect(markdown.startsWith('# &amp;gt; Lab\n')).toBe(true);
  expect(markdown).toContain('### &amp;lt; &amp;amp; &amp;\\#60; A&amp;B (WFM Server)');
});

test('names, hosts and the document name that look like links are not turned into links', () => {
  const document = topology(
    [
      { id: 'a', kind: 'server', name: 'www.example.com', host: 'http://wfm01:8080/x' },
      { id: 'b', kind: 'builder', name: 'admin@example.co', host: 'WWW.EXAMPLE.COM' },
      { id: 'c', kind: 'web', name: 'mailto:ops@example.com', host: 'https://x.example/a?b=c' },
    ],
    [],
    { name: 'see www.example.org or ftp://files' },
  );
  const markdown = serializeMarkdown(document);
  // The Mermaid block is code: GitHub makes no links there, and the names stay as written.
  const prose = markdown.slice(0, markdown.indexOf('```mermaid'));
  expect(tableRows(section(markdown, '## Components')).map(([name, , host]) => [name, host])).toEqual([
    ['www\\.example.com', 'http\\://wfm01\\:8080/x'],
    ['admin\\@example.co', 'WWW\\.EXAMPLE.COM'],
    ['mailto\\:ops\\@example.com', 'https\\://x.example/a?b=c'],
  ]);
  expect(markdown.startsWith('# see www\\.example.org or ftp\\://files\n')).toBe(true);
  expect(markdown).toContain('### www\\.example.com (WFM Server)');
  for (const { name, host } of document.components) {
    expect(prose).not.toContain(name);
    if (host) expect(prose).not.toContain(host);
  }
});

test('a right-to-left override in any text of the report is shown as <U+202E>, and no bidi control is left raw', () => {
  const rlo = '\u202e';
  const document = topology(
    [
      { id: 'a', kind: 'daemon', name: `D${rlo}1`, host: `h${rlo}ost` },
      { id: 'b', kind: 'daemon', name: `D${rlo}1` },
    ],
    [],
    { name: `Lab${rlo}bal\u2066\u2028x` },
  );
  const markdown = serializeMarkdown(document);
  expect(markdown.startsWith('# Lab&lt;U+202E&gt;bal&lt;U+2066&gt;&lt;U+2028&gt;x\n')).toBe(true);
  expect(tableRows(section(markdown, '## Components'))[0]?.slice(0, 3)).toEqual([
    'D&lt;U+202E&gt;1',
    'WFM Daemon',
    'h&lt;U+202E&gt;ost',
  ]);
  const problems = tableRows(section(markdown, '## Validation')).map(([, , message]) => message ?? '');
  expect(problems.some((message) => message.includes('D&lt;U+202E&gt;1'))).toBe(true);
  expect(markdown).not.toMatch(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding hidden characters is the point
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/,
  );
});

test('whatever a name holds, its table cell renders as the name made visible, in one cell, with nothing live', () => {
  const unit = fc.oneof(
    fc.constantFrom(
      ...'&<>|\\`*_[]()#~$:@.!w\n\r\u202e\u2028 '.split(''),
      'www.',
      'http://',
      '&lt;',
      '&amp;',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  fc.assert(
    fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), (parts) => {
      const name = parts.join('');
      const rows = tableRows(
        section(serializeMarkdown(topology([{ id: 's', kind: 'server', name }])), '## Components'),
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toHaveLength(4);
      const cell = rows[0]?.[0] ?? '';
      expect(rendered(cell)).toBe(visibleText(name).trim());
      for (const ch of ['<', '>', '|', '`', '*', '[', ']', '#', '~', '$', ':', '@']) {
        expect(hasUnescaped(cell, ch), `${JSON.stringify(name)}: raw ${ch}`).toBe(false);
      }
      expect(cell.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      expect(cell).not.toMatch(/www\./i);
    }),
    { seed: 20_251_126, numRuns: 300 },
  );
});

test('a context kind with links of its own gets its Connections tab, marked as Framework context', () => {
  const markdown = serializeMarkdown(
    topology(
      [
        { id: 'scs', kind: 'scs', name: 'SCS' },
        { id: 'msg', kind: 'message-server', name: 'LOG' },
        { id: 'cfg', kind: 'config-server', name: 'confserv' },
      ],
      [{ id: 'c-1', from: 'scs', to: 'msg' }],
    ),
  );
  const tabs = markdown.split('## Connections tabs')[1]?.split('\n## ')[0] ?? '';
  expect(tabs).toContain('### SCS (Solution Control Server)');
  expect(tabs).toContain('| LOG | Message Server | Framework context (not judged by the matrix) |');
  // A context kind with no link of its own has no tab to show.
  expect(tabs).not.toContain('confserv');
});
