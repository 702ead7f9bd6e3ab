import { Fragment } from 'react';
import { CommandMenuItem } from './command-button';
import type { CommandId } from './commands';
import { MenuButton } from './menu-button';

/**
 * "More": the top bar's less-used commands when the window is too narrow for their buttons
 * (decision 028), in groups with a separator between. The items are the commands themselves, so
 * a toggle is a checkbox item.
 */
export function OverflowMenu({ groups }: { groups: readonly (readonly CommandId[])[] }) {
  return (
    <MenuButton label="More">
      {(close) =>
        groups.map((ids, index) => (
          <Fragment key={ids.join()}>
            {index > 0 && <hr className="menu__separator" />}
            {ids.map((id) => (
              <CommandMenuItem key={id} id={id} onChoose={close} />
            ))}
          </Fragment>
        ))
      }
    </MenuButton>
  );
}
