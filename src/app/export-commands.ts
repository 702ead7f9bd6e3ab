import { EXPORT_FORMATS } from '../export/formats';
import { always, defineCommand } from './command';
import { copyImage } from './copy-image';
import { exportAndReport } from './document-actions';
import { printDiagram } from './print-sheet';

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent, k: string) => event.key.toLowerCase() === k;

/** One command a format of the list, in its order: the Export menu shows exactly these. */
export const EXPORT_FORMAT_COMMANDS = EXPORT_FORMATS.map((format) =>
  defineCommand({
    id: `export-${format.id}`,
    label: `Export ${format.label}`,
    enabled: always,
    run: ({ store, derivations }) => {
      const state = store.getState();
      // The problems the designer already worked out: the writer need not validate again.
      const { problems } = derivations.problems(state.document);
      return exportAndReport(store, format.id, { outlineProblems: state.exportOutlineProblems, problems });
    },
  }),
);

/** The picture elsewhere than in a file: on the clipboard, on paper (decision 025). */
export const PICTURE_COMMANDS = [
  defineCommand({
    id: 'copy-image',
    label: 'Copy image',
    hint: 'Copy the diagram to the clipboard as a PNG image',
    shortcut: {
      keys: ['Ctrl+Shift+C'],
      matches: (e) => mod(e) && e.shiftKey && !e.altKey && key(e, 'c'),
    },
    enabled: always,
    run: ({ store, derivations }) => copyImage(store, derivations),
  }),
  defineCommand({
    id: 'print',
    label: 'Print',
    hint: 'Print the diagram alone, fitted to the page, with its title and legend',
    shortcut: { keys: ['Ctrl+P'], matches: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 'p') },
    enabled: always,
    run: ({ store, derivations }) => printDiagram(store, derivations),
  }),
];

export const EXPORT_COMMANDS = [
  ...EXPORT_FORMAT_COMMANDS,
  ...PICTURE_COMMANDS,
  defineCommand({
    id: 'export-outline-problems',
    label: 'Outline problems in SVG and PNG',
    enabled: always,
    checked: (s) => s.exportOutlineProblems,
    run: ({ store }) => store.getState().setExportOutlineProblems(!store.getState().exportOutlineProblems),
  }),
];
