import { expect, test } from 'vitest';
import { parseDocument, type TopologyDocument } from '../document';
import type { ComponentKind } from '../domain';
import { TEMPLATES } from '../templates/catalog';
import { CARD_HEIGHT } from './layout';
import { tidyCardWidth, tidyLayout, type XY } from './tidy-layout';

// An independent expectation of the rows, top to bottom (not read from the code under test).
const ABOVE_SERVERS: readonly ComponentKind[] = ['web', 'daemon', 'builder', 'data-aggregator'];
const BELOW_SERVERS: readonly ComponentKind[] = ['dap', 'stat-server', 'message-server'];

function template(id: string): TopologyDocument {
  const result = parseDocument(TEMPLATES.find((t) => t.id === id)?.text ?? '');
  if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
  return result.document;
}

/** The template as one diagram: no hosts, so Tidy up lays out every card by role at once. */
function ungrouped(id: string): TopologyDocument {
  const { hosts: _hosts, zones: _zones, ...document } = template(id);
  return { ...document, components: document.components.map(({ host: _host, ...c }) => c) };
}

/** A document from `id:kind` components and `from>to` connections, without positions. */
function sketch(components: readonly string[], connections: readonly string[] = []): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    components: components.map((spec) => {
      const [id = '', kind = 'server'] = spec.split(':');
      return { id, kind: kind as ComponentKind, name: id };
    }),
    connections: connections.map((spec, i) => {
      const [from = '', to = ''] = spec.split('>');
      return { id: `c-${i + 1}`, from, to };
    }),
  };
}

interface Card {
  readonly id: string;
  readonly kind: ComponentKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

function cards(document: TopologyDocument, layout: ReadonlyMap<string, XY>): Card[] {
  return document.components.map((c) => {
    const at = layout.get(c.id);
    if (!at) throw new Error(`${c.id} was not placed`);
    return { id: c.id, kind: c.kind, x: at.x, y: at.y, width: tidyCardWidth(c, document) };
  });
}

function expectRowsByRole(list: readonly Card[]): void {
  const servers = list.filter((c) => c.kind === 'server').map((c) => c.y);
  const above = list.filter((c) => ABOVE_SERVERS.includes(c.kind)).map((c) => c.y);
  const below = list.filter((c) => BELOW_SERVERS.includes(c.kind)).map((c) => c.y);
  for (const y of above) for (const s of servers) expect(y).toBeLessThan(s);
  for (const y of below) for (const s of servers) expect(y).toBeGreaterThan(s);
  for (const y of above) for (const b of below) expect(y).toBeLessThan(b);
  // Clients of the Server: WFM Web and WFM Daemon above the Builders and the Data Aggregator.
  const top = list.filter((c) => c.kind === 'web' || c.kind === 'daemon').map((c) => c.y);
  const middle = list.filter((c) => c.kind === 'builder' || c.kind === 'data-aggregator').map((c) => c.y);
  for (const y of top) for (const m of middle) expect(y).toBeLessThan(m);
}

function expectNoOverlap(list: readonly Card[]): void {
  list.forEach((a, i) => {
    for (const b of list.slice(i + 1)) {
      const apart =
        a.x + a.width + 40 <= b.x ||
        b.x + b.width + 40 <= a.x ||
        a.y + CARD_HEIGHT <= b.y ||
        b.y + CARD_HEIGHT <= a.y;
      expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
    }
  });
}

/** Pairs of connections (between four different cards) whose straight lines cross, as the canvas draws them. */
function crossings(document: TopologyDocument, list: readonly Card[]): number {
  const byId = new Map(list.map((c) => [c.id, c]));
  const centre = (id: string) => {
    const c = byId.get(id);
    return c ? { x: c.x + c.width / 2, y: c.y + CARD_HEIGHT / 2 } : { x: 0, y: 0 };
  };
  const turn = (a: XY, b: XY, c: XY) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  let count = 0;
  document.connections.forEach((e, i) => {
    for (const f of document.connections.slice(i + 1)) {
      if (new Set([e.from, e.to, f.from, f.to]).size < 4) continue;
      const [p, q, r, s] = [centre(e.from), centre(e.to), centre(f.from), centre(f.to)];
      if (turn(p, q, r) * turn(p, q, s) < 0 && turn(r, s, p) * turn(r, s, q) < 0) count += 1;
    }
  });
  return count;
}

test.each(TEMPLATES)(
  'tidying up $title without its hosts puts the clients above the WFM Servers and the Framework below',
  ({ id }) => {
    const document = ungrouped(id);
    expectRowsByRole(cards(document, tidyLayout(document)));
  },
);

test.each(TEMPLATES)('tidying up $title keeps the rows by role inside each host', ({ id }) => {
  const document = template(id);
  const list = cards(document, tidyLayout(document));
  for (const host of document.hosts ?? []) {
    const members = new Set(document.components.filter((c) => c.host === host.id).map((c) => c.id));
    expectRowsByRole(list.filter((card) => members.has(card.id)));
  }
});

test.each(TEMPLATES)('tidying up $title leaves no two cards overlapping', ({ id }) => {
  const document = template(id);
  expectNoOverlap(cards(document, tidyLayout(document)));
});

test.each(TEMPLATES)('tidying up $title puts every card on the 8-px grid', ({ id }) => {
  for (const card of cards(template(id), tidyLayout(template(id)))) {
    expect(card.x % 8, card.id).toBe(0);
    expect(card.y % 8, card.id).toBe(0);
  }
});

test.each(TEMPLATES)('tidying up $title twice gives the same positions', ({ id }) => {
  const document = template(id);
  const first = tidyLayout(document);
  expect(tidyLayout(structuredClone(document))).toEqual(first);
  // Tidy is a fixed point: laying out the tidied diagram again moves nothing.
  const tidied = {
    ...document,
    components: document.components.map((c) => ({ ...c, position: first.get(c.id) ?? { x: 0, y: 0 } })),
  };
  expect(tidyLayout(tidied)).toEqual(first);
});

test('the minimal single site without its hosts tidies up with no crossing connections', () => {
  const document = ungrouped('minimal-single-site');
  expect(crossings(document, cards(document, tidyLayout(document)))).toBe(0);
});

test('the builder pool and the notifications template without their hosts tidy up with no crossing connections', () => {
  for (const id of ['builder-pool', 'notifications-and-reports']) {
    const document = ungrouped(id);
    expect(crossings(document, cards(document, tidyLayout(document))), id).toBe(0);
  }
});

test('an empty document has nothing to lay out', () => {
  expect(tidyLayout(sketch([])).size).toBe(0);
});

test('components without connections are still placed in the row of their role', () => {
  const document = sketch([
    'dap:dap',
    'web:web',
    'srv:server',
    'bld:builder',
    'msg:message-server',
    'bru:db-utility',
  ]);
  const list = cards(document, tidyLayout(document));
  expect(list).toHaveLength(6);
  expectRowsByRole(list);
  expectNoOverlap(list);
  const y = new Map(list.map((c) => [c.id, c.y]));
  expect(y.get('bru')).toBe(y.get('srv'));
  expect(y.get('msg')).toBe(y.get('dap'));
});

test('rows never invert across separate parts of the diagram', () => {
  // Part one spans only the two lower rows, part two the two upper ones, part three one row.
  const document = sketch(
    [
      's1:server',
      'd1:dap',
      'w2:web',
      'b2:builder',
      's2:server',
      'st:stat-server',
      'w3:web',
      'w4:web',
      'lone:daemon',
    ],
    ['s1>d1', 'w2>s2', 'b2>s2', 's2>b2', 'w3>w4'],
  );
  const list = cards(document, tidyLayout(document));
  expectRowsByRole(list);
  expectNoOverlap(list);
  const y = new Map(list.map((c) => [c.id, c.y]));
  expect(y.get('s1')).toBe(y.get('s2'));
  expect(y.get('w3')).toBe(y.get('w4'));
  expect(y.get('st')).toBe(y.get('d1'));
});

test('two WFM Servers connected to each other share their row, as do two connected WFM Webs', () => {
  const document = sketch(
    ['a:server', 'b:server', 'ba:builder', 'bb:builder', 'w1:web', 'w2:web', 'dap:dap'],
    ['a>b', 'b>a', 'a>ba', 'ba>a', 'b>bb', 'bb>b', 'a>dap', 'b>dap', 'w1>a', 'w2>b', 'w1>w2'],
  );
  const list = cards(document, tidyLayout(document));
  const y = new Map(list.map((c) => [c.id, c.y]));
  expect(y.get('a')).toBe(y.get('b'));
  expect(y.get('w1')).toBe(y.get('w2'));
  expectRowsByRole(list);
  expectNoOverlap(list);
});

test('connections of a component to itself are ignored', () => {
  const document = sketch(['s:server', 'b:builder'], ['s>s', 's>b', 'b>s']);
  expectRowsByRole(cards(document, tidyLayout(document)));
});

test('the tidied diagram keeps the top-left corner the diagram had', () => {
  const document = template('builder-pool');
  const moved = {
    ...document,
    components: document.components.map((c) => ({
      ...c,
      position: { x: (c.position?.x ?? 0) + 803, y: (c.position?.y ?? 0) - 397 },
    })),
  };
  const list = cards(moved, tidyLayout(moved));
  const left = Math.min(...moved.components.map((c) => c.position.x));
  const top = Math.min(...moved.components.map((c) => c.position.y));
  expect(Math.min(...list.map((c) => c.x))).toBe(Math.round(left / 8) * 8);
  expect(Math.min(...list.map((c) => c.y))).toBe(Math.round(top / 8) * 8);
});

test('a large deployment keeps its rows and its cards apart', () => {
  const components = ['dap:dap', 'stat:stat-server', 'msg:message-server', 'agg:data-aggregator'];
  const connections = ['agg>dap', 'agg>stat', 'agg>msg'];
  for (let i = 0; i < 30; i += 1) {
    components.push(`s${i}:server`, `b${i}:builder`, `w${i}:web`);
    connections.push(`s${i}>b${i}`, `b${i}>s${i}`, `s${i}>dap`, `w${i}>s${i}`, `s${i}>msg`, `b${i}>msg`);
    if (i > 0) connections.push(`s${i}>s${i - 1}`);
  }
  connections.push('agg>s0');
  const document = sketch(components, connections);
  const list = cards(document, tidyLayout(document));
  expectRowsByRole(list);
  expectNoOverlap(list);
});
