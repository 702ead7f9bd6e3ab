import { OPTION_CATALOG, resolveOptions } from '../domain';
import { always, defineCommand } from './command';
import { tidyUp } from './tidy-up';

// The diagram as a whole: start from a template, lay it out, read the matrix, set the options.

export const DIAGRAM_COMMANDS = [
  defineCommand({
    id: 'templates',
    label: 'Templates',
    enabled: always,
    run: ({ store }) => store.getState().openDialog({ kind: 'templates' }),
  }),
  defineCommand({
    id: 'tidy-up',
    label: 'Tidy up',
    // Moves every card: refused in a view-only live session, so not offered there.
    enabled: (s) => s.document.components.length > 0 && !s.live?.readOnly,
    run: ({ store, fitView }) => tidyUp(store, fitView),
  }),
  defineCommand({
    id: 'matrix',
    label: 'Matrix',
    enabled: always,
    run: ({ store }) => store.getState().openDialog({ kind: 'matrix' }),
  }),
];

/** One toggle a deployment option, in the catalogue's order. */
export const OPTION_COMMANDS = OPTION_CATALOG.map((option) =>
  defineCommand({
    id: `option-${option.key}`,
    label: option.label,
    hint: option.description,
    // Changes the deployment: refused in a view-only live session, so shown but not offered there.
    enabled: (s) => !s.live?.readOnly,
    checked: (s) => resolveOptions(s.document.options)[option.key],
    run: ({ store }) => {
      const { document, setOption } = store.getState();
      setOption(option.key, !resolveOptions(document.options)[option.key]);
    },
  }),
);
