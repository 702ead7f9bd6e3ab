import { expect, test } from 'vitest';
import { createDesignerStore } from '../store/store';
import { ALIGN_COMMANDS, DISTRIBUTE_COMMANDS } from './arrange-commands';
import { menuGroups } from './context-menu';

// Which commands each context menu offers (decision 030); the e2e spec clicks them.

function state(selected: { components?: string[]; layout?: string[]; connections?: string[] }) {
  const store = createDesignerStore();
  store.getState().select(selected);
  return store.getState();
}

/** The eight align and distribute commands (their ids are pinned in commands.test.ts). */
const ARRANGE = [...ALIGN_COMMANDS, ...DISTRIBUTE_COMMANDS].map((command) => command.id);

test('a card offers its editing commands and Zoom to selection; arranging once two are selected', () => {
  const one = menuGroups({ kind: 'component', id: 'a' }, state({ components: ['a'] }));
  expect(one).toEqual([['connect-to', 'copy', 'duplicate', 'delete'], ['zoom-to-selection']]);
  const two = menuGroups({ kind: 'component', id: 'a' }, state({ components: ['a'], layout: ['h'] }));
  expect(two[2]).toEqual(ARRANGE);
});

test('a connection offers Delete and Zoom to selection, never arranging', () => {
  expect(
    menuGroups({ kind: 'connection', id: 'c' }, state({ components: ['a', 'b'], connections: ['c'] })),
  ).toEqual([['delete'], ['zoom-to-selection']]);
});

test('a host, zone or note offers Delete and Zoom to selection', () => {
  for (const kind of ['host', 'zone', 'note'] as const) {
    expect(menuGroups({ kind, id: 'h' }, state({ layout: ['h'] }))).toEqual([
      ['delete'],
      ['zoom-to-selection'],
    ]);
  }
});

test('the empty canvas offers the document’s commands, and the selection’s when there is one', () => {
  expect(menuGroups({ kind: 'pane' }, state({}))).toEqual([
    ['paste', 'select-all', 'undo', 'redo'],
    ['find', 'tidy-up'],
  ]);
  expect(menuGroups({ kind: 'pane' }, state({ components: ['a', 'b', 'c'] })).slice(2)).toEqual([
    ['zoom-to-selection'],
    ARRANGE,
  ]);
});
