import { CommandMenuItem } from './command-button';
import { loadExportWriters } from './document-actions';
import { EXPORT_FORMAT_COMMANDS, PICTURE_COMMANDS } from './export-commands';
import { MenuButton } from './menu-button';

// The writers load while the user picks a format; a failure shows when the export runs.
const preload = () => void loadExportWriters().catch(() => undefined);

/**
 * "Export" opens a menu of the export commands, one a format of the list, "Copy image" and
 * "Print", and the outline toggle. Its name is "Export" alone: the ▾ is hidden from readers
 * (issue 15's UI contract).
 */
export function ExportMenu() {
  return (
    <MenuButton label="Export" onOpen={preload}>
      {(close) => (
        <>
          {EXPORT_FORMAT_COMMANDS.map((command) => (
            <CommandMenuItem key={command.id} id={command.id} onChoose={close} />
          ))}
          <hr className="menu__separator" />
          {PICTURE_COMMANDS.map((command) => (
            <CommandMenuItem key={command.id} id={command.id} onChoose={close} />
          ))}
          <hr className="menu__separator" />
          <CommandMenuItem id="export-outline-problems" onChoose={close} />
        </>
      )}
    </MenuButton>
  );
}
