import type { KeyboardEvent } from 'react';

// The keys of a menu (WAI-ARIA menu pattern), shared by the context menu and the Arrange menu:
// the arrows move over the items that can be chosen, Home and End jump, Escape and Tab close.

/** The items of a menu the keyboard can reach: disabled ones are skipped. */
export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
}

/** Handles a key in a menu; `close` is called on Escape and Tab. */
export function onMenuKeyDown(event: KeyboardEvent, menu: HTMLElement | null, close: () => void): void {
  const items = menuItems(menu);
  const active = window.document.activeElement;
  const index = active instanceof HTMLElement ? items.indexOf(active) : -1;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const from = index === -1 && step === -1 ? 0 : index;
    items[(from + step + items.length) % items.length]?.focus();
  } else if (event.key === 'Home' || event.key === 'End') {
    event.preventDefault();
    items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
  } else if (event.key === 'Escape' || event.key === 'Tab') {
    event.preventDefault();
    // The menu closes before the keyboard shortcut handler sees Escape (which would deselect).
    event.stopPropagation();
    close();
  }
}
