import { useEffect, useRef } from 'react';
import { COMMANDS } from './commands';

/** Lists every keyboard command, read from the same list the key handler uses. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {COMMANDS.map((command) => (
            <tr key={command.id}>
              <td>{command.label}</td>
              <td>
                {command.keys.map((k) => (
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
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
