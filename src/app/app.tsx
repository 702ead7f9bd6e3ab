import { lazy, Suspense, useEffect, useMemo } from 'react';
import { FlowHandleContext, type FlowHandleRef } from '../canvas/flow-handle';
import { CollapseButton, DockRail } from '../panels/dock-rail';
import { useDockCollapsed } from '../panels/dock-state';
import { Inspector } from '../panels/inspector';
import { Palette } from '../panels/palette';
import { ProblemsPanel } from '../panels/problems-panel';
import { DesignerProvider, useDerivations, useDesigner, useDesignerStore } from '../store/react';
import type { DesignerStore } from '../store/store';
import { useApplyTheme } from '../ui/theme';
import { CanvasSlot } from './canvas-slot';
import { CanvasToolbar } from './canvas-toolbar';
import { loadExportWriters } from './document-actions';
import type { LibrarySession } from './library/session';
import { PeopleSlot } from './people-slot';
import { installPrintHandlers, loadPrintWriter } from './print-sheet';
import './print.css';
import { SaveErrorBanner, StatusLine } from './status-line';
import { NARROW_TOP_BAR, TopBar } from './top-bar';
import { useShortcuts } from './use-shortcuts';

// What the first screen does not show loads when it is first opened (docs/performance.md): the
// dialogs, the explanation and the exercises. The dialogs and the export writers are fetched once
// the page is idle, so a dialog that must appear (a refused import, another tab's save) never
// waits for the network.
const Dialogs = lazy(() => import('./dialogs').then((module) => ({ default: module.Dialogs })));
const ExplainPanel = lazy(() =>
  import('../panels/explain-panel').then((module) => ({ default: module.ExplainPanel })),
);
const ExercisesPanel = lazy(() =>
  import('../panels/exercises-panel').then((module) => ({ default: module.ExercisesPanel })),
);

function usePrefetchWhenIdle(): void {
  useEffect(() => {
    const prefetch = () => {
      import('./dialogs').catch(() => undefined);
      loadExportWriters().catch(() => undefined);
      // The browser's own print places the drawing at once only with the SVG writer at hand.
      loadPrintWriter().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(prefetch, { timeout: 5000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(prefetch, 2000);
    return () => window.clearTimeout(id);
  }, []);
}

/** The browser's own print prints the diagram alone too (print-sheet.ts). */
function usePrintSheet(): void {
  const store = useDesignerStore();
  const derivations = useDerivations();
  useEffect(() => installPrintHandlers(store, derivations), [store, derivations]);
}

function OpenDialog({ session }: { session: LibrarySession | null }) {
  const open = useDesigner((s) => s.dialog !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <Dialogs session={session} />
    </Suspense>
  );
}

function SidePanel() {
  const panel = useDesigner((s) => s.sidePanel);
  if (panel === null) return null;
  return <Suspense fallback={null}>{panel === 'explain' ? <ExplainPanel /> : <ExercisesPanel />}</Suspense>;
}

/** On a window too narrow for the canvas and the Inspector both, it starts collapsed (decision 028). */
const startsCollapsed = () => window.matchMedia(NARROW_TOP_BAR).matches;

/**
 * The Inspector, docked at the right; collapsed to a rail it gives the canvas its width. A request
 * for one of its fields (the "Rename" quick fix) expands it.
 */
function InspectorDock() {
  const [collapsed, setCollapsed] = useDockCollapsed('inspector', startsCollapsed);
  const wantsField = useDesigner((s) => s.focusField !== null);
  useEffect(() => {
    if (wantsField && collapsed) setCollapsed(false);
  }, [wantsField, collapsed, setCollapsed]);
  if (collapsed) return <DockRail title="Inspector" onExpand={() => setCollapsed(false)} />;
  return (
    <div className="dock dock--inspector">
      <CollapseButton title="Inspector" onCollapse={() => setCollapsed(true)} />
      <Inspector />
    </div>
  );
}

function Shell({ session }: { session: LibrarySession | null }) {
  useApplyTheme();
  usePrefetchWhenIdle();
  usePrintSheet();
  useShortcuts();
  return (
    <div className="app">
      <TopBar />
      <SaveErrorBanner />
      <main className="workspace">
        <Palette />
        <div className="workspace__centre">
          <div className="canvas-area">
            <CanvasToolbar />
            <PeopleSlot />
            <CanvasSlot />
          </div>
          <ProblemsPanel />
        </div>
        <SidePanel />
        <InspectorDock />
      </main>
      <StatusLine />
      <OpenDialog session={session} />
    </div>
  );
}

/** The designer: one store handed down by context, and the canvas's handle for the panels. */
export function App({ store, session }: { store: DesignerStore; session: LibrarySession | null }) {
  const flow = useMemo<FlowHandleRef>(() => ({ current: null }), []);
  return (
    <DesignerProvider store={store}>
      <FlowHandleContext.Provider value={flow}>
        <Shell session={session} />
      </FlowHandleContext.Provider>
    </DesignerProvider>
  );
}
