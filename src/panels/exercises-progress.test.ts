import { expect, test } from 'vitest';
import { type Exercise, parseExercise } from '../document';
import { BUILT_IN_EXERCISES } from '../exercises';
import { createDesignerStore, type DesignerStore } from '../store/store';
import {
  checkWork,
  exerciseProgressOf,
  expireIfDue,
  handIn,
  leaveExercise,
  showHint,
  startExercise,
  whenResumed,
} from './exercises-progress';
import { attemptIdentity, exerciseFileText } from './exercises-resume';
import { ATTEMPT_KEY_PREFIX, type AttemptStorage, type ExerciseSource } from './exercises-storage';

// Exercise progress kept beside its document (issue 15, decision 027), over an in-memory storage.

function memoryStorage(): AttemptStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

const POOL = BUILT_IN_EXERCISES.find((e) => e.id === 'add-a-builder-pool') as Exercise;

function designerWith(storage: AttemptStorage, id?: string): DesignerStore {
  const designer = createDesignerStore(undefined, id);
  designer.getState().setLibraryAvailable(true);
  exerciseProgressOf(designer, storage);
  return designer;
}

function optionsExercise(extra: Record<string, unknown>): Exercise {
  const text = exerciseFileText(POOL).replace('"version":1', '"version":2');
  const result = parseExercise(JSON.stringify({ ...JSON.parse(text), id: 'pool-options', ...extra }));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.exercise;
}

/** Starts an exercise as the panel does. */
function begin(designer: DesignerStore, exercise: Exercise, source: ExerciseSource): void {
  startExercise(designer, exercise, source, exercise.start, 'Started.', attemptIdentity(exercise, source));
}

/** The same document opened again by a new page: what a reload does. */
async function reload(designer: DesignerStore, storage: AttemptStorage): Promise<DesignerStore> {
  const again = designerWith(storage, designer.getState().documentId);
  await whenResumed(again);
  return again;
}

test('an attempt resumes after a reload with its start time, hints, steps and checks', async () => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  begin(designer, POOL, 'built-in');
  designer.getState().addComponent('builder', { x: 0, y: 0 });
  showHint(designer);
  checkWork(designer);
  const before = exerciseProgressOf(designer).getState().active;
  expect(before).toMatchObject({
    hintsShown: 1,
    steps: 1,
    checks: 1,
    lastCheck: { met: [false, false, false, false] },
  });

  const again = await reload(designer, storage);
  const after = exerciseProgressOf(again).getState();
  expect(after.resumeRefusal).toBeNull();
  expect(after.active).toMatchObject({
    exercise: { id: 'add-a-builder-pool' },
    source: 'built-in',
    startedAt: before?.startedAt,
    hintsShown: 1,
    steps: 1,
    checks: 1,
    lastCheck: before?.lastCheck,
  });
});

test('a trainer’s exercise resumes from the copy kept with the attempt', async () => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  const exercise = optionsExercise({ quickFixes: false, hintPenalty: 5 });
  begin(designer, exercise, 'file');
  const active = exerciseProgressOf(await reload(designer, storage)).getState().active;
  expect(active?.exercise).toEqual(exercise);
});

test('leaving an exercise forgets its progress; another document has none', async () => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  begin(designer, POOL, 'built-in');
  expect(storage.items.size).toBe(1);
  leaveExercise(designer);
  expect(storage.items.size).toBe(0);
  expect(exerciseProgressOf(await reload(designer, storage)).getState().active).toBeNull();
});

test.each([
  ['not JSON', () => '{oops'],
  ['another shape', () => JSON.stringify({ v: 1, documentId: 7 })],
  [
    'more hints than the exercise has',
    (r: Record<string, unknown>) => JSON.stringify({ ...r, hintsShown: 99 }),
  ],
  [
    'dated in the future',
    (r: Record<string, unknown>) => JSON.stringify({ ...r, startedAt: Date.now() + 86_400_000 }),
  ],
  ['another document', (r: Record<string, unknown>) => JSON.stringify({ ...r, documentId: 'doc-other' })],
  [
    'an exercise changed since',
    (r: Record<string, unknown>) => JSON.stringify({ ...r, exerciseSum: 'a'.repeat(64) }),
  ],
  ['an unknown exercise', (r: Record<string, unknown>) => JSON.stringify({ ...r, exerciseId: 'gone' })],
  ['a negative count', (r: Record<string, unknown>) => JSON.stringify({ ...r, steps: -3 })],
])('a stored record that is %s is refused, said, and kept as it was', async (_what, bend) => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  begin(designer, POOL, 'built-in');
  const key = `${ATTEMPT_KEY_PREFIX}${designer.getState().documentId}`;
  const hostile = bend(JSON.parse(storage.items.get(key) ?? '{}'));
  storage.items.set(key, hostile);

  const state = exerciseProgressOf(await reload(designer, storage)).getState();
  expect(state.active).toBeNull();
  expect(state.resumeRefusal).toMatch(
    /^The exercise progress saved with this document was not resumed: .+\. It was kept as it was\.$/,
  );
  expect(storage.items.get(key)).toBe(hostile);
});

test('the time limit ends the attempt with the document as it was, and nothing counts after', async () => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  const exercise = optionsExercise({ timeLimit: 60 });
  begin(designer, exercise, 'file');
  const progress = exerciseProgressOf(designer);
  const startedAt = progress.getState().active?.startedAt ?? 0;
  expect(expireIfDue(designer, startedAt + 59_000)).toBe(false);
  designer.getState().addComponent('builder', { x: 0, y: 0 });
  expect(expireIfDue(designer, startedAt + 60_000)).toBe(true);
  const ended = progress.getState().active;
  expect(ended?.ended?.at).toBe(startedAt + 60_000);
  expect(ended?.ended?.document.components.filter((c) => c.kind === 'builder')).toHaveLength(2);

  designer.getState().addComponent('builder', { x: 0, y: 200 });
  showHint(designer);
  expect(progress.getState().active).toMatchObject({ steps: 1, hintsShown: 0 });
  // Reloaded, the attempt is still over, with the document of the limit.
  const resumed = exerciseProgressOf(await reload(designer, storage)).getState().active;
  expect(resumed?.ended?.document.components.filter((c) => c.kind === 'builder')).toHaveLength(2);
});

test('a reload after the limit passed ends the attempt at once', async () => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  const exercise = optionsExercise({ timeLimit: 60 });
  begin(designer, exercise, 'file');
  const key = `${ATTEMPT_KEY_PREFIX}${designer.getState().documentId}`;
  const record = JSON.parse(storage.items.get(key) ?? '{}');
  storage.items.set(key, JSON.stringify({ ...record, startedAt: record.startedAt - 120_000 }));
  const resumed = exerciseProgressOf(await reload(designer, storage)).getState().active;
  expect(resumed?.ended?.at).toBe(record.startedAt - 60_000);
});

test('goals that are not live complete the exercise only when Check my work finds them all met', () => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  const exercise = optionsExercise({ liveGoals: false });
  const solvedPool = {
    ...exercise,
    goals: exercise.goals.filter((g) => g.check.type === 'valid' || g.check.type === 'no-problems'),
  };
  begin(designer, solvedPool, 'file');
  designer.getState().addComponent('web', { x: 0, y: 0 });
  designer.getState().undo();
  const progress = exerciseProgressOf(designer);
  expect(progress.getState().active?.finish).toBeNull();
  expect(checkWork(designer)).toEqual({ met: solvedPool.goals.length, total: solvedPool.goals.length });
  expect(progress.getState().active?.finish).toMatchObject({ steps: 2 });
  expect(progress.getState().active?.checks).toBe(1);
});

test('handing in ends the attempt with the document as it is, and survives a reload', async () => {
  const storage = memoryStorage();
  const designer = designerWith(storage);
  begin(designer, POOL, 'built-in');
  designer.getState().addComponent('builder', { x: 0, y: 0 });
  expect(handIn(designer)).toBe(true);
  expect(handIn(designer)).toBe(false);
  const progress = exerciseProgressOf(designer);
  expect(progress.getState().active?.ended).toMatchObject({ outcome: 'handed-in' });
  designer.getState().addComponent('builder', { x: 0, y: 200 });
  expect(progress.getState().active?.steps).toBe(1);
  expect(checkWork(designer)).toBeNull();
  const resumed = exerciseProgressOf(await reload(designer, storage)).getState().active;
  expect(resumed?.ended?.outcome).toBe('handed-in');
  expect(resumed?.ended?.document.components.filter((c) => c.kind === 'builder')).toHaveLength(2);
});
