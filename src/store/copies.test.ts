import { expect, test } from 'vitest';
import type { DocumentComponent, TopologyDocument } from '../document';
import { COPY_OFFSET, describeCopies, pastePlace } from './copies';
import type { Fragment } from './operations';

function server(id: string, name: string, x: number, y: number, extra: Partial<DocumentComponent> = {}) {
  return { id, kind: 'server', name, position: { x, y }, ...extra } satisfies DocumentComponent;
}

const ORIGINAL = server('srv-1', 'WFM_Server_1', 100, 40, { host: 'h-1', port: 7000 });
const FRAGMENT: Fragment = { components: [ORIGINAL], connections: [] };

function document(components: DocumentComponent[]): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    hosts: [{ id: 'h-1', name: 'wfm01' }],
    components,
    connections: [],
  };
}

test('a copy lands one grid step right and down of what it copies, and each paste one step further', () => {
  expect(COPY_OFFSET).toBe(8);
  const withOriginal = document([ORIGINAL]);
  expect(pastePlace(FRAGMENT, 0, withOriginal, { x: 0, y: 0 })).toEqual({ x: 108, y: 48 });
  expect(pastePlace(FRAGMENT, 2, withOriginal, { x: 0, y: 0 })).toEqual({ x: 124, y: 64 });
});

test('a paste whose originals are gone starts at the fallback (the view centre), then cascades', () => {
  const empty = document([]);
  expect(pastePlace(FRAGMENT, 0, empty, { x: 400, y: 200 })).toEqual({ x: 400, y: 200 });
  expect(pastePlace(FRAGMENT, 1, empty, { x: 400, y: 200 })).toEqual({ x: 408, y: 208 });
});

test('a copy on the host and port of another component is said, with the fix that moves it', () => {
  const copy = server('srv-2', 'WFM_Server_2', 108, 48, { host: 'h-1', port: 7000 });
  expect(describeCopies('Duplicated', FRAGMENT, document([ORIGINAL, copy]), ['srv-2'], 0)).toBe(
    "Duplicated WFM Server 'WFM_Server_1' as 'WFM_Server_2'. 'WFM_Server_2' uses port 7000 on host 'wfm01', as 'WFM_Server_1' does: “Use the next free port” in Problems moves it.",
  );
  const elsewhere = { ...copy, port: 7001 };
  expect(describeCopies('Pasted', FRAGMENT, document([ORIGINAL, elsewhere]), ['srv-2'], 0)).toBe(
    "Pasted WFM Server 'WFM_Server_1' as 'WFM_Server_2'.",
  );
});
