import type { ExportFormatId } from '../export/formats';
import { scalePercent } from '../export/png-size';
import { useDerivations, useDesignerStore } from '../store/react';
import { Modal } from '../ui/modal';
import { exportAndReport } from './document-actions';

/**
 * A PNG export that would shrink the names past reading (decision 014): rather than download a
 * picture nobody can read, offer the SVG, which keeps every detail at any zoom, or the PNG anyway.
 */
export function PngUnreadableDialog({
  scale,
  outlineProblems,
  onClose,
}: {
  scale: number;
  outlineProblems: boolean;
  onClose: () => void;
}) {
  const store = useDesignerStore();
  const derivations = useDerivations();
  const run = (format: ExportFormatId) => {
    onClose();
    const { problems } = derivations.problems(store.getState().document);
    void exportAndReport(store, format, { outlineProblems, problems, unreadablePng: true });
  };
  return (
    <Modal
      title="PNG too large to read"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--primary" onClick={() => run('svg')}>
            Export SVG
          </button>
          <button type="button" className="button" onClick={() => run('png')}>
            Export PNG anyway
          </button>
        </>
      }
    >
      <p>
        This diagram is too large for a readable PNG (it would be scaled to {scalePercent(scale)}). Export SVG
        instead?
      </p>
      <p>The SVG keeps every name sharp at any zoom, and imports again like the PNG.</p>
    </Modal>
  );
}
