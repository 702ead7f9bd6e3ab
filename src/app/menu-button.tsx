import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { menuItems, onMenuKeyDown } from './menu-keys';

/**
 * A button that opens a menu of command items (the Export menu, the top bar's "More"): the first
 * item takes focus, arrow keys, Home and End move, Escape closes and returns focus to the button,
 * Tab and a press outside close. `children` renders the items, given the function that closes.
 */
export function MenuButton({
  label,
  onOpen,
  disabled = false,
  title,
  menuClassName = 'menu',
  children,
}: {
  /** The button's and the menu's accessible name; a ▾ follows it on screen, hidden from readers. */
  label: string;
  onOpen?: () => void;
  /** A disabled button cannot open its menu, and an open menu closes. */
  disabled?: boolean;
  title?: string;
  menuClassName?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    onOpen?.();
    menuItems(menuRef.current)[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node)) return;
      if (menuRef.current?.contains(event.target) || buttonRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [open, onOpen]);

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
        aria-expanded={open && !disabled}
        aria-controls={open && !disabled ? menuId : undefined}
        title={title}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <span aria-hidden="true" className="menu-anchor__glyph">
          ▾
        </span>
      </button>
      {open && !disabled && (
        <div
          id={menuId}
          ref={menuRef}
          role="menu"
          aria-label={label}
          className={menuClassName}
          onKeyDown={(event) => onMenuKeyDown(event, menuRef.current, close)}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
