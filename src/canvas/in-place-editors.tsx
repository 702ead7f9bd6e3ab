import { EdgeLabelRenderer } from '@xyflow/react';
import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { registerDraft } from '../store/drafts';
import { useDesignerStore } from '../store/react';
import { IN_PLACE_LIMITS, noteCommit, pasteOverflows, useInPlaceEditStore } from './in-place-edit';

// The editors that replace a note's text and a connection's label while they are edited on the
// canvas (decision 024). Each keeps its draft to itself and writes it to the document once, when
// committed: one undo step, through the store action the Inspector uses.

type Field = HTMLInputElement | HTMLTextAreaElement;

interface DraftOptions {
  readonly initial: string;
  readonly max: number;
  /** Said when pasted text is cut to `max`. */
  readonly tooLong: string;
  /** Writes the draft to the document, or says why not; a draft equal to the document is a no-op. */
  readonly commit: (draft: string) => void;
  /** The node or edge that takes the keyboard back after the edit ends with a key. */
  readonly owner: (field: Field) => Element | null;
  /** How the browser's field stores pasted line breaks. */
  readonly breaks: 'keep' | 'strip';
}

/**
 * A draft that starts as `initial` with all of it selected, and ends once: committed by the
 * caller's key, by leaving the field (a click elsewhere, Tab) or by unmounting, or cancelled by
 * Escape. Text typed but not committed when the page is hidden is committed first (decision 015).
 */
function useInPlaceDraft<E extends Field>({ initial, max, tooLong, commit, owner, breaks }: DraftOptions) {
  const store = useDesignerStore();
  const edit = useInPlaceEditStore();
  const [draft, setDraft] = useState(initial);
  const [cut, setCut] = useState(false);
  const ref = useRef<E>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const commitLatest = useRef(commit);
  commitLatest.current = commit;
  const done = useRef(false);

  useLayoutEffect(() => {
    const field = ref.current;
    // Without preventScroll, the browser scrolls React Flow's clipped pane to the field.
    field?.focus({ preventScroll: true });
    field?.select();
  }, []);
  // A node scrolled out of a large diagram's view, or deleted, unmounts its editor: keep the text.
  useEffect(
    () => () => {
      if (!done.current) commitLatest.current(latest.current);
    },
    [],
  );
  const dirty = draft !== initial;
  useEffect(() => (dirty ? registerDraft(() => commitLatest.current(latest.current)) : undefined), [dirty]);

  const finish = useCallback(
    (how: 'commit' | 'cancel', refocus: boolean) => {
      if (done.current) return;
      done.current = true;
      if (how === 'commit') commitLatest.current(latest.current);
      const field = ref.current;
      const element = field && refocus ? owner(field) : null;
      if (element instanceof HTMLElement || element instanceof SVGElement)
        element.focus({ preventScroll: true });
      edit.setState({ target: null });
    },
    [edit, owner],
  );

  const field = {
    ref,
    value: draft,
    maxLength: max,
    className: 'nodrag nopan',
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: (event: FocusEvent<E>) => {
      // The window lost the focus (another application, another tab): the edit goes on.
      if (window.document.activeElement === event.currentTarget) return;
      finish('commit', false);
    },
    onPaste: (event: ClipboardEvent<E>) => {
      const target = event.currentTarget;
      const raw = event.clipboardData.getData('text/plain');
      const pasted = breaks === 'keep' ? raw.replace(/\r\n?/g, '\n') : raw.replace(/[\r\n]/g, '');
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? start;
      if (!pasteOverflows(target.value, start, end, pasted, max)) return;
      setCut(true);
      store.getState().notify(tooLong, 'refusal');
    },
  };
  return { field, finish, cut };
}

/** True while an input method composes a character: its Enter and Escape belong to it. */
function isComposing(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

const noteOwner = (field: Field) => field.closest('.react-flow__node');

/** A note's text as a textarea on the note: Ctrl/Cmd+Enter or a click elsewhere keeps it, Escape drops it. */
export function NoteTextEditor({ id, text }: { id: string; text: string }) {
  const store = useDesignerStore();
  const hint = useId();
  const commit = useCallback(
    (draft: string) => {
      const state = store.getState();
      const current = state.document.annotations?.find((a) => a.id === id)?.text;
      const outcome = noteCommit(draft, current);
      if (outcome === 'update') state.updateNote(id, draft);
      else if (outcome === 'empty')
        state.notify(
          'A note needs some text, so it keeps its text. To remove the note, press Delete.',
          'refusal',
        );
    },
    [store, id],
  );
  const { field, finish, cut } = useInPlaceDraft<HTMLTextAreaElement>({
    initial: text,
    max: IN_PLACE_LIMITS.note,
    tooLong: `A note has at most ${IN_PLACE_LIMITS.note.toLocaleString('en')} characters: the pasted text was cut to fit.`,
    commit,
    owner: noteOwner,
    breaks: 'keep',
  });
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // No canvas shortcut may see a key typed into the text (Delete, Ctrl+D, arrows, Escape…).
    event.stopPropagation();
    if (isComposing(event)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      finish('cancel', true);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish('commit', true);
    }
  };
  // A press on the note's margin keeps the focus in the text rather than ending the edit.
  const keepFocus = (event: MouseEvent) => {
    if (!(event.target instanceof HTMLTextAreaElement)) event.preventDefault();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the textarea focused; the textarea is the control
    <div className="note-box is-selected is-editing nodrag" data-draft={field.value} onMouseDown={keepFocus}>
      <textarea
        {...field}
        aria-label="Note text"
        aria-describedby={hint}
        rows={1}
        cols={1}
        spellCheck
        onKeyDown={onKeyDown}
      />
      <p id={hint} className={`in-place-hint${cut ? ' is-cut' : ''}`}>
        {cut
          ? `At most ${IN_PLACE_LIMITS.note.toLocaleString('en')} characters: the pasted text was cut.`
          : 'Ctrl+Enter to save · Esc to cancel'}
      </p>
    </div>
  );
}

/** A connection's label as an input at the label's place: Enter or a click elsewhere keeps it, Escape drops it. */
export function LabelEditor({
  id,
  x,
  y,
  label,
  placeholder,
}: {
  id: string;
  x: number;
  y: number;
  label: string;
  placeholder: string;
}) {
  const store = useDesignerStore();
  const hint = useId();
  const commit = useCallback(
    (draft: string) => {
      const state = store.getState();
      const current = state.document.connections.find((c) => c.id === id);
      // An empty label removes it; the store trims, and does nothing when nothing changes.
      if (current && (current.label ?? '') !== draft.trim()) state.setConnectionLabel(id, draft);
    },
    [store, id],
  );
  const owner = useCallback(
    (field: Field) =>
      field.closest('.react-flow')?.querySelector(`.react-flow__edge[data-id="${CSS.escape(id)}"]`) ?? null,
    [id],
  );
  const { field, finish, cut } = useInPlaceDraft<HTMLInputElement>({
    initial: label,
    max: IN_PLACE_LIMITS.label,
    tooLong: `A connection label has at most ${IN_PLACE_LIMITS.label} characters: the pasted text was cut to fit.`,
    commit,
    owner,
    breaks: 'strip',
  });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // No canvas shortcut may see a key typed into the label; nor may React Flow's edge, which the
    // portal's events still reach, read Escape as "unselect".
    event.stopPropagation();
    if (isComposing(event)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      finish('cancel', true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      finish('commit', true);
    }
  };
  const width = Math.min(Math.max(field.value.length, placeholder.length, 8) + 2, 42);
  return (
    <EdgeLabelRenderer>
      <div
        className="label-editor nodrag nopan"
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      >
        <input
          {...field}
          type="text"
          aria-label="Connection label"
          aria-describedby={hint}
          placeholder={placeholder}
          spellCheck={false}
          style={{ width: `${width}ch` }}
          onKeyDown={onKeyDown}
        />
        {/* Enter and Escape are what a one-line field is expected to do: said to screen readers only. */}
        <p id={hint} className={cut ? 'in-place-hint is-cut' : 'visually-hidden'}>
          {cut
            ? `At most ${IN_PLACE_LIMITS.label} characters: the pasted text was cut.`
            : 'Enter saves, Escape cancels; an empty label is removed.'}
        </p>
      </div>
    </EdgeLabelRenderer>
  );
}
