import { EXPORT_FORMATS } from '../export/formats';
import { always, defineCommand } from './command';
import { exportAndReport } from './document-actions';

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

export const EXPORT_COMMANDS = [
  ...EXPORT_FORMAT_COMMANDS,
  defineCommand({
    id: 'export-outline-problems',
    label: 'Outline problems in SVG and PNG',
    enabled: always,
    checked: (s) => s.exportOutlineProblems,
    run: ({ store }) => store.getState().setExportOutlineProblems(!store.getState().exportOutlineProblems),
  }),
];
