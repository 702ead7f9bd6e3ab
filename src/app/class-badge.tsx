import { useTeaching } from '../live/classroom-state';
import { useDesignerStore } from '../store/react';

// While this page teaches a class (issue 16 item 8), the top bar has a way back to its dashboard:
// the trainer opens a learner's deployment to help, then returns to the whole class.

/** "Class dashboard", or nothing when no class is taught. */
export function ClassBadge() {
  const teaching = useTeaching();
  const store = useDesignerStore();
  if (!teaching) return null;
  const count = teaching.learners.length;
  return (
    <button
      type="button"
      className="live-status"
      aria-label={`Class dashboard: ${count} ${count === 1 ? 'learner' : 'learners'}`}
      onClick={() => store.getState().openDialog({ kind: 'class' })}
    >
      <span aria-hidden="true">Class · {count}</span>
    </button>
  );
}
