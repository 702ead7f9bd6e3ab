import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import type { DocumentComponent, TopologyDocument } from '../document';
import type { ComponentKind } from '../domain';
import { serializeSvg } from './svg';

// Version 2 in the SVG: zones and hosts behind the cards, HA pairs, notes, labels, context kinds.

interface Element {
  readonly [key: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['g', 'rect', 'text', 'line', 'path', 'title'].includes(name),
  parseTagValue: false,
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
function layerIds(svg: string): string[] {
  return children(root(svg), 'g').map((g) => attribute(g, 'id') ?? '');
}
function layer(svg: string, id: string): Element {
  const found = children(root(svg), 'g').find((g) => attribute(g, 'id') === id);
  if (!found) throw new Error(`no <g id="${id}">`);
  return found;
}
/** The group in layer `id` whose tooltip is `title`. */
function item(svg: string, id: string, title: string): Element {
  const found = children(layer(svg, id), 'g').find((g) => text(children(g, 'title')[0]) === title);
  if (!found) throw new Error(`no ${title} in ${id}`);
  return found;
}
function translation(element: Element): { x: number; y: number } {
  const match = /^translate\((\S+) (\S+)\)$/.exec(attribute(element, 'transform') ?? '');
  return { x: Number(match?.[1]), y: Number(match?.[2]) };
}

function site(extra: Partial<TopologyDocument> = {}, components: DocumentComponent[] = []): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'HA',
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
      { id: 'h-2', name: 'wfm-app02', zone: 'z-1' },
    ],
    components: [
      { id: 'srv', kind: 'server', name: 'WFM_Server', host: 'h-1', port: 7000, position: { x: 0, y: 200 } },
      {
        id: 'da-1',
        kind: 'data-aggregator',
        name: 'WFM_DA',
        host: 'h-1',
        port: 7020,
        position: { x: 0, y: 0 },
      },
      {
        id: 'da-2',
        kind: 'data-aggregator',
        name: 'WFM_DA_backup',
        host: 'h-2',
        port: 7020,
        backupOf: 'da-1',
        standby: 'hot',
        position: { x: 400, y: 0 },
      },
      ...components,
    ],
    connections: [
      { id: 'c-1', from: 'da-1', to: 'srv', label: 'statistics <b>' },
      { id: 'c-2', from: 'da-2', to: 'srv', security: 'tls', label: 'backup stats' },
    ],
    ...extra,
  };
}

test('zones and hosts are drawn before the connections and the cards, zones first', () => {
  const ids = layerIds(serializeSvg(site()));
  expect(ids.indexOf('zones')).toBeLessThan(ids.indexOf('hosts'));
  expect(ids.indexOf('hosts')).toBeLessThan(ids.indexOf('connections'));
  expect(ids.indexOf('connections')).toBeLessThan(ids.indexOf('components'));
  expect(ids.indexOf('components')).toBeLessThan(ids.indexOf('notes'));
});

test('a host is a labelled rectangle around its components, with its address, LCA port and certificate', () => {
  const svg = serializeSvg(site());
  const host = item(svg, 'hosts', 'Host: wfm-app01');
  expect(children(host, 'text').map(text)).toEqual([
    'wfm-app01',
    'wfm-app01.example.com · LCA 4999 · certificate',
  ]);
  const at = translation(host);
  const box = children(host, 'rect')[0];
  // Its two cards are at (0, 0) and (0, 200), both inside.
  expect(at.x).toBeLessThan(0);
  expect(at.y).toBeLessThan(0);
  expect(at.y + Number(attribute(box, 'height'))).toBeGreaterThan(260);
});

test('a zone is a labelled rectangle around its hosts', () => {
  const svg = serializeSvg(site());
  const zone = item(svg, 'zones', 'Zone: London DC');
  const host = item(svg, 'hosts', 'Host: wfm-app02');
  expect(text(children(zone, 'text')[0])).toBe('London DC');
  expect(translation(zone).x).toBeLessThan(translation(host).x);
  expect(translation(zone).y).toBeLessThan(translation(host).y);
});

test('a host with a stored position and size is drawn there', () => {
  const document = site();
  const stored = site({
    hosts: (document.hosts ?? []).map((h) =>
      h.id === 'h-2' ? { ...h, position: { x: 380, y: -60 }, size: { width: 300, height: 150 } } : h,
    ),
  });
  const host = item(serializeSvg(stored), 'hosts', 'Host: wfm-app02');
  const box = children(host, 'rect')[0];
  expect([attribute(box, 'width'), attribute(box, 'height')]).toEqual(['300', '150']);
  const card = item(serializeSvg(stored), 'components', 'WFM Data Aggregator: WFM_DA_backup');
  expect(translation(card).x - translation(host).x).toBe(20);
  expect(translation(card).y - translation(host).y).toBe(60);
  // Its card at (400, 0) is 20 px right of and 60 px below the host's stored corner (380, -60).
});

test('an HA pair is drawn as a pair: a dashed standby link and "backup · hot" / "primary" marks', () => {
  const svg = serializeSvg(site());
  const link = item(
    svg,
    'standby',
    "WFM Data Aggregator 'WFM_DA_backup' is the hot standby backup of WFM Data Aggregator 'WFM_DA'",
  );
  expect(attribute(children(link, 'path')[0], 'class')).toBe('sb');
  expect(text(children(link, 'text')[0])).toBe('hot standby');
  expect(svg).toMatch(/\.sb\{[^}]*stroke-dasharray/);
  const backup = children(item(svg, 'components', 'WFM Data Aggregator: WFM_DA_backup'), 'text').map(text);
  const primary = children(item(svg, 'components', 'WFM Data Aggregator: WFM_DA'), 'text').map(text);
  expect(backup).toContain('backup · hot');
  expect(primary).toContain('primary');
  expect(children(item(svg, 'components', 'WFM Server: WFM_Server'), 'text').map(text)).not.toContain(
    'primary',
  );
});

test('a component that names itself or a missing primary is no pair', () => {
  const document = site({}, []);
  const alone = {
    ...document,
    components: document.components.map((c) => (c.id === 'da-2' ? { ...c, backupOf: 'da-2' } : c)),
  };
  expect(children(layer(serializeSvg(alone), 'standby'), 'g')).toHaveLength(0);
});

test('a connection label is drawn near the middle of its line, escaped, beside the TLS mark', () => {
  const svg = serializeSvg(site());
  expectSafe(svg);
  const plain = item(svg, 'connections', "WFM Data Aggregator 'WFM_DA' to WFM Server 'WFM_Server'");
  expect(children(plain, 'text').map(text)).toEqual(['statistics <b>']);
  const line = children(plain, 'path').find((p) => attribute(p, 'class') === 'e');
  const label = children(plain, 'rect')[0];
  // A straight line (no stored route): the tag sits on its middle.
  const [x1, y1, x2, y2] = (/^M(\S+) (\S+) L(\S+) (\S+)$/.exec(attribute(line, 'd') ?? '') ?? [])
    .slice(1)
    .map(Number);
  const labelX = Number(attribute(label, 'x')) + Number(attribute(label, 'width')) / 2;
  const labelY = Number(attribute(label, 'y')) + 9;
  // (the drawn line stops 2 px short of the card, for the arrowhead)
  expect(Math.abs(labelX - ((x1 as number) + (x2 as number)) / 2)).toBeLessThan(2);
  expect(Math.abs(labelY - ((y1 as number) + (y2 as number)) / 2)).toBeLessThan(2);
  const secure = item(svg, 'connections', "WFM Data Aggregator 'WFM_DA_backup' to WFM Server 'WFM_Server'");
  expect(children(secure, 'text').map(text)).toEqual(['TLS · backup stats']);
});

test('notes are drawn on top as boxes holding their text, wrapped, line breaks kept', () => {
  const svg = serializeSvg(
    site({
      annotations: [
        {
          id: 'a-1',
          text: 'Agents in London and Leeds\nFailover is manual for the Server',
          position: { x: 0, y: -120 },
        },
      ],
    }),
  );
  const note = item(svg, 'notes', 'Note: Agents in London and Leeds<U+000A>Failover is m');
  const lines = children(note, 'text').map(text);
  expect(lines[0]).toBe('Agents in London and Leeds');
  expect(lines.slice(1).join(' ')).toBe('Failover is manual for the Server');
});

test('a long note without a size is cut after eight lines with an ellipsis', () => {
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  const svg = serializeSvg(site({ annotations: [{ id: 'a', text: words, position: { x: 0, y: 400 } }] }));
  const lines = children(children(layer(svg, 'notes'), 'g')[0] ?? {}, 'text').map(text);
  expect(lines).toHaveLength(8);
  expect(lines.at(-1)?.endsWith('…')).toBe(true);
});

test('the drawing grows to hold a note far from the cards', () => {
  const near = root(serializeSvg(site()));
  const far = root(
    serializeSvg(site({ annotations: [{ id: 'a', text: 'far', position: { x: 3000, y: 0 } }] })),
  );
  expect(Number(attribute(far, 'width'))).toBeGreaterThan(Number(attribute(near, 'width')) + 2000);
});

test('the legend explains zones, hosts and standby links when the drawing has them', () => {
  const legend = children(layer(serializeSvg(site()), 'legend'), 'g').flatMap((g) =>
    children(g, 'text').map(text),
  );
  expect(legend).toEqual(expect.arrayContaining(['zone', 'host', 'backup and its primary (standby)']));
  const plain = site({ zones: [], hosts: [] });
  const without = children(
    layer(
      serializeSvg({
        ...plain,
        components: plain.components.map(({ backupOf: _b, standby: _s, ...c }) => c),
      }),
      'legend',
    ),
    'g',
  ).flatMap((g) => children(g, 'text').map(text));
  expect(without).not.toContain('zone');
  expect(without).not.toContain('host');
  expect(without).not.toContain('backup and its primary (standby)');
});

// Context kinds are kind-registry entries of the domain branch (rules.md section 8): these two
// tests pass once it is merged.
const SCS = 'scs' as ComponentKind;

test('a Framework context card is drawn dashed and muted, and its links are dashed', () => {
  const svg = serializeSvg(
    site({ connections: [{ id: 'c-9', from: 'scs-1', to: 'srv', label: 'starts' }] }, [
      { id: 'scs-1', kind: SCS, name: 'SCS', host: 'h-1', position: { x: 400, y: 200 } },
    ]),
  );
  const card = item(svg, 'components', 'Solution Control Server: SCS');
  expect(attribute(children(card, 'rect')[0], 'class')).toBe('c ctx');
  expect(attribute(children(card, 'rect')[0], 'stroke-dasharray')).toBe('6 4');
  const link = item(svg, 'connections', "Solution Control Server 'SCS' to WFM Server 'WFM_Server'");
  expect(children(link, 'path').map((p) => attribute(p, 'class'))).toContain('e ctx');
  expect(children(link, 'text').map(text)).toEqual(['starts']);
});

test('a WFM card is not drawn as context', () => {
  const card = item(serializeSvg(site()), 'components', 'WFM Server: WFM_Server');
  expect(attribute(children(card, 'rect')[0], 'class')).toBe('c');
});

function expectSafe(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).not.toMatch(/<script|<b>/i);
}
