import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { EXPORT_FORMATS } from '../export/formats';
import { createDerivations } from '../store/derived';
import { createDesignerStore, type DesignerStore } from '../store/store';
import { type CommandContext, commandTitle, readText } from './command';
import { COMMANDS, type CommandId, commandById, SHORTCUTS } from './commands';
import { EXPORT_FORMAT_COMMANDS } from './export-commands';

function contextOf(store: DesignerStore): CommandContext {
  return { store, derivations: createDerivations(), viewCentre: () => ({ x: 0, y: 0 }), fitView: () => {} };
}

function run(store: DesignerStore, id: CommandId): void {
  void commandById(id).run(contextOf(store));
}

const label = (store: DesignerStore, id: CommandId) => readText(commandById(id).label, store.getState());
const title = (store: DesignerStore, id: CommandId) => commandTitle(commandById(id), store.getState());
const enabled = (store: DesignerStore, id: CommandId) => commandById(id).enabled(store.getState());
const checked = (store: DesignerStore, id: CommandId) => commandById(id).checked?.(store.getState());

// An independent table: the accessible names people and tests outside the project know the
// buttons, menu items and options by. A renamed command fails here first.
const ACCESSIBLE_NAMES: readonly (readonly [CommandId, string])[] = [
  ['new', 'New'],
  ['open-recent', 'Open recent'],
  ['import', 'Import'],
  ['export-json', 'Export JSON'],
  ['export-svg', 'Export SVG'],
  ['export-png', 'Export PNG'],
  ['export-md', 'Export Markdown'],
  ['export-mermaid', 'Export Mermaid'],
  ['export-outline-problems', 'Outline problems in SVG and PNG'],
  ['share-link', 'Copy share link'],
  ['copy-image', 'Copy image'],
  ['print', 'Print'],
  ['undo', 'Undo'],
  ['redo', 'Redo'],
  ['align-left', 'Align left'],
  ['align-centre', 'Align centre'],
  ['align-right', 'Align right'],
  ['align-top', 'Align top'],
  ['align-middle', 'Align middle'],
  ['align-bottom', 'Align bottom'],
  ['distribute-horizontally', 'Distribute horizontally'],
  ['distribute-vertically', 'Distribute vertically'],
  ['find', 'Find'],
  ['zoom-to-selection', 'Zoom to selection'],
  ['templates', 'Templates'],
  ['tidy-up', 'Tidy up'],
  ['matrix', 'Matrix'],
  ['explain', 'Explain'],
  ['exercises', 'Exercises'],
  ['option-managementLayer', 'Management Layer'],
  ['option-scheduledReporting', 'Scheduled reporting'],
  ['theme', 'Theme: system'],
  ['shortcuts', 'Keyboard shortcuts'],
];

test.each(ACCESSIBLE_NAMES)('the %s command is named "%s"', (id, name) => {
  expect(label(createDesignerStore(), id)).toBe(name);
});

test('every command has an id of its own and a label', () => {
  const state = createDesignerStore().getState();
  expect(new Set(COMMANDS.map((command) => command.id)).size).toBe(COMMANDS.length);
  for (const command of COMMANDS) expect(readText(command.label, state).trim()).not.toBe('');
});

test('the Export menu has one command a format, in the order of the format list', () => {
  expect(EXPORT_FORMAT_COMMANDS.map((command) => command.id)).toEqual(
    EXPORT_FORMATS.map((format) => `export-${format.id}`),
  );
  expect(EXPORT_FORMAT_COMMANDS.map((command) => command.label)).toEqual([
    'Export JSON',
    'Export SVG',
    'Export PNG',
    'Export Markdown',
    'Export Mermaid',
  ]);
});

test('a tooltip names the first shortcut, or says more than the label, or is left out', () => {
  const store = createDesignerStore();
  expect(title(store, 'undo')).toBe('Undo (Ctrl+Z)');
  expect(title(store, 'redo')).toBe('Redo (Ctrl+Shift+Z)');
  expect(title(store, 'shortcuts')).toBe('Keyboard shortcuts (?)');
  expect(title(store, 'open-recent')).toBe('The deployments saved in this browser');
  expect(title(store, 'share-link')).toBe('Copy a link that carries this deployment');
  expect(title(store, 'theme')).toBe('Theme: system (click to switch)');
  expect(title(store, 'option-managementLayer')).toMatch(/^WFM is run by the Genesys Management Layer/);
  expect(title(store, 'new')).toBeUndefined();
  expect(title(store, 'export-json')).toBeUndefined();
});

test('Undo and Redo are enabled exactly when the history has a step to take', () => {
  const store = createDesignerStore();
  expect([enabled(store, 'undo'), enabled(store, 'redo')]).toEqual([false, false]);
  store.getState().addComponent('server', { x: 0, y: 0 });
  expect([enabled(store, 'undo'), enabled(store, 'redo')]).toEqual([true, false]);
  run(store, 'undo');
  expect(store.getState().document.components).toHaveLength(0);
  expect([enabled(store, 'undo'), enabled(store, 'redo')]).toEqual([false, true]);
  run(store, 'redo');
  expect(store.getState().document.components).toHaveLength(1);
});

test('Tidy up is disabled on an empty diagram', () => {
  const store = createDesignerStore();
  expect(enabled(store, 'tidy-up')).toBe(false);
  store.getState().addComponent('server', { x: 0, y: 0 });
  expect(enabled(store, 'tidy-up')).toBe(true);
});

test('Tidy up is not offered in a view-only live session', () => {
  const store = createDesignerStore();
  store.getState().addComponent('server', { x: 0, y: 0 });
  const live = { readOnly: true, canUndo: false, canRedo: false, undo: () => {}, redo: () => {} };
  store.getState().setLive(live);
  expect(enabled(store, 'tidy-up')).toBe(false);
  store.getState().setLive({ ...live, readOnly: false });
  expect(enabled(store, 'tidy-up')).toBe(true);
});

test('Explain and Exercises are toggles that open and close their side panel', () => {
  const store = createDesignerStore();
  expect([checked(store, 'explain'), checked(store, 'exercises')]).toEqual([false, false]);
  run(store, 'explain');
  expect([checked(store, 'explain'), checked(store, 'exercises')]).toEqual([true, false]);
  run(store, 'exercises');
  expect([checked(store, 'explain'), checked(store, 'exercises')]).toEqual([false, true]);
  run(store, 'exercises');
  expect(store.getState().sidePanel).toBeNull();
});

test('an option command turns its deployment option on and off', () => {
  const store = createDesignerStore();
  expect(checked(store, 'option-managementLayer')).toBe(false);
  run(store, 'option-managementLayer');
  expect(store.getState().document.options?.managementLayer).toBe(true);
  expect(checked(store, 'option-managementLayer')).toBe(true);
  run(store, 'option-managementLayer');
  expect(checked(store, 'option-managementLayer')).toBe(false);
});

test('the outline toggle is what the export commands draw with', () => {
  const store = createDesignerStore();
  expect(checked(store, 'export-outline-problems')).toBe(false);
  run(store, 'export-outline-problems');
  expect(store.getState().exportOutlineProblems).toBe(true);
});

test('the theme button cycles system, dark, light, and its name follows', () => {
  const store = createDesignerStore();
  const names: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    names.push(label(store, 'theme'));
    run(store, 'theme');
  }
  expect(names).toEqual(['Theme: system', 'Theme: dark', 'Theme: light', 'Theme: system']);
});

test('the commands that open a dialog open theirs', () => {
  const store = createDesignerStore();
  const opened = (id: CommandId) => {
    run(store, id);
    const kind = store.getState().dialog?.kind;
    store.getState().openDialog(null);
    return kind;
  };
  expect(opened('open-recent')).toBe('open-recent');
  expect(opened('templates')).toBe('templates');
  expect(opened('matrix')).toBe('matrix');
  expect(opened('shortcuts')).toBe('shortcuts');
  const id = store.getState().addComponent('server', { x: 0, y: 0 });
  store.getState().select({ components: [id] });
  expect(opened('connect-to')).toBe('connect-to');
});

test('the "?" dialog and the keyboard read the commands with a shortcut, in the list order', () => {
  expect(SHORTCUTS.map(({ command }) => command.id)).toEqual([
    'copy-image',
    'print',
    'undo',
    'redo',
    'delete',
    'select-all',
    'copy',
    'paste',
    'duplicate',
    'connect-to',
    'nudge',
    'deselect',
    'align-left',
    'align-centre',
    'align-right',
    'align-top',
    'align-middle',
    'align-bottom',
    'distribute-horizontally',
    'distribute-vertically',
    'find',
    'zoom-to-selection',
    'shortcuts',
  ]);
});

test('Ctrl+C copies the selection, Ctrl+Shift+C copies the image, Ctrl+P prints', () => {
  const press = (key: string, modifiers: Partial<KeyboardEventInit> = {}) => {
    const event = { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
    return SHORTCUTS.find(({ shortcut }) => shortcut.matches(event as KeyboardEvent))?.command.id;
  };
  expect(press('c', { ctrlKey: true })).toBe('copy');
  expect(press('C', { ctrlKey: true, shiftKey: true })).toBe('copy-image');
  expect(press('C', { metaKey: true, shiftKey: true })).toBe('copy-image');
  expect(press('p', { ctrlKey: true })).toBe('print');
  expect(press('P', { ctrlKey: true, shiftKey: true })).toBeUndefined();
});

test('Ctrl+F finds, F zooms to the selection, Alt+Shift+a letter aligns or distributes', () => {
  const press = (key: string, code: string, modifiers: Partial<KeyboardEventInit> = {}) => {
    const event = { key, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
    return SHORTCUTS.find(({ shortcut }) => shortcut.matches(event as KeyboardEvent))?.command.id;
  };
  expect(press('f', 'KeyF', { ctrlKey: true })).toBe('find');
  expect(press('f', 'KeyF')).toBe('zoom-to-selection');
  expect(press('L', 'KeyL', { altKey: true, shiftKey: true })).toBe('align-left');
  // Alt changes the character on a Mac: the key's place decides.
  expect(press('Ò', 'KeyL', { altKey: true, shiftKey: true })).toBe('align-left');
  expect(press('C', 'KeyC', { altKey: true, shiftKey: true })).toBe('align-centre');
  expect(press('c', 'KeyC')).toBe('connect-to');
  expect(press('V', 'KeyV', { altKey: true, shiftKey: true })).toBe('distribute-vertically');
  expect(press('v', 'KeyV', { ctrlKey: true })).toBe('paste');
});

test('the shell renders no button of its own but the menus’: the commands render them', () => {
  const buttons = (file: string) =>
    readFileSync(new URL(file, import.meta.url), 'utf8').match(/<button\b|<input\b/g)?.length ?? 0;
  expect(buttons('./top-bar.tsx')).toBe(1); // the document name
  expect(buttons('./canvas-toolbar.tsx')).toBe(0);
  expect(buttons('./export-menu.tsx')).toBe(0);
  expect(buttons('./overflow-menu.tsx')).toBe(0);
  expect(buttons('./menu-button.tsx')).toBe(1); // "Export" and "More", which open their menus
  expect(buttons('./status-line.tsx')).toBe(0);
});
