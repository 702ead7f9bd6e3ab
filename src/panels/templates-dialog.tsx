import { Modal } from '../app/modal';

export function TemplatesDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="TemplatesDialog" onClose={onClose}>
      <p>Coming soon.</p>
    </Modal>
  );
}
