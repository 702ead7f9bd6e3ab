import type { DesignerStore } from '../../store/store';
import type { LibrarySession } from './session';

/**
 * Wires a tab's session to the page's life: a hidden tab saves at once (and commits drafts), a
 * tab being left also writes its unsaved edits to the journal, and leaving with edits that could
 * not be saved asks first (the browser's "Leave site?" prompt). Returns the function that unwires.
 */
export function attachToPage(session: LibrarySession, store: DesignerStore, page: Window): () => void {
  const onVisibility = () => {
    if (page.document.visibilityState === 'hidden') session.hide(false);
  };
  const onPageHide = () => session.hide(true);
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    session.hide(false);
    if (session.hasUnsavedEdits() && (session.paused || store.getState().saveError !== null)) {
      event.preventDefault();
    }
  };
  page.document.addEventListener('visibilitychange', onVisibility);
  page.addEventListener('pagehide', onPageHide);
  page.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    page.document.removeEventListener('visibilitychange', onVisibility);
    page.removeEventListener('pagehide', onPageHide);
    page.removeEventListener('beforeunload', onBeforeUnload);
  };
}
