import { useId } from 'react';
import { useDesignerStore } from '../store/react';
import { Modal } from '../ui/modal';
import './live.css';

// The links of a live session (issue 16): "Edit link" and "View link", read-only, each with a copy
// button. The keys are in the links' fragments: whoever has a link has its access, so the dialog
// says who to send which.

function LinkField({ label, value, hint }: { label: string; value: string; hint: string }) {
  const store = useDesignerStore();
  const hintId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      store.getState().notify(`${label} copied to the clipboard.`, 'success');
    } catch {
      store
        .getState()
        .notify(
          `The clipboard could not be reached: select the ${label.toLowerCase()} and copy it.`,
          'refusal',
        );
    }
  };
  return (
    <div className="live-share__field">
      <span className="live-share__label" aria-hidden="true">
        {label}
      </span>
      <span className="live-share__row">
        <input
          readOnly
          aria-label={label}
          value={value}
          aria-describedby={hintId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button"
          onClick={copy}
          aria-label={`Copy the ${label.toLowerCase()}`}
        >
          Copy
        </button>
      </span>
      <p id={hintId} className="live-share__hint">
        {hint}
      </p>
    </div>
  );
}

/** Shows the links of the live session this tab is in. */
export function LiveShareDialog({
  edit,
  view,
  onClose,
}: {
  edit?: string;
  view: string;
  onClose: () => void;
}) {
  return (
    <Modal title="Share live" onClose={onClose} className="live-share">
      <p>Everyone who opens a link joins this deployment live: changes show on every screen at once.</p>
      <LinkField
        label="Edit link"
        value={edit ?? 'Only people who can edit see the edit link.'}
        hint="Whoever opens it can change the deployment. Send it only to people who may edit."
      />
      <LinkField
        label="View link"
        value={view}
        hint="Whoever opens it sees every change live but cannot change anything."
      />
    </Modal>
  );
}
