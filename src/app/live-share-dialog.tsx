import { Modal } from '../ui/modal';
import { LinkField } from './link-field';
import './live.css';

// The links of a live session (issue 16): "Edit link" and "View link", read-only, each with a copy
// button. The keys are in the links' fragments: whoever has a link has its access, so the dialog
// says who to send which.

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
