import { expect, test } from 'vitest';
import type { DocumentComponent, TopologyDocument } from '../document';
import { containerBoxes } from './containers';
import { type Rect, rectInside, rectsOverlap } from './geometry';
import { CARD_HEIGHT, cardWidth, hostNames, layoutByRole } from './layout';
import { tidyLayout } from './tidy-layout';

// The grouping pass of both automatic layouts: what a host holds stays in its box.

function sketch(): TopologyDocument {
  const components: DocumentComponent[] = [
    { id: 'web1', kind: 'web', name: 'Web1', host: 'h-web' },
    { id: 'srv', kind: 'server', name: 'Srv', host: 'h-app' },
    { id: 'dap', kind: 'dap', name: 'Dap', host: 'h-db' },
    { id: 'da', kind: 'data-aggregator', name: 'DA', host: 'h-app' },
    { id: 'bld', kind: 'builder', name: 'Bld', host: 'h-bld' },
    { id: 'web2', kind: 'web', name: 'Web2', host: 'h-dr' },
    { id: 'loose', kind: 'stat-server', name: 'Stat' },
  ];
  return {
    format: 'wfm-topology',
    version: 2,
    zones: [
      { id: 'z-main', name: 'Main' },
      { id: 'z-dr', name: 'Recovery' },
    ],
    hosts: [
      { id: 'h-web', name: 'wfm-web01', zone: 'z-main' },
      { id: 'h-app', name: 'wfm-app01', zone: 'z-main' },
      { id: 'h-db', name: 'wfm-db01', zone: 'z-main' },
      { id: 'h-dr', name: 'wfm-dr01', zone: 'z-dr' },
      { id: 'h-bld', name: 'wfm-bld01' },
    ],
    components,
    connections: [
      { id: 'c1', from: 'web1', to: 'srv' },
      { id: 'c2', from: 'da', to: 'srv' },
      { id: 'c3', from: 'srv', to: 'dap' },
      { id: 'c4', from: 'bld', to: 'srv' },
      { id: 'c5', from: 'web2', to: 'srv' },
      { id: 'c6', from: 'da', to: 'loose' },
    ],
  };
}

function cardsOf(document: TopologyDocument, positions: ReadonlyMap<string, { x: number; y: number }>) {
  const names = hostNames(document);
  return new Map<string, Rect>(
    document.components.map((c) => {
      const at = positions.get(c.id);
      if (!at) throw new Error(`${c.id} was not placed`);
      return [c.id, { ...at, width: cardWidth(c, c.host && names.get(c.host)), height: CARD_HEIGHT }];
    }),
  );
}

const LAYOUTS = [
  ['the automatic layout', layoutByRole],
  ['Tidy up', tidyLayout],
] as const;

test.each(LAYOUTS)(
  '%s keeps the boxes of different hosts apart, and no card in a host it is not on',
  (_name, layout) => {
    const document = sketch();
    const cards = cardsOf(document, layout(document));
    const { hosts } = containerBoxes(document, cards);
    const boxes = [...hosts.entries()];
    boxes.forEach(([a, boxA], i) => {
      for (const [b, boxB] of boxes.slice(i + 1))
        expect(rectsOverlap(boxA, boxB), `${a} and ${b}`).toBe(false);
    });
    for (const component of document.components) {
      const card = cards.get(component.id);
      if (!card) throw new Error('no card');
      for (const [id, box] of hosts) {
        expect(rectsOverlap(card, box), `${component.id} in ${id}`).toBe(id === component.host);
      }
    }
  },
);

test.each(LAYOUTS)(
  '%s keeps the boxes of zones apart, and every host of a zone inside it',
  (_name, layout) => {
    const document = sketch();
    const { hosts, zones } = containerBoxes(document, cardsOf(document, layout(document)));
    const main = zones.get('z-main');
    const dr = zones.get('z-dr');
    if (!main || !dr) throw new Error('zones not drawn');
    expect(rectsOverlap(main, dr)).toBe(false);
    for (const host of document.hosts ?? []) {
      const box = hosts.get(host.id);
      if (!box) throw new Error(`${host.id} not drawn`);
      expect(rectInside(box, main), host.id).toBe(host.zone === 'z-main');
      expect(rectInside(box, dr), host.id).toBe(host.zone === 'z-dr');
    }
  },
);

test.each(LAYOUTS)('%s puts the components on no host below every host', (_name, layout) => {
  const document = sketch();
  const cards = cardsOf(document, layout(document));
  const { hosts } = containerBoxes(document, cards);
  const loose = cards.get('loose');
  for (const box of hosts.values()) expect(loose?.y).toBeGreaterThan(box.y + box.height);
});

test.each(LAYOUTS)('%s puts every card on the 8-px grid', (_name, layout) => {
  for (const [id, at] of layout(sketch())) {
    expect(at.x % 8, id).toBe(0);
    expect(at.y % 8, id).toBe(0);
  }
});

test('inside a host, components keep their rows by role: the Data Aggregator above the WFM Server', () => {
  const layout = layoutByRole(sketch());
  expect(layout.get('da')?.y).toBeLessThan(layout.get('srv')?.y ?? 0);
});

test('hosts of a zone are stacked by role: the web host above the application host above the database host', () => {
  const layout = layoutByRole(sketch());
  expect(layout.get('web1')?.y).toBeLessThan(layout.get('da')?.y ?? 0);
  expect(layout.get('srv')?.y).toBeLessThan(layout.get('dap')?.y ?? 0);
});

test('a host the document does not have groups nothing: the component is laid out with the others', () => {
  const document: TopologyDocument = {
    format: 'wfm-topology',
    version: 2,
    components: [
      { id: 'a', kind: 'server', name: 'A', host: 'gone' },
      { id: 'b', kind: 'server', name: 'B' },
    ],
    connections: [],
  };
  const layout = layoutByRole(document);
  expect(layout.get('a')?.y).toBe(layout.get('b')?.y);
});
