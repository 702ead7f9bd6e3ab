import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { type DocumentComponent, parseDocument, type TopologyDocument } from '../document';
import { applyLayout } from './apply-layout';
import { HOST_HEADER, HOST_PAD } from './containers';
import { drawnLinks } from './drawn-links';
import { elkLayout } from './elk-layout';
import { type Point, type Rect, rectInside, rectsOverlap } from './geometry';
import { type Block, blockNode, type HostPair, hostPairs, layOutBlock, pairRows } from './host-pair-block';
import { CARD_HEIGHT, cardWidth, hostNames, ROLE_TIER } from './layout';

// Issue 14, item 1: two hosts holding the two halves of HA pairs are one block, laid out by us
// (host-pair-block.ts), each primary beside its backup. ELK runs here on this thread, unmocked.

const elk = new ELK({ algorithms: ['layered'] });

function readTemplate(file: string): TopologyDocument {
  const result = parseDocument(readFileSync(new URL(`../templates/${file}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.document;
}

/** Sketch spellings: hosts `id@zone`, components `id:kind@host` with `<primary` for a backup, connections `from>to`. */
interface Sketch {
  readonly zones?: readonly string[];
  readonly hosts: readonly string[];
  readonly components: readonly string[];
  readonly connections?: readonly string[];
}

/** A version-2 document from a sketch, read through `parseDocument` so it is a valid file. */
function sketchDocument({ zones = [], hosts, components, connections = [] }: Sketch): TopologyDocument {
  const file = {
    format: 'wfm-topology',
    version: 2,
    zones: zones.map((id) => ({ id, name: id })),
    hosts: hosts.map((spec) => {
      const [id = '', zone] = spec.split('@');
      return { id, name: id, ...(zone !== undefined && { zone }) };
    }),
    components: components.map((spec, i) => {
      const [head = '', primary] = spec.split('<');
      const [idKind = '', host] = head.split('@');
      const [id = '', kind = ''] = idKind.split(':');
      return {
        id,
        kind,
        name: id,
        port: 7000 + i,
        ...(host !== undefined && { host }),
        ...(primary !== undefined && { backupOf: primary, standby: kind === 'server' ? 'warm' : 'hot' }),
      };
    }),
    connections: connections.map((spec, i) => {
      const [from = '', to = ''] = spec.split('>');
      return { id: `c-${i + 1}`, from, to };
    }),
  };
  const result = parseDocument(JSON.stringify(file));
  if (!result.ok) throw new Error(`sketch refused: ${result.error.message}`);
  return result.document;
}

/** A WFM Server and a Data Aggregator on h-1, their backups on h-2 (both hosts in `zone` when given). */
function onePairOfHosts(zone1?: string, zone2 = zone1): Sketch {
  const zones = [...new Set([zone1, zone2].filter((z) => z !== undefined))];
  return {
    zones,
    hosts: [zone1 ? `h-1@${zone1}` : 'h-1', zone2 ? `h-2@${zone2}` : 'h-2'],
    components: [
      'srv-1:server@h-1',
      'srv-2:server@h-2<srv-1',
      'da-1:data-aggregator@h-1',
      'da-2:data-aggregator@h-2<da-1',
    ],
    connections: ['da-1>srv-1', 'da-2>srv-1'],
  };
}

describe('hostPairs', () => {
  test('finds wfm-app01 and wfm-app02 in the Highly available site, wfm-app01 holding the primaries', () => {
    expect(hostPairs(readTemplate('highly-available.wfm.json'))).toEqual([
      { primary: 'h-app1', backup: 'h-app2' },
    ]);
  });

  test('finds two hosts of one zone, or of no zone, whose pairs all run the same way', () => {
    expect(hostPairs(sketchDocument(onePairOfHosts('z-1')))).toEqual([{ primary: 'h-1', backup: 'h-2' }]);
    expect(hostPairs(sketchDocument(onePairOfHosts()))).toEqual([{ primary: 'h-1', backup: 'h-2' }]);
  });

  test('finds none when each pair shares a host', () => {
    const document = sketchDocument({
      zones: ['z-1'],
      hosts: ['h-1@z-1', 'h-2@z-1'],
      components: [
        'srv-1:server@h-1',
        'srv-2:server@h-1<srv-1',
        'da-1:data-aggregator@h-2',
        'da-2:data-aggregator@h-2<da-1',
      ],
    });
    expect(hostPairs(document)).toEqual([]);
  });

  test('finds none when the two hosts are in different zones', () => {
    expect(hostPairs(sketchDocument(onePairOfHosts('z-1', 'z-2')))).toEqual([]);
  });

  test('finds none when a host has pairs with two different hosts', () => {
    const document = sketchDocument({
      zones: ['z-1'],
      hosts: ['h-1@z-1', 'h-2@z-1', 'h-3@z-1'],
      components: [
        'srv-1:server@h-1',
        'srv-2:server@h-2<srv-1',
        'da-1:data-aggregator@h-1',
        'da-2:data-aggregator@h-3<da-1',
      ],
    });
    expect(hostPairs(document)).toEqual([]);
  });

  test('finds none when each host holds a primary of the other (pairs in both directions)', () => {
    const document = sketchDocument({
      zones: ['z-1'],
      hosts: ['h-1@z-1', 'h-2@z-1'],
      components: [
        'srv-1:server@h-1',
        'srv-2:server@h-2<srv-1',
        'da-1:data-aggregator@h-2',
        'da-2:data-aggregator@h-1<da-1',
      ],
    });
    expect(hostPairs(document)).toEqual([]);
  });

  test('finds both pairs of hosts of a document with two', () => {
    expect(hostPairs(twoPairsOfHosts())).toEqual([
      { primary: 'h-a1', backup: 'h-a2' },
      { primary: 'h-b1', backup: 'h-b2' },
    ]);
  });
});

/** Four hosts in one zone: the application hosts' pairs, and the database hosts' pairs. */
function twoPairsOfHosts(): TopologyDocument {
  return sketchDocument({
    zones: ['z-dc'],
    hosts: ['h-a1@z-dc', 'h-a2@z-dc', 'h-b1@z-dc', 'h-b2@z-dc', 'h-w@z-dc'],
    components: [
      'web-1:web@h-w',
      'srv-1:server@h-a1',
      'srv-2:server@h-a2<srv-1',
      'bld-1:builder@h-a1',
      'da-1:data-aggregator@h-a1',
      'da-2:data-aggregator@h-a2<da-1',
      'dap-1:dap@h-b1',
      'dap-2:dap@h-b2<dap-1',
      'stat-1:stat-server@h-b1',
      'stat-2:stat-server@h-b2<stat-1',
    ],
    connections: [
      'web-1>srv-1',
      'srv-1>bld-1',
      'bld-1>srv-1',
      'srv-2>bld-1',
      'srv-1>dap-1',
      'srv-2>dap-1',
      'da-1>srv-1',
      'da-2>srv-1',
      'da-1>stat-1',
      'da-2>stat-1',
      'da-1>dap-1',
      'da-2>dap-1',
    ],
  });
}

// ---- layOutBlock on the Highly available site: every drawing Tidy up may try -----------------

const HA = readTemplate('highly-available.wfm.json');
const HA_PAIR = hostPairs(HA)[0] as HostPair;
const HA_ROWS = pairRows(HA, HA_PAIR);
const NAMES = hostNames(HA);
const byId = new Map(HA.components.map((c) => [c.id, c]));
/** Each HA pair split across the two hosts: primary on HA_PAIR.primary, backup on HA_PAIR.backup. */
const SPLIT_PAIRS = HA.components.flatMap((backup) => {
  const primary = backup.backupOf === undefined ? undefined : byId.get(backup.backupOf);
  return primary && primary.host === HA_PAIR.primary && backup.host === HA_PAIR.backup
    ? [{ primary, backup }]
    : [];
});
const BLOCK_CARDS = HA.components.filter((c) => c.host === HA_PAIR.primary || c.host === HA_PAIR.backup);

const cardRect = (block: Block, id: string): Rect => {
  const c = byId.get(id);
  const at = block.cards.get(id);
  if (!c || !at) throw new Error(`${id} is not a card of the block`);
  return { ...at, width: cardWidth(c, NAMES.get(c.host ?? '')), height: CARD_HEIGHT };
};

function onBorder(r: Rect, p: Point): boolean {
  const inX = p.x >= r.x && p.x <= r.x + r.width;
  const inY = p.y >= r.y && p.y <= r.y + r.height;
  return (inY && (p.x === r.x || p.x === r.x + r.width)) || (inX && (p.y === r.y || p.y === r.y + r.height));
}

/** Every subset of `items`, each in the order of `items`: [], [a], [b], [a, b] … */
function subsets<T>(items: readonly T[]): T[][] {
  const all: T[][] = [[]];
  for (const item of items) for (const s of [...all]) all.push([...s, item]);
  return all;
}

test('the Highly available site has its two split pairs in the two rows of its block', () => {
  // Rows of wfm-app01/02: Builders and Data Aggregators (row 0), Servers and the Database Utility (row 1).
  expect(SPLIT_PAIRS.map(({ primary, backup }) => `${primary.id}/${backup.id}`)).toEqual([
    'srv-1/srv-2',
    'da-1/da-2',
  ]);
  expect(HA_ROWS).toEqual([0, 1]);
});

test('layOutBlock draws the pairs together at the hosts’ gap with either host on the left', async () => {
  for (const primaryLeft of [true, false])
    expect(await layOutBlock(elk, HA, HA_PAIR, primaryLeft), `primaryLeft ${primaryLeft}`).toBeDefined();
});

/** Every drawing Tidy up may try: either host on the left, any rows apart, a first or second run. */
const CASES = [true, false].flatMap((primaryLeft) =>
  subsets(HA_ROWS).flatMap((apart) =>
    [false, true].map(
      (second) =>
        [
          `${primaryLeft ? 'primary' : 'backup'} host on the left, rows [${apart.join(',')}] apart${second ? ', second run' : ''}`,
          { primaryLeft, apart, second },
        ] as const,
    ),
  ),
);

describe.each(CASES)(
  'layOutBlock on the Highly available site, %s',
  (_name, { primaryLeft, apart, second }) => {
    // Undefined is an allowed answer (ELK did not keep the hosts apart); the rules hold for any block.
    let block: Block | undefined;
    beforeAll(async () => {
      const first = await layOutBlock(elk, HA, HA_PAIR, primaryLeft, new Set(apart));
      // The second run is the one Tidy up keeps: ports ordered by where the first put their other ends.
      block =
        second && first ? await layOutBlock(elk, HA, HA_PAIR, primaryLeft, new Set(apart), first) : first;
    }, 60_000);
    const [left, right] = primaryLeft ? [HA_PAIR.primary, HA_PAIR.backup] : [HA_PAIR.backup, HA_PAIR.primary];

    test('holds every card of the two hosts and nothing else', () => {
      const b = block;
      if (!b) return;
      expect([...b.cards.keys()].sort()).toEqual(BLOCK_CARDS.map((c) => c.id).sort());
      expect([...b.hosts.keys()]).toEqual([left, right]);
    });

    test('the two hosts sit side by side, inside the block, the left one left of the other', () => {
      const b = block;
      if (!b) return;
      const l = b.hosts.get(left) as Rect;
      const r = b.hosts.get(right) as Rect;
      expect(l.y).toBe(r.y);
      expect(l.height).toBe(r.height);
      expect(l.x + l.width).toBeLessThan(r.x);
      for (const h of [l, r])
        expect(rectInside(h, { x: 0, y: 0, width: b.width, height: b.height })).toBe(true);
    });

    test('every card lies inside its own host, below its band and clear of its border', () => {
      const b = block;
      if (!b) return;
      for (const c of BLOCK_CARDS) {
        const h = b.hosts.get(c.host as string) as Rect;
        const room = {
          x: h.x + HOST_PAD,
          y: h.y + HOST_HEADER + HOST_PAD,
          width: h.width - 2 * HOST_PAD,
          height: h.height - HOST_HEADER - 2 * HOST_PAD,
        };
        expect(rectInside(cardRect(b, c.id), room), `${c.id} in ${c.host}`).toBe(true);
      }
    });

    test('each primary and its backup share a row, and no two cards overlap', () => {
      const b = block;
      if (!b) return;
      for (const { primary, backup } of SPLIT_PAIRS)
        expect(b.cards.get(backup.id)?.y, `${primary.id}/${backup.id}`).toBe(b.cards.get(primary.id)?.y);
      for (const [i, a] of BLOCK_CARDS.entries())
        for (const c of BLOCK_CARDS.slice(i + 1))
          expect(rectsOverlap(cardRect(b, a.id), cardRect(b, c.id)), `${a.id} overlaps ${c.id}`).toBe(false);
    });

    test('every route inside the block runs horizontally and vertically only', () => {
      const b = block;
      if (!b) return;
      expect(b.inner.size).toBeGreaterThan(0);
      for (const [id, route] of b.inner) {
        expect(route.length, id).toBeGreaterThanOrEqual(2);
        for (let i = 0; i + 1 < route.length; i += 1) {
          const p = route[i] as Point;
          const q = route[i + 1] as Point;
          expect(p.x === q.x || p.y === q.y, `${id}: (${p.x},${p.y})→(${q.x},${q.y})`).toBe(true);
        }
      }
    });

    test('a connection to a card outside runs from its port on the block’s top or bottom to its card', () => {
      const b = block;
      if (!b) return;
      const leaving = drawnLinks(HA).filter(
        ({ source, target }) => b.cards.has(source.id) !== b.cards.has(target.id),
      );
      expect([...b.ports.keys()].sort()).toEqual(leaving.map((l) => l.connection.id).sort());
      for (const { connection, source, target } of leaving) {
        const port = b.ports.get(connection.id);
        const route = b.inner.get(connection.id);
        if (!port || !route) throw new Error(`${connection.id} has no port or no route`);
        // Its x lies within the block's width too: the test below.
        expect(port.y, connection.id).toBe(port.north ? 0 : b.height);
        expect(route[0], connection.id).toEqual({ x: port.x, y: port.y });
        const card = b.cards.has(source.id) ? source.id : target.id;
        expect(
          onBorder(cardRect(b, card), route[route.length - 1] as Point),
          `${connection.id} ends on ${card}`,
        ).toBe(true);
      }
    });

    test('a connection between two of its cards runs from the source card’s border to the target’s', () => {
      const b = block;
      if (!b) return;
      const within = drawnLinks(HA).filter(
        ({ source, target }) => b.cards.has(source.id) && b.cards.has(target.id),
      );
      expect(within.length).toBeGreaterThan(0);
      for (const { connection, source, target } of within) {
        const route = b.inner.get(connection.id);
        if (!route) throw new Error(`${connection.id} has no route`);
        expect(
          onBorder(cardRect(b, source.id), route[0] as Point),
          `${connection.id} leaves ${source.id}`,
        ).toBe(true);
        expect(
          onBorder(cardRect(b, target.id), route[route.length - 1] as Point),
          `${connection.id} reaches ${target.id}`,
        ).toBe(true);
      }
    });

    test('no route inside the block runs through a card that is not one of its ends', () => {
      const b = block;
      if (!b) return;
      for (const { connection, source, target } of drawnLinks(HA)) {
        const route = b.inner.get(connection.id) ?? [];
        for (let i = 0; i + 1 < route.length; i += 1) {
          const p = route[i] as Point;
          const q = route[i + 1] as Point;
          for (const c of BLOCK_CARDS) {
            if (c === source || c === target) continue;
            const r = cardRect(b, c.id);
            const through =
              Math.max(p.x, q.x) > r.x &&
              Math.min(p.x, q.x) < r.x + r.width &&
              Math.max(p.y, q.y) > r.y &&
              Math.min(p.y, q.y) < r.y + r.height;
            expect(through, `${connection.id} through ${c.id}`).toBe(false);
          }
        }
      }
    });

    test.each(HA_ROWS)(
      'row %i: the pair is apart at the hosts’ outer ends when asked, else together at the gap',
      (row) => {
        const b = block;
        if (!b) return;
        const pairHere = SPLIT_PAIRS.find(({ primary }) => rowOf(primary) === row);
        if (!pairHere) throw new Error(`no pair in row ${row}`);
        const y = b.cards.get(pairHere.primary.id)?.y;
        const inRow = BLOCK_CARDS.filter((c) => b.cards.get(c.id)?.y === y);
        const xOf = (id: string) => (b.cards.get(id) as Point).x;
        const [l, r] = primaryLeft
          ? [pairHere.primary, pairHere.backup]
          : [pairHere.backup, pairHere.primary];
        const leftXs = inRow.filter((c) => c.host === left).map((c) => xOf(c.id));
        const rightXs = inRow.filter((c) => c.host === right).map((c) => xOf(c.id));
        if (apart.includes(row)) {
          expect(xOf(l.id), `${l.id} leftmost in ${left}`).toBe(Math.min(...leftXs));
          expect(xOf(r.id), `${r.id} rightmost in ${right}`).toBe(Math.max(...rightXs));
        } else {
          const between = inRow.filter(
            (c) => c !== l && c !== r && xOf(c.id) > xOf(l.id) && xOf(c.id) < xOf(r.id),
          );
          expect(between.map((c) => c.id)).toEqual([]);
          const gap = b.hosts.get(left) as Rect;
          expect(xOf(l.id) + cardRect(b, l.id).width).toBeLessThanOrEqual(gap.x + gap.width);
          expect(xOf(r.id)).toBeGreaterThanOrEqual((b.hosts.get(right) as Rect).x);
        }
      },
    );
  },
);

/** A card's row in the block: the rank of its role tier among the tiers of the block's cards. */
function rowOf(component: DocumentComponent): number {
  const tiers = [...new Set(BLOCK_CARDS.map((c) => ROLE_TIER[c.kind]))].sort((a, b) => a - b);
  return tiers.indexOf(ROLE_TIER[component.kind]);
}

// Found by this test and fixed: ELK may route a connection to a terminal beside the hosts' span
// (srv-1 → bld-3 at x = -3 on the second run with both pairs together); the block grows to hold
// it, so its port lies on the block's border and nothing is placed over the route.
test('every route of every drawing of the block stays in the block’s box, its port on the border', async () => {
  for (const [, { primaryLeft, apart }] of CASES.filter(([, c]) => !c.second)) {
    const first = await layOutBlock(elk, HA, HA_PAIR, primaryLeft, new Set(apart));
    const second = first && (await layOutBlock(elk, HA, HA_PAIR, primaryLeft, new Set(apart), first));
    for (const b of [first, second]) {
      if (!b) continue;
      const box = { x: 0, y: 0, width: b.width, height: b.height };
      for (const [id, route] of b.inner)
        for (const p of route)
          expect(
            rectInside({ ...p, width: 0, height: 0 }, box),
            `${id} at (${p.x},${p.y}), primaryLeft ${primaryLeft}, apart [${apart}]`,
          ).toBe(true);
    }
  }
}, 60_000);

test('blockNode is the block’s box with a fixed port where each connection meets its border', async () => {
  const block = await layOutBlock(elk, HA, HA_PAIR, true);
  if (!block) throw new Error('no block');
  const { node, portOf } = blockNode(block);
  expect({ id: node.id, width: node.width, height: node.height }).toEqual({
    id: block.id,
    width: block.width,
    height: block.height,
  });
  expect([...portOf.keys()].sort()).toEqual([...block.ports.keys()].sort());
  for (const [connection, p] of block.ports) {
    const port = node.ports?.find((q) => q.id === portOf.get(connection));
    expect({ x: port?.x, y: port?.y }, connection).toEqual({ x: p.x, y: p.north ? 0 : block.height });
  }
});

// ---- Tidy up as a whole --------------------------------------------------------------------------

/** Each pair of hosts side by side in the tidied document: one top, one height, apart; each pair in one row. */
function expectSideBySide(tidied: TopologyDocument, pairs: readonly HostPair[]): void {
  const hosts = new Map((tidied.hosts ?? []).map((h) => [h.id, h]));
  const cards = new Map(tidied.components.map((c) => [c.id, c]));
  for (const { primary, backup } of pairs) {
    const a = hosts.get(primary);
    const b = hosts.get(backup);
    if (!a?.position || !a.size || !b?.position || !b.size)
      throw new Error(`${primary}/${backup} not placed`);
    expect(a.position.y, `${primary} and ${backup} tops`).toBe(b.position.y);
    expect(a.size.height, `${primary} and ${backup} heights`).toBe(b.size.height);
    const apart = a.position.x + a.size.width <= b.position.x || b.position.x + b.size.width <= a.position.x;
    expect(apart, `${primary} and ${backup} overlap`).toBe(true);
  }
  for (const c of tidied.components) {
    const p = c.backupOf === undefined ? undefined : cards.get(c.backupOf);
    if (p && p.host !== c.host && pairs.some((h) => h.primary === p.host))
      expect(c.position?.y, `${p.id}/${c.id} in one row`).toBe(p.position?.y);
  }
}

test('Tidy up keeps the pair hosts side by side with a third host in their zone', async () => {
  const ha = readTemplate('highly-available.wfm.json');
  const document: TopologyDocument = {
    ...ha,
    hosts: [...(ha.hosts ?? []), { id: 'h-app3', name: 'wfm-app03', zone: 'z-dc' }],
    components: [
      ...ha.components,
      { id: 'bld-4', kind: 'builder', name: 'WFM_Builder_4', host: 'h-app3', port: 7010 },
    ],
    connections: [
      ...ha.connections,
      { id: 'c-23', from: 'srv-1', to: 'bld-4' },
      { id: 'c-24', from: 'srv-2', to: 'bld-4' },
      { id: 'c-25', from: 'bld-4', to: 'srv-1' },
    ],
  };
  expect(parseDocument(JSON.stringify(document)).ok).toBe(true);
  expect(hostPairs(document)).toEqual([{ primary: 'h-app1', backup: 'h-app2' }]);
  expectSideBySide(applyLayout(document, await elkLayout(elk, document)), hostPairs(document));
}, 120_000);

test('Tidy up draws both pairs of hosts of a document side by side', async () => {
  const document = twoPairsOfHosts();
  expectSideBySide(applyLayout(document, await elkLayout(elk, document)), hostPairs(document));
}, 120_000);

test('the same document laid out twice comes out the same', async () => {
  for (const document of [HA, twoPairsOfHosts()]) {
    expect(await elkLayout(elk, document)).toEqual(await elkLayout(elk, document));
  }
  expect(await layOutBlock(elk, HA, HA_PAIR, false, new Set([0, 1]))).toEqual(
    await layOutBlock(elk, HA, HA_PAIR, false, new Set([0, 1])),
  );
}, 120_000);
