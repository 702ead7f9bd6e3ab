import { expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { createLayoutProjection } from './layout-projection';

// Zones, hosts and notes as React Flow nodes (decisions 023 and 024).

const WITH_NOTE: TopologyDocument = {
  format: 'wfm-topology',
  version: 2,
  components: [],
  connections: [],
  annotations: [{ id: 'note-1', text: 'Site A', position: { x: 300, y: 0 } }],
};

test('a note keeps its measured size when it is projected again, so React Flow never hides it', () => {
  const project = createLayoutProjection();
  const document = WITH_NOTE;
  const first = project(document, new Set(), new Map()).nodes[0];
  expect(first?.measured).toBeUndefined();
  project.measured('note-1', { width: 96, height: 42 });
  const selected = project(document, new Set(['note-1']), new Map()).nodes[0];
  expect(selected).not.toBe(first);
  expect(selected?.measured).toEqual({ width: 96, height: 42 });
});
