import { readdirSync, readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseDocument, type TopologyDocument } from '../document';
import { applyLayout } from './apply-layout';
import { HOST_HEADER, ZONE_HEADER } from './containers';
import { countCrossings, type DiagramLayout, elkGraph, elkLayout } from './elk-layout';
import { type Point, type Rect, rectInside, rectsOverlap } from './geometry';
import { CARD_HEIGHT, cardWidth, GRID, hostNames, ROLE_TIER } from './layout';

// Issue 14, item 1: Tidy up with ELK (zones ⊃ hosts ⊃ cards, tiers by role, orthogonal routes),
// run here on this thread as scripts/write-templates.ts and the drawing check do. Every template
// of src/templates is laid out once; the checks below are geometry on the result.

const elk = new ELK({ algorithms: ['layered'] });

const TEMPLATE_DIR = new URL('../templates/', import.meta.url);
const TEMPLATE_FILES = readdirSync(TEMPLATE_DIR)
  .filter((f) => f.endsWith('.wfm.json'))
  .sort();

function readTemplate(file: string): TopologyDocument {
  const result = parseDocument(readFileSync(new URL(file, TEMPLATE_DIR), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.document;
}

const layouts = new Map<string, { document: TopologyDocument; layout: DiagramLayout }>();

beforeAll(async () => {
  for (const file of TEMPLATE_FILES) {
    const document = readTemplate(file);
    layouts.set(file, { document, layout: await elkLayout(elk, document) });
  }
  // Tidy up asks ELK up to four ways for each template: a loaded machine takes seconds.
}, 120_000);

function laidOut(file: string): { document: TopologyDocument; layout: DiagramLayout } {
  const entry = layouts.get(file);
  if (!entry) throw new Error(`${file} was not laid out`);
  return entry;
}

/** Each card's box where the layout put it, as the canvas draws it. */
function cardRects(document: TopologyDocument, layout: DiagramLayout): Map<string, Rect> {
  const names = hostNames(document);
  const out = new Map<string, Rect>();
  for (const c of document.components) {
    const at = layout.components.get(c.id);
    if (!at) throw new Error(`${c.id} has no position`);
    out.set(c.id, { x: at.x, y: at.y, width: cardWidth(c, names.get(c.host ?? '')), height: CARD_HEIGHT });
  }
  return out;
}

/** A container's box without the band at its top that holds its name. */
const belowHeader = (r: Rect, header: number): Rect => ({ ...r, y: r.y + header, height: r.height - header });

function onBorder(r: Rect, p: Point): boolean {
  const inX = p.x >= r.x && p.x <= r.x + r.width;
  const inY = p.y >= r.y && p.y <= r.y + r.height;
  return (inY && (p.x === r.x || p.x === r.x + r.width)) || (inX && (p.y === r.y || p.y === r.y + r.height));
}

/** Whether the segment a–b (horizontal or vertical) has a point strictly inside `r`. */
function entersInterior(a: Point, b: Point, r: Rect): boolean {
  return (
    Math.max(a.x, b.x) > r.x &&
    Math.min(a.x, b.x) < r.x + r.width &&
    Math.max(a.y, b.y) > r.y &&
    Math.min(a.y, b.y) < r.y + r.height
  );
}

const shrink = (r: Rect, by: number): Rect => ({
  x: r.x + by,
  y: r.y + by,
  width: r.width - 2 * by,
  height: r.height - 2 * by,
});

test('the templates are all here', () => {
  expect(TEMPLATE_FILES.length).toBeGreaterThanOrEqual(6);
});

describe.each(TEMPLATE_FILES)('%s laid out by ELK', (file) => {
  test('every component has a position on the 8-px grid', () => {
    const { document, layout } = laidOut(file);
    expect(layout.components.size).toBe(document.components.length);
    for (const c of document.components) {
      const at = layout.components.get(c.id);
      expect(at, c.id).toBeDefined();
      expect(Math.abs((at as Point).x % GRID), `${c.id}.x ${at?.x}`).toBe(0);
      expect(Math.abs((at as Point).y % GRID), `${c.id}.y ${at?.y}`).toBe(0);
    }
  });

  test('no two cards overlap', () => {
    const { document, layout } = laidOut(file);
    const rects = [...cardRects(document, layout)];
    for (let i = 0; i < rects.length; i += 1) {
      for (let j = i + 1; j < rects.length; j += 1) {
        const [a, ra] = rects[i] as [string, Rect];
        const [b, rb] = rects[j] as [string, Rect];
        expect(rectsOverlap(ra, rb), `${a} overlaps ${b}`).toBe(false);
      }
    }
  });

  test('every connection drawn as a line has a route: orthogonal, from its source card to its target card', () => {
    const { document, layout } = laidOut(file);
    const cards = cardRects(document, layout);
    for (const connection of document.connections) {
      const route = layout.routes.get(connection.id);
      expect(route, connection.id).toBeDefined();
      const points = route as readonly Point[];
      expect(points.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i + 1 < points.length; i += 1) {
        const a = points[i] as Point;
        const b = points[i + 1] as Point;
        expect(a.x === b.x || a.y === b.y, `${connection.id} segment ${i} ${JSON.stringify([a, b])}`).toBe(
          true,
        );
      }
      const from = cards.get(connection.from) as Rect;
      const to = cards.get(connection.to) as Rect;
      expect(onBorder(from, points[0] as Point), `${connection.id} starts on ${connection.from}`).toBe(true);
      expect(
        onBorder(to, points[points.length - 1] as Point),
        `${connection.id} ends on ${connection.to}`,
      ).toBe(true);
    }
  });

  test('no route passes through a card other than its two ends', () => {
    const { document, layout } = laidOut(file);
    const cards = cardRects(document, layout);
    for (const connection of document.connections) {
      const points = layout.routes.get(connection.id) ?? [];
      for (const [id, rect] of cards) {
        if (id === connection.from || id === connection.to) continue;
        for (let i = 0; i + 1 < points.length; i += 1) {
          expect(
            entersInterior(points[i] as Point, points[i + 1] as Point, shrink(rect, 2)),
            `${connection.id} (${connection.from} → ${connection.to}) passes through ${id}`,
          ).toBe(false);
        }
      }
    }
  });

  test('every card lies inside its host below the header band, every host inside its zone below its band', () => {
    const { document, layout } = laidOut(file);
    const cards = cardRects(document, layout);
    for (const c of document.components) {
      if (c.host === undefined) continue;
      const host = layout.hosts.get(c.host);
      expect(host, c.host).toBeDefined();
      expect(
        rectInside(cards.get(c.id) as Rect, belowHeader(host as Rect, HOST_HEADER)),
        `${c.id} in ${c.host}`,
      ).toBe(true);
    }
    for (const h of document.hosts ?? []) {
      expect(layout.hosts.has(h.id), h.id).toBe(true);
      if (h.zone === undefined) continue;
      const zone = layout.zones.get(h.zone);
      expect(zone, h.zone).toBeDefined();
      expect(
        rectInside(layout.hosts.get(h.id) as Rect, belowHeader(zone as Rect, ZONE_HEADER)),
        `${h.id} in ${h.zone}`,
      ).toBe(true);
    }
  });

  test('within each host, a card of an earlier role tier is never below one of a later tier', () => {
    const { document, layout } = laidOut(file);
    for (const host of document.hosts ?? []) {
      const here = document.components.filter((c) => c.host === host.id);
      for (const upper of here) {
        for (const lower of here) {
          if (ROLE_TIER[upper.kind] >= ROLE_TIER[lower.kind]) continue;
          const yUpper = layout.components.get(upper.id)?.y as number;
          const yLower = layout.components.get(lower.id)?.y as number;
          // Above or beside, never below (Tidy up may share a row between tiers to save crossings).
          expect(yUpper, `${upper.id} (${upper.kind}) above ${lower.id} (${lower.kind})`).toBeLessThanOrEqual(
            yLower,
          );
        }
      }
    }
  });
});

describe('tiers without connections to imply them', () => {
  // One card of each role tier and no connection: only the tiers put them in rows.
  const kinds = ['dap', 'smtp-server', 'server', 'web', 'builder'] as const;
  const components = kinds.map((kind, i) => ({ id: `c-${i}`, kind, name: `${kind}_${i}` }));

  function expectRows(document: TopologyDocument, layout: DiagramLayout): void {
    const y = (id: string) => layout.components.get(id)?.y as number;
    for (const upper of document.components) {
      for (const lower of document.components) {
        if (ROLE_TIER[upper.kind] < ROLE_TIER[lower.kind]) {
          expect(y(upper.id) + CARD_HEIGHT, `${upper.kind} above ${lower.kind}`).toBeLessThanOrEqual(
            y(lower.id),
          );
        }
      }
    }
  }

  test('in a host', async () => {
    const document: TopologyDocument = {
      format: 'wfm-topology',
      version: 2,
      hosts: [{ id: 'h-1', name: 'app01' }],
      components: components.map((c) => ({ ...c, host: 'h-1' })),
      connections: [],
    };
    expectRows(document, await elkLayout(elk, document));
  });

  test('on the canvas, outside any host', async () => {
    const document: TopologyDocument = { format: 'wfm-topology', version: 2, components, connections: [] };
    expectRows(document, await elkLayout(elk, document));
  });
});

describe('an HA pair in one host', () => {
  const pair = (extra: TopologyDocument['connections']): TopologyDocument => ({
    format: 'wfm-topology',
    version: 2,
    hosts: [{ id: 'h-1', name: 'app01' }],
    components: [
      { id: 'web-1', kind: 'web', name: 'WFM_Web_1', host: 'h-1' },
      { id: 'web-2', kind: 'web', name: 'WFM_Web_2', host: 'h-1' },
      { id: 'srv', kind: 'server', name: 'WFM_Server', host: 'h-1' },
      { id: 'bru', kind: 'db-utility', name: 'WFM_Database_Utility', host: 'h-1' },
      { id: 'bak', kind: 'server', name: 'WFM_Server_backup', host: 'h-1', backupOf: 'srv', standby: 'warm' },
      { id: 'dap-1', kind: 'dap', name: 'WFM_DAP_1', host: 'h-1' },
      { id: 'dap-2', kind: 'dap', name: 'WFM_DAP_2', host: 'h-1' },
    ],
    // Left to the crossing minimisation, the Database Utility would sit between the pair.
    connections: [
      { id: 'c-1', from: 'web-1', to: 'srv' },
      { id: 'c-2', from: 'web-2', to: 'bak' },
      { id: 'c-3', from: 'srv', to: 'dap-1' },
      { id: 'c-4', from: 'bak', to: 'dap-2' },
      { id: 'c-5', from: 'bru', to: 'dap-1' },
      { id: 'c-6', from: 'bru', to: 'dap-2' },
      ...extra,
    ],
  });

  function expectSideBySide(cards: ReadonlyMap<string, Rect>): void {
    const srv = cards.get('srv') as Rect;
    const bak = cards.get('bak') as Rect;
    expect(bak.y).toBe(srv.y);
    expect(rectsOverlap(srv, bak)).toBe(false);
    // Next to each other: no other card in the row between them.
    const left = Math.min(srv.x + srv.width, bak.x + bak.width);
    const right = Math.max(srv.x, bak.x);
    for (const [id, r] of cards) {
      if (id === 'srv' || id === 'bak' || r.y !== srv.y) continue;
      expect(r.x + r.width <= left || r.x >= right, `${id} between the pair`).toBe(true);
    }
  }

  test('sits side by side, next to each other', async () => {
    const document = pair([]);
    expectSideBySide(cardRects(document, await elkLayout(elk, document)));
  });

  // Once a bug: the invisible box that holds the pair is laid out by ELK's layered algorithm
  // downwards like everything else, so a connection between the primary and its backup (WFM Server
  // → WFM Server is allowed by the matrix) put the backup a row below its primary. Such a
  // connection is now left out of ELK's graph and drawn straight between the two cards.
  test('sits side by side even when the primary connects to its backup', async () => {
    const document = pair([{ id: 'c-7', from: 'srv', to: 'bak' }]);
    expectSideBySide(cardRects(document, await elkLayout(elk, document)));
  });
});

// Issue 14 item 1, "an HA pair sits side by side", when the pair is on two hosts: in the Highly
// available site the backups run on wfm-app02, the primaries on wfm-app01.
describe('HA pairs on two hosts (highly-available.wfm.json)', () => {
  // ELK alone draws the two hosts one above the other (any two boxes a connection joins); the
  // two hosts are laid out as one block of rows first (src/drawing/host-pair-block.ts, decision
  // 026, fourth round; docs/diagrams.md, "HA pairs on two hosts: side by side").
  test('each primary and its backup share a row, and their hosts do not overlap', () => {
    const { document, layout } = laidOut('highly-available.wfm.json');
    const cards = cardRects(document, layout);
    const byId = new Map(document.components.map((c) => [c.id, c]));
    const pairs = document.components.flatMap((backup) => {
      const primary = backup.backupOf === undefined ? undefined : byId.get(backup.backupOf);
      return primary && primary.host !== backup.host ? [{ primary, backup }] : [];
    });
    expect(pairs.map(({ primary, backup }) => `${primary.id}/${backup.id}`)).toEqual([
      'srv-1/srv-2',
      'da-1/da-2',
    ]);
    for (const { primary, backup } of pairs) {
      const a = cards.get(primary.id) as Rect;
      const b = cards.get(backup.id) as Rect;
      // Side by side: their vertical extents overlap (one row), and neither lies on the other.
      expect(a.y < b.y + b.height && b.y < a.y + a.height, `${primary.id} and ${backup.id} in one row`).toBe(
        true,
      );
      expect(rectsOverlap(a, b)).toBe(false);
      const hostA = layout.hosts.get(primary.host as string) as Rect;
      const hostB = layout.hosts.get(backup.host as string) as Rect;
      expect(rectsOverlap(hostA, hostB), `${primary.host} and ${backup.host} overlap`).toBe(false);
    }
  });
});

// Every template was written by this layout (scripts/write-templates.ts), so Tidy up gives it
// back as it is: the diagram's corner is not rounded and the shift is whole grid steps.
describe.each(TEMPLATE_FILES)('Tidy up of %s', (file) => {
  test('gives the stored template back unchanged (it was written by this layout)', () => {
    const { document, layout } = laidOut(file);
    expect(applyLayout(document, layout)).toEqual(document);
  });
});

test('Tidy up twice leaves the diagram where the first Tidy up put it (it once crept 8 px each time)', async () => {
  const document = readTemplate('minimal-single-site.wfm.json');
  const once = applyLayout(document, await elkLayout(elk, document));
  const twice = applyLayout(once, await elkLayout(elk, once));
  expect(twice.hosts?.map((h) => h.position)).toEqual(once.hosts?.map((h) => h.position));
  expect(twice).toEqual(once);
});

test('Tidy up moves the diagram by whole grid steps only, keeping every card on the grid', async () => {
  const document = readTemplate('minimal-single-site.wfm.json');
  const once = applyLayout(document, await elkLayout(elk, document));
  const twice = applyLayout(once, await elkLayout(elk, once));
  const before = new Map(once.components.map((c) => [c.id, c.position as Point]));
  const shifts = new Set(
    twice.components.map((c) => {
      const a = before.get(c.id) as Point;
      const b = c.position as Point;
      return `${b.x - a.x},${b.y - a.y}`;
    }),
  );
  // One shift for every card: the layout itself is the same.
  expect(shifts.size).toBe(1);
  for (const c of twice.components) {
    expect((c.position?.x ?? 1) % GRID).toBe(0);
    expect((c.position?.y ?? 1) % GRID).toBe(0);
  }
});

describe('Message Server connections', () => {
  const file = 'management-layer.wfm.json';

  function messageServerLinks(document: TopologyDocument): string[] {
    const server = new Set(document.components.filter((c) => c.kind === 'message-server').map((c) => c.id));
    return document.connections.filter((c) => server.has(c.from) || server.has(c.to)).map((c) => c.id);
  }

  test('drawn as lines, they are routed', () => {
    const { document, layout } = laidOut(file);
    const links = messageServerLinks(document);
    expect(links.length).toBeGreaterThan(0);
    for (const id of links) expect(layout.routes.has(id), id).toBe(true);
  });

  test.each(['badges', 'hidden'] as const)(
    'drawn as %s, they get no route (the others still do)',
    async (mode) => {
      const stored = readTemplate(file);
      const document: TopologyDocument = { ...stored, view: { messageServerLinks: mode } };
      const links = new Set(messageServerLinks(document));
      const layout = await elkLayout(elk, document);
      for (const id of links) expect(layout.routes.has(id), id).toBe(false);
      for (const c of document.connections)
        if (!links.has(c.id)) expect(layout.routes.has(c.id), c.id).toBe(true);
      // Nor does ELK see them.
      const edges = (elkGraph(document).edges ?? []).map((e) => e.id);
      for (const id of links) expect(edges).not.toContain(id);
      // Tidy up then drops their old routes.
      const tidied = applyLayout(document, layout);
      for (const c of tidied.connections) {
        if (links.has(c.id)) expect(c.waypoints, c.id).toBeUndefined();
        else expect(c.waypoints, c.id).toBeDefined();
      }
    },
  );
});

describe('elkGraph', () => {
  const document: TopologyDocument = {
    format: 'wfm-topology',
    version: 2,
    components: [
      { id: 'web', kind: 'web', name: 'WFM_Web' },
      { id: 'srv', kind: 'server', name: 'WFM_Server' },
      { id: 'dap', kind: 'dap', name: 'WFM_DAP' },
    ],
    connections: [
      { id: 'c-1', from: 'web', to: 'srv', security: 'tls', label: 'HTTPS' },
      { id: 'c-2', from: 'srv', to: 'dap', security: 'none' },
      // Neither is drawn: one end is missing, or both ends are the same card.
      { id: 'c-3', from: 'srv', to: 'gone' },
      { id: 'c-4', from: 'srv', to: 'srv' },
    ],
  };
  const real = (graph: ReturnType<typeof elkGraph>) =>
    (graph.edges ?? []).filter((e) => !e.id.startsWith('tier:'));

  test('one edge per drawn connection, with its tag as a label of the tag’s size', () => {
    const edges = real(elkGraph(document));
    expect(edges.map((e) => e.id)).toEqual(['c-1', 'c-2']);
    const [label] = edges[0]?.labels ?? [];
    expect(label?.text).toBe('TLS · HTTPS');
    expect(label?.height).toBe(18);
    expect(label?.width).toBeGreaterThan(40);
    // Without the labels (the second of the two layouts tried).
    expect(real(elkGraph(document, { labels: false })).every((e) => e.labels === undefined)).toBe(true);
  });

  test('a connection that climbs the tiers is given to ELK downwards, and its route comes back upwards', async () => {
    const up: TopologyDocument = {
      ...document,
      connections: [{ id: 'c-1', from: 'dap', to: 'web' }],
    };
    const [edge] = real(elkGraph(up));
    expect(edge?.sources).toEqual(['web']);
    expect(edge?.targets).toEqual(['dap']);
    const layout = await elkLayout(elk, up);
    const cards = cardRects(up, layout);
    const route = layout.routes.get('c-1') as readonly Point[];
    expect(onBorder(cards.get('dap') as Rect, route[0] as Point)).toBe(true);
    expect(onBorder(cards.get('web') as Rect, route[route.length - 1] as Point)).toBe(true);
  });

  test('routes only for connections drawn; the missing end and the loop are left out', async () => {
    const layout = await elkLayout(elk, document);
    expect([...layout.routes.keys()].sort()).toEqual(['c-1', 'c-2']);
  });

  test('an empty document lays out to nothing', async () => {
    const empty: TopologyDocument = { format: 'wfm-topology', version: 2, components: [], connections: [] };
    const layout = await elkLayout(elk, empty);
    expect(layout.components.size + layout.hosts.size + layout.zones.size + layout.routes.size).toBe(0);
  });
});

describe('countCrossings', () => {
  const p = (x: number, y: number): Point => ({ x, y });

  test('a plus is one crossing, a T or an L is none', () => {
    expect(
      countCrossings([
        [p(0, 5), p(10, 5)],
        [p(5, 0), p(5, 10)],
      ]),
    ).toBe(1);
    // T: one route ends on the other.
    expect(
      countCrossings([
        [p(0, 5), p(10, 5)],
        [p(5, 5), p(5, 10)],
      ]),
    ).toBe(0);
    expect(
      countCrossings([
        [p(0, 5), p(10, 5)],
        [p(5, 0), p(5, 5)],
      ]),
    ).toBe(0);
    // T: the horizontal one ends on the vertical one, from either side.
    expect(
      countCrossings([
        [p(5, 5), p(15, 5)],
        [p(5, 0), p(5, 10)],
      ]),
    ).toBe(0);
    expect(
      countCrossings([
        [p(-5, 5), p(5, 5)],
        [p(5, 0), p(5, 10)],
      ]),
    ).toBe(0);
    // L: two routes meet at their ends.
    expect(
      countCrossings([
        [p(0, 5), p(10, 5)],
        [p(10, 5), p(10, 10)],
      ]),
    ).toBe(0);
    // Apart, and parallel on the same line.
    expect(
      countCrossings([
        [p(0, 5), p(10, 5)],
        [p(20, 0), p(20, 10)],
      ]),
    ).toBe(0);
    expect(
      countCrossings([
        [p(0, 5), p(10, 5)],
        [p(2, 5), p(8, 5)],
      ]),
    ).toBe(0);
  });

  test('counts every crossing between routes, none within one route', () => {
    // A comb: one horizontal route crossed by three vertical ones.
    expect(
      countCrossings([
        [p(0, 5), p(100, 5)],
        [p(10, 0), p(10, 10)],
        [p(50, 10), p(50, 0)],
        [p(90, 0), p(90, 10)],
      ]),
    ).toBe(3);
    // A route that crosses another twice (in and out).
    expect(
      countCrossings([
        [p(0, 5), p(100, 5)],
        [p(10, 0), p(10, 10), p(40, 10), p(40, 0)],
      ]),
    ).toBe(2);
    // A route that crosses itself is not counted.
    expect(countCrossings([[p(0, 5), p(20, 5), p(20, 10), p(10, 10), p(10, 0)]])).toBe(0);
    expect(countCrossings([])).toBe(0);
  });
});
