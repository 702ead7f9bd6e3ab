// Text typed into a field that commits on Enter or blur (a component's Notes, its name) is not in
// the document until then. A tab that is reloaded or closed first would lose it (issue 11,
// observation 9), so such fields register their pending draft here while it differs from the
// document, and autosave commits every one of them before its last save.

const pending = new Set<() => void>();

/** Registers a draft's commit; returns the function that unregisters it. */
export function registerDraft(commit: () => void): () => void {
  pending.add(commit);
  return () => {
    pending.delete(commit);
  };
}

/** Commits every draft typed but not yet committed (the page is being hidden or left). */
export function commitDrafts(): void {
  for (const commit of [...pending]) commit();
}
