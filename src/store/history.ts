/** How many steps Undo can go back; older steps are dropped first. */
export const HISTORY_LIMIT = 200;
/**
 * How many whole-document replacements (New, Import, a template, a share link) Undo can go back
 * over. Each keeps a whole document of its own alive, shared with nothing, so a session that opens
 * many large files would otherwise hold all of them (docs/performance.md: import/clear heap).
 */
export const REPLACEMENT_LIMIT = 3;

export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
  /** For each `past` entry: whether the step from it to the next state replaced the whole document. */
  readonly pastReplaced: readonly boolean[];
  /** For each `future` entry: whether the step to it replaced the whole document. */
  readonly futureReplaced: readonly boolean[];
}

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], pastReplaced: [], futureReplaced: [] };
}

/**
 * Records `previous` as one undo step and forgets the redo branch. `replaced` says the step
 * replaced the whole document; past the replacement limit, the oldest replacement and every step
 * before it are dropped.
 */
export function pushStep<T>(history: History<T>, previous: T, replaced = false): History<T> {
  let past = [...history.past, previous];
  let pastReplaced = [...history.pastReplaced, replaced];
  let drop = Math.max(0, past.length - HISTORY_LIMIT);
  if (pastReplaced.filter(Boolean).length > REPLACEMENT_LIMIT) {
    drop = Math.max(drop, pastReplaced.indexOf(true) + 1);
  }
  if (drop > 0) {
    past = past.slice(drop);
    pastReplaced = pastReplaced.slice(drop);
  }
  return { past, future: [], pastReplaced, futureReplaced: [] };
}

/** Steps back: returns the state to restore and the new history, or `undefined` when there is none. */
export function stepBack<T>(history: History<T>, current: T): { state: T; history: History<T> } | undefined {
  const state = history.past.at(-1);
  if (state === undefined) return undefined;
  return {
    state,
    history: {
      past: history.past.slice(0, -1),
      pastReplaced: history.pastReplaced.slice(0, -1),
      future: [current, ...history.future],
      futureReplaced: [history.pastReplaced.at(-1) ?? false, ...history.futureReplaced],
    },
  };
}

/** Steps forward again after `stepBack`. */
export function stepForward<T>(
  history: History<T>,
  current: T,
): { state: T; history: History<T> } | undefined {
  const [state, ...future] = history.future;
  if (state === undefined) return undefined;
  const [replaced = false, ...futureReplaced] = history.futureReplaced;
  return {
    state,
    history: {
      past: [...history.past, current],
      pastReplaced: [...history.pastReplaced, replaced],
      future,
      futureReplaced,
    },
  };
}
