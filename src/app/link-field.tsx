import { useId } from 'react';
import { useDesignerStore } from '../store/react';
import './link-field.css';

// A link to hand on (issue 16: the live session's Edit and View links, a class's Class and Trainer
// links): a read-only textbox named by its label, a Copy button, and a line saying who to send it to.

/** A read-only link with its Copy button; the hint says who may have it. */
export function LinkField({ label, value, hint }: { label: string; value: string; hint: string }) {
  const store = useDesignerStore();
  const hintId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      store.getState().notify(`${label} copied to the clipboard.`, 'success');
    } catch {
      store
        .getState()
        .notify(
          `The clipboard could not be reached: select the ${label.toLowerCase()} and copy it.`,
          'refusal',
        );
    }
  };
  return (
    <div className="link-field">
      <span className="link-field__label" aria-hidden="true">
        {label}
      </span>
      <span className="link-field__row">
        <input
          className="text-box"
          readOnly
          aria-label={label}
          value={value}
          aria-describedby={hintId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button"
          onClick={copy}
          aria-label={`Copy the ${label.toLowerCase()}`}
        >
          Copy
        </button>
      </span>
      <p id={hintId} className="link-field__hint">
        {hint}
      </p>
    </div>
  );
}
