import { CommandButton } from './command-button';

/** Commands about the diagram as a whole: start from a template, learn the rules, lay it out. */
export function CanvasToolbar() {
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Diagram">
      <CommandButton id="templates" />
      <CommandButton id="tidy-up" />
      <span className="top-bar__divider" aria-hidden="true" />
      <CommandButton id="matrix" />
      <CommandButton id="explain" />
      <CommandButton id="exercises" />
    </div>
  );
}
