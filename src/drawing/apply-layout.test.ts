import { describe, expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { applyLayout } from './apply-layout';
import type { DiagramLayout } from './elk-layout';
import type { Point, Rect } from './geometry';
import { MAX_WAYPOINTS } from './route-upkeep';

// Issue 14, items 1 and 2: Tidy up puts everything where the layout says as one edit (cards,
// hosts, zones and routes); notes stay where the user put them.

const DOCUMENT: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  name: 'Two hosts',
  options: { managementLayer: true, scheduledReporting: false },
  view: { messageServerLinks: 'lines' },
  zones: [{ id: 'z-1', name: 'London', position: { x: 0, y: 0 }, size: { width: 900, height: 600 } }],
  hosts: [
    { id: 'h-1', name: 'app01', zone: 'z-1', position: { x: 24, y: 56 }, size: { width: 300, height: 200 } },
    { id: 'h-2', name: 'db01', zone: 'z-1' },
  ],
  components: [
    { id: 'srv', kind: 'server', name: 'WFM_Server', host: 'h-1', position: { x: 40, y: 112 } },
    { id: 'dap', kind: 'dap', name: 'WFM_DAP', host: 'h-2', position: { x: 400, y: 400 } },
    { id: 'msg', kind: 'message-server', name: 'MessageServer', position: { x: 800, y: 800 } },
    { id: 'new', kind: 'web', name: 'WFM_Web' },
  ],
  connections: [
    {
      id: 'c-1',
      from: 'srv',
      to: 'dap',
      waypoints: [
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ],
    },
    {
      id: 'c-2',
      from: 'srv',
      to: 'msg',
      label: 'logs',
      waypoints: [
        { x: 5, y: 5 },
        { x: 5, y: 9 },
      ],
    },
    { id: 'c-3', from: 'new', to: 'srv', security: 'tls' },
  ],
  annotations: [{ id: 'note-1', text: 'Where it was.', position: { x: 1000, y: 40 } }],
};

const ROUTE_1: readonly Point[] = [
  { x: 140, y: 172 },
  { x: 140, y: 300 },
  { x: 480, y: 300 },
  { x: 480, y: 400 },
];

function layout(overrides: Partial<DiagramLayout> = {}): DiagramLayout {
  return {
    components: new Map<string, Point>([
      ['srv', { x: 48, y: 120 }],
      ['dap', { x: 400, y: 400 }],
      ['new', { x: 48, y: 16 }],
    ]),
    hosts: new Map<string, Rect>([
      ['h-1', { x: 32, y: 64, width: 232, height: 132 }],
      ['h-2', { x: 384, y: 344, width: 232, height: 132 }],
    ]),
    zones: new Map<string, Rect>([['z-1', { x: 8, y: 8, width: 640, height: 500 }]]),
    routes: new Map<string, readonly Point[]>([
      ['c-1', ROUTE_1],
      [
        'c-3',
        [
          { x: 148, y: 76 },
          { x: 148, y: 120 },
        ],
      ],
    ]),
    ...overrides,
  };
}

describe('applyLayout', () => {
  test('cards go where the layout says; a card already there, or not laid out, is the same object', () => {
    const given = layout();
    const result = applyLayout(DOCUMENT, given);
    const [srv, dap, msg, fresh] = result.components;
    expect(srv?.position).toEqual({ x: 48, y: 120 });
    expect(srv).toEqual({ ...DOCUMENT.components[0], position: { x: 48, y: 120 } });
    expect(dap).toBe(DOCUMENT.components[1]);
    expect(msg).toBe(DOCUMENT.components[2]);
    expect(fresh?.position).toEqual({ x: 48, y: 16 });
    // A copy, not the layout's own point.
    expect(fresh?.position).not.toBe(given.components.get('new'));
  });

  test('hosts and zones get the layout’s position and size', () => {
    const result = applyLayout(DOCUMENT, layout());
    expect(result.hosts).toEqual([
      { ...DOCUMENT.hosts?.[0], position: { x: 32, y: 64 }, size: { width: 232, height: 132 } },
      { ...DOCUMENT.hosts?.[1], position: { x: 384, y: 344 }, size: { width: 232, height: 132 } },
    ]);
    expect(result.zones).toEqual([
      { ...DOCUMENT.zones?.[0], position: { x: 8, y: 8 }, size: { width: 640, height: 500 } },
    ]);
  });

  test('a host already where the layout puts it, or not in the layout, is the same object', () => {
    const same = layout({
      hosts: new Map([['h-1', { x: 24, y: 56, width: 300, height: 200 }]]),
      zones: new Map(),
    });
    const result = applyLayout(DOCUMENT, same);
    expect(result.hosts?.[0]).toBe(DOCUMENT.hosts?.[0]);
    expect(result.hosts?.[1]).toBe(DOCUMENT.hosts?.[1]);
    expect(result.zones?.[0]).toBe(DOCUMENT.zones?.[0]);
    // Same position, another size: moved.
    const resized = applyLayout(
      DOCUMENT,
      layout({ hosts: new Map([['h-1', { x: 24, y: 56, width: 300, height: 208 }]]) }),
    );
    expect(resized.hosts?.[0]?.size).toEqual({ width: 300, height: 208 });
  });

  test('a container of no size gets a size of at least 1 × 1 (the format wants a positive size)', () => {
    const result = applyLayout(
      DOCUMENT,
      layout({ hosts: new Map([['h-2', { x: 0, y: 0, width: 0, height: -5 }]]) }),
    );
    expect(result.hosts?.[1]?.size).toEqual({ width: 1, height: 1 });
  });

  test('each routed connection gets the route as its waypoints, copied', () => {
    const result = applyLayout(DOCUMENT, layout());
    expect(result.connections[0]).toEqual({ ...DOCUMENT.connections[0], waypoints: ROUTE_1 });
    expect(result.connections[0]?.waypoints).not.toBe(ROUTE_1);
    expect(result.connections[0]?.waypoints?.[0]).not.toBe(ROUTE_1[0]);
    expect(result.connections[2]).toEqual({
      ...DOCUMENT.connections[2],
      waypoints: [
        { x: 148, y: 76 },
        { x: 148, y: 120 },
      ],
    });
  });

  test('a route point carries x and y only', () => {
    const extra = [
      { x: 1, y: 2, side: 'S' },
      { x: 1, y: 8, side: 'N' },
    ] as unknown as readonly Point[];
    const result = applyLayout(DOCUMENT, layout({ routes: new Map([['c-1', extra]]) }));
    expect(result.connections[0]?.waypoints).toStrictEqual([
      { x: 1, y: 2 },
      { x: 1, y: 8 },
    ]);
  });

  test('a connection the layout did not route loses its old route; one without a route is the same object', () => {
    // c-2 goes to the Message Server, drawn as a badge: the layout has no route for it.
    const result = applyLayout(DOCUMENT, layout());
    const c2 = result.connections[1];
    expect(c2).toEqual({ id: 'c-2', from: 'srv', to: 'msg', label: 'logs' });
    expect(c2 && 'waypoints' in c2).toBe(false);
    const none = applyLayout(DOCUMENT, layout({ routes: new Map() }));
    expect(none.connections[2]).toBe(DOCUMENT.connections[2]);
  });

  test('a route of more points than the format keeps is dropped', () => {
    const long = Array.from({ length: MAX_WAYPOINTS + 1 }, (_, i) => ({ x: i * 10, y: (i % 2) * 10 }));
    const atLimit = long.slice(0, MAX_WAYPOINTS);
    const result = applyLayout(
      DOCUMENT,
      layout({
        routes: new Map([
          ['c-1', long],
          ['c-3', atLimit],
        ]),
      }),
    );
    expect(result.connections[0]?.waypoints).toBeUndefined();
    expect(result.connections[2]?.waypoints).toHaveLength(MAX_WAYPOINTS);
  });

  test('notes stay where they were; the name, options and view are kept', () => {
    const result = applyLayout(DOCUMENT, layout());
    expect(result.annotations).toBe(DOCUMENT.annotations);
    expect(result.name).toBe(DOCUMENT.name);
    expect(result.options).toBe(DOCUMENT.options);
    expect(result.view).toBe(DOCUMENT.view);
  });

  test('a document without hosts or zones gets none', () => {
    const { hosts: _h, zones: _z, ...flat } = DOCUMENT;
    const result = applyLayout(flat, layout());
    expect('hosts' in result).toBe(false);
    expect('zones' in result).toBe(false);
  });

  test('the document given is left as it was', () => {
    const copy = structuredClone(DOCUMENT);
    applyLayout(DOCUMENT, layout());
    expect(DOCUMENT).toEqual(copy);
  });
});
