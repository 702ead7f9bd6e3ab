import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormatId } from '../export/formats';
import { useDerivations, useDesignerStore } from '../store/react';
import { exportAndReport, loadExportWriters } from './document-actions';

/** "Export" opens a menu of formats; arrow keys move, Escape closes and returns focus. */
export function ExportMenu() {
  const store = useDesignerStore();
  const derivations = useDerivations();
  const [open, setOpen] = useState(false);
  const [outline, setOutline] = useState(false);
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

  const run = async (format: ExportFormatId) => {
    close();
    // The problems the designer already worked out: the writer need not validate again.
    const { problems } = derivations.problems(store.getState().document);
    await exportAndReport(store, format, { outlineProblems: outline, problems });
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
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => void run(format.id)}
            >
              Export {format.label}
            </button>
          ))}
          <hr className="menu__separator" />
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={outline}
            tabIndex={-1}
            onClick={() => setOutline((value) => !value)}
          >
            <span aria-hidden="true" className="menu__check">
              {outline ? '✓' : ''}
            </span>
            Outline problems in SVG and PNG
          </button>
        </div>
      )}
    </div>
  );
}
