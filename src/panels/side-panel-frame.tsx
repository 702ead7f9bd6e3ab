import type { ReactNode } from 'react';
import { useDesignerStore } from '../store/react';
import { CollapseButton, DockRail } from './dock-rail';
import { useDockCollapsed } from './dock-state';

const expanded = () => false;

/**
 * A non-modal panel docked beside the canvas (decision 028): a region named by its title, which
 * takes its width from the canvas rather than covering it, collapses to a rail, and closes by
 * button or Escape.
 */
export function SidePanelFrame({ title, children }: { title: string; children: ReactNode }) {
  const store = useDesignerStore();
  const [collapsed, setCollapsed] = useDockCollapsed(`side.${title}`, expanded);
  if (collapsed) return <DockRail title={title} onExpand={() => setCollapsed(false)} />;
  return (
    <aside className="side-panel" aria-label={title}>
      <header className="side-panel__header">
        <h2 className="panel-title">{title}</h2>
        <span className="side-panel__buttons">
          <CollapseButton title={title} onCollapse={() => setCollapsed(true)} />
          <button
            type="button"
            className="button button--icon"
            aria-label={`Close ${title}`}
            onClick={() => store.getState().toggleSidePanel(null)}
          >
            ×
          </button>
        </span>
      </header>
      <div className="side-panel__body">{children}</div>
    </aside>
  );
}
