import { ARRANGE_COMMANDS } from './arrange-commands';
import type { Command, Shortcut } from './command';
import { DIAGRAM_COMMANDS, OPTION_COMMANDS } from './diagram-commands';
import { DOCUMENT_COMMANDS } from './document-commands';
import { EDIT_COMMANDS } from './edit-commands';
import { EXPORT_COMMANDS } from './export-commands';
import { VIEW_COMMANDS } from './view-commands';

export { nudgeSelection } from './edit-commands';

/**
 * Every command of the designer (decision 018). The buttons, the Export menu and the options
 * render from it; the key handler and the "?" dialog read those with a shortcut, in this order.
 */
export const COMMANDS = [
  ...DOCUMENT_COMMANDS,
  ...EXPORT_COMMANDS,
  ...EDIT_COMMANDS,
  ...ARRANGE_COMMANDS,
  ...DIAGRAM_COMMANDS,
  ...OPTION_COMMANDS,
  ...VIEW_COMMANDS,
];

export type CommandId = (typeof COMMANDS)[number]['id'];

const BY_ID: ReadonlyMap<string, Command> = new Map(COMMANDS.map((command) => [command.id, command]));

/** The command of an id. */
export function commandById(id: CommandId): Command {
  const command = BY_ID.get(id);
  if (!command) throw new Error(`no command "${id}"`);
  return command;
}

/** The commands the keyboard runs, with their shortcuts, in the list's order. */
export const SHORTCUTS: readonly { readonly command: Command; readonly shortcut: Shortcut }[] =
  COMMANDS.flatMap((command: Command) => (command.shortcut ? [{ command, shortcut: command.shortcut }] : []));
