import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { DocumentComponent, TopologyDocument } from '../document';
import { COMPONENT_KINDS, type ComponentKind } from '../domain';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardWidth,
  DRAWABLE_EXTENT,
  layoutByRole,
  type Positioned,
  positionsDrawable,
  withDrawableLayout,
  withLayout,
} from './layout';

const PROPERTY = { seed: 20_251_126, numRuns: 200 } as const;

function topology(components: DocumentComponent[]): TopologyDocument {
  return { format: 'wfm-topology', version: 2, components, connections: [] };
}

function unplaced(...kinds: ComponentKind[]): DocumentComponent[] {
  return kinds.map((kind, index) => ({ id: `${kind}-${index}`, kind, name: `${kind} ${index}` }));
}

function at(layout: Map<string, Positioned>, id: string): Positioned {
  const position = layout.get(id);
  if (!position) throw new Error(`${id} was not placed`);
  return position;
}

function overlap(a: Positioned, b: Positioned): boolean {
  return (
    a.x < b.x + CARD_WIDTH && b.x < a.x + CARD_WIDTH && a.y < b.y + CARD_HEIGHT && b.y < a.y + CARD_HEIGHT
  );
}

test('clients of the WFM Server sit above it, the Framework and the database below it', () => {
  const layout = layoutByRole(topology(unplaced(...COMPONENT_KINDS)));
  const y = (kind: ComponentKind) => at(layout, `${kind}-${COMPONENT_KINDS.indexOf(kind)}`).y;
  for (const client of ['web', 'daemon'] as const) {
    for (const middle of ['builder', 'data-aggregator'] as const) expect(y(client)).toBeLessThan(y(middle));
  }
  for (const middle of ['builder', 'data-aggregator'] as const) expect(y(middle)).toBeLessThan(y('server'));
  for (const backEnd of ['dap', 'stat-server', 'message-server'] as const) {
    expect(y('server')).toBeLessThan(y(backEnd));
  }
});

test('kinds of the same role share a row', () => {
  const layout = layoutByRole(
    topology(unplaced('web', 'daemon', 'builder', 'data-aggregator', 'server', 'db-utility')),
  );
  expect(at(layout, 'web-0').y).toBe(at(layout, 'daemon-1').y);
  expect(at(layout, 'builder-2').y).toBe(at(layout, 'data-aggregator-3').y);
  expect(at(layout, 'server-4').y).toBe(at(layout, 'db-utility-5').y);
});

test('rows follow each other with no empty row for a role nobody has', () => {
  const layout = layoutByRole(topology(unplaced('web', 'dap')));
  expect(at(layout, 'dap-1').y - at(layout, 'web-0').y).toBeLessThanOrEqual(CARD_HEIGHT * 3);
});

test('components that have a position keep it and get no entry', () => {
  const placed: DocumentComponent = { id: 'srv', kind: 'server', name: 'S', position: { x: 5, y: 7 } };
  const layout = layoutByRole(topology([placed, ...unplaced('builder')]));
  expect(layout.has('srv')).toBe(false);
  expect(withLayout(topology([placed, ...unplaced('builder')])).components[0]).toEqual(placed);
});

test('a document whose components all have a position is returned as it is', () => {
  const document = topology([{ id: 'srv', kind: 'server', name: 'S', position: { x: 0, y: 0 } }]);
  expect(layoutByRole(document).size).toBe(0);
  expect(withLayout(document)).toBe(document);
});

test('withLayout gives every component a position and changes nothing else', () => {
  const component: DocumentComponent = {
    id: 'srv',
    kind: 'server',
    name: 'S',
    host: 'h',
    port: 1,
    etl: true,
    notes: 'n',
  };
  const [laidOut] = withLayout(topology([component])).components;
  expect(laidOut).toEqual({ ...component, position: expect.objectContaining({ x: expect.any(Number) }) });
});

test('the widest row starts at the left edge of the placed components, the others are centred', () => {
  const placed: DocumentComponent = { id: 'p', kind: 'web', name: 'P', position: { x: -400, y: 0 } };
  const layout = layoutByRole(topology([placed, ...unplaced('builder', 'builder', 'builder', 'server')]));
  expect(Math.min(...['builder-0', 'builder-1', 'builder-2'].map((id) => at(layout, id).x))).toBe(-400);
  const middle = at(layout, 'builder-1').x;
  expect(at(layout, 'server-3').x).toBe(middle);
});

const placedComponent = fc.record({
  kind: fc.constantFrom(...COMPONENT_KINDS),
  x: fc.integer({ min: -2000, max: 2000 }),
  y: fc.integer({ min: -2000, max: 2000 }),
  hasPosition: fc.boolean(),
});

const layoutCase = fc.array(placedComponent, { maxLength: 40 }).map((rows) =>
  topology(
    rows.map(({ kind, x, y, hasPosition }, index) => {
      const base: DocumentComponent = { id: `c${index}`, kind, name: `C${index}` };
      return hasPosition ? { ...base, position: { x, y } } : base;
    }),
  ),
);

test('no two laid-out cards overlap, and every laid-out card is below every placed one', () => {
  fc.assert(
    fc.property(layoutCase, (document) => {
      const layout = layoutByRole(document);
      const placed = document.components.flatMap((c) => (c.position ? [c.position] : []));
      const laidOut = [...layout.values()];
      expect(layout.size).toBe(document.components.length - placed.length);
      laidOut.forEach((a, i) => {
        for (const b of laidOut.slice(i + 1)) expect(overlap(a, b)).toBe(false);
        for (const p of placed) expect(a.y).toBeGreaterThanOrEqual(p.y + CARD_HEIGHT);
        expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      });
    }),
    PROPERTY,
  );
});

test('the layout is deterministic', () => {
  fc.assert(
    fc.property(layoutCase, (document) => {
      expect(layoutByRole(document)).toEqual(layoutByRole(document));
    }),
    PROPERTY,
  );
});

test('positions that span more than a drawing can hold are laid out by role for the drawing', () => {
  const far = topology([
    { id: 'a', kind: 'server', name: 'A', position: { x: -1e308, y: 0 } },
    { id: 'b', kind: 'dap', name: 'B', position: { x: 1e308, y: 1e308 } },
  ]);
  expect(positionsDrawable(far)).toBe(false);
  const drawn = withDrawableLayout(far);
  const placed = new Map(drawn.components.map((c) => [c.id, c.position as Positioned]));
  for (const position of placed.values()) {
    expect(Math.abs(position.x)).toBeLessThan(DRAWABLE_EXTENT);
    expect(Math.abs(position.y)).toBeLessThan(DRAWABLE_EXTENT);
  }
  expect(overlap(at(placed, 'a'), at(placed, 'b'))).toBe(false);
  expect(far.components[0]?.position?.x).toBe(-1e308); // the document itself is left alone
});

test('positions within the drawable extent are kept as they are', () => {
  const near = topology([
    { id: 'a', kind: 'server', name: 'A', position: { x: -4_000_000, y: 0 } },
    { id: 'b', kind: 'dap', name: 'B', position: { x: 5_000_000, y: 200 } },
  ]);
  expect(positionsDrawable(near)).toBe(true);
  expect(withDrawableLayout(near)).toEqual(near);
});

test('cards with long names are laid out at their own width, so they do not run into each other', () => {
  const long = (id: string, kind: ComponentKind) => ({
    id,
    kind,
    name: `${'Builder_with_a_long_name_'.repeat(3)}${id}`,
  });
  const document = topology([long('b1', 'builder'), long('b2', 'builder'), long('b3', 'builder')]);
  const layout = layoutByRole(document);
  const xs = ['b1', 'b2', 'b3'].map((id) => at(layout, id).x).sort((a, b) => a - b);
  const width = cardWidth(document.components[0] as DocumentComponent);
  expect(width).toBeGreaterThan(CARD_WIDTH);
  for (let i = 1; i < xs.length; i += 1)
    expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(width);
});

/** The laid-out rectangles, each card at its own width. */
function boxes(document: TopologyDocument): { x: number; y: number; width: number; id: string }[] {
  const layout = layoutByRole(document);
  return document.components.map((c) => ({ ...at(layout, c.id), width: cardWidth(c), id: c.id }));
}

test('forty cards of one role still share one row', () => {
  const ys = new Set(boxes(topology(unplaced(...Array(40).fill('builder')))).map((box) => box.y));
  expect(ys.size).toBe(1);
});

test('a role with more cards than a row holds continues on the rows below it, before the next role', () => {
  const document = topology(unplaced('web', ...Array(100).fill('builder'), 'server'));
  const laidOut = boxes(document);
  const builders = laidOut.filter((box) => box.id.startsWith('builder'));
  const builderRows = [...new Set(builders.map((box) => box.y))].sort((a, b) => a - b);
  expect(builderRows.length).toBeGreaterThan(1);
  const web = laidOut.find((box) => box.id.startsWith('web'));
  const server = laidOut.find((box) => box.id.startsWith('server'));
  expect(web?.y).toBeLessThan(builderRows[0] ?? 0);
  expect(server?.y).toBeGreaterThan(builderRows.at(-1) ?? 0);
  // Consecutive rows, as far apart as the rows of two roles.
  const rowStep = (builderRows[0] ?? 0) - (web?.y ?? 0);
  for (let i = 1; i < builderRows.length; i += 1) {
    expect((builderRows[i] ?? 0) - (builderRows[i - 1] ?? 0)).toBe(rowStep);
  }
  for (const y of builderRows) {
    const row = builders.filter((box) => box.y === y);
    const width = Math.max(...row.map((box) => box.x + box.width)) - Math.min(...row.map((box) => box.x));
    expect(width).toBeLessThanOrEqual(10_000);
  }
});

test('wrapped rows keep the cards of a role in document order, left to right and top to bottom', () => {
  const document = topology(unplaced(...Array(90).fill('builder')));
  const order = boxes(document)
    .slice()
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((box) => box.id);
  expect(order).toEqual(document.components.map((c) => c.id));
});

test('5,000 components without positions are laid out about as wide as a screen, not in one row', () => {
  const kinds = COMPONENT_KINDS.filter((kind) => kind !== 'daemon');
  const document = topology(
    unplaced(...Array.from({ length: 5000 }, (_, i) => kinds[i % kinds.length] ?? 'dap')),
  );
  const laidOut = boxes(document);
  const width =
    Math.max(...laidOut.map((box) => box.x + box.width)) - Math.min(...laidOut.map((box) => box.x));
  const height =
    Math.max(...laidOut.map((box) => box.y)) + CARD_HEIGHT - Math.min(...laidOut.map((box) => box.y));
  expect(width / height).toBeGreaterThan(1.2);
  expect(width / height).toBeLessThan(2.5);
  expect(width).toBeLessThan(30_000);
  // Rows do not overlap: cards sharing a row are apart, and rows are a card height apart.
  const byRow = new Map<number, typeof laidOut>();
  for (const box of laidOut) byRow.set(box.y, [...(byRow.get(box.y) ?? []), box]);
  for (const row of byRow.values()) {
    const sorted = row.slice().sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1];
      expect(previous && previous.x + previous.width).toBeLessThanOrEqual(sorted[i]?.x ?? 0);
    }
  }
});

test('no two laid-out cards overlap, also when roles wrap onto several rows', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...COMPONENT_KINDS), { minLength: 41, maxLength: 400 }),
      fc.integer({ min: 0, max: 60 }),
      (kinds, longNames) => {
        const document = topology(
          kinds.map((kind, index) => ({
            id: `c${index}`,
            kind,
            name: index < longNames ? `${'Long_name_'.repeat(4)}${index}` : `C${index}`,
          })),
        );
        const laidOut = boxes(document).sort((a, b) => a.y - b.y || a.x - b.x);
        for (let i = 1; i < laidOut.length; i += 1) {
          const previous = laidOut[i - 1];
          const box = laidOut[i];
          if (!previous || !box) continue;
          if (previous.y === box.y) expect(previous.x + previous.width).toBeLessThanOrEqual(box.x);
          else expect(box.y - previous.y).toBeGreaterThanOrEqual(CARD_HEIGHT);
        }
      },
    ),
    { seed: 20_251_126, numRuns: 60 },
  );
});
