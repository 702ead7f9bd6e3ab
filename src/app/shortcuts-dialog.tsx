import { useShallow } from 'zustand/react/shallow';
import { useDesigner } from '../store/react';
import { Modal } from '../ui/modal';
import { readText } from './command';
import { SHORTCUTS } from './commands';

/** Lists every keyboard command, read from the same list the key handler uses. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const labels = useDesigner(
    useShallow((state) => SHORTCUTS.map(({ command }) => readText(command.label, state))),
  );
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(({ command, shortcut }, index) => (
            <tr key={command.id}>
              <td>{labels[index]}</td>
              <td>
                {shortcut.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <td>Add a component at the centre of the view</td>
            <td>
              <kbd>Enter</kbd> on a palette item
            </td>
          </tr>
          <tr>
            <td>Select several components</td>
            <td>
              <kbd>Shift</kbd>+click, or <kbd>Shift</kbd>+drag a box
            </td>
          </tr>
        </tbody>
      </table>
    </Modal>
  );
}
