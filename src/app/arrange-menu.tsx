import { useDesigner } from '../store/react';
import { ALIGN_COMMANDS, DISTRIBUTE_COMMANDS } from './arrange-commands';
import { CommandMenuItem } from './command-button';
import { MenuButton } from './menu-button';
import './context-menu.css';

/**
 * The canvas toolbar's "Arrange" menu: align and distribute the selection, each command with its
 * shortcut (issue 15 item 5). Disabled until two components, hosts, zones or notes are selected.
 */
export function ArrangeMenu() {
  const enabled = useDesigner((s) => s.selection.components.size + (s.selection.layout?.size ?? 0) >= 2);
  return (
    <MenuButton
      label="Arrange"
      disabled={!enabled}
      title="Align or distribute the selected components (select two or more)"
      menuClassName="menu menu--keys menu--left"
    >
      {(close) => (
        <>
          {ALIGN_COMMANDS.map((command) => (
            <CommandMenuItem key={command.id} id={command.id} onChoose={close} withShortcut />
          ))}
          <hr className="menu__separator" />
          {DISTRIBUTE_COMMANDS.map((command) => (
            <CommandMenuItem key={command.id} id={command.id} onChoose={close} withShortcut />
          ))}
        </>
      )}
    </MenuButton>
  );
}
