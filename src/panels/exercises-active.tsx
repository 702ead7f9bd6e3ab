import { useEffect, useId, useRef, useState } from 'react';
import { createResultFile, exerciseScore, type ResultFile, type TopologyDocument } from '../document';
import { counted, evaluateGoals } from '../domain';
import { useDesigner, useDesignerStore } from '../store/react';
import type { DesignerStore } from '../store/store';
import {
  type ActiveExercise,
  attemptEnded,
  checkWork,
  deadlineOf,
  leaveExercise,
  showHint,
} from './exercises-progress';
import { summaryPage } from './exercises-summary-page';

/** "2 min 05 s", "45 s", "1 h 02 min": how long an exercise took, in words a trainer reads aloud. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "14:05", "1:02:09": a countdown as a clock shows it. */
function formatClock(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
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

/** The record of an ended attempt and the document it hands in. */
function resultOf(active: ActiveExercise, current: TopologyDocument): string | null {
  if (active.ended) {
    return createResultFile(active.exercise, active.ended.document, {
      outcome: active.ended.outcome,
      startedAt: active.startedAt,
      endedAt: active.ended.at,
      hintsUsed: active.hintsShown,
      steps: active.steps,
      checks: active.checks,
    });
  }
  if (!active.finish) return null;
  return createResultFile(active.exercise, current, {
    outcome: 'completed',
    startedAt: active.startedAt,
    endedAt: active.finish.at,
    hintsUsed: active.finish.hintsShown,
    steps: active.finish.steps,
    checks: active.checks,
  });
}

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Download result" (the JSON a trainer grades) and its printable one-page summary. */
function ResultDownloads({ active, store }: { active: ActiveExercise; store: DesignerStore }) {
  const make = () => resultOf(active, store.getState().document);
  return (
    <div className="exercise__downloads">
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          const text = make();
          if (!text) return;
          download(text, `${active.exercise.id}.result.json`, 'application/json');
          store
            .getState()
            .notify(
              `Downloaded the result of “${active.exercise.title}”: hand in ${active.exercise.id}.result.json.`,
              'success',
            );
        }}
      >
        Download result
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          const text = make();
          if (!text) return;
          const record = JSON.parse(text) as ResultFile;
          download(summaryPage(record), `${active.exercise.id}.summary.html`, 'text/html');
        }}
      >
        Download printable summary
      </button>
    </div>
  );
}

function Stats({
  active,
  seconds,
  hintsShown,
  steps,
  goalsMet,
}: {
  active: ActiveExercise;
  seconds: number;
  hintsShown: number;
  steps: number;
  goalsMet: number;
}) {
  const { exercise } = active;
  const hints = exercise.hints?.length ?? 0;
  const penalty = exercise.hintPenalty ?? 0;
  const total = exercise.goals.length;
  const score = exerciseScore({ met: goalsMet, total, hints: hintsShown, penalty });
  return (
    <dl className="exercise__stats">
      <dt>Goals met</dt>
      <dd>
        {goalsMet} of {total}
      </dd>
      <dt>Score</dt>
      <dd>{score} of 100</dd>
      <dt>Time taken</dt>
      <dd>{formatDuration(seconds * 1000)}</dd>
      <dt>Hints used</dt>
      <dd>
        {hintsShown} of {hints}
      </dd>
      <dt>Steps taken</dt>
      <dd>{steps}</dd>
    </dl>
  );
}

function useScrolledIntoView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return ref;
}

function Summary({ active }: { active: ActiveExercise }) {
  const headingId = useId();
  const store = useDesignerStore();
  const ref = useScrolledIntoView<HTMLElement>();
  const { exercise } = active;
  const finish = active.finish;
  if (!finish) return null;
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
        Well done: you met {exercise.goals.length === 1 ? 'the goal' : `all ${exercise.goals.length} goals`}{' '}
        of “{exercise.title}”.
      </p>
      <Stats
        active={active}
        seconds={Math.round((finish.at - active.startedAt) / 1000)}
        hintsShown={finish.hintsShown}
        steps={finish.steps}
        goalsMet={exercise.goals.length}
      />
      <ResultDownloads active={active} store={store} />
      <h5 className="exercise__learned-title">What you practised</h5>
      <ul className="exercise__learned">
        {keyed(learned).map(({ key, text }) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

/** The attempt the time limit ended, or the learner handed in: what it reached, and the downloads. */
function Ended({ active, ended }: { active: ActiveExercise; ended: NonNullable<ActiveExercise['ended']> }) {
  const headingId = useId();
  const store = useDesignerStore();
  const ref = useScrolledIntoView<HTMLElement>();
  const met = evaluateGoals(ended.document, active.exercise.goals).filter((r) => r.met).length;
  const timeUp = ended.outcome === 'time-up';
  return (
    <section ref={ref} className="exercise__summary exercise__summary--time-up" aria-labelledby={headingId}>
      <h4 id={headingId} className="exercise__summary-title">
        <span className="exercise__summary-badge" aria-hidden="true">
          !
        </span>
        {timeUp ? 'Time is up' : 'Handed in'}
      </h4>
      <p>
        {timeUp ? 'The time limit ended the attempt' : 'You handed in the attempt'}: the deployment as it was
        then is your result. You may go on editing, but it no longer counts.
      </p>
      <Stats
        active={active}
        seconds={Math.round((ended.at - active.startedAt) / 1000)}
        hintsShown={active.hintsShown}
        steps={active.steps}
        goalsMet={met}
      />
      <ResultDownloads active={active} store={store} />
    </section>
  );
}

/** The time left, once a second, until the limit; `null` without a limit or once the attempt ended. */
function useTimeLeft(active: ActiveExercise): number | null {
  const deadline = attemptEnded(active) ? null : deadlineOf(active);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === null ? null : Math.max(0, deadline - now);
}

/** The trainer's rules of this exercise, in one line: what is off, what costs points, how long. */
function rulesOf(active: ActiveExercise): string[] {
  const { exercise } = active;
  const rules: string[] = [];
  if (exercise.quickFixes === false) rules.push('Quick fixes are off');
  if ((exercise.hintPenalty ?? 0) > 0)
    rules.push(`Each hint costs ${counted(exercise.hintPenalty ?? 0, 'point')} of 100`);
  if (exercise.timeLimit !== undefined) rules.push(`Time limit ${formatDuration(exercise.timeLimit * 1000)}`);
  if (exercise.liveGoals === false) rules.push('Goals are marked when you check your work');
  return rules;
}

/** The exercise under way: instructions, the goals (live or at each check), hints, the end. */
export function ActiveExerciseView({
  active,
  onRestart,
  onHandIn,
}: {
  active: ActiveExercise;
  onRestart: () => void;
  /** Asks before handing in: the attempt ends and cannot be taken up again. */
  onHandIn: () => void;
}) {
  const store = useDesignerStore();
  const liveMet = useGoalsMet(active);
  const { exercise } = active;
  const live = exercise.liveGoals !== false;
  const checked = active.lastCheck?.met ?? null;
  const marks: (boolean | null)[] = live ? liveMet : exercise.goals.map((_, i) => checked?.[i] ?? null);
  const metCount = marks.filter((m) => m === true).length;
  const total = exercise.goals.length;
  const allMet = metCount === total;
  const ended = attemptEnded(active);
  const hints = exercise.hints ?? [];
  const goalsId = useId();
  const hintsId = useId();
  const timeLeft = useTimeLeft(active);
  const rules = rulesOf(active);
  const [checkMessage, setCheckMessage] = useState('');
  return (
    <article className="exercise">
      <header className="exercise__header">
        <h3 className="exercise__title">{exercise.title}</h3>
        <p className="exercise__lead">{exercise.summary}</p>
        {rules.length > 0 && <p className="exercise__rules">{rules.join(' · ')}</p>}
      </header>
      {/* Outside the header, so it stays in sight (sticky) while the panel scrolls. */}
      {timeLeft !== null && (
        <p className="exercise__timer">
          Time left{' '}
          <span role="timer" aria-label="Time left" className="exercise__clock">
            {formatClock(timeLeft)}
          </span>
        </p>
      )}
      <div className="exercise__instructions">
        {keyed(exercise.instructions).map(({ key, text }) => (
          <p key={key}>{text}</p>
        ))}
      </div>

      <section className="exercise__section" aria-labelledby={goalsId}>
        <div className="exercise__section-header">
          <h4 id={goalsId}>Goals</h4>
          <span className="exercise__count">
            {live || checked ? `${metCount} of ${total} met` : 'Not checked yet'}
          </span>
        </div>
        <div className="exercise__bar" aria-hidden="true">
          <span style={{ width: `${(metCount / total) * 100}%` }} />
        </div>
        <ul className="exercise__goals" aria-labelledby={goalsId}>
          {exercise.goals.map((goal, index) => {
            const mark = marks[index] ?? null;
            return (
              <li
                key={goal.id}
                className={`exercise__goal${mark === true ? ' is-met' : mark === null ? ' is-unchecked' : ''}`}
                data-goal-id={goal.id}
              >
                <span className="exercise__mark" aria-hidden="true">
                  {mark === true ? '✓' : mark === false ? '○' : '?'}
                </span>
                <span className="visually-hidden">
                  {mark === true ? 'Done: ' : mark === false ? 'Not yet: ' : 'Not checked: '}
                </span>
                <span className="exercise__goal-text">{goal.text}</span>
              </li>
            );
          })}
        </ul>
        {!active.ended && (
          <div className="exercise__check">
            <button
              type="button"
              className="button"
              onClick={() => {
                const result = checkWork(store);
                if (result)
                  setCheckMessage(
                    `Checked: ${result.met} of ${counted(result.total, 'goal')} met${result.met === result.total ? '.' : '. Keep going.'}`,
                  );
              }}
            >
              Check my work
            </button>
            {/* Announced politely, without role="status": the status line is the page's one status. */}
            <p className="exercise__check-result" aria-live="polite">
              {checkMessage}
            </p>
          </div>
        )}
      </section>

      {active.ended ? (
        <Ended active={active} ended={active.ended} />
      ) : (
        allMet && active.finish && <Summary active={active} />
      )}

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
            disabled={ended || active.hintsShown >= hints.length}
          >
            {active.hintsShown >= hints.length
              ? 'No more hints'
              : (exercise.hintPenalty ?? 0) > 0
                ? `Show a hint (−${counted(exercise.hintPenalty ?? 0, 'point')})`
                : 'Show a hint'}
          </button>
        </section>
      )}

      <div className="exercise__actions">
        {!ended && (
          <button type="button" className="button" onClick={onHandIn}>
            Hand in now
          </button>
        )}
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
