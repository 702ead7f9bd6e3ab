import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { registerDraft } from '../store/drafts';

interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  /** Returns an error message to keep the draft and show it, or `null` to accept it. */
  readonly check?: (draft: string) => string | null;
  /** A non-blocking remark shown under the field (e.g. a duplicate name). */
  readonly remark?: string | null;
  readonly onCommit: (draft: string) => void;
  readonly multiline?: boolean;
  readonly inputMode?: 'numeric' | 'text';
  readonly placeholder?: string;
  readonly maxLength?: number;
}

/**
 * A text field whose edit becomes one history step when committed (Enter or leaving the field);
 * Escape puts the stored value back.
 */
export function CommitField({
  label,
  value,
  check,
  remark,
  onCommit,
  multiline = false,
  inputMode = 'text',
  placeholder,
  maxLength,
}: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  const commit = () => {
    if (draft === value) {
      setError(null);
      return;
    }
    const problem = check?.(draft) ?? null;
    setError(problem);
    if (!problem) onCommit(draft);
  };
  // While the draft differs from the document, a page that is hidden or left commits it first, so
  // text typed just before a reload is saved (decision 015).
  const latest = useRef(commit);
  latest.current = commit;
  const dirty = draft !== value;
  useEffect(() => (dirty ? registerDraft(() => latest.current()) : undefined), [dirty]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(value);
      setError(null);
    }
  };
  const describedBy = error || remark ? `${id}-note` : undefined;
  const common = {
    id,
    value: draft,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    placeholder,
    maxLength,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" inputMode={inputMode} {...common} />
      )}
      {(error || remark) && (
        <p id={`${id}-note`} className={error ? 'field__error' : 'field__remark'}>
          {error ?? remark}
        </p>
      )}
    </div>
  );
}
