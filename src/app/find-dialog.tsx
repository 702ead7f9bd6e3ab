import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { counted } from '../domain';
import { type FindMatch, findMatches } from '../store/find';
import { useDesigner, useDesignerStore } from '../store/react';
import { Modal } from '../ui/modal';
import { useCommandContext } from './command-context';
import './find-dialog.css';

/** More matches than this are counted, not listed: typing more narrows them. */
const SHOWN = 50;

/** What a match says to a screen reader: its name, what it is, and where it runs. */
function matchName(match: FindMatch): string {
  return `${match.name}, ${match.kindName}${match.hostName ? `, on ${match.hostName}` : ''}`;
}

/** The canvas's element of a node, when React Flow draws it. */
function nodeElement(id: string): HTMLElement | undefined {
  return [...window.document.querySelectorAll<HTMLElement>('.react-flow__node')].find(
    (element) => element.dataset.id === id,
  );
}

/**
 * Find (Ctrl+F or the toolbar's "Find"): a searchbox named "Find" whose matches are the options of
 * a listbox; the arrow keys move among them and Enter (or a click) chooses one, which is selected
 * and framed on the canvas (issue 15 item 5).
 */
export function FindDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const { zoomTo } = useCommandContext();
  const document = useDesigner((s) => s.document);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => findMatches(document, query), [document, query]);
  const shown = matches.slice(0, SHOWN);
  const current = Math.min(active, shown.length - 1);

  const choose = (match: FindMatch | undefined) => {
    if (!match) return;
    onClose();
    const state = store.getState();
    if (match.sort === 'component') state.select({ components: [match.id] });
    else state.select({ layout: [match.id] });
    state.notify(`Found ${match.kindName} '${match.name}'.`);
    // Once the dialog has gone (the canvas behind it is inert): the keyboard on the node, then the
    // view. Focus first: React Flow pans to a focused node out of view, and for a card on a host
    // it pans by the card's position inside the host, as if it were the canvas's.
    requestAnimationFrame(() => {
      nodeElement(match.id)?.focus({ preventScroll: true });
      zoomTo?.([match.id]);
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = shown.length - 1;
    const move: Record<string, number> = {
      ArrowDown: Math.min(last, current + 1),
      ArrowUp: Math.max(0, current - 1),
      Home: 0,
      End: last,
    };
    if (event.key in move && shown.length > 0 && (event.key.startsWith('Arrow') || event.ctrlKey)) {
      event.preventDefault();
      setActive(move[event.key] ?? 0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(shown[current]);
    } else if (event.key === 'Escape') {
      // A search field would clear itself first: Escape closes Find at once, as in other editors.
      event.preventDefault();
      onClose();
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const summary =
    matches.length === 0
      ? 'No component, host or zone matches.'
      : matches.length > SHOWN
        ? `${counted(matches.length, 'match', 'matches')}; the first ${SHOWN} are listed.`
        : counted(matches.length, 'match', 'matches');

  return (
    <Modal title="Find" onClose={onClose} className="find-dialog">
      <input
        type="search"
        className="find-dialog__input"
        aria-label="Find"
        placeholder="Name, host or kind"
        aria-controls={listId}
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="find-dialog__summary" aria-live="polite">
        {summary}
      </p>
      <div id={listId} role="listbox" aria-label="Matches" className="find-dialog__list">
        {shown.map((match, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard chooses from the searchbox (aria-activedescendant)
          <div
            key={match.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === current}
            aria-label={matchName(match)}
            className="find-dialog__option"
            onMouseMove={() => setActive(index)}
            onClick={() => choose(match)}
          >
            <span className="find-dialog__name">{match.name}</span>
            <span className="find-dialog__kind">{match.kindName}</span>
            {match.hostName && <span className="find-dialog__host">on {match.hostName}</span>}
          </div>
        ))}
      </div>
    </Modal>
  );
}
