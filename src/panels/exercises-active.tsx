import { useEffect, useId, useRef } from 'react';
import { evaluateGoals } from '../domain';
import { useDesigner, useDesignerStore } from '../store/react';
import { type ActiveExercise, type Finish, leaveExercise, showHint } from './exercises-progress';

/** "2 min 05 s", "45 s", "1 h 02 min": how long an exercise took, in words a trainer reads aloud. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Stable React keys for paragraphs of a file, which may repeat a sentence: `2:Try again.` for the second. */
export function keyed(texts: readonly string[]): { key: string; text: string }[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return { key: `${count}:${text}`, text };
  });
}

/** Which goals are met now, as a string of 0s and 1s so the panel re-renders only when one flips. */
function useGoalsMet(active: ActiveExercise): boolean[] {
  const key = useDesigner((s) =>
    evaluateGoals(s.document, active.exercise.goals)
      .map((result) => (result.met ? '1' : '0'))
      .join(''),
  );
  return [...key].map((flag) => flag === '1');
}

function Summary({ active, finish }: { active: ActiveExercise; finish: Finish }) {
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const { exercise } = active;
  const hints = exercise.hints?.length ?? 0;
  const learned = exercise.learned ?? exercise.goals.map((goal) => goal.text);
  return (
    <section ref={ref} className="exercise__summary" aria-labelledby={headingId}>
      <h4 id={headingId} className="exercise__summary-title">
        <span className="exercise__summary-badge" aria-hidden="true">
          ✓
        </span>
        Exercise complete
      </h4>
      <p>
        Well done: you met all {exercise.goals.length} goals of “{exercise.title}”.
      </p>
      <dl className="exercise__stats">
        <dt>Goals met</dt>
        <dd>
          {exercise.goals.length} of {exercise.goals.length}
        </dd>
        <dt>Time taken</dt>
        <dd>{formatDuration(finish.at - active.startedAt)}</dd>
        <dt>Hints used</dt>
        <dd>
          {finish.hintsShown} of {hints}
        </dd>
        <dt>Steps taken</dt>
        <dd>{finish.steps}</dd>
      </dl>
      <h5 className="exercise__learned-title">What you practised</h5>
      <ul className="exercise__learned">
        {keyed(learned).map(({ key, text }) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

/** The exercise under way: instructions, the goals ticking live, hints on request, the summary. */
export function ActiveExerciseView({ active, onRestart }: { active: ActiveExercise; onRestart: () => void }) {
  const store = useDesignerStore();
  const met = useGoalsMet(active);
  const { exercise } = active;
  const metCount = met.filter(Boolean).length;
  const total = exercise.goals.length;
  const allMet = metCount === total;
  const hints = exercise.hints ?? [];
  const goalsId = useId();
  const hintsId = useId();
  return (
    <article className="exercise">
      <header className="exercise__header">
        <h3 className="exercise__title">{exercise.title}</h3>
        <p className="exercise__lead">{exercise.summary}</p>
      </header>
      <div className="exercise__instructions">
        {keyed(exercise.instructions).map(({ key, text }) => (
          <p key={key}>{text}</p>
        ))}
      </div>

      <section className="exercise__section" aria-labelledby={goalsId}>
        <div className="exercise__section-header">
          <h4 id={goalsId}>Goals</h4>
          <span className="exercise__count">
            {metCount} of {total} met
          </span>
        </div>
        <div className="exercise__bar" aria-hidden="true">
          <span style={{ width: `${(metCount / total) * 100}%` }} />
        </div>
        <ul className="exercise__goals" aria-labelledby={goalsId}>
          {exercise.goals.map((goal, index) => {
            const done = met[index] === true;
            return (
              <li key={goal.id} className={`exercise__goal${done ? ' is-met' : ''}`} data-goal-id={goal.id}>
                <span className="exercise__mark" aria-hidden="true">
                  {done ? '✓' : '○'}
                </span>
                <span className="visually-hidden">{done ? 'Done: ' : 'Not yet: '}</span>
                <span className="exercise__goal-text">{goal.text}</span>
              </li>
            );
          })}
        </ul>
      </section>

      {allMet && active.finish && <Summary active={active} finish={active.finish} />}

      {hints.length > 0 && (
        <section className="exercise__section" aria-labelledby={hintsId}>
          <div className="exercise__section-header">
            <h4 id={hintsId}>Hints</h4>
            <span className="exercise__count">
              {active.hintsShown} of {hints.length} shown
            </span>
          </div>
          {active.hintsShown > 0 && (
            <ol className="exercise__hints">
              {keyed(hints.slice(0, active.hintsShown)).map(({ key, text }) => (
                <li key={key}>{text}</li>
              ))}
            </ol>
          )}
          <button
            type="button"
            className="button"
            onClick={() => showHint(store)}
            disabled={active.hintsShown >= hints.length}
          >
            {active.hintsShown >= hints.length ? 'No more hints' : 'Show a hint'}
          </button>
        </section>
      )}

      <div className="exercise__actions">
        <button type="button" className="button" onClick={onRestart}>
          Restart
        </button>
        <button
          type="button"
          className={`button${allMet ? ' button--primary' : ''}`}
          onClick={() => {
            leaveExercise(store);
            store.getState().notify(`Left the exercise “${exercise.title}”; the deployment stays as it is.`);
          }}
        >
          Leave exercise
        </button>
      </div>
    </article>
  );
}
