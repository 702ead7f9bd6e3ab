import { Modal } from '../app/modal';

export function MatrixDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="MatrixDialog" onClose={onClose}>
      <p>Coming soon.</p>
    </Modal>
  );
}
