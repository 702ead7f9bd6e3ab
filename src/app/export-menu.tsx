import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { CommandMenuItem } from './command-button';
import { loadExportWriters } from './document-actions';
import { EXPORT_FORMAT_COMMANDS, PICTURE_COMMANDS } from './export-commands';

/**
 * "Export" opens a menu of the export commands, one a format of the list, "Copy image" and
 * "Print", and the outline toggle;
 * arrow keys move, Escape closes and returns focus.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // The writers load while the user picks a format; a failure shows when the export runs.
    loadExportWriters().catch(() => undefined);
    menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node)) return;
      if (menuRef.current?.contains(event.target) || buttonRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const active = window.document.activeElement;
    const index = active instanceof HTMLElement ? items.indexOf(active) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close();
    }
  };

  return (
    <div className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="export-menu"
        onClick={() => setOpen((value) => !value)}
      >
        Export ▾
      </button>
      {open && (
        <div
          id="export-menu"
          ref={menuRef}
          role="menu"
          aria-label="Export"
          className="menu"
          onKeyDown={onMenuKeyDown}
        >
          {EXPORT_FORMAT_COMMANDS.map((command) => (
            <CommandMenuItem key={command.id} id={command.id} onChoose={close} />
          ))}
          <hr className="menu__separator" />
          {PICTURE_COMMANDS.map((command) => (
            <CommandMenuItem key={command.id} id={command.id} onChoose={close} />
          ))}
          <hr className="menu__separator" />
          <CommandMenuItem id="export-outline-problems" onChoose={close} />
        </div>
      )}
    </div>
  );
}
