import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Exercise, ExerciseParseError } from '../document';
import { allGoalsMet, evaluateGoals } from '../domain';
import { useDesignerStore } from '../store/react';
import type { DesignerStore } from '../store/store';

/** The numbers the summary shows, frozen when every goal is first met. */
export interface Finish {
  readonly at: number;
  readonly steps: number;
  readonly hintsShown: number;
}

export interface ActiveExercise {
  readonly exercise: Exercise;
  /** Where the exercise came from: built-in ones and trainers' files may share an id. */
  readonly source: ExerciseSource;
  readonly startedAt: number;
  readonly hintsShown: number;
  /** Changes of the undo history since the start: edits, undos and redos. */
  readonly steps: number;
  readonly finish: Finish | null;
}

export type ExerciseSource = 'built-in' | 'file';

export interface LoadRefusal {
  readonly fileName: string;
  readonly error: ExerciseParseError;
}

export interface ExerciseProgressState {
  readonly active: ActiveExercise | null;
  /** Exercises a trainer loaded from files in this session, newest last. */
  readonly loaded: readonly Exercise[];
  readonly loadRefusal: LoadRefusal | null;
  /** `${source}:${id}` of every exercise finished in this session. */
  readonly completed: ReadonlySet<string>;
}

export type ExerciseProgressStore = StoreApi<ExerciseProgressState>;

export function exerciseKey(source: ExerciseSource, exercise: Exercise): string {
  return `${source}:${exercise.id}`;
}

// One progress per designer store, kept beside it rather than in the panel: the panel unmounts
// when it is closed, and an exercise goes on (and can be finished) while it is.
const PROGRESS = new WeakMap<DesignerStore, ExerciseProgressStore>();

/** The exercise progress that belongs to one designer store; made, and wired to it, on first use. */
export function exerciseProgressOf(designer: DesignerStore): ExerciseProgressStore {
  const existing = PROGRESS.get(designer);
  if (existing) return existing;
  const progress = createStore<ExerciseProgressState>()(() => ({
    active: null,
    loaded: [],
    loadRefusal: null,
    completed: new Set(),
  }));
  designer.subscribe((state, previous) => {
    const { active, completed } = progress.getState();
    if (!active || active.finish) return;
    const steps = active.steps + (state.history !== previous.history ? 1 : 0);
    // Mid-drag frames only move cards: no goal can change until the gesture ends.
    const recheck = state.document !== previous.document && state.gestureBase === null;
    if (!recheck) {
      if (steps !== active.steps) progress.setState({ active: { ...active, steps } });
      return;
    }
    const done = allGoalsMet(evaluateGoals(state.document, active.exercise.goals));
    progress.setState({
      active: {
        ...active,
        steps,
        finish: done ? { at: Date.now(), steps, hintsShown: active.hintsShown } : null,
      },
      completed: done ? new Set([...completed, exerciseKey(active.source, active.exercise)]) : completed,
    });
  });
  PROGRESS.set(designer, progress);
  return progress;
}

/** Opens the exercise's start as a new document (the open one stays in Open recent) and starts the clock. */
export function startExercise(
  designer: DesignerStore,
  exercise: Exercise,
  source: ExerciseSource,
  start: Exercise['start'],
  notice: string,
): void {
  const progress = exerciseProgressOf(designer);
  // Cleared first, so the replacement below is not counted as a step of the previous exercise.
  progress.setState({ active: null });
  designer.getState().openNewDocument({ ...start, name: start.name ?? exercise.title }, 'exercise', notice);
  progress.setState({
    active: { exercise, source, startedAt: Date.now(), hintsShown: 0, steps: 0, finish: null },
  });
}

export function showHint(designer: DesignerStore): void {
  const progress = exerciseProgressOf(designer);
  const { active } = progress.getState();
  if (!active) return;
  const total = active.exercise.hints?.length ?? 0;
  if (active.hintsShown >= total) return;
  progress.setState({ active: { ...active, hintsShown: active.hintsShown + 1 } });
}

export function leaveExercise(designer: DesignerStore): void {
  exerciseProgressOf(designer).setState({ active: null });
}

/** Adds a trainer's exercise to the list; a file with the id of one loaded before replaces it. */
export function addLoadedExercise(designer: DesignerStore, exercise: Exercise): void {
  const progress = exerciseProgressOf(designer);
  const loaded = progress.getState().loaded.filter((e) => e.id !== exercise.id);
  progress.setState({ loaded: [...loaded, exercise], loadRefusal: null });
}

export function setLoadRefusal(designer: DesignerStore, refusal: LoadRefusal | null): void {
  exerciseProgressOf(designer).setState({ loadRefusal: refusal });
}

/** Reads the smallest slice of the exercise progress of the designer in context. */
export function useExerciseProgress<T>(selector: (state: ExerciseProgressState) => T): T {
  return useStore(exerciseProgressOf(useDesignerStore()), selector);
}
