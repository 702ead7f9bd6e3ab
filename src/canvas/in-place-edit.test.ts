import { expect, test } from 'vitest';
import type { TopologyDocument } from '../document';
import { createDesignerStore, type Selection } from '../store/store';
import {
  createInPlaceEdit,
  endEditsOfUnselected,
  enterTarget,
  IN_PLACE_LIMITS,
  noteCommit,
  pasteOverflows,
  startEditing,
} from './in-place-edit';

// Editing a note's text and a connection's label on the canvas (decision 024): what Enter edits,
// what a commit does, and when an edit ends.

function deployment(): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    components: [
      { id: 'web-1', kind: 'web', name: 'WFM_Web_1', position: { x: 0, y: 0 } },
      { id: 'srv-1', kind: 'server', name: 'WFM_Server_1', position: { x: 0, y: 200 } },
    ],
    connections: [{ id: 'c-1', from: 'web-1', to: 'srv-1' }],
    annotations: [{ id: 'note-1', text: 'Site A', position: { x: 300, y: 0 } }],
  };
}

function selection(parts: { components?: string[]; connections?: string[]; layout?: string[] }): Selection {
  return {
    components: new Set(parts.components),
    connections: new Set(parts.connections),
    ...(parts.layout ? { layout: new Set(parts.layout) } : {}),
  };
}

test('Enter edits the focused note or connection', () => {
  const nothing = selection({});
  expect(enterTarget(deployment(), nothing, { type: 'node', id: 'note-1' })).toEqual({
    kind: 'note',
    id: 'note-1',
  });
  expect(enterTarget(deployment(), nothing, { type: 'edge', id: 'c-1' })).toEqual({
    kind: 'label',
    id: 'c-1',
  });
});

test('Enter on a focused card, host or unknown element edits nothing, whatever is selected', () => {
  const noteSelected = selection({ layout: ['note-1'] });
  expect(enterTarget(deployment(), noteSelected, { type: 'node', id: 'web-1' })).toBeNull();
  expect(enterTarget(deployment(), noteSelected, { type: 'edge', id: 'standby:srv-2' })).toBeNull();
});

test('without a focused node or edge, Enter edits the one selected note or connection', () => {
  expect(enterTarget(deployment(), selection({ layout: ['note-1'] }), null)).toEqual({
    kind: 'note',
    id: 'note-1',
  });
  expect(enterTarget(deployment(), selection({ connections: ['c-1'] }), null)).toEqual({
    kind: 'label',
    id: 'c-1',
  });
});

test('without a focused node or edge, Enter edits nothing when the selection is not one note or connection', () => {
  expect(enterTarget(deployment(), selection({}), null)).toBeNull();
  expect(enterTarget(deployment(), selection({ components: ['web-1'] }), null)).toBeNull();
  expect(enterTarget(deployment(), selection({ connections: ['c-1'], layout: ['note-1'] }), null)).toBeNull();
  expect(enterTarget(deployment(), selection({ layout: ['gone'] }), null)).toBeNull();
});

test('a note commit stores a changed text, refuses an empty one and skips an unchanged one', () => {
  expect(noteCommit('Site B', 'Site A')).toBe('update');
  expect(noteCommit('Site A', 'Site A')).toBe('none');
  expect(noteCommit('  \n ', 'Site A')).toBe('empty');
  expect(noteCommit('Site B', undefined)).toBe('none');
});

test('pasted text that would pass the limit is reported, counting what it replaces', () => {
  const label = IN_PLACE_LIMITS.label;
  expect(label).toBe(100);
  expect(IN_PLACE_LIMITS.note).toBe(2000);
  expect(pasteOverflows('x'.repeat(90), 90, 90, 'y'.repeat(10), label)).toBe(false);
  expect(pasteOverflows('x'.repeat(90), 90, 90, 'y'.repeat(11), label)).toBe(true);
  expect(pasteOverflows('x'.repeat(90), 0, 90, 'y'.repeat(100), label)).toBe(false);
});

test('starting an edit selects the element alone and names it as edited', () => {
  const designer = createDesignerStore(deployment());
  const edit = createInPlaceEdit();
  designer.getState().select({ components: ['web-1'] });
  startEditing(designer, edit, { kind: 'note', id: 'note-1' }, true);
  expect(edit.getState().target).toEqual({ kind: 'note', id: 'note-1' });
  expect([...(designer.getState().selection.layout ?? [])]).toEqual(['note-1']);
  expect(designer.getState().selection.components.size).toBe(0);
  expect(designer.getState().history.past).toHaveLength(0);
});

test('zoomed out too far to edit on the canvas, an edit goes to the Inspector field instead', () => {
  const designer = createDesignerStore(deployment());
  const edit = createInPlaceEdit();
  startEditing(designer, edit, { kind: 'label', id: 'c-1' }, false);
  expect(edit.getState().target).toBeNull();
  expect([...designer.getState().selection.connections]).toEqual(['c-1']);
  expect(designer.getState().focusField).toBe('label');
});

test('an edit ends when its element is no longer selected: deleted, or another picked', () => {
  const designer = createDesignerStore(deployment());
  const edit = createInPlaceEdit();
  const stop = endEditsOfUnselected(designer, edit);
  startEditing(designer, edit, { kind: 'label', id: 'c-1' }, true);
  designer.getState().select({ connections: ['c-1'] });
  expect(edit.getState().target).toEqual({ kind: 'label', id: 'c-1' });
  designer.getState().select({ components: ['srv-1'] });
  expect(edit.getState().target).toBeNull();

  startEditing(designer, edit, { kind: 'note', id: 'note-1' }, true);
  designer.getState().deleteSelection();
  expect(edit.getState().target).toBeNull();
  stop();
});
