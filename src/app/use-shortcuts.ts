import { useEffect } from 'react';
import { useCommandContext } from './command-context';
import { nudgeSelection, SHORTCUTS } from './commands';

/** True when the key belongs to a text field or another control that handles keys itself. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.closest('dialog') !== null;
}

/** Routes key presses to the command list. */
export function useShortcuts(): void {
  const context = useCommandContext();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const command = SHORTCUTS.find(({ shortcut }) => shortcut.matches(event))?.command;
      if (!command) return;
      const state = context.store.getState();
      // Buttons and links keep Enter/Space; the palette keeps its own keys.
      if (command.id === 'nudge') {
        // React Flow moves a focused node itself; the key handler covers every other focus.
        if (event.target instanceof HTMLElement && event.target.closest('.react-flow__node')) return;
        if (!command.enabled(state)) return;
        event.preventDefault();
        nudgeSelection(state, event.key, event.shiftKey);
        return;
      }
      if (!command.enabled(state)) return;
      event.preventDefault();
      void command.run(context);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [context]);
}
