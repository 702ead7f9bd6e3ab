import { useId, useMemo, useState } from 'react';
import { useRevealElement } from '../canvas/view';
import type { Problem } from '../domain';
import { type QuickFix, quickFixes } from '../store/quick-fixes';
import { useDesigner, useDesignerStore } from '../store/react';
import { useQuickFixesHidden } from './exercises-progress';
import './quick-fixes.css';

/** More fixes than this (several candidate targets) fold the rest under "More…". */
const INLINE_FIXES = 3;

/**
 * The quick fixes of one problem, as small buttons under its message (which describes them to
 * assistive technology); each is one undo step.
 * Fixes are worked out when the problem is (on a structural change), and applied to the document
 * as it is at the click.
 */
export function QuickFixButtons({
  problem,
  problems,
  describedBy,
}: {
  problem: Problem;
  /**
   * All the problems of the document: a new list after every structural change. A problem that an
   * edit did not touch stays the same object, but its fixes name other components (a renamed
   * Server's "Connect to" button), so they are worked out again with every new list.
   */
  problems: readonly Problem[];
  describedBy: string;
}) {
  const store = useDesignerStore();
  const reveal = useRevealElement();
  const moreId = useId();
  const [expanded, setExpanded] = useState(false);
  // A trainer's exercise with `"quickFixes": false` is solved by hand (issue 15): no fix is offered.
  const hidden = useQuickFixesHidden();
  // A view-only live session takes no edits (decision 032): a fix would only be refused.
  const viewOnly = useDesigner((state) => state.live?.readOnly ?? false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `problems` marks the document's structure, which the fixes read
  const fixes = useMemo(() => quickFixes(store.getState().document, problem), [store, problem, problems]);
  if (hidden || viewOnly || fixes.length === 0) return null;

  const apply = (fix: QuickFix, button: HTMLElement) => {
    const panel = button.closest<HTMLElement>('[data-quick-fix-home]');
    if (fix.kind === 'rename')
      reveal(fix.hostId !== undefined ? { layoutId: fix.hostId } : { componentId: fix.componentId });
    store.getState().applyQuickFix(fix);
    // A fixed problem leaves the list with the button that had focus: keep focus in the panel.
    requestAnimationFrame(() => {
      if (!button.isConnected && panel?.isConnected) panel.focus();
    });
  };
  const button = (fix: QuickFix) => (
    <button
      key={fix.id}
      type="button"
      className="quick-fix"
      aria-describedby={describedBy}
      title={fix.hint}
      onClick={(event) => apply(fix, event.currentTarget)}
    >
      {fix.label}
    </button>
  );
  const folded = fixes.length > INLINE_FIXES + 1;
  const inline = folded ? fixes.slice(0, INLINE_FIXES) : fixes;
  const rest = folded ? fixes.slice(INLINE_FIXES) : [];
  return (
    <div className="quick-fixes">
      {inline.map(button)}
      {folded && (
        <button
          type="button"
          className="quick-fix quick-fix--more"
          aria-expanded={expanded}
          aria-controls={moreId}
          aria-describedby={describedBy}
          onClick={() => setExpanded(!expanded)}
        >
          More…
        </button>
      )}
      {folded && (
        <div id={moreId} className="quick-fixes__more" hidden={!expanded}>
          {rest.map(button)}
        </div>
      )}
    </div>
  );
}
