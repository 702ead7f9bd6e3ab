import { describe, expect, it } from 'vitest';
import { diagramCorpus, templateSources } from '../scripts/diagram-check';
import { BASELINE } from '../src/diagram-check/baseline';
import { checkCorpus, measureSvg } from '../src/diagram-check/check';
import { METRIC_NAMES, type Metrics } from '../src/diagram-check/metrics';
import { flattenPath, parseTransform } from '../src/diagram-check/path';
import { readScene } from '../src/diagram-check/scene';
import { ENFORCED, maxCrossings, missedTargets } from '../src/diagram-check/targets';
import { parseXml, textOf } from '../src/diagram-check/xml-tree';
import { createEmptyDocument, serializeDocument, type TopologyDocument } from '../src/document';
import { serializeSvg } from '../src/export/svg';
import { SVG_METADATA_ID } from '../src/export/svg-metadata';
import { escapeXml } from '../src/export/xml';
import { TEMPLATES } from '../src/templates/catalog';

// The drawing check of issue 14 item 7 (docs/diagrams.md). Each metric is first proved on tiny
// hand-made SVGs written like the exporter's, so that it can fail; then the check runs over the
// corpus and reports its numbers; the targets are asserted for the documents in ENFORCED.

const STYLE =
  '<style>.n{font-size:13px;font-weight:bold}.tag-text{font-size:10px}.tag-text.secure{font-weight:bold}</style>';

/** A card as the exporter draws one: a group at its position, its title, its body and its name. */
function card(x: number, y: number, name: string, options: { width?: number; title?: string } = {}): string {
  const title = options.title === undefined ? '' : `<title>${escapeXml(options.title)}</title>`;
  return `<g transform="translate(${x} ${y})">${title}<rect class="c" width="${options.width ?? 200}" height="60" rx="9"/><text class="n" x="56" y="40">${escapeXml(name)}</text></g>`;
}

/** A link: its geometry element and, optionally, a label on a background. */
function link(geometry: string, label = ''): string {
  return `<g><title>a link</title>${geometry}${label}</g>`;
}

function label(x: number, y: number, text: string, width?: number): string {
  const w = width ?? text.length * 6 + 12;
  return `<rect class="tag" x="${x}" y="${y - 9}" width="${w}" height="18" rx="9"/><text class="tag-text" x="${x + 6}" y="${y + 3.5}">${escapeXml(text)}</text>`;
}

interface Drawing {
  readonly cards?: readonly string[];
  readonly links?: readonly string[];
  readonly notes?: readonly string[];
  readonly document?: TopologyDocument;
  /** The layer groups' offset, as the exporter's translate(dx dy). */
  readonly offset?: number;
}

function svg({ cards = [], links = [], notes = [], document, offset = 32 }: Drawing): string {
  const at = `transform="translate(${offset} ${offset + 58})"`;
  const metadata = document
    ? `<metadata id="${SVG_METADATA_ID}">${escapeXml(serializeDocument(document, { compact: true }), false)}</metadata>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="800">',
    '<title id="wfm-title">test</title>',
    metadata,
    STYLE,
    '<defs><marker id="arrow"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    `<g id="connections" ${at}>${links.join('')}</g>`,
    `<g id="components" ${at}>${cards.join('')}</g>`,
    `<g id="notes" ${at}>${notes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

function metricsOf(drawing: Drawing): Metrics {
  return measureSvg(svg(drawing)).metrics;
}

/** Three cards in a row, 100 px apart: A at 0, B at 300, C at 600 (y 0). */
const ROW = [card(0, 0, 'A'), card(300, 0, 'B'), card(600, 0, 'C')];

describe('reading the SVG', () => {
  it('reads elements, attributes in either quote, entities, comments and CDATA', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- <g> --><svg a='1' b="x &amp; y"><![CDATA[<raw>]]><t>&lt;&#x41;&gt;</t></svg>`,
    );
    expect(root.name).toBe('svg');
    expect(root.attributes.get('a')).toBe('1');
    expect(root.attributes.get('b')).toBe('x & y');
    expect(textOf(root)).toBe('<raw><A>');
    expect(() => parseXml('<svg><g></svg>')).toThrow();
  });

  it('applies every ancestor transform to cards and links', () => {
    const scene = readScene(
      svg({ cards: [card(10, 20, 'A')], links: [link('<line x1="0" y1="0" x2="5" y2="5"/>')] }),
    );
    expect(scene.cards[0]?.rect).toEqual({ x: 42, y: 110, width: 200, height: 60 });
    expect(scene.edges[0]?.start).toEqual({ x: 32, y: 90 });
    const m = parseTransform('translate(10 20) scale(2)');
    expect(m).toEqual([2, 0, 0, 2, 10, 20]);
  });

  it('flattens paths: absolute and relative lines, H and V, curves and arcs, Z', () => {
    expect(flattenPath('M0 0 H10 V10 h-10 z')).toEqual([
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
        { x: 0, y: 10 },
        { x: 0, y: 0 },
      ],
    ]);
    const [quad] = flattenPath('M0 0 L90 0 Q100 0 100 10 L100 100');
    expect(quad?.at(-1)).toEqual({ x: 100, y: 100 });
    expect(quad?.length).toBeGreaterThan(5);
    // A rounded corner as an arc, written with flags run together ("01"), relative.
    const [arc] = flattenPath('m0 0 l90 0 a10 10 0 01 10 10 l0 90');
    const corner = arc?.find((p) => p.x > 92 && p.x < 98);
    expect(corner).toBeDefined();
    // On the circle of radius 10 around (90, 10).
    if (corner) expect(Math.hypot(corner.x - 90, corner.y - 10)).toBeCloseTo(10, 5);
    expect(arc?.at(-1)).toEqual({ x: 100, y: 100 });
    const [cubic] = flattenPath('M0,0C0,50 50,100 100,100S200,50 200,0');
    expect(cubic?.at(-1)).toEqual({ x: 200, y: 0 });
    expect(flattenPath('M0 0 L10 0 M20 0 L30 0')).toHaveLength(2);
  });

  it('reads what the exporter writes: every card, every connection, each card matched to its component', () => {
    const document: TopologyDocument = {
      ...createEmptyDocument('Read back'),
      components: [
        { id: 'srv', kind: 'server', name: 'WFM_Server', position: { x: 0, y: 200 } },
        { id: 'bld', kind: 'builder', name: 'WFM_Builder', position: { x: 0, y: 0 } },
        { id: 'dap', kind: 'dap', name: 'WFM_DAP', position: { x: 400, y: 200 } },
      ],
      connections: [
        { id: 'c1', from: 'srv', to: 'bld', security: 'tls' },
        { id: 'c2', from: 'bld', to: 'srv' },
        { id: 'c3', from: 'srv', to: 'dap', label: 'Nightly export' },
      ],
    };
    const scene = readScene(serializeSvg(document));
    expect(scene.cards.map((c) => c.componentId)).toEqual(['srv', 'bld', 'dap']);
    expect(scene.edges.filter((e) => e.kind === 'connection')).toHaveLength(3);
    expect(scene.document?.connections).toHaveLength(3);
    const [srv, bld] = scene.cards;
    // The layers share one offset: the cards keep the distance the document gives them.
    expect((srv?.rect.y ?? 0) - (bld?.rect.y ?? 0)).toBe(200);
    // Every label is read with its edge: a label drawn elsewhere would escape the label metrics.
    const labels = scene.edges.flatMap((e) => e.labels.map((l) => l.text));
    expect(labels.some((text) => text.includes('Nightly export'))).toBe(true);
    expect(labels.filter((text) => text.includes('TLS'))).toHaveLength(1);
  });
});

describe('card overlaps', () => {
  it('counts cards that share an area, not cards that touch', () => {
    expect(metricsOf({ cards: [card(0, 0, 'A'), card(200, 0, 'B'), card(0, 60, 'C')] }).cardOverlaps).toBe(0);
    expect(metricsOf({ cards: [card(0, 0, 'A'), card(190, 50, 'B')] }).cardOverlaps).toBe(1);
    expect(metricsOf({ cards: [card(0, 0, 'A'), card(10, 0, 'B'), card(20, 0, 'C')] }).cardOverlaps).toBe(3);
  });
});

describe('edges through cards', () => {
  it('counts a straight line under a card it does not connect', () => {
    const line = link('<line x1="200" y1="30" x2="600" y2="30"/>');
    expect(metricsOf({ cards: ROW, links: [line] }).edgesThroughCards).toBe(1);
  });

  it('does not count the edge between neighbours, nor an edge ending a little short of its card', () => {
    const neighbours = link('<line x1="200" y1="30" x2="300" y2="30"/>');
    const short = link('<line x1="200" y1="30" x2="297" y2="30"/>');
    expect(metricsOf({ cards: ROW, links: [neighbours, short] }).edgesThroughCards).toBe(0);
  });

  it('does not count an edge that runs along a card’s border', () => {
    const along = link('<path d="M200 0 L300 0 L500 0 L600 0"/>');
    // 1 px inside B's top border is still the border (cards are shrunk by 2 px); 4 px is inside.
    const grazing = link('<path d="M200 1 L600 1"/>');
    expect(metricsOf({ cards: ROW, links: [along, grazing] }).edgesThroughCards).toBe(0);
    expect(metricsOf({ cards: ROW, links: [link('<path d="M200 4 L600 4"/>')] }).edgesThroughCards).toBe(1);
  });

  it('follows rounded orthogonal routes: around a card is fine, through one is not', () => {
    // From A's bottom, down, right under B, up into C's bottom; corners rounded with Q, then with arcs.
    const around = link(
      '<path class="e" d="M100 60 L100 90 Q100 100 110 100 L690 100 Q700 100 700 90 L700 60"/>',
    );
    const aroundArcs = link(
      '<path class="e" d="M100 60 v30 a10 10 0 0 0 10 10 h580 a10 10 0 0 0 10 -10 v-30"/>',
    );
    const aroundPolyline = link('<polyline class="e" points="100,60 100,100 700,100 700,60"/>');
    expect(metricsOf({ cards: ROW, links: [around, aroundArcs, aroundPolyline] }).edgesThroughCards).toBe(0);
    const through = link(
      '<path class="e" d="M100 60 L100 80 Q100 90 110 90 L390 90 Q400 90 400 80 L400 40 L600 40"/>',
    );
    // Through B: up into it from below, then out to C.
    expect(metricsOf({ cards: ROW, links: [through] }).edgesThroughCards).toBe(1);
  });

  it('leaves out the lock and the arrowhead drawn beside a link', () => {
    const locked = link(
      '<line class="e" x1="200" y1="30" x2="300" y2="30"/><path class="lock" d="M400 -100 L400 200"/><path d="M350 20 L360 30 L350 40 z"/>',
    );
    expect(metricsOf({ cards: ROW, links: [locked] }).edgesThroughCards).toBe(0);
  });
});

describe('edge crossings', () => {
  const square = [card(0, 0, 'A'), card(400, 0, 'B'), card(0, 300, 'C'), card(400, 300, 'D')];

  it('counts two edges that cross', () => {
    const ad = link('<line x1="200" y1="60" x2="400" y2="300"/>');
    const bc = link('<line x1="400" y1="60" x2="200" y2="300"/>');
    expect(metricsOf({ cards: square, links: [ad, bc] }).edgeCrossings).toBe(1);
  });

  it('does not count edges that meet at a shared end, run side by side, or share a stretch', () => {
    const ab = link('<line x1="200" y1="30" x2="400" y2="30"/>');
    const ac = link('<line x1="200" y1="30" x2="100" y2="300"/>');
    const ba = link('<line x1="200" y1="20" x2="400" y2="20"/>');
    const shared = link('<polyline points="200,30 300,30 300,300"/>');
    expect(metricsOf({ cards: square, links: [ab, ac, ba, shared] }).edgeCrossings).toBe(0);
  });

  it('counts crossings of routed paths once per pair of edges', () => {
    // Two orthogonal routes that cross twice still make one crossing pair.
    const first = link('<path d="M100 60 V150 H500 V300"/>');
    const second = link('<path d="M500 60 V100 Q500 110 490 110 H150 V200 H550 V300"/>');
    expect(metricsOf({ cards: square, links: [first, second] }).edgeCrossings).toBe(1);
  });
});

describe('clipped labels', () => {
  const document: TopologyDocument = {
    ...createEmptyDocument('Labels'),
    components: [
      { id: 'a', kind: 'web', name: 'WFM_Web_with_a_long_name_that_is_cut', position: { x: 0, y: 0 } },
      { id: 'b', kind: 'web', name: 'B', position: { x: 600, y: 0 } },
    ],
    connections: [{ id: 'c1', from: 'a', to: 'b', label: 'Nightly schedule export' }],
  };
  const cards = [
    card(0, 0, 'WFM_Web_with…', { title: 'WFM Web: WFM_Web_with_a_long_name_that_is_cut' }),
    card(600, 0, 'B', { title: 'WFM Web: B' }),
  ];
  const line = '<line class="e" x1="200" y1="30" x2="600" y2="30"/>';

  it('counts nothing when the label is drawn whole and the long name is in the card’s title', () => {
    expect(
      metricsOf({ document, cards, links: [link(line, label(300, 30, 'Nightly schedule export', 160))] })
        .clippedLabels,
    ).toBe(0);
  });

  it('counts a label cut short of its connection’s full label', () => {
    expect(
      metricsOf({ document, cards, links: [link(line, label(300, 30, 'Nightly sched…'))] }).clippedLabels,
    ).toBe(1);
    // Without the document, a label cut with an ellipsis.
    expect(metricsOf({ cards, links: [link(line, label(300, 30, 'Nightly sched…'))] }).clippedLabels).toBe(1);
  });

  it('counts a label wider than its background', () => {
    expect(
      metricsOf({ document, cards, links: [link(line, label(300, 30, 'Nightly schedule export', 60))] })
        .clippedLabels,
    ).toBe(1);
  });

  it('counts a cut card name whose full name is not in the card’s title', () => {
    const untitled = [card(0, 0, 'WFM_Web_with…'), card(600, 0, 'B')];
    expect(metricsOf({ document, cards: untitled }).clippedLabels).toBe(1);
    expect(metricsOf({ cards: untitled }).clippedLabels).toBe(1);
    // A name that runs past the card's right border is clipped too.
    expect(metricsOf({ cards: [card(0, 0, 'WFM_Web_with_a_long_name_that_is_not_cut')] }).clippedLabels).toBe(
      1,
    );
  });
});

describe('label overlaps', () => {
  const lines = [
    '<line x1="200" y1="30" x2="300" y2="30"/>',
    '<line x1="500" y1="30" x2="600" y2="30"/>',
    '<line x1="100" y1="60" x2="100" y2="300"/>',
  ];

  it('counts two labels that overlap, and a label on a card or a note', () => {
    const overlapping = [
      link(lines[0] ?? '', label(210, 200, 'first')),
      link(lines[1] ?? '', label(220, 205, 'second')),
    ];
    expect(metricsOf({ cards: ROW, links: overlapping }).labelOverlaps).toBe(1);
    const onCard = [link(lines[0] ?? '', label(280, 30, 'on B'))];
    expect(metricsOf({ cards: ROW, links: onCard }).labelOverlaps).toBe(1);
    const note = '<g transform="translate(0 150)"><rect class="nt" width="220" height="60"/></g>';
    const onNote = [link(lines[2] ?? '', label(60, 180, 'on the note'))];
    expect(metricsOf({ cards: ROW, links: onNote, notes: [note] }).labelOverlaps).toBe(1);
  });

  it('does not count labels that only touch', () => {
    const touching = [
      link(lines[0] ?? '', label(210, 200, 'first', 60)),
      link(lines[1] ?? '', label(270, 200, 'second')),
    ];
    expect(metricsOf({ cards: ROW, links: touching }).labelOverlaps).toBe(0);
  });
});

describe('the corpus', () => {
  it('holds every template of the catalog', () => {
    expect(templateSources().map((t) => t.id)).toEqual([...TEMPLATES.map((t) => t.id)].sort());
  });

  it('has a recorded straight-line baseline for every document, and enforces only documents it has', () => {
    const names = diagramCorpus().map((e) => e.name);
    expect(Object.keys(BASELINE).sort()).toEqual([...names].sort());
    for (const name of ENFORCED) expect(names).toContain(name);
  });

  it('measures every document and meets the targets of the enforced ones', async () => {
    const results = await checkCorpus(diagramCorpus());
    for (const result of results) {
      // Every count is reported.
      for (const metric of ['cards', 'edges', ...METRIC_NAMES] as const) {
        expect(Number.isInteger(result.metrics[metric]), `${result.name} ${metric}`).toBe(true);
        expect(result.metrics[metric]).toBeGreaterThanOrEqual(0);
      }
      expect(maxCrossings(result.name)).toBeDefined();
      // The targets, for the documents the layout engine has switched on (layout time is the bench's).
      if (ENFORCED.has(result.name))
        expect(missedTargets(result.name, result.metrics), result.name).toEqual([]);
    }
    const cards = (name: string) => results.find((r) => r.name === name)?.metrics.cards;
    expect(cards('generated:200')).toBe(200);
    expect(cards('generated:10:flat')).toBe(10);
  }, 120_000);

  it('can tell a drawing that meets the targets from one that does not', () => {
    const clean: Metrics = {
      cards: 7,
      edges: 8,
      cardOverlaps: 0,
      edgesThroughCards: 0,
      clippedLabels: 0,
      labelOverlaps: 0,
      edgeCrossings: 0,
    };
    const name = 'template:minimal-single-site';
    expect(missedTargets(name, clean)).toEqual([]);
    expect(missedTargets(name, { ...clean, edgesThroughCards: 1 })).toHaveLength(1);
    const baseline = BASELINE[name]?.edgeCrossings ?? 0;
    expect(missedTargets(name, { ...clean, edgeCrossings: Math.floor(baseline / 2) + 1 })).toHaveLength(1);
    expect(missedTargets('not in the corpus', clean)).toHaveLength(1);
    expect(missedTargets(name, clean, 1_500)).toHaveLength(1);
  });
});
