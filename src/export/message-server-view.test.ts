import { expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { setMessageServerLinks } from '../store/layout-operations';
import { serializeMermaid } from './mermaid';
import { serializeSvg } from './svg';

// Issue 14 item 4: "Management Layer connections: Lines / Badges / Hidden", saved in the document
// (view.messageServerLinks) and applied by every drawing.

function site(): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    name: 'ML',
    options: { managementLayer: true, scheduledReporting: false },
    components: [
      { id: 'srv', kind: 'server', name: 'S1', position: { x: 0, y: 0 } },
      { id: 'bld', kind: 'builder', name: 'B1', position: { x: 0, y: 200 } },
      { id: 'msg', kind: 'message-server', name: 'M1', position: { x: 300, y: 200 } },
    ],
    connections: [
      { id: 'c-1', from: 'bld', to: 'srv', security: 'none' },
      { id: 'c-2', from: 'srv', to: 'msg', security: 'none' },
      { id: 'c-3', from: 'bld', to: 'msg', security: 'none' },
    ],
  } as TopologyDocument;
}

const lines = (svg: string) => svg.match(/<path class="e[ "]/g)?.length ?? 0;

test('setMessageServerLinks writes the view, and "lines" (the default) leaves no view behind', () => {
  const badges = setMessageServerLinks(site(), 'badges');
  expect(badges.view).toEqual({ messageServerLinks: 'badges' });
  const back = setMessageServerLinks(badges, 'lines');
  expect(back.view).toBeUndefined();
  expect(setMessageServerLinks(back, 'lines')).toBe(back);
});

test('lines: every connection is drawn; badges: the Message Server ones become badges on their cards', () => {
  expect(lines(serializeSvg(site()))).toBe(3);
  const svg = serializeSvg(setMessageServerLinks(site(), 'badges'));
  expect(lines(svg)).toBe(1);
  // One badge per card with a Message Server connection (the server and the builder), one in the legend.
  expect(svg.match(/>MS<\/text>/g)).toHaveLength(3);
  expect(svg).toContain('connected to the Message Server (Management Layer)');
});

test('hidden: the Message Server connections are neither lines nor badges, and the legend says so', () => {
  const svg = serializeSvg(setMessageServerLinks(site(), 'hidden'));
  expect(lines(svg)).toBe(1);
  expect(svg).not.toContain('>MS</text>');
  expect(svg).toContain('Message Server connections not drawn');
});

test('Mermaid follows the view too', () => {
  const arrows = (text: string) => text.match(/-->/g)?.length ?? 0;
  expect(arrows(serializeMermaid(site()))).toBe(3);
  expect(arrows(serializeMermaid(setMessageServerLinks(site(), 'hidden')))).toBe(1);
});
