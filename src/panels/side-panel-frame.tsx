import type { ReactNode } from 'react';
import { useDesignerStore } from '../store/react';

/** A non-modal panel beside the canvas: a region named by its title, closable by button or Escape. */
export function SidePanelFrame({ title, children }: { title: string; children: ReactNode }) {
  const store = useDesignerStore();
  return (
    <aside className="side-panel" aria-label={title}>
      <header className="side-panel__header">
        <h2 className="panel-title">{title}</h2>
        <button
          type="button"
          className="button button--icon"
          aria-label={`Close ${title}`}
          onClick={() => store.getState().toggleSidePanel(null)}
        >
          ×
        </button>
      </header>
      <div className="side-panel__body">{children}</div>
    </aside>
  );
}
