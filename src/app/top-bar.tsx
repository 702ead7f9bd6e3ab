import { MAX_DOCUMENT_NAME_LENGTH } from '../document';
import { DEFAULT_RULESET, RULESET_IDS, rulesetLabel } from '../domain';
import { useTeaching } from '../live/classroom-state';
import { useDesigner, useDesignerStore } from '../store/react';
import { ClassBadge } from './class-badge';
import { CommandButton, CommandCheckbox } from './command-button';
import type { CommandId } from './commands';
import { OPTION_COMMANDS } from './diagram-commands';
import { ExportMenu } from './export-menu';
import { ImportFileInput } from './import-input';
import { LiveStatusBadge } from './live-status';
import { OverflowMenu } from './overflow-menu';
import { useMediaQuery } from './use-media-query';

/**
 * Below this width the top bar's less-used commands move into "More", so the bar stays one row
 * and the canvas keeps its height (decision 028). 1440 px and wider show every button.
 */
export const NARROW_TOP_BAR = '(max-width: 1439px)';
/**
 * A live session's status and a class's badge need room too: below this width, while either is
 * shown, the product's name beside the logo is read by screen readers only (at 1440 px the bar ran
 * 66 px past the window, cutting off Undo and the buttons after it). No command moves.
 */
const CROWDED_IN_SESSION = '(max-width: 1679px)';

/** What "More" holds on a narrow window, in its order: the options, then the document's extras. */
const OVERFLOW: readonly (readonly CommandId[])[] = [
  OPTION_COMMANDS.map((command) => command.id),
  ['open-recent', 'share-link', 'share-live'],
];

/**
 * The document's name, edited in place. Read-only in a view-only live session: typing there would
 * only be refused when the field is left.
 */
function DocumentName() {
  const store = useDesignerStore();
  const name = useDesigner((s) => s.document.name ?? '');
  const viewOnly = useDesigner((s) => s.live?.readOnly ?? false);
  return (
    <input
      key={name}
      className="top-bar__name"
      aria-label="Document name"
      readOnly={viewOnly}
      defaultValue={name}
      placeholder="Untitled deployment"
      maxLength={MAX_DOCUMENT_NAME_LENGTH}
      onBlur={(event) => {
        if (!viewOnly) store.getState().setName(event.target.value.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          event.currentTarget.value = name;
          event.currentTarget.blur();
        }
      }}
    />
  );
}

function Options() {
  return (
    <fieldset className="top-bar__options">
      <legend className="visually-hidden">Deployment options</legend>
      {OPTION_COMMANDS.map((command) => (
        <CommandCheckbox key={command.id} id={command.id} />
      ))}
    </fieldset>
  );
}

const RULESET_NOTE =
  'The WFM release the design is for. 8.5.0 and 8.5.1 differ from 8.5.2 in the WFM Server → Data Aggregator ' +
  'cell and in WFM Server backups. The 8.5.0 table\'s "Config Utility" row and second Database Utility target ' +
  'are not modelled.';

/**
 * The rule set: a choice, not a command (decision 018 lists buttons, menu items and toggles), so
 * it is a native select that changes the document as one undo step.
 */
function RulesetSelect() {
  const store = useDesignerStore();
  const ruleset = useDesigner((s) => s.document.ruleset ?? DEFAULT_RULESET);
  // Changes the deployment: disabled in a view-only live session (the store would refuse it).
  const viewOnly = useDesigner((s) => s.live?.readOnly ?? false);
  return (
    <label className="top-bar__ruleset" title={RULESET_NOTE}>
      <span className="top-bar__ruleset-label" aria-hidden="true">
        Rule set
      </span>
      <select
        aria-label="Rule set"
        aria-describedby="ruleset-note"
        value={ruleset}
        disabled={viewOnly}
        onChange={(event) => {
          const chosen = RULESET_IDS.find((id) => id === event.target.value);
          if (chosen) store.getState().setRuleset(chosen);
        }}
      >
        {RULESET_IDS.map((id) => (
          <option key={id} value={id}>
            {rulesetLabel(id)}
          </option>
        ))}
      </select>
      <span id="ruleset-note" className="visually-hidden">
        {RULESET_NOTE}
      </span>
    </label>
  );
}

/** Document name, options, history and file commands, in one row at any width from 1280 px. */
export function TopBar() {
  const narrow = useMediaQuery(NARROW_TOP_BAR);
  const crowded = useMediaQuery(CROWDED_IN_SESSION);
  const live = useDesigner((s) => s.live !== null);
  const teaching = useTeaching() !== null;
  const quietBrand = crowded && (live || teaching);
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="6" fill="#1d4ed8" />
          <circle cx="16" cy="10" r="4" fill="#fff" />
          <circle cx="8" cy="23" r="3.5" fill="#fff" />
          <circle cx="24" cy="23" r="3.5" fill="#fff" />
          <path d="M16 14 8 20M16 14l8 6" stroke="#fff" strokeWidth="2" />
        </svg>
        <h1 className={quietBrand ? 'visually-hidden' : undefined}>WFM Topology Designer</h1>
      </div>
      <DocumentName />
      <RulesetSelect />
      {!narrow && <Options />}
      <ClassBadge />
      <div className="top-bar__actions" role="toolbar" aria-label="Document">
        <CommandButton id="new" />
        {!narrow && <CommandButton id="open-recent" />}
        <CommandButton id="import" />
        <ImportFileInput />
        <ExportMenu />
        {narrow ? <OverflowMenu groups={OVERFLOW} /> : <CommandButton id="share-link" />}
        {!narrow && <CommandButton id="share-live" />}
        <LiveStatusBadge />
        <span className="top-bar__divider" aria-hidden="true" />
        <CommandButton id="undo" />
        <CommandButton id="redo" />
        <CommandButton id="theme" />
        <CommandButton id="shortcuts" />
      </div>
    </header>
  );
}
