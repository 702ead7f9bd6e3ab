/**
 * Puts the keyboard on a component's card once the dialog that covered it has gone (issue 15:
 * after "Connect to…" focus fell to the page body). A frame later, so the dialog's removal cannot
 * take the focus back; only while nothing else has it.
 */
export function focusCardSoon(id: string): void {
  requestAnimationFrame(() => {
    const active = window.document.activeElement;
    if (active && active !== window.document.body) return;
    const card = window.document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    card?.focus();
  });
}
