import { useRef } from 'react';
import { createEmptyDocument, MAX_DOCUMENT_NAME_LENGTH } from '../document';
import { OPTION_CATALOG, resolveOptions } from '../domain';
import { importUserFile } from '../store/import-actions';
import { useDesigner, useDesignerStore } from '../store/react';
import type { ThemePreference } from '../store/store';
import { copyShareLink } from './document-actions';
import { ExportMenu } from './export-menu';

const NEXT_THEME: { readonly [T in ThemePreference]: ThemePreference } = {
  system: 'dark',
  dark: 'light',
  light: 'system',
};
const THEME_LABEL: { readonly [T in ThemePreference]: string } = {
  system: 'Theme: system',
  dark: 'Theme: dark',
  light: 'Theme: light',
};
const THEME_ICON: { readonly [T in ThemePreference]: string } = { system: '◐', dark: '☾', light: '☀' };

function DocumentName() {
  const store = useDesignerStore();
  const name = useDesigner((s) => s.document.name ?? '');
  return (
    <input
      key={name}
      className="top-bar__name"
      aria-label="Document name"
      defaultValue={name}
      placeholder="Untitled deployment"
      maxLength={MAX_DOCUMENT_NAME_LENGTH}
      onBlur={(event) => store.getState().setName(event.target.value.trim())}
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
  const store = useDesignerStore();
  const options = resolveOptions(useDesigner((s) => s.document.options));
  return (
    <fieldset className="top-bar__options">
      <legend className="visually-hidden">Deployment options</legend>
      {OPTION_CATALOG.map((option) => (
        <label key={option.key} title={option.description}>
          <input
            type="checkbox"
            checked={options[option.key]}
            onChange={(event) => store.getState().setOption(option.key, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** "Import" opens the file picker: JSON, or an SVG or PNG this product exported. */
function ImportButton() {
  const store = useDesignerStore();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.svg,.png,application/json,image/svg+xml,image/png"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importUserFile(store, file);
        }}
      />
    </>
  );
}

/** Document name, options, history and file commands. */
export function TopBar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const store = useDesignerStore();
  const canUndo = useDesigner((s) => s.history.past.length > 0);
  const canRedo = useDesigner((s) => s.history.future.length > 0);
  const theme = useDesigner((s) => s.theme);
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
        <h1>WFM Topology Designer</h1>
      </div>
      <DocumentName />
      <Options />
      <div className="top-bar__actions" role="toolbar" aria-label="Document">
        <button
          type="button"
          className="button"
          onClick={() =>
            store.getState().openNewDocument(createEmptyDocument(), 'new', 'Started a new deployment.')
          }
        >
          New
        </button>
        <button
          type="button"
          className="button"
          onClick={() => store.getState().openDialog({ kind: 'open-recent' })}
          title="The deployments saved in this browser"
        >
          Open recent
        </button>
        <ImportButton />
        <ExportMenu />
        <button
          type="button"
          className="button"
          onClick={() => void copyShareLink(store)}
          aria-label="Copy share link"
          title="Copy a link that carries this deployment"
        >
          Share link
        </button>
        <span className="top-bar__divider" aria-hidden="true" />
        <button
          type="button"
          className="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <button
          type="button"
          onClick={() => store.getState().setTheme(NEXT_THEME[theme])}
          className="button button--icon"
          aria-label={THEME_LABEL[theme]}
          title={`${THEME_LABEL[theme]} (click to switch)`}
        >
          <span aria-hidden="true">{THEME_ICON[theme]}</span>
        </button>
        <button
          type="button"
          className="button button--icon"
          onClick={onShowShortcuts}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </div>
    </header>
  );
}
