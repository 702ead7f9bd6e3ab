import { EdgeLabelRenderer, useStore } from '@xyflow/react';
import { memo, useCallback } from 'react';
import type { CardNode } from './card-box';
import { LAYER_LOOKS, type LayerDrawer, type LayerEdge, type LayerPaths } from './edge-layer-geometry';

/**
 * Every connection of a large diagram seen from afar, drawn as one SVG under the cards: a path
 * per look (plain, warning, error, selected) and one for their arrowheads. Thousands of edge
 * elements, each its own paint chunk, made every drag and pan frame re-layer and hit-test them
 * all (docs/performance.md, decision 012). It redraws when a card it joins moves or is measured.
 */
export const EdgeLayer = memo(function EdgeLayer({
  edges,
  drawer,
}: {
  edges: readonly LayerEdge[];
  drawer: LayerDrawer<CardNode>;
}) {
  const drawing = useStore(
    useCallback(
      (state: { nodeLookup: ReadonlyMap<string, CardNode> }) =>
        drawer.draw(edges, (id) => state.nodeLookup.get(id)),
      [drawer, edges],
    ),
  );
  return (
    <EdgeLabelRenderer>
      <div className="edge-layer" aria-hidden="true" data-connections={drawing.segments.length}>
        <LayerGroup paths={drawing.resting} />
        <LayerGroup paths={drawing.moving} />
      </div>
    </EdgeLabelRenderer>
  );
});

/**
 * One group's paths in an SVG of its own: Chromium repaints the whole of an SVG whose content
 * changed, so the moving connections must not share one with the resting ones. Memoised, so the
 * resting group is not even compared while a card is dragged.
 */
const LayerGroup = memo(function LayerGroup({ paths }: { paths: LayerPaths }) {
  return (
    <svg className="edge-layer__group" aria-hidden="true">
      {LAYER_LOOKS.map((look) =>
        paths.lines[look] ? (
          <g key={look} className={`edge-layer__${look}`}>
            <path className="edge-layer__lines" d={paths.lines[look]} />
            <path className="edge-layer__heads" d={paths.heads[look]} />
          </g>
        ) : null,
      )}
    </svg>
  );
});
