import { useEffect, useRef, useState } from 'react';
import { useDesigner } from '../store/react';
import { ALIGN_COMMANDS, DISTRIBUTE_COMMANDS } from './arrange-commands';
import { menuItems, onMenuKeyDown } from './menu-keys';
import { ShortcutMenuItem } from './shortcut-menu-item';
import './context-menu.css';

/**
 * The canvas toolbar's "Arrange" menu: align and distribute the selection, each command with its
 * shortcut (issue 15 item 5). Disabled until two components, hosts, zones or notes are selected.
 */
export function ArrangeMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const enabled = useDesigner((s) => s.selection.components.size + (s.selection.layout?.size ?? 0) >= 2);

  useEffect(() => {
    if (!open) return;
    menuItems(menuRef.current)[0]?.focus();
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

  return (
    <div className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open && enabled}
        aria-controls="arrange-menu"
        title="Align or distribute the selected components (select two or more)"
        disabled={!enabled}
        onClick={() => setOpen((value) => !value)}
      >
        Arrange
      </button>
      {open && enabled && (
        <div
          id="arrange-menu"
          ref={menuRef}
          role="menu"
          aria-label="Arrange"
          className="menu menu--keys menu--left"
          onKeyDown={(event) => onMenuKeyDown(event, menuRef.current, close)}
        >
          {ALIGN_COMMANDS.map((command) => (
            <ShortcutMenuItem key={command.id} id={command.id} onChoose={close} />
          ))}
          <hr className="menu__separator" />
          {DISTRIBUTE_COMMANDS.map((command) => (
            <ShortcutMenuItem key={command.id} id={command.id} onChoose={close} />
          ))}
        </div>
      )}
    </div>
  );
}
