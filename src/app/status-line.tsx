import { useDesigner, useDesignerStore } from '../store/react';
import { exportAndReport } from './document-actions';

/** Announces refusals and other notices; `seq` in the key makes a repeated notice announce again. */
export function StatusLine() {
  const notice = useDesigner((s) => s.notice);
  return (
    <div className="status-line" role="status" aria-live="polite">
      {notice && (
        <span key={notice.seq} className={`status-line__text status-line__text--${notice.tone}`}>
          {notice.text}
        </span>
      )}
    </div>
  );
}

/** Shown while autosave fails; the editor keeps working, and the work can leave as a file. */
export function SaveErrorBanner() {
  const store = useDesignerStore();
  const error = useDesigner((s) => s.saveError);
  if (!error) return null;
  const exportJson = () => exportAndReport(store, 'json', { outlineProblems: false });
  return (
    <div className="banner banner--error" role="alert">
      {error}{' '}
      <button type="button" className="button" onClick={() => void exportJson()}>
        Export JSON
      </button>
    </div>
  );
}
