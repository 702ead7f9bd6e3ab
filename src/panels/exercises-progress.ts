import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Exercise, ExerciseParseError } from '../document';
import { allGoalsMet, evaluateGoals } from '../domain';
import { useDesignerStore } from '../store/react';
import type { DesignerStore } from '../store/store';
import {
  type AttemptIdentity,
  type AttemptRecord,
  type AttemptStorage,
  type ExerciseSource,
  pageStorage,
  readStoredAttempt,
  removeAttempt,
  saveAttempt,
} from './exercises-storage';

export type { ExerciseSource };

/** The numbers the summary shows, frozen when every goal is first met. */
export type Finish = NonNullable<AttemptRecord['finish']>;

/** The exercise under way: its attempt, as stored (exercises-storage.ts). */
export type ActiveExercise = AttemptRecord;

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
  /** Why the progress saved for the open document was not resumed (it stays in storage). */
  readonly resumeRefusal: string | null;
}

export type ExerciseProgressStore = StoreApi<ExerciseProgressState>;

export function exerciseKey(source: ExerciseSource, exercise: Exercise): string {
  return `${source}:${exercise.id}`;
}

/** Whether the exercise's attempt is over: every goal met once, the time limit reached, or handed in. */
export function attemptEnded(active: ActiveExercise): boolean {
  return active.finish !== null || active.ended !== null;
}

/** When the time limit ends the attempt, in epoch milliseconds, or `null` without one. */
export function deadlineOf(active: ActiveExercise): number | null {
  const limit = active.exercise.timeLimit;
  return limit === undefined ? null : active.startedAt + limit * 1000;
}

interface Wiring {
  readonly progress: ExerciseProgressStore;
  readonly storage: AttemptStorage | null;
  /** Settles when the latest resume has been applied (tests wait for it). */
  resumed: Promise<void>;
}

// One progress per designer store, kept beside it rather than in the panel: the panel unmounts
// when it is closed, and an exercise goes on (and can be finished) while it is.
const PROGRESS = new WeakMap<DesignerStore, Wiring>();

function wiringOf(designer: DesignerStore, storage: AttemptStorage | null = pageStorage()): Wiring {
  const existing = PROGRESS.get(designer);
  if (existing) return existing;
  const progress = createStore<ExerciseProgressState>()(() => ({
    active: null,
    loaded: [],
    loadRefusal: null,
    completed: new Set(),
    resumeRefusal: null,
  }));
  const wiring: Wiring = { progress, storage, resumed: Promise.resolve() };
  PROGRESS.set(designer, wiring);

  const refusal = (reason: string) =>
    `The exercise progress saved with this document was not resumed: ${reason}. It was kept as it was.`;
  /**
   * Resumes the attempt kept for the open document, if any: after a reload, or from Open recent.
   * Its exercise is found and checked by a module loaded only when a record is there.
   */
  const resume = (documentId: string) => {
    const read = readStoredAttempt(storage, documentId);
    progress.setState({ active: null, resumeRefusal: read.kind === 'refused' ? refusal(read.reason) : null });
    if (read.kind !== 'stored') {
      wiring.resumed = Promise.resolve();
      return;
    }
    wiring.resumed = import('./exercises-resume').then(({ resolveAttempt }) => {
      // Another document opened meanwhile: its own resume decides.
      if (designer.getState().documentId !== documentId) return;
      const resolved = resolveAttempt(read.record, Date.now());
      progress.setState({
        active: resolved.kind === 'ok' ? resolved.attempt : null,
        resumeRefusal: resolved.kind === 'refused' ? refusal(resolved.reason) : null,
      });
      if (resolved.kind === 'ok') expireIfDue(designer);
    });
  };
  // The time limit ends the attempt whether or not the panel is open: one timer, set again
  // whenever the attempt under way changes.
  let timer: ReturnType<typeof setTimeout> | undefined;
  progress.subscribe((state, previous) => {
    if (state.active === previous.active) return;
    clearTimeout(timer);
    const deadline = state.active && !attemptEnded(state.active) ? deadlineOf(state.active) : null;
    if (deadline !== null)
      timer = setTimeout(() => expireIfDue(designer), Math.max(0, deadline - Date.now()) + 20);
  });
  resume(designer.getState().documentId);

  designer.subscribe((state, previous) => {
    if (state.documentId !== previous.documentId) {
      resume(state.documentId);
      return;
    }
    const { active, completed } = progress.getState();
    if (!active || attemptEnded(active)) return;
    const steps = active.steps + (state.history !== previous.history ? 1 : 0);
    // Mid-drag frames only move cards: no goal can change until the gesture ends. Goals that only
    // "Check my work" marks end the attempt there, not here.
    const recheck =
      state.document !== previous.document &&
      state.gestureBase === null &&
      active.exercise.liveGoals !== false;
    if (!recheck) {
      if (steps !== active.steps) update(designer, { ...active, steps });
      return;
    }
    const done = allGoalsMet(evaluateGoals(state.document, active.exercise.goals));
    update(designer, {
      ...active,
      steps,
      finish: done ? { at: Date.now(), steps, hintsShown: active.hintsShown } : null,
    });
    if (done)
      progress.setState({ completed: new Set([...completed, exerciseKey(active.source, active.exercise)]) });
  });
  return wiring;
}

/** Sets the attempt under way and keeps it in storage, so a reload resumes it. */
function update(designer: DesignerStore, active: ActiveExercise): void {
  const { progress, storage } = wiringOf(designer);
  progress.setState({ active });
  saveAttempt(storage, active);
}

/** Settles once the attempt of the open document, if one is stored, has been resumed or refused. */
export function whenResumed(designer: DesignerStore): Promise<void> {
  return wiringOf(designer).resumed;
}

/**
 * The exercise progress that belongs to one designer store; made, and wired to it, on first use.
 * `storage` is for tests: the page's `localStorage` otherwise.
 */
export function exerciseProgressOf(
  designer: DesignerStore,
  storage?: AttemptStorage | null,
): ExerciseProgressStore {
  return wiringOf(designer, storage === undefined ? pageStorage() : storage).progress;
}

/** Opens the exercise's start as a new document (the open one stays in Open recent) and starts the clock. */
export function startExercise(
  designer: DesignerStore,
  exercise: Exercise,
  source: ExerciseSource,
  start: Exercise['start'],
  notice: string,
  /** From `attemptIdentity` (exercises-resume.ts), which the panel loads with the exercises. */
  identity: AttemptIdentity,
): void {
  const { progress } = wiringOf(designer);
  // Cleared first, so the replacement below is not counted as a step of the previous exercise.
  progress.setState({ active: null });
  designer.getState().openNewDocument({ ...start, name: start.name ?? exercise.title }, 'exercise', notice);
  update(designer, {
    documentId: designer.getState().documentId,
    exercise,
    source,
    ...identity,
    startedAt: Date.now(),
    hintsShown: 0,
    steps: 0,
    checks: 0,
    lastCheck: null,
    finish: null,
    ended: null,
  });
}

export function showHint(designer: DesignerStore): void {
  const { active } = wiringOf(designer).progress.getState();
  if (!active || attemptEnded(active)) return;
  const total = active.exercise.hints?.length ?? 0;
  if (active.hintsShown >= total) return;
  update(designer, { ...active, hintsShown: active.hintsShown + 1 });
}

/**
 * "Check my work": marks each goal met or not as the document is now, and counts the check. It
 * says which goals are met, never why not: no problem, hint or fix is shown with it. Where goals
 * are not ticked live (`liveGoals: false`), a check that finds them all met completes the exercise.
 * Returns how many goals are met.
 */
export function checkWork(designer: DesignerStore): { met: number; total: number } | null {
  const { progress } = wiringOf(designer);
  const { active, completed } = progress.getState();
  if (!active || active.ended) return null;
  const results = evaluateGoals(designer.getState().document, active.exercise.goals);
  const now = Date.now();
  const met = results.map((r) => r.met);
  const done = allGoalsMet(results);
  const checks = active.checks + 1;
  update(designer, {
    ...active,
    checks,
    lastCheck: { at: now, met },
    finish: active.finish ?? (done ? { at: now, steps: active.steps, hintsShown: active.hintsShown } : null),
  });
  if (done)
    progress.setState({ completed: new Set([...completed, exerciseKey(active.source, active.exercise)]) });
  return { met: met.filter(Boolean).length, total: met.length };
}

/**
 * Ends the attempt when its time limit has passed: the document as it is now is the one handed in,
 * and the attempt counts no more steps or hints. A finished attempt is not ended again.
 */
export function expireIfDue(designer: DesignerStore, now = Date.now()): boolean {
  const { active } = wiringOf(designer).progress.getState();
  if (!active || attemptEnded(active)) return false;
  const deadline = deadlineOf(active);
  if (deadline === null || now < deadline) return false;
  update(designer, {
    ...active,
    ended: { at: deadline, outcome: 'time-up', document: designer.getState().document },
  });
  designer.getState().notify(`Time is up for the exercise “${active.exercise.title}”: download your result.`);
  return true;
}

/**
 * "Hand in now": ends an attempt before every goal is met, so a learner who stops can still hand
 * in a result (graded as failed). The document as it is now is the result, as at a time limit.
 */
export function handIn(designer: DesignerStore): boolean {
  const { active } = wiringOf(designer).progress.getState();
  if (!active || attemptEnded(active)) return false;
  update(designer, {
    ...active,
    ended: { at: Date.now(), outcome: 'handed-in', document: designer.getState().document },
  });
  designer.getState().notify(`Handed in the exercise “${active.exercise.title}”: download your result.`);
  return true;
}

export function leaveExercise(designer: DesignerStore): void {
  const { progress, storage } = wiringOf(designer);
  const { active } = progress.getState();
  if (active) removeAttempt(storage, active.documentId);
  progress.setState({ active: null });
}

/** Adds a trainer's exercise to the list; a file with the id of one loaded before replaces it. */
export function addLoadedExercise(designer: DesignerStore, exercise: Exercise): void {
  const { progress } = wiringOf(designer);
  const loaded = progress.getState().loaded.filter((e) => e.id !== exercise.id);
  progress.setState({ loaded: [...loaded, exercise], loadRefusal: null });
}

export function setLoadRefusal(designer: DesignerStore, refusal: LoadRefusal | null): void {
  wiringOf(designer).progress.setState({ loadRefusal: refusal });
}

/** Reads the smallest slice of the exercise progress of the designer in context. */
export function useExerciseProgress<T>(selector: (state: ExerciseProgressState) => T): T {
  return useStore(exerciseProgressOf(useDesignerStore()), selector);
}

/** Whether quick fixes are hidden now: an exercise with `"quickFixes": false` is under way. */
export function useQuickFixesHidden(): boolean {
  return useExerciseProgress(
    (s) => s.active !== null && s.active.exercise.quickFixes === false && !attemptEnded(s.active),
  );
}
