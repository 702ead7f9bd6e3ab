import { lazy } from 'react';
import { ConnectToDialog } from '../panels/connect-to-dialog';
import { useDesigner, useDesignerStore } from '../store/react';
import { Modal } from '../ui/modal';
import { FindDialog } from './find-dialog';
import { ImportErrorDialog } from './import-error-dialog';
import type { LibrarySession } from './library/session';
import { LiveShareDialog } from './live-share-dialog';
import { OpenRecentDialog } from './open-recent-dialog';
import { PngUnreadableDialog } from './png-unreadable-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TabConflictDialog } from './tab-conflict-dialog';

// The templates with their previews and the matrix explorer are larger: each loads on first use.
const TemplatesDialog = lazy(() =>
  import('../panels/templates-dialog').then((module) => ({ default: module.TemplatesDialog })),
);
const ClassDashboard = lazy(() =>
  import('./class-dialogs').then((module) => ({ default: module.ClassDashboard })),
);
const ClassJoinDialog = lazy(() =>
  import('./class-dialogs').then((module) => ({ default: module.ClassJoinDialog })),
);
const MatrixDialog = lazy(() =>
  import('../panels/matrix-dialog').then((module) => ({ default: module.MatrixDialog })),
);

/** The one open modal dialog. The app loads this module when the first dialog opens. */
export function Dialogs({ session }: { session: LibrarySession | null }) {
  const store = useDesignerStore();
  const dialog = useDesigner((s) => s.dialog);
  const close = () => store.getState().openDialog(null);
  if (dialog?.kind === 'connect-to') return <ConnectToDialog fromId={dialog.fromId} onClose={close} />;
  if (dialog?.kind === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  if (dialog?.kind === 'find') return <FindDialog onClose={close} />;
  if (dialog?.kind === 'tab-conflict' && session) {
    return <TabConflictDialog session={session} onClose={close} />;
  }
  if (dialog?.kind === 'open-recent') return <OpenRecentDialog session={session} onClose={close} />;
  if (dialog?.kind === 'templates') {
    return <TemplatesDialog onClose={close} />;
  }
  if (dialog?.kind === 'matrix') {
    return <MatrixDialog onClose={close} />;
  }
  if (dialog?.kind === 'import-error') {
    return (
      <ImportErrorDialog
        fileName={dialog.fileName}
        error={dialog.error}
        foreign={dialog.foreign ?? false}
        onClose={close}
      />
    );
  }
  if (dialog?.kind === 'png-unreadable') {
    return (
      <PngUnreadableDialog scale={dialog.scale} outlineProblems={dialog.outlineProblems} onClose={close} />
    );
  }
  if (dialog?.kind === 'live-share') {
    return (
      <LiveShareDialog {...(dialog.edit ? { edit: dialog.edit } : {})} view={dialog.view} onClose={close} />
    );
  }
  if (dialog?.kind === 'class') {
    return (
      <ClassDashboard
        {...(dialog.exerciseId ? { exerciseId: dialog.exerciseId } : {})}
        {...(dialog.exerciseFile === undefined ? {} : { exerciseFile: dialog.exerciseFile })}
        onClose={close}
      />
    );
  }
  if (dialog?.kind === 'class-join') return <ClassJoinDialog link={dialog} onClose={close} />;
  if (dialog?.kind === 'share-link') {
    return (
      <Modal title="Share link" onClose={close}>
        <p>The clipboard could not be reached. Copy the link below:</p>
        <textarea className="share-link__url" readOnly rows={4} value={dialog.url} aria-label="Share link" />
      </Modal>
    );
  }
  return null;
}
