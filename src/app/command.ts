import type { Derivations } from '../store/derived';
import type { DesignerState, DesignerStore } from '../store/store';

// A command is a value (decision 018): the top bar, the canvas toolbar, the Export menu, the
// keyboard and the "?" dialog all read the one list in commands.ts, as excalidraw registers actions.

/** What a command may use besides the store's state: things only the mounted app knows. */
export interface CommandContext {
  readonly store: DesignerStore;
  /** The store's memoised problems and judge: a writer need not validate again. */
  readonly derivations: Derivations;
  /** The flow position at the centre of the visible canvas. */
  readonly viewCentre: () => { x: number; y: number };
  /** Fits the view to the diagram after the next frame, when React Flow knows new positions. */
  readonly fitView: () => void;
  /**
   * Moves and zooms the view to frame the nodes of these ids (Zoom to selection, Find); false when
   * the canvas has not loaded or knows none of them. Absent where there is no canvas (unit tests).
   */
  readonly zoomTo?: (ids: readonly string[]) => boolean;
}

/** Text that may follow the state, as the theme button's name follows the theme. */
export type CommandText = string | ((state: DesignerState) => string);

export interface Shortcut {
  /** The keys as the "?" dialog shows them; a tooltip names the first. */
  readonly keys: readonly string[];
  /** True when a key event is this shortcut. */
  readonly matches: (event: KeyboardEvent) => boolean;
}

export interface Command<Id extends string = string> {
  readonly id: Id;
  /** The accessible name of its button or menu item, and its row in the "?" dialog. */
  readonly label: CommandText;
  /** Shown instead of the label when it differs (the label stays the accessible name). */
  readonly text?: CommandText;
  /** A glyph shown instead of the label, on a square button. */
  readonly icon?: CommandText;
  /** The tooltip when it says more than the label; the shortcut is added to it. */
  readonly hint?: CommandText;
  readonly shortcut?: Shortcut;
  readonly enabled: (state: DesignerState) => boolean;
  /** For a toggle: whether it is on (`aria-pressed` on a button, `checked` on a checkbox). */
  readonly checked?: (state: DesignerState) => boolean;
  readonly run: (context: CommandContext) => void | Promise<void>;
}

/** Keeps a command's id a literal type, so the list knows every id. */
export function defineCommand<const Id extends string>(command: Command<Id>): Command<Id> {
  return command;
}

export const always = (): boolean => true;

/** A command's text in this state. */
export function readText(text: CommandText, state: DesignerState): string {
  return typeof text === 'string' ? text : text(state);
}

/**
 * The tooltip: the hint or the label, with the first shortcut, e.g. `Undo (Ctrl+Z)`; none when it
 * would only repeat the label.
 */
export function commandTitle(command: Command, state: DesignerState): string | undefined {
  const key = command.shortcut?.keys[0];
  if (command.hint === undefined && key === undefined) return undefined;
  const text = readText(command.hint ?? command.label, state);
  return key === undefined ? text : `${text} (${key})`;
}
