import { useDesigner, useDesignerStore } from '../store/react';
import { ArrangeMenu } from './arrange-menu';
import { CommandButton } from './command-button';

type Mode = 'lines' | 'badges' | 'hidden';
const MODES: readonly { readonly value: Mode; readonly label: string }[] = [
  { value: 'lines', label: 'Lines' },
  { value: 'badges', label: 'Badges' },
  { value: 'hidden', label: 'Hidden' },
];

/**
 * How the Management Layer's Message Server connections are drawn, on the canvas and in every
 * export (issue 14 item 4; saved as `view.messageServerLinks`). Hidden connections keep their
 * problems. A choice, not a command, like the rule set: a native select, one undo step.
 */
function MessageServerLinksSelect() {
  const store = useDesignerStore();
  const mode = useDesigner((s) => s.document.view?.messageServerLinks ?? 'lines');
  return (
    <label
      className="canvas-toolbar__select"
      title="Management Layer connections: how Message Server connections are drawn"
    >
      {/* The full words where the canvas is wide; "ML" where a docked panel narrows it, so the
          toolbar stays one row at 1280 px (decision 037). The select's name is always the full one. */}
      <span className="canvas-toolbar__label canvas-toolbar__label--long" aria-hidden="true">
        Management Layer connections
      </span>
      <span className="canvas-toolbar__label canvas-toolbar__label--short" aria-hidden="true">
        ML
      </span>
      <select
        aria-label="Management Layer connections"
        value={mode}
        onChange={(event) => {
          const chosen = MODES.find((m) => m.value === event.target.value);
          if (chosen) {
            store.getState().setMessageServerLinks(chosen.value);
            store.getState().notify(`Message Server connections are drawn as ${chosen.label.toLowerCase()}.`);
          }
        }}
      >
        {MODES.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Commands about the diagram: start from a template, lay it out, find and arrange components,
 * learn the rules. Zoom to selection has no button here (the toolbar is full at 1280 px): it is
 * the F key and an item of every context menu.
 */
export function CanvasToolbar() {
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Diagram">
      <CommandButton id="templates" />
      <CommandButton id="tidy-up" />
      <span className="top-bar__divider" aria-hidden="true" />
      <CommandButton id="find" />
      <ArrangeMenu />
      <span className="top-bar__divider" aria-hidden="true" />
      <CommandButton id="matrix" />
      <CommandButton id="explain" />
      <CommandButton id="exercises" />
      <span className="top-bar__divider" aria-hidden="true" />
      <MessageServerLinksSelect />
    </div>
  );
}
