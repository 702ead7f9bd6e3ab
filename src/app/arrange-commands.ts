import {
  type Arrangement,
  arrangeMoves,
  arrangeTargets,
  describeTargets,
  fewestFor,
  framedIds,
} from '../store/arrange';
import { ALIGN_EDGES, type AlignEdge, DISTRIBUTE_AXES, type DistributeAxis } from '../store/arrange-geometry';
import type { DesignerState, DesignerStore } from '../store/store';
import { always, defineCommand } from './command';

// Arranging and finding (issue 15 item 5, decision 030): align and distribute a multi-selection,
// zoom to the selection, find a component. The toolbar's Arrange menu, the context menu and the
// keyboard read these entries.

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
/** Alt+Shift+a letter, read by the key's place (Alt changes the character on a Mac). */
const altShift = (letter: string) => ({
  keys: [`Alt+Shift+${letter}`],
  matches: (e: KeyboardEvent) => e.altKey && e.shiftKey && !mod(e) && e.code === `Key${letter}`,
});

/** How many boxes the selection has that could move: a cheap count, read on every render. */
const selectedBoxes = (s: DesignerState) => s.selection.components.size + (s.selection.layout?.size ?? 0);

const ALIGN: Record<AlignEdge, { label: string; done: string; key: string }> = {
  left: { label: 'Align left', done: 'left', key: 'L' },
  centre: { label: 'Align centre', done: 'on their centres', key: 'C' },
  right: { label: 'Align right', done: 'right', key: 'R' },
  top: { label: 'Align top', done: 'to the top', key: 'T' },
  middle: { label: 'Align middle', done: 'on their middles', key: 'M' },
  bottom: { label: 'Align bottom', done: 'to the bottom', key: 'B' },
};
const DISTRIBUTE: Record<DistributeAxis, { label: string; key: string }> = {
  horizontally: { label: 'Distribute horizontally', key: 'H' },
  vertically: { label: 'Distribute vertically', key: 'V' },
};

/** Runs an arrangement on the selection as one undo step and says what it did. */
function arrange(store: DesignerStore, arrangement: Arrangement): void {
  const state = store.getState();
  const targets = arrangeTargets(state.document, state.selection);
  const fewest = fewestFor(arrangement);
  const verb = arrangement.kind === 'align' ? 'align' : 'distribute';
  if (targets.length < fewest) {
    state.notify(`Select at least ${fewest} components, hosts, zones or notes to ${verb} them.`, 'refusal');
    return;
  }
  const how = arrangement.kind === 'align' ? ALIGN[arrangement.edge].done : arrangement.axis;
  const what = describeTargets(targets);
  const moves = arrangeMoves(targets, arrangement);
  if (moves.size === 0) {
    state.notify(`The ${what} are already ${verb === 'align' ? 'aligned' : 'distributed'} ${how}.`);
    return;
  }
  state.moveNodes(moves, 'step');
  store.getState().notify(`${verb === 'align' ? 'Aligned' : 'Distributed'} ${what} ${how}.`, 'success');
}

export const ALIGN_COMMANDS = ALIGN_EDGES.map((edge) =>
  defineCommand({
    id: `align-${edge}`,
    label: ALIGN[edge].label,
    shortcut: altShift(ALIGN[edge].key),
    enabled: (s) => selectedBoxes(s) >= 2,
    run: ({ store }) => arrange(store, { kind: 'align', edge }),
  }),
);

export const DISTRIBUTE_COMMANDS = DISTRIBUTE_AXES.map((axis) =>
  defineCommand({
    id: `distribute-${axis}`,
    label: DISTRIBUTE[axis].label,
    shortcut: altShift(DISTRIBUTE[axis].key),
    enabled: (s) => selectedBoxes(s) >= 3,
    run: ({ store }) => arrange(store, { kind: 'distribute', axis }),
  }),
);

const hasSelection = (s: DesignerState) => selectedBoxes(s) + s.selection.connections.size > 0;

export const FIND_COMMANDS = [
  defineCommand({
    id: 'find',
    label: 'Find',
    hint: 'Find a component by name, host or kind',
    shortcut: {
      keys: ['Ctrl+F'],
      matches: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f',
    },
    enabled: always,
    run: ({ store }) => store.getState().openDialog({ kind: 'find' }),
  }),
  defineCommand({
    id: 'zoom-to-selection',
    label: 'Zoom to selection',
    shortcut: {
      keys: ['F'],
      matches: (e) => !mod(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f',
    },
    enabled: hasSelection,
    run: ({ store, zoomTo }) => {
      const { document, selection, notify } = store.getState();
      const ids = framedIds(document, selection);
      if (zoomTo?.(ids)) notify('Zoomed to the selection.');
    },
  }),
];

export const ARRANGE_COMMANDS = [...ALIGN_COMMANDS, ...DISTRIBUTE_COMMANDS, ...FIND_COMMANDS];
