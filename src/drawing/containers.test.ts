import { expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { containerBoxes, EMPTY_CONTAINER, HOST_HEADER, HOST_PAD, ZONE_HEADER, ZONE_PAD } from './containers';
import type { Rect } from './geometry';

function document(extra: Partial<TopologyDocument>): TopologyDocument {
  return { format: 'wfm-topology', version: 2, components: [], connections: [], ...extra };
}

const CARDS = new Map<string, Rect>([
  ['srv', { x: 100, y: 200, width: 200, height: 60 }],
  ['bld', { x: 348, y: 200, width: 220, height: 60 }],
  ['web', { x: 100, y: 0, width: 200, height: 60 }],
]);

const HOSTED = document({
  zones: [{ id: 'z', name: 'London DC' }],
  hosts: [
    { id: 'app', name: 'wfm-app01', zone: 'z' },
    { id: 'webhost', name: 'wfm-web01', zone: 'z' },
  ],
  components: [
    { id: 'srv', kind: 'server', name: 'S', host: 'app' },
    { id: 'bld', kind: 'builder', name: 'B', host: 'app' },
    { id: 'web', kind: 'web', name: 'W', host: 'webhost' },
  ],
});

test('a host without a stored box is drawn around its components, with padding and a band for its name', () => {
  expect(containerBoxes(HOSTED, CARDS).hosts.get('app')).toEqual({
    x: 100 - HOST_PAD,
    y: 200 - HOST_PAD - HOST_HEADER,
    width: 468 + 2 * HOST_PAD,
    height: 60 + 2 * HOST_PAD + HOST_HEADER,
  });
});

test('a zone without a stored box is drawn around its hosts', () => {
  const { hosts, zones } = containerBoxes(HOSTED, CARDS);
  const web = hosts.get('webhost');
  const app = hosts.get('app');
  if (!web || !app) throw new Error('hosts not drawn');
  expect(zones.get('z')).toEqual({
    x: Math.min(web.x, app.x) - ZONE_PAD,
    y: web.y - ZONE_PAD - ZONE_HEADER,
    width: app.x + app.width - Math.min(web.x, app.x) + 2 * ZONE_PAD,
    height: app.y + app.height - web.y + 2 * ZONE_PAD + ZONE_HEADER,
  });
});

test('a stored position and size are used as they are, even when the members lie outside', () => {
  const stored = document({
    ...HOSTED,
    hosts: [{ id: 'app', name: 'wfm-app01', position: { x: -5, y: 7 }, size: { width: 50, height: 40 } }],
  });
  expect(containerBoxes(stored, CARDS).hosts.get('app')).toEqual({ x: -5, y: 7, width: 50, height: 40 });
});

test('a position without a size is used only for an empty host; a host with members is drawn around them', () => {
  const boxes = containerBoxes(
    document({
      hosts: [
        { id: 'empty', name: 'spare', position: { x: 10, y: 20 } },
        { id: 'app', name: 'wfm-app01', position: { x: 999, y: 999 } },
      ],
      components: [{ id: 'srv', kind: 'server', name: 'S', host: 'app' }],
    }),
    CARDS,
  );
  expect(boxes.hosts.get('empty')).toEqual({ x: 10, y: 20, ...EMPTY_CONTAINER });
  expect(boxes.hosts.get('app')?.x).toBe(100 - HOST_PAD);
});

test('an empty host or zone without a position is not drawn', () => {
  const boxes = containerBoxes(
    document({ zones: [{ id: 'z', name: 'Nowhere' }], hosts: [{ id: 'h', name: 'idle', zone: 'z' }] }),
    CARDS,
  );
  expect(boxes.hosts.size).toBe(0);
  expect(boxes.zones.size).toBe(0);
});

test('a component whose card is not drawn does not stretch its host', () => {
  const boxes = containerBoxes(
    document({
      hosts: [{ id: 'app', name: 'wfm-app01' }],
      components: [
        { id: 'srv', kind: 'server', name: 'S', host: 'app' },
        { id: 'ghost', kind: 'server', name: 'G', host: 'app' },
      ],
    }),
    CARDS,
  );
  expect(boxes.hosts.get('app')?.width).toBe(200 + 2 * HOST_PAD);
});
