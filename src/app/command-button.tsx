import { useShallow } from 'zustand/react/shallow';
import { useDesigner } from '../store/react';
import { type Command, commandTitle, readText } from './command';
import { useCommandContext } from './command-context';
import { type CommandId, commandById } from './commands';

// Every button, menu item and option checkbox of the shell renders from its command: its name,
// tooltip, disabled and pressed state come from there, and a click runs it (decision 018).

interface CommandView {
  readonly label: string;
  readonly text: string | undefined;
  readonly icon: string | undefined;
  readonly title: string | undefined;
  readonly enabled: boolean;
  readonly checked: boolean | undefined;
}

/** A command as it shows in the current state; re-renders only when one of these changes. */
export function useCommand(id: CommandId): {
  readonly command: Command;
  readonly view: CommandView;
  readonly run: () => void;
} {
  const command = commandById(id);
  const context = useCommandContext();
  const view = useDesigner(
    useShallow(
      (state): CommandView => ({
        label: readText(command.label, state),
        text: command.text === undefined ? undefined : readText(command.text, state),
        icon: command.icon === undefined ? undefined : readText(command.icon, state),
        title: commandTitle(command, state),
        enabled: command.enabled(state),
        checked: command.checked?.(state),
      }),
    ),
  );
  return { command, view, run: () => void command.run(context) };
}

/**
 * A command's button: its label (or its text or icon, the label then naming it), its tooltip with
 * the shortcut, disabled when the command is, `aria-pressed` when it is a toggle.
 */
export function CommandButton({ id }: { id: CommandId }) {
  const { view, run } = useCommand(id);
  const face = view.icon ?? view.text;
  return (
    <button
      type="button"
      className={view.icon === undefined ? 'button' : 'button button--icon'}
      aria-label={face === undefined ? undefined : view.label}
      aria-pressed={view.checked}
      title={view.title}
      disabled={!view.enabled}
      onClick={run}
    >
      {view.icon === undefined ? (view.text ?? view.label) : <span aria-hidden="true">{view.icon}</span>}
    </button>
  );
}

/**
 * A command in a menu: a plain item calls `onChoose` (the menu closes and gives the keyboard back)
 * and runs; a toggle is a checkbox item that stays open. With `withShortcut` a plain item shows
 * its first shortcut beside its label (the context menu and the Arrange menu).
 */
export function CommandMenuItem({
  id,
  onChoose,
  withShortcut = false,
}: {
  id: CommandId;
  onChoose: () => void;
  withShortcut?: boolean;
}) {
  const { command, view, run } = useCommand(id);
  const key = withShortcut ? command.shortcut?.keys[0] : undefined;
  if (view.checked !== undefined) {
    return (
      <button
        type="button"
        role="menuitemcheckbox"
        aria-checked={view.checked}
        tabIndex={-1}
        disabled={!view.enabled}
        onClick={run}
      >
        <span aria-hidden="true" className="menu__check">
          {view.checked ? '✓' : ''}
        </span>
        {view.label}
      </button>
    );
  }
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
      {withShortcut ? (
        <>
          <span className="menu__label">{view.label}</span>
          {key !== undefined && (
            <span className="menu__key" aria-hidden="true">
              {key}
            </span>
          )}
        </>
      ) : (
        view.label
      )}
    </button>
  );
}

/** A toggle command as a labelled checkbox, its hint as the tooltip. */
export function CommandCheckbox({ id }: { id: CommandId }) {
  const { view, run } = useCommand(id);
  return (
    <label title={view.title}>
      <input type="checkbox" checked={view.checked ?? false} disabled={!view.enabled} onChange={run} />
      {view.label}
    </label>
  );
}
