/**
 * A collapsed docked panel: a narrow strip beside the canvas with its title and the button that
 * expands it again ("Expand Inspector"), so the canvas gets the panel's width meanwhile.
 */
export function DockRail({ title, onExpand }: { title: string; onExpand: () => void }) {
  return (
    <div className="dock-rail">
      <button
        type="button"
        className="dock-rail__button"
        aria-label={`Expand ${title}`}
        aria-expanded={false}
        title={`Expand ${title}`}
        onClick={onExpand}
      >
        <span aria-hidden="true" className="dock-rail__glyph">
          «
        </span>
        <span aria-hidden="true" className="dock-rail__title">
          {title}
        </span>
      </button>
    </div>
  );
}

/** The button that collapses a docked panel into its rail ("Collapse Inspector"). */
export function CollapseButton({ title, onCollapse }: { title: string; onCollapse: () => void }) {
  return (
    <button
      type="button"
      className="button button--icon dock__collapse"
      aria-label={`Collapse ${title}`}
      aria-expanded={true}
      title={`Collapse ${title}`}
      onClick={onCollapse}
    >
      <span aria-hidden="true">»</span>
    </button>
  );
}
