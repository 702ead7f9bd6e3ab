import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import {
  type DocumentComponent,
  type DocumentConnection,
  parseDocument,
  serializeDocument,
  type TopologyDocument,
} from '../document';
import { validate } from '../domain';
import { CARD_HEIGHT } from '../drawing/layout';
import { extractDocumentText } from './embedded';
import { SVG_METADATA_ID, serializeSvg } from './svg';

// The SVG is read back with an independent XML parser, so these tests see what any SVG tool sees:
// elements, attributes and text with entities already decoded.

const ERROR_COLOUR = '#c81e1e';
const SECURE_COLOUR = '#15803d';
const EXAMPLES = join(import.meta.dirname, '../../examples');

interface Element {
  readonly [key: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['g', 'rect', 'text', 'line', 'path', 'title', 'marker'].includes(name),
  parseTagValue: false,
  parseAttributeValue: false,
});

function isElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(element: Element, name: string): Element[] {
  const value = element[name];
  return Array.isArray(value) ? value.map((item) => (isElement(item) ? item : { '#text': item })) : [];
}

function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.[name];
  return typeof value === 'string' ? value : undefined;
}

function text(element: Element | undefined): string {
  const value = element?.['#text'];
  return typeof value === 'string' ? value : String(value ?? '');
}

function root(svg: string): Element {
  const tree: unknown = parser.parse(svg);
  const svgElement = isElement(tree) ? tree.svg : undefined;
  if (!isElement(svgElement)) throw new Error('no <svg> root element');
  return svgElement;
}

function layer(svg: string, id: 'connections' | 'components' | 'legend'): Element {
  const found = children(root(svg), 'g').find((g) => attribute(g, 'id') === id);
  if (!found) throw new Error(`no <g id="${id}">`);
  return found;
}

/** The card group whose `<title>` is `title`, e.g. `WFM Builder: B1`. */
function card(svg: string, title: string): Element {
  const found = children(layer(svg, 'components'), 'g').find((g) => text(children(g, 'title')[0]) === title);
  if (!found) throw new Error(`no card titled ${title}`);
  return found;
}

/** The connection group whose `<title>` is `title`, e.g. `WFM Builder 'B1' to WFM Server 'S1'`. */
function edge(svg: string, title: string): Element {
  const found = children(layer(svg, 'connections'), 'g').find((g) => text(children(g, 'title')[0]) === title);
  if (!found) throw new Error(`no connection titled ${title}`);
  return found;
}

/** A connection's line: the path of class "e" (the lock of a secured one is a path too). */
function linePaths(group: Element): Element[] {
  return children(group, 'path').filter((path) => /^e\b/.test(attribute(path, 'class') ?? ''));
}

function lockPaths(group: Element): Element[] {
  return children(group, 'path').filter((path) => attribute(path, 'class') === 'lock');
}

/** Where a connection's path starts. */
function startX(path: Element | undefined): number {
  return Number(/^M(\S+) /.exec(attribute(path, 'd') ?? '')?.[1]);
}

function translation(element: Element): { x: number; y: number } {
  const match = /^translate\((\S+) (\S+)\)$/.exec(attribute(element, 'transform') ?? '');
  if (!match) throw new Error('no translate()');
  return { x: Number(match[1]), y: Number(match[2]) };
}

function component(id: string, kind: DocumentComponent['kind'], name: string, x?: number, y?: number) {
  const base: DocumentComponent = { id, kind, name };
  return x === undefined || y === undefined ? base : { ...base, position: { x, y } };
}

function connection(id: string, from: string, to: string, security?: DocumentConnection['security']) {
  const base: DocumentConnection = { id, from, to };
  return security === undefined ? base : { ...base, security };
}

function topology(
  components: DocumentComponent[],
  connections: DocumentConnection[] = [],
  name?: string,
): TopologyDocument {
  // A component's host is the id of a host of the document; the hosts here are named by their ids.
  const hosts = [...new Set(components.flatMap((c) => (c.host === undefined ? [] : [c.host])))].map((id) => ({
    id,
    name: id,
  }));
  const document: TopologyDocument = {
    format: 'wfm-topology',
    version: 2,
    ruleset: 'wfm-8.5.2',
    zones: [],
    hosts,
    components,
    connections,
    annotations: [],
  };
  return name === undefined ? document : { ...document, name };
}

/** A server with a builder that connects to it: the builder is fine, the server misses its DAP. */
function serverAndBuilder(security?: DocumentConnection['security']): TopologyDocument {
  return topology(
    [component('srv', 'server', 'S1', 0, 200), component('bld', 'builder', 'B1', 0, 0)],
    [connection('c-1', 'bld', 'srv', security)],
    'Lab',
  );
}

/** The document as its own `.wfm.json` file reads back: what an embedded copy must equal. */
function asWritten(document: TopologyDocument) {
  return parseDocument(serializeDocument(document, { includeValidation: false }));
}

function exampleDocument(file: string): TopologyDocument {
  const parsed = parseDocument(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.document;
}

function expectSafeSvg(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).not.toMatch(/foreignObject/i);
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/\son\w+\s*=/i);
  for (const [, value] of svg.matchAll(/(?:xlink:)?href\s*=\s*"([^"]*)"/gi)) expect(value).toMatch(/^#/);
  for (const [reference] of svg.matchAll(/url\([^)]*\)/gi)) expect(reference).toMatch(/^url\(#[\w-]+\)$/);
}

const NASTY_NAME = '</text><script>alert(1)</script>';

test('the SVG of each example is well-formed XML with no script, event handler or outside reference', () => {
  for (const file of ['single-site.wfm.json', 'broken.wfm.json']) {
    for (const outlineProblems of [false, true]) {
      expectSafeSvg(serializeSvg(exampleDocument(file), { outlineProblems }));
    }
  }
});

test('the SVG starts with an XML declaration and has an <svg> root in the SVG namespace', () => {
  const svg = serializeSvg(topology([component('srv', 'server', 'S1', 0, 0)]));
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
  expect(attribute(root(svg), 'xmlns')).toBe('http://www.w3.org/2000/svg');
  expect(svg.endsWith('</svg>\n')).toBe(true);
});

test('an empty document gives a valid SVG titled "Untitled deployment"', () => {
  const svg = serializeSvg(topology([], [], '   '));
  expectSafeSvg(svg);
  expect(text(children(root(svg), 'title')[0])).toBe('Untitled deployment');
  expect(children(layer(svg, 'components'), 'g')).toEqual([]);
});

test('every component name is written as real <text>', () => {
  const document = exampleDocument('single-site.wfm.json');
  const svg = serializeSvg(document);
  const texts = children(layer(svg, 'components'), 'g').flatMap((g) => children(g, 'text').map(text));
  for (const { name } of document.components) expect(texts).toContain(name);
});

test('the card shows the kind, the name and host:port, with the name of its host, never its id', () => {
  const document = {
    ...topology([
      { id: 'srv', kind: 'server', name: 'WFM_Server', position: { x: 0, y: 0 }, host: 'h-1', port: 7000 },
    ]),
    hosts: [{ id: 'h-1', name: 'wfm01' }],
  };
  const texts = children(card(serializeSvg(document), 'WFM Server: WFM_Server'), 'text').map(text);
  expect(texts).toEqual(['WFM Server', 'WFM_Server', 'wfm01:7000']);
});

test('a WFM Server with ETL gets an ETL tag on its card', () => {
  const document = topology([{ id: 'srv', kind: 'server', name: 'S1', position: { x: 0, y: 0 }, etl: true }]);
  expect(children(card(serializeSvg(document), 'WFM Server: S1'), 'text').map(text)).toContain('ETL');
});

test('a component named with markup is escaped: the markup is text, never an element', () => {
  const document = topology([component('srv', 'server', NASTY_NAME, 0, 0)]);
  const svg = serializeSvg(document);
  expectSafeSvg(svg);
  expect(svg).not.toContain(NASTY_NAME);
  expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  const nameText = text(children(card(svg, `WFM Server: ${NASTY_NAME}`), 'text')[1]);
  expect(
    nameText.endsWith('…') ? NASTY_NAME.startsWith(nameText.slice(0, -1)) : nameText === NASTY_NAME,
  ).toBe(true);
});

test('a component named with markup comes back whole from the embedded document', () => {
  const document = topology([component('srv', 'server', NASTY_NAME, 0, 0)], [], NASTY_NAME);
  const embedded = extractDocumentText(new TextEncoder().encode(serializeSvg(document)));
  expect(embedded.ok && parseDocument(embedded.text)).toEqual(asWritten(document));
});

test('a short name with every XML special character is written and read back exactly', () => {
  const name = `<a href="x">&'`;
  const svg = serializeSvg(topology([component('srv', 'server', name, 0, 0)]));
  expectSafeSvg(svg);
  expect(text(children(card(svg, `WFM Server: ${name}`), 'text')[1])).toBe(name);
});

test('a name too long for the card is cut with an ellipsis, and its <title> keeps it whole', () => {
  const name = `WFM_Server_${'x'.repeat(100)}`;
  const found = card(serializeSvg(topology([component('srv', 'server', name, 0, 0)])), `WFM Server: ${name}`);
  const shown = text(children(found, 'text')[1]);
  expect(shown.endsWith('…')).toBe(true);
  expect(name.startsWith(shown.slice(0, -1))).toBe(true);
});

test('the document name, markup and all, is the <title> and the heading of the SVG', () => {
  const name = '<b>Prod</b> & "DR" <script>x</script>';
  const svg = serializeSvg(topology([], [], `  ${name}  `));
  expectSafeSvg(svg);
  expect(svg).not.toContain('<b>');
  const title = children(root(svg), 'title')[0];
  expect(attribute(title, 'id')).toBe('wfm-title');
  expect(text(title)).toBe(name);
  expect(children(root(svg), 'text').map(text)).toContain(name);
});

test('the SVG carries its document in <metadata> with the agreed id', () => {
  const metadata = root(serializeSvg(serverAndBuilder())).metadata;
  expect(isElement(metadata) && attribute(metadata, 'id')).toBe(SVG_METADATA_ID);
});

test('arrowhead markers are defined, and every connection line ends in one of them', () => {
  const svg = serializeSvg(exampleDocument('broken.wfm.json'), { outlineProblems: true });
  const defs = root(svg).defs;
  const markers = isElement(defs) ? children(defs, 'marker') : [];
  const ids = markers.map((marker) => attribute(marker, 'id'));
  expect(ids).toContain('arrow');
  for (const marker of markers) expect(children(marker, 'path')).toHaveLength(1);
  const lines = children(layer(svg, 'connections'), 'g').flatMap((g) => linePaths(g));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const reference = /^url\(#(.+)\)$/.exec(attribute(line, 'marker-end') ?? '')?.[1];
    expect(ids).toContain(reference);
  }
});

test('each drawn connection has a <title> naming its source and target', () => {
  const found = edge(serializeSvg(serverAndBuilder()), "WFM Builder 'B1' to WFM Server 'S1'");
  expect(linePaths(found)).toHaveLength(1);
});

test('a TLS connection gets a lock and a "TLS" label in the secure colour', () => {
  const found = edge(serializeSvg(serverAndBuilder('tls')), "WFM Builder 'B1' to WFM Server 'S1'");
  const label = children(found, 'text')[0];
  expect(text(label)).toBe('TLS');
  expect(attribute(label, 'fill')).toBe(SECURE_COLOUR);
  expect(lockPaths(found).map((path) => attribute(path, 'stroke'))).toContain(SECURE_COLOUR);
});

test('a mutual-TLS connection gets a lock and an "mTLS" label', () => {
  const found = edge(serializeSvg(serverAndBuilder('mutual-tls')), "WFM Builder 'B1' to WFM Server 'S1'");
  expect(children(found, 'text').map(text)).toEqual(['mTLS']);
  expect(lockPaths(found)).toHaveLength(1);
});

test('a connection without security has no lock and no label', () => {
  for (const security of [undefined, 'none'] as const) {
    const found = edge(serializeSvg(serverAndBuilder(security)), "WFM Builder 'B1' to WFM Server 'S1'");
    expect(children(found, 'text')).toEqual([]);
    expect(lockPaths(found)).toEqual([]);
  }
});

test('a connection whose matrix cell has a label shows it, e.g. Daemon to Web "scheduled reports"', () => {
  const document = topology(
    [component('dmn', 'daemon', 'D1', 0, 0), component('web', 'web', 'W1', 300, 0)],
    [connection('c-1', 'dmn', 'web', 'tls')],
  );
  const found = edge(serializeSvg(document), "WFM Daemon 'D1' to WFM Web 'W1'");
  expect(children(found, 'text').map(text)).toEqual(['TLS · scheduled reports']);
});

test('with outlineProblems, a component with an error is outlined in the error colour', () => {
  const svg = serializeSvg(serverAndBuilder(), { outlineProblems: true });
  expect(attribute(children(card(svg, 'WFM Server: S1'), 'rect')[0], 'stroke')).toBe(ERROR_COLOUR);
  expect(attribute(children(card(svg, 'WFM Builder: B1'), 'rect')[0], 'stroke')).not.toBe(ERROR_COLOUR);
});

test('problems handed in are used as they are, and the same problems give the same SVG', () => {
  const document = serverAndBuilder();
  const own = serializeSvg(document, { outlineProblems: true });
  expect(serializeSvg(document, { outlineProblems: true, problems: validate(document) })).toBe(own);
  // No problems handed in: nothing is outlined and the subtitle says the matrix is followed.
  const none = serializeSvg(document, { outlineProblems: true, problems: [] });
  expect(none).not.toContain(`stroke="${ERROR_COLOUR}"`);
  expect(none).toContain('follows the component connections matrix');
});

test('an SVG drawn only into a picture leaves out the embedded document, the tooltips and <use>, and draws the same', () => {
  const document = serverAndBuilder();
  const full = serializeSvg(document, { outlineProblems: true });
  const picture = serializeSvg(document, { outlineProblems: true, forPicture: true });
  expect(full).toContain(`<metadata id="${SVG_METADATA_ID}">`);
  expect(picture).not.toContain('<metadata');
  expect(picture).not.toContain('<title>');
  expect(picture).toContain('<title id="wfm-title">');
  // Icons are pattern-filled tiles, one pattern per kind, instead of <use> of a symbol.
  expect(picture).not.toContain('<use');
  expect(picture.match(/<pattern id="icon-/g)).toHaveLength(2);
  expect(picture.match(/fill="url\(#icon-(server|builder)\)"/g)).toHaveLength(2);
  // Every text and line is the same.
  const drawn = (svg: string) => svg.match(/<(text|line|path)[^>]*>[^<]*/g);
  expect(drawn(picture)).toEqual(drawn(full));
});

test('without outlineProblems, the same component is not outlined', () => {
  for (const svg of [
    serializeSvg(serverAndBuilder()),
    serializeSvg(serverAndBuilder(), { outlineProblems: false }),
  ]) {
    expect(attribute(children(card(svg, 'WFM Server: S1'), 'rect')[0], 'stroke')).not.toBe(ERROR_COLOUR);
    expect(svg).not.toContain(`stroke="${ERROR_COLOUR}"`);
  }
});

test('with outlineProblems, a forbidden connection is drawn in the error colour with the error arrowhead', () => {
  const document = topology(
    [component('bld', 'builder', 'B1', 0, 0), component('stat', 'stat-server', 'Stat', 0, 200)],
    [connection('c-1', 'bld', 'stat')],
  );
  const line = (outlineProblems: boolean) =>
    linePaths(edge(serializeSvg(document, { outlineProblems }), "WFM Builder 'B1' to Stat Server 'Stat'"))[0];
  expect(attribute(line(true), 'stroke')).toBe(ERROR_COLOUR);
  expect(attribute(line(true), 'marker-end')).toBe('url(#arrow-error)');
  expect(attribute(line(false), 'stroke')).not.toBe(ERROR_COLOUR);
  expect(attribute(line(false), 'marker-end')).toBe('url(#arrow)');
});

test('with outlineProblems, a connection with a warning is dashed', () => {
  const document = topology(
    [component('srv', 'server', 'S1', 0, 0), component('msg', 'message-server', 'M1', 0, 200)],
    [connection('c-1', 'srv', 'msg')],
  );
  const line = linePaths(
    edge(serializeSvg(document, { outlineProblems: true }), "WFM Server 'S1' to Message Server 'M1'"),
  )[0];
  expect(attribute(line, 'stroke-dasharray')).toBeDefined();
  expect(attribute(line, 'marker-end')).toBe('url(#arrow-warning)');
});

test('a self-connection is not drawn, and the SVG stays valid', () => {
  const document = topology([component('srv', 'server', 'S1', 0, 0)], [connection('c-1', 'srv', 'srv')]);
  const svg = serializeSvg(document);
  expectSafeSvg(svg);
  expect(children(layer(svg, 'connections'), 'g')).toEqual([]);
});

test('the two directions of a pair are drawn apart', () => {
  const document = serverAndBuilder();
  const both = topology(document.components, [...document.connections, connection('c-2', 'srv', 'bld')]);
  const svg = serializeSvg(both);
  const up = linePaths(edge(svg, "WFM Builder 'B1' to WFM Server 'S1'"))[0];
  const down = linePaths(edge(svg, "WFM Server 'S1' to WFM Builder 'B1'"))[0];
  // Both cards are 200 wide and stacked, so a lone connection would run along x = 100 either way.
  expect(startX(linePaths(edge(serializeSvg(document), "WFM Builder 'B1' to WFM Server 'S1'"))[0])).toBe(100);
  expect(Math.abs(Number(startX(up)) - Number(startX(down)))).toBeGreaterThanOrEqual(10);
});

test('the subtitle counts components and connections and names the rule set and the errors', () => {
  const texts = children(root(serializeSvg(serverAndBuilder())), 'text').map(text);
  expect(texts).toContainEqual(
    expect.stringMatching(/^2 components · 1 connection · rule set WFM 8\.5\.2 · \d+ errors?/),
  );
  const older = children(root(serializeSvg({ ...serverAndBuilder(), ruleset: 'wfm-8.5.0' })), 'text').map(
    text,
  );
  expect(older).toContainEqual(expect.stringMatching(/ · rule set WFM 8\.5\.0 · /));
});

test('the legend lists the kinds in the diagram and no others', () => {
  const texts = JSON.stringify(layer(serializeSvg(serverAndBuilder()), 'legend'));
  expect(texts).toContain('WFM Server');
  expect(texts).toContain('WFM Builder');
  expect(texts).not.toContain('Stat Server');
  expect(texts).toContain('TLS or mutual TLS');
});

test('components without a position are laid out by role: WFM Web above WFM Builder above WFM Server above DAP', () => {
  const document = topology([
    component('dap', 'dap', 'DAP'),
    component('srv', 'server', 'S1'),
    component('bld', 'builder', 'B1'),
    component('web', 'web', 'W1'),
  ]);
  const svg = serializeSvg(document);
  const y = (title: string) => translation(card(svg, title)).y;
  expect(y('WFM Web: W1')).toBeLessThan(y('WFM Builder: B1'));
  expect(y('WFM Builder: B1')).toBeLessThan(y('WFM Server: S1'));
  expect(y('WFM Server: S1')).toBeLessThan(y('DAP: DAP'));
});

test('laid-out cards in the SVG do not overlap', () => {
  const kinds = [
    'web',
    'web',
    'daemon',
    'builder',
    'builder',
    'server',
    'db-utility',
    'dap',
    'stat-server',
  ] as const;
  const document = topology(kinds.map((kind, index) => component(`c${index}`, kind, `C${index}`)));
  const cards = children(layer(serializeSvg(document), 'components'), 'g').map((g) => ({
    ...translation(g),
    width: Number(attribute(children(g, 'rect')[0], 'width')),
  }));
  expect(cards).toHaveLength(kinds.length);
  cards.forEach((a, i) => {
    for (const b of cards.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + CARD_HEIGHT <= b.y || b.y + CARD_HEIGHT <= a.y;
      expect(apart).toBe(true);
    }
  });
});

test('the embedded document keeps components without a position without one', () => {
  const document = topology([component('srv', 'server', 'S1'), component('bld', 'builder', 'B1', 10, 20)]);
  const embedded = extractDocumentText(new TextEncoder().encode(serializeSvg(document)));
  expect(embedded.ok && parseDocument(embedded.text)).toEqual(asWritten(document));
});

test('names with U+FFFE or U+FFFF survive the embedded document (XML cannot hold them raw)', () => {
  const document = topology([component('srv', 'server', 'a\ufffeb\uffff', 0, 0)], [], '\uffff');
  const svg = serializeSvg(document);
  expect(svg).not.toMatch(/[\ufffe\uffff]/);
  const embedded = extractDocumentText(new TextEncoder().encode(svg));
  expect(embedded.ok && parseDocument(embedded.text)).toEqual(asWritten(document));
});

/** Every character `visibleText` writes as `<U+XXXX>`, as a class: none may reach an SVG raw. */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

test('a right-to-left override in a name, a host and the document name is drawn as <U+202E>, in order', () => {
  const document = {
    ...topology(
      [{ id: 'srv', kind: 'server', name: 'WFM\u202Erevres', host: 'h-1', position: { x: 0, y: 0 } }],
      [],
      'Prod\u202Edorp',
    ),
    hosts: [{ id: 'h-1', name: 'h\u2067ost' }],
  };
  const svg = serializeSvg(document);
  expectSafeSvg(svg);
  const found = card(svg, 'WFM Server: WFM<U+202E>revres');
  expect(children(found, 'text').map(text)).toEqual(['WFM Server', 'WFM<U+202E>revres', 'h<U+2067>ost']);
  expect(text(children(root(svg), 'title')[0])).toBe('Prod<U+202E>dorp');
  expect(children(root(svg), 'text').map(text)).toContain('Prod<U+202E>dorp');
});

test('bidi controls, line separators and controls appear nowhere raw in the SVG, not even in its metadata', () => {
  const sneaky =
    'a\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u0085\u007f\u001b\tz';
  const document = topology(
    [
      { id: 'srv', kind: 'server', name: sneaky, host: 'h-1', notes: sneaky, position: { x: 0, y: 0 } },
      { id: 'bld', kind: 'builder', name: `${sneaky}2`, position: { x: 0, y: -150 } },
    ],
    [connection('c-1', 'bld', 'srv')],
    sneaky,
  );
  document.hosts = [{ id: 'h-1', name: sneaky, address: sneaky, notes: sneaky }];
  for (const forPicture of [false, true]) {
    const svg = serializeSvg(document, { forPicture });
    expectSafeSvg(svg);
    expect(svg).not.toMatch(HIDDEN);
  }
  const embedded = extractDocumentText(new TextEncoder().encode(serializeSvg(document)));
  expect(embedded.ok && parseDocument(embedded.text)).toEqual(asWritten(document));
});

test('a name cut to fit its card is cut after being made visible, so no notation hides a character', () => {
  const name = `${'\u202e'.repeat(30)}x`;
  const shown = text(
    children(
      card(
        serializeSvg(topology([component('s', 'server', name, 0, 0)])),
        `WFM Server: ${'<U+202E>'.repeat(30)}x`,
      ),
      'text',
    )[1],
  );
  expect(shown.endsWith('…')).toBe(true);
  expect('<U+202E>'.repeat(30).startsWith(shown.slice(0, -1))).toBe(true);
  expect(shown).not.toMatch(HIDDEN);
});

test('a lone surrogate in a name is drawn as its notation, not as a replacement character', () => {
  const svg = serializeSvg(topology([component('s', 'server', 'a\ud800b', 0, 0)]));
  expect(text(children(card(svg, 'WFM Server: a<U+D800>b'), 'text')[1])).toBe('a<U+D800>b');
  expect(svg).not.toMatch(/[\ud800-\udfff]/);
});

test('positions as far apart as the format allows still give a drawable SVG that carries the file as it was', () => {
  const far: TopologyDocument = {
    format: 'wfm-topology',
    version: 2,
    name: 'Far',
    ruleset: 'wfm-8.5.2',
    zones: [],
    hosts: [],
    components: [
      { id: 'a', kind: 'server', name: 'A', position: { x: -1e308, y: 0 } },
      { id: 'b', kind: 'dap', name: 'B', position: { x: 1e308, y: 1e308 } },
    ],
    connections: [{ id: 'c', from: 'a', to: 'b' }],
    annotations: [],
  };
  const svg = serializeSvg(far);
  expect(XMLValidator.validate(svg)).toBe(true);
  const size = /<svg[^>]*\swidth="([^"]+)" height="([^"]+)"/.exec(svg);
  expect(Number(size?.[1])).toBeLessThan(10_000);
  expect(Number(size?.[2])).toBeLessThan(10_000);
  const embedded = extractDocumentText(new TextEncoder().encode(svg));
  if (!embedded.ok) throw new Error('no document in the SVG');
  expect(JSON.parse(embedded.text).components[0].position.x).toBe(-1e308);
});
