/** How many steps Undo can go back; older steps are dropped first. */
export const HISTORY_LIMIT = 200;

export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
}

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Records `previous` as one undo step and forgets the redo branch. */
export function pushStep<T>(history: History<T>, previous: T): History<T> {
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(previous);
  return { past, future: [] };
}

/** Steps back: returns the state to restore and the new history, or `undefined` when there is none. */
export function stepBack<T>(history: History<T>, current: T): { state: T; history: History<T> } | undefined {
  const state = history.past.at(-1);
  if (state === undefined) return undefined;
  return { state, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

/** Steps forward again after `stepBack`. */
export function stepForward<T>(
  history: History<T>,
  current: T,
): { state: T; history: History<T> } | undefined {
  const [state, ...future] = history.future;
  if (state === undefined) return undefined;
  return { state, history: { past: [...history.past, current], future } };
}
