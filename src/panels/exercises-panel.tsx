import { useEffect, useRef, useState } from 'react';
import {
  type Exercise,
  exerciseTooLarge,
  formatParseIssue,
  MAX_EXERCISE_BYTES,
  parseExercise,
  serializeExercise,
} from '../document';
import { counted } from '../domain';
import { withLayout } from '../drawing';
import { BUILT_IN_EXERCISES } from '../exercises';
import { useDesigner, useDesignerStore } from '../store/react';
import { Modal } from '../ui/modal';
import { ActiveExerciseView, keyed } from './exercises-active';
import {
  addLoadedExercise,
  type ExerciseSource,
  exerciseKey,
  handIn,
  setLoadRefusal,
  startExercise,
  useExerciseProgress,
} from './exercises-progress';
import './exercises-panel.css';
import { attemptIdentity } from './exercises-resume';
import { SidePanelFrame } from './side-panel-frame';

interface Choice {
  readonly exercise: Exercise;
  readonly source: ExerciseSource;
  /** Starting again the exercise under way: the clock and the hints start over too. */
  readonly restart?: boolean;
}

/**
 * Starts an exercise: its start deployment opens as a new document. A restart asks first (the
 * clock and hints start over), and so does a start in a browser without storage, where the start
 * replaces the open deployment.
 */
function useStartExercise(): {
  readonly ask: (choice: Choice) => void;
  readonly pending: Choice | null;
  readonly confirm: () => void;
  readonly cancel: () => void;
} {
  const store = useDesignerStore();
  const [pending, setPending] = useState<Choice | null>(null);
  const begin = ({ exercise, source, restart }: Choice) => {
    // Components without a position are laid out by role, as on import.
    startExercise(
      store,
      exercise,
      source,
      withLayout(exercise.start),
      `${restart ? 'Restarted' : 'Started'} the exercise “${exercise.title}” in a new document.`,
      attemptIdentity(exercise, source),
    );
  };
  return {
    ask: (choice) => {
      const { document, libraryAvailable } = store.getState();
      if (choice.restart || (!libraryAvailable && document.components.length > 0)) setPending(choice);
      else begin(choice);
    },
    pending,
    confirm: () => {
      if (pending) begin(pending);
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}

function ExerciseList({
  title,
  exercises,
  source,
  onChoose,
}: {
  title: string;
  exercises: readonly Exercise[];
  source: ExerciseSource;
  onChoose: (choice: Choice) => void;
}) {
  const completed = useExerciseProgress((s) => s.completed);
  // A trainer's class (issue 16 item 8) of a built-in exercise: learners join by a link.
  const store = useDesignerStore();
  if (exercises.length === 0) return null;
  const headingId = `exercises-${source}`;
  return (
    <section className="exercises__group" aria-labelledby={headingId}>
      <h3 id={headingId} className="exercises__group-title">
        {title}
      </h3>
      <ol className="exercises__list">
        {exercises.map((exercise) => {
          const done = completed.has(exerciseKey(source, exercise));
          const summaryId = `exercise-summary-${source}-${exercise.id}`;
          return (
            <li key={exercise.id} className={`exercises__item${done ? ' is-done' : ''}`}>
              <button
                type="button"
                className="exercises__choose"
                aria-describedby={summaryId}
                onClick={() => onChoose({ exercise, source })}
              >
                {exercise.title}
              </button>
              <p id={summaryId} className="exercises__summary">
                {exercise.summary}{' '}
                <span className="exercises__meta">
                  {counted(exercise.goals.length, 'goal')}
                  {done ? ' · completed' : ''}
                </span>
              </p>
              <button
                type="button"
                className="exercises__class"
                aria-label={`Start a class with “${exercise.title}”`}
                onClick={() =>
                  store.getState().openDialog({
                    kind: 'class',
                    exerciseId: exercise.id,
                    // A trainer's own file travels in the class room; a built-in one by its id.
                    ...(source === 'file' ? { exerciseFile: serializeExercise(exercise) } : {}),
                  })
                }
              >
                Start a class
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "Load exercise file…": a trainer's `*.wfm-exercise.json`; a refusal is shown here and changes nothing. */
function LoadExerciseFile() {
  const store = useDesignerStore();
  const input = useRef<HTMLInputElement>(null);
  const refusal = useExerciseProgress((s) => s.loadRefusal);
  const refusalBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) refusalBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [refusal]);
  const load = async (file: File) => {
    const result =
      file.size > MAX_EXERCISE_BYTES
        ? ({ ok: false, error: exerciseTooLarge() } as const)
        : parseExercise(await file.text());
    if (!result.ok) {
      setLoadRefusal(store, { fileName: file.name, error: result.error });
      store
        .getState()
        .notify(`The exercise file “${file.name}” was refused. Nothing was changed.`, 'refusal');
      return;
    }
    addLoadedExercise(store, result.exercise);
    store
      .getState()
      .notify(
        `Loaded the exercise “${result.exercise.title}”: choose it under “From files” to start.`,
        'success',
      );
  };
  return (
    <div className="exercises__load">
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Load exercise file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-label="Exercise file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void load(file);
        }}
      />
      <p className="exercises__note">
        A trainer's <code>.wfm-exercise.json</code> file: see “Writing exercises” in the README.
      </p>
      {refusal && (
        <div ref={refusalBox} className="exercises__refusal" role="alert">
          <p className="exercises__refusal-title">
            “{refusal.fileName}” was refused: {refusal.error.message}
          </p>
          {refusal.error.issues.length > 0 && (
            <ul className="exercises__issues">
              {keyed(refusal.error.issues.map(formatParseIssue)).map(({ key, text }) => (
                <li key={key}>
                  <code>{text}</code>
                </li>
              ))}
            </ul>
          )}
          <p className="exercises__refusal-note">Nothing was changed.</p>
          <button type="button" className="button" onClick={() => setLoadRefusal(store, null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Exercises for new admins: pick one, and its goals are checked live by the domain while you
 * work. Progress lives beside the designer store (exercises-progress.ts), so closing this panel
 * loses nothing.
 */
export function ExercisesPanel() {
  const active = useExerciseProgress((s) => s.active);
  const loaded = useExerciseProgress((s) => s.loaded);
  const resumeRefusal = useExerciseProgress((s) => s.resumeRefusal);
  const components = useDesigner((s) => s.document.components.length);
  const start = useStartExercise();
  const store = useDesignerStore();
  const [askHandIn, setAskHandIn] = useState(false);
  return (
    <SidePanelFrame title="Exercises">
      <div className="exercises">
        {active ? (
          <ActiveExerciseView
            active={active}
            onRestart={() => start.ask({ exercise: active.exercise, source: active.source, restart: true })}
            onHandIn={() => setAskHandIn(true)}
          />
        ) : (
          <>
            {resumeRefusal && (
              <p className="exercises__resume-refusal" role="note">
                {resumeRefusal}
              </p>
            )}
            <p className="exercises__intro">
              Practise designing WFM deployments. An exercise puts its start deployment on the canvas and
              ticks its goals as you meet them. Your progress is saved with the exercise's document, and at
              the end you can download a result to hand in.
            </p>
            <ExerciseList
              title="Built-in exercises"
              exercises={BUILT_IN_EXERCISES}
              source="built-in"
              onChoose={start.ask}
            />
            <ExerciseList title="From files" exercises={loaded} source="file" onChoose={start.ask} />
            <LoadExerciseFile />
          </>
        )}
      </div>
      {askHandIn && active && (
        <Modal
          title={`Hand in “${active.exercise.title}” now?`}
          onClose={() => setAskHandIn(false)}
          closeLabel="Cancel"
          actions={
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                handIn(store);
                setAskHandIn(false);
              }}
            >
              Hand in
            </button>
          }
        >
          <p>
            The attempt ends with the deployment as it is now, with the goals it meets. You can then download
            your result; nothing you change afterwards counts.
          </p>
        </Modal>
      )}
      {start.pending && (
        <Modal
          title={`${start.pending.restart ? 'Restart' : 'Start'} “${start.pending.exercise.title}”?`}
          onClose={start.cancel}
          actions={
            <button type="button" className="button button--primary" onClick={start.confirm}>
              {start.pending.restart ? 'Restart exercise' : 'Start exercise'}
            </button>
          }
        >
          <p>
            {start.pending.restart
              ? 'Restarting opens the start deployment again in a new document and starts the clock and the hints over. Your attempt so far stays in Open recent.'
              : `The exercise replaces the current deployment (${components} ${components === 1 ? 'component' : 'components'}) with its start deployment. Undo brings your deployment back.`}
          </p>
        </Modal>
      )}
    </SidePanelFrame>
  );
}
