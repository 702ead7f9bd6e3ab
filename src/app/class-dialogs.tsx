import { useEffect, useId, useRef, useState } from 'react';
import { MAX_LEARNER_NAME_LENGTH } from '../collab/roster';
import { counted } from '../domain';
import { type LearnerView, useTeaching } from '../live/classroom-state';
import { useDesignerStore } from '../store/react';
import { Modal } from '../ui/modal';
import { classExercise, joinClassCommand, openLearnerCommand, teachCommand } from './class-actions';
import { readSeat, seatKey, seatStorage } from './class-seat';
import './class.css';
import { LinkField } from './link-field';

// A classroom's two dialogs (issue 16 item 8, decision 035): the trainer's dashboard, a grid of the
// learners' canvases with their goals met, and the learner's "Join the class" asking for a name.

function LearnerCard({ learner }: { learner: LearnerView }) {
  const store = useDesignerStore();
  const nameId = useId();
  const goals = `${learner.met} of ${counted(learner.total, 'goal')}`;
  return (
    <li className="class__card" aria-labelledby={nameId}>
      <div className="class__thumb">
        {learner.thumbnail ? (
          <img src={learner.thumbnail} alt={`${learner.name}’s canvas`} />
        ) : (
          <span className="class__thumb-empty">
            {learner.state === 'sealed-wrong'
              ? 'Not a learner of this class'
              : learner.tooLarge
                ? 'Too large to draw'
                : 'Connecting…'}
          </span>
        )}
      </div>
      <p className="class__name" id={nameId}>
        {learner.name}
      </p>
      <p className="class__goals">{learner.state === 'sealed-wrong' ? '—' : `${goals} met`}</p>
      {learner.editKey && (
        <button
          type="button"
          className="button"
          aria-label={`Open ${learner.name}’s canvas`}
          onClick={() => learner.editKey && void openLearnerCommand(store, learner.editKey)}
        >
          Open
        </button>
      )}
    </li>
  );
}

/**
 * The trainer's class: started here for `exerciseId` (with `exerciseFile`, the text of a trainer's
 * own exercise file) when no class is taught yet.
 */
export function ClassDashboard({
  exerciseId,
  exerciseFile,
  onClose,
}: {
  exerciseId?: string;
  exerciseFile?: string;
  onClose: () => void;
}) {
  const store = useDesignerStore();
  const teaching = useTeaching();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (teaching || !exerciseId || started.current) return;
    started.current = true;
    void teachCommand(store, exerciseId, undefined, exerciseFile).then((ok) => setFailed(!ok));
  }, [teaching, exerciseId, exerciseFile, store]);
  const found = teaching
    ? classExercise(teaching.exerciseId, teaching.exerciseFile)
    : classExercise(exerciseId, exerciseFile);
  const title = found ? `Class: ${found.exercise.title}` : 'Class';
  const end = async () => {
    const { endClass } = await import('../live/classroom');
    endClass();
    onClose();
    store
      .getState()
      .notify(
        'The class ended on this page: the learners keep their deployments; the trainer link reopens it.',
        'info',
      );
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      className="class"
      actions={
        teaching && (
          <button type="button" className="button" onClick={() => void end()}>
            End class
          </button>
        )
      }
    >
      {!teaching ? (
        <p role="status">{failed ? 'No class was started: see the message below.' : 'Starting the class…'}</p>
      ) : (
        <>
          {exerciseId && exerciseId !== teaching.exerciseId && (
            <p className="class__hint" role="note">
              This page already teaches this class: end it to start one with another exercise.
            </p>
          )}
          <LinkField
            label="Class link"
            value={teaching.classLink}
            hint="Send it to your learners: each one who opens it gets a deployment of their own with this exercise, and shows up below."
          />
          <LinkField
            label="Trainer link"
            value={teaching.teachLink}
            hint="Yours alone: it reopens this dashboard and opens every learner’s deployment. Never send it."
          />
          <section aria-labelledby="class-learners" className="class__learners">
            <h3 id="class-learners">Learners ({teaching.learners.length})</h3>
            {teaching.learners.length === 0 ? (
              <p className="class__hint">No learner has joined yet.</p>
            ) : (
              <ul className="class__grid" aria-label="Learners’ canvases">
                {[...teaching.learners]
                  .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
                  .map((learner) => (
                    <LearnerCard key={learner.id} learner={learner} />
                  ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Modal>
  );
}

/** A learner opened a class link: a name, then their own deployment of the class's exercise. */
export function ClassJoinDialog({
  link,
  onClose,
}: {
  link: { classKey: string; x: string; y: string };
  onClose: () => void;
}) {
  const store = useDesignerStore();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  // The name this browser joined the class under before, if it did: joining again takes its seat.
  const [earlier, setEarlier] = useState<string | null>(null);
  const { classKey } = link;
  useEffect(() => {
    let open = true;
    void seatKey({ classKey }).then((key) => {
      const seat = readSeat(seatStorage(), key);
      if (!open || !seat) return;
      setEarlier(seat.name);
      setName((typed) => typed || seat.name);
    });
    return () => {
      open = false;
    };
  }, [classKey]);
  const trimmed = name.trim();
  const join = async () => {
    if (!trimmed || busy) return;
    setBusy(true);
    const ok = await joinClassCommand(store, link, trimmed);
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal
      title="Join the class"
      onClose={onClose}
      closeLabel="Cancel"
      actions={
        <button
          type="submit"
          form="class-join"
          className="button button--primary"
          disabled={!trimmed || busy}
        >
          Join class
        </button>
      }
    >
      <form
        id="class-join"
        className="class__join"
        onSubmit={(event) => {
          event.preventDefault();
          void join();
        }}
      >
        <p>
          Your trainer sees your deployment and the goals you meet, and can open it to help. Other learners
          see neither.
        </p>
        {earlier && (
          <p role="note">
            This browser joined this class before, as {earlier}. Joining again starts the exercise afresh, and
            your trainer sees it in place of your earlier deployment, which stays in Open recent.
          </p>
        )}
        <label>
          Your name
          <input
            className="text-box"
            value={name}
            maxLength={MAX_LEARNER_NAME_LENGTH}
            autoComplete="name"
            onChange={(event) => setName(event.target.value.replace(/\p{Cc}/gu, ''))}
          />
        </label>
      </form>
    </Modal>
  );
}
