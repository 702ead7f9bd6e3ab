import { useCommand } from './command-button';
import type { CommandId } from './commands';

/**
 * A command as a menu item that shows its first shortcut beside its label (the context menu and
 * the Arrange menu): disabled when the command is, and choosing it calls `onChoose` (the menu
 * closes and gives the keyboard back) before the command runs.
 */
export function ShortcutMenuItem({ id, onChoose }: { id: CommandId; onChoose: () => void }) {
  const { command, view, run } = useCommand(id);
  const key = command.shortcut?.keys[0];
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      title={view.title}
      disabled={!view.enabled}
      onClick={() => {
        onChoose();
        run();
      }}
    >
      <span className="menu__label">{view.label}</span>
      {key !== undefined && (
        <span className="menu__key" aria-hidden="true">
          {key}
        </span>
      )}
    </button>
  );
}
