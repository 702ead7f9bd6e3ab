import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { DesignerCanvas } from '../canvas/designer-canvas';
import { useViewCentre } from '../canvas/view';
import { ConnectToDialog } from '../panels/connect-to-dialog';
import { ExercisesPanel } from '../panels/exercises-panel';
import { ExplainPanel } from '../panels/explain-panel';
import { Inspector } from '../panels/inspector';
import { MatrixDialog } from '../panels/matrix-dialog';
import { Palette } from '../panels/palette';
import { ProblemsPanel } from '../panels/problems-panel';
import { TemplatesDialog } from '../panels/templates-dialog';
import type { DesignerStore } from '../store/store';
import { CanvasToolbar } from './canvas-toolbar';
import type { CommandContext } from './commands';
import { openSharedLink } from './document-actions';
import { ImportErrorDialog } from './import-error-dialog';
import { Modal } from './modal';
import type { Persistence } from './persistence';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SaveErrorBanner, StatusLine } from './status-line';
import { DesignerProvider, useDesigner, useDesignerStore } from './store-context';
import { TabConflictDialog } from './tab-conflict-dialog';
import { useApplyTheme } from './theme';
import { TopBar } from './top-bar';
import { useAutosave } from './use-autosave';
import { useShortcuts } from './use-shortcuts';

function Dialogs({ persistence }: { persistence: Persistence | null }) {
  const store = useDesignerStore();
  const dialog = useDesigner((s) => s.dialog);
  const close = () => store.getState().openDialog(null);
  if (dialog?.kind === 'connect-to') return <ConnectToDialog fromId={dialog.fromId} onClose={close} />;
  if (dialog?.kind === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  if (dialog?.kind === 'tab-conflict' && persistence) {
    return <TabConflictDialog store={store} persistence={persistence} onClose={close} />;
  }
  if (dialog?.kind === 'templates') return <TemplatesDialog onClose={close} />;
  if (dialog?.kind === 'matrix') return <MatrixDialog onClose={close} />;
  if (dialog?.kind === 'import-error') {
    return <ImportErrorDialog fileName={dialog.fileName} error={dialog.error} onClose={close} />;
  }
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

function SidePanel() {
  const panel = useDesigner((s) => s.sidePanel);
  if (panel === 'explain') return <ExplainPanel />;
  if (panel === 'exercises') return <ExercisesPanel />;
  return null;
}

function Shell({ persistence }: { persistence: Persistence | null }) {
  const store = useDesignerStore();
  const viewCentre = useViewCentre();
  useApplyTheme();
  useAutosave(store, persistence);
  const context = useMemo<CommandContext>(
    () => ({
      state: store.getState,
      viewCentre,
      openConnectTo: () => {
        const [fromId] = store.getState().selection.components;
        if (fromId) store.getState().openDialog({ kind: 'connect-to', fromId });
      },
      openShortcuts: () => store.getState().openDialog({ kind: 'shortcuts' }),
    }),
    [store, viewCentre],
  );
  useShortcuts(context);
  useEffect(() => {
    const onHash = () => void openSharedLink(store, window.location.hash);
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);
  return (
    <div className="app">
      <TopBar onShowShortcuts={context.openShortcuts} />
      <SaveErrorBanner />
      <main className="workspace">
        <Palette />
        <div className="canvas-area">
          <CanvasToolbar />
          <DesignerCanvas />
          <SidePanel />
        </div>
        <Inspector />
        <ProblemsPanel />
      </main>
      <StatusLine />
      <Dialogs persistence={persistence} />
    </div>
  );
}

/** The designer: one store handed down by context, React Flow's provider around every panel. */
export function App({ store, persistence }: { store: DesignerStore; persistence: Persistence | null }) {
  return (
    <DesignerProvider store={store}>
      <ReactFlowProvider>
        <Shell persistence={persistence} />
      </ReactFlowProvider>
    </DesignerProvider>
  );
}
