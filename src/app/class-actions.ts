// The page's side of a classroom (issue 16 item 8, decision 035): starting and reopening a class
// for the trainer, joining one for a learner. The class and the learner rooms load only when used.

import { type ClassLink, learnerName, type TeachLink } from '../collab/roster';
import { type Exercise, parseExercise } from '../document';
import { withLayout } from '../drawing';
import { BUILT_IN_EXERCISES } from '../exercises';
import { EDIT_PREFIX } from '../live/links';
import { type ExerciseSource, startExercise } from '../panels/exercises-progress';
import { attemptIdentity } from '../panels/exercises-resume';
import type { DesignerStore } from '../store/store';
import { readSeat, seatKey, seatStorage, writeSeat } from './class-seat';
import { livePage } from './live-actions';

/** A class's exercise and where it comes from. */
export interface ClassExercise {
  readonly exercise: Exercise;
  readonly source: ExerciseSource;
}

/**
 * The exercise of a class (decision 035): a trainer's own file when the class carries one (hostile
 * text, read like any exercise file, and only when its id is the class's), else the built-in
 * exercise of that id.
 */
export function classExercise(
  exerciseId: string | undefined,
  exerciseFile?: string,
): ClassExercise | undefined {
  if (exerciseFile !== undefined) {
    const parsed = parseExercise(exerciseFile);
    return parsed.ok && parsed.exercise.id === exerciseId
      ? { exercise: parsed.exercise, source: 'file' }
      : undefined;
  }
  const exercise = BUILT_IN_EXERCISES.find((candidate) => candidate.id === exerciseId);
  return exercise ? { exercise, source: 'built-in' } : undefined;
}

/** Starts a class of an exercise (built in, or a trainer's file), or reopens the class of a trainer's link. */
export async function teachCommand(
  store: DesignerStore,
  exerciseId: string,
  link?: TeachLink,
  exerciseFile?: string,
): Promise<boolean> {
  const found = classExercise(exerciseId, exerciseFile);
  if (!found) return false;
  const page = livePage();
  const { teach } = await import('../live/classroom');
  const problem = await teach(
    {
      collabUrl: page.collabUrl,
      address: page.address,
      exerciseId,
      ...(exerciseFile === undefined ? {} : { exerciseFile }),
      goals: found.exercise.goals,
    },
    link,
  );
  if (problem) {
    store.getState().notify(problem, 'refusal');
    return false;
  }
  return true;
}

/** Opens the trainer's link at page load: the class's exercise is read from its room. */
export async function reopenClass(store: DesignerStore, link: TeachLink): Promise<void> {
  const { openClass } = await import('../live/classroom');
  const opening = await openClass(livePage().collabUrl, link);
  if (!opening.ok) {
    store.getState().notify(opening.message, 'error');
    return;
  }
  opening.close();
  if (await teachCommand(store, opening.exerciseId, link, opening.exerciseFile))
    store.getState().openDialog({ kind: 'class' });
}

let joining = false;

/**
 * A learner joins a class: the class's exercise starts in a new document, which becomes a live
 * room of the learner's own (Share live), and the room's edit key goes to the roster sealed to
 * the trainer. The Exercises panel shows the exercise.
 */
export async function joinClassCommand(
  store: DesignerStore,
  link: ClassLink,
  name: string,
): Promise<boolean> {
  if (joining) return false;
  joining = true;
  try {
    store.getState().notify('Joining the class…', 'info');
    const page = livePage();
    const { openClass } = await import('../live/classroom');
    const opening = await openClass(page.collabUrl, link);
    if (!opening.ok) {
      store.getState().notify(opening.message, 'error');
      return false;
    }
    try {
      const found = classExercise(opening.exerciseId, opening.exerciseFile);
      if (!found) {
        store
          .getState()
          .notify('This class’s exercise is not one this designer knows. Nothing was opened.', 'error');
        return false;
      }
      const { exercise, source } = found;
      startExercise(
        store,
        exercise,
        source,
        withLayout(exercise.start),
        `Started the class exercise “${exercise.title}”.`,
        attemptIdentity(exercise, source),
      );
      // The name given here is the learner's name in their room too, unless they chose one.
      const { offerName } = await import('../live/identity');
      offerName(name);
      const { shareLive } = await import('../live/room');
      const shared = await shareLive(store, page);
      const editKey = shared.ok ? shared.links.edit?.split(EDIT_PREFIX)[1] : undefined;
      // This browser's entry of an earlier join is rewritten: the trainer sees it once.
      const storage = seatStorage();
      const seatAt = await seatKey(link);
      const entry = editKey ? await opening.enrol(name, editKey, readSeat(storage, seatAt)?.entry) : null;
      if (!entry) {
        store
          .getState()
          .notify(
            'The class could not be joined: your trainer will not see this deployment. Reload the class link to try again.',
            'error',
          );
        return false;
      }
      // As the entry carries it (hidden characters out), so the seat reads back under the roster's rules.
      writeSeat(storage, seatAt, { entry, name: learnerName(name) });
      if (store.getState().sidePanel !== 'exercises') store.getState().toggleSidePanel('exercises');
      store
        .getState()
        .notify(
          `Joined the class as ${name}: your trainer sees your deployment as you work on it.`,
          'success',
        );
      return true;
    } finally {
      opening.close();
    }
  } finally {
    joining = false;
  }
}

/** The trainer opens a learner's room in the designer, to watch or help. */
export async function openLearnerCommand(store: DesignerStore, editKey: string): Promise<void> {
  store.getState().openDialog(null);
  const { joinLive } = await import('../live/room');
  await joinLive(store, { access: 'edit', key: editKey }, livePage());
}
