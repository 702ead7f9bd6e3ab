import { type ReactNode, useEffect, useId, useRef } from 'react';

/** A native modal `<dialog>`: focus moves in, Escape closes, the page behind is inert. */
export function Modal({
  title,
  onClose,
  children,
  actions,
  className = '',
  closeLabel = 'Close',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** The last button's name: "Cancel" where closing means choosing nothing. */
  closeLabel?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog__actions">
        {actions}
        <button type="button" className="button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
    </dialog>
  );
}
