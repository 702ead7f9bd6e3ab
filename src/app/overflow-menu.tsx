import { CommandMenuItem } from './command-button';
import type { CommandId } from './commands';
import { MenuButton } from './menu-button';

/**
 * "More": the top bar's less-used commands when the window is too narrow for their buttons
 * (decision 028). The items are the commands themselves, so a toggle is a checkbox item.
 */
export function OverflowMenu({ ids }: { ids: readonly CommandId[] }) {
  return (
    <MenuButton label="More">
      {(close) => ids.map((id) => <CommandMenuItem key={id} id={id} onChoose={close} />)}
    </MenuButton>
  );
}
