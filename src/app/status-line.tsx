import { useDesigner } from '../store/react';
import { CommandButton } from './command-button';

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
  const error = useDesigner((s) => s.saveError);
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert">
      {error} <CommandButton id="export-json" />
    </div>
  );
}
