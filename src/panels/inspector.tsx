import { useEffect, useRef } from 'react';
import {
  type DocumentComponent,
  type DocumentConnection,
  MAX_COMPONENT_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PORT,
  MIN_PORT,
} from '../document';
import { MAX_CONNECTION_LABEL_LENGTH } from '../document/limits';
import {
  describeComponent,
  displayName,
  isContextKind,
  isSourceKind,
  kindInfo,
  MARKS,
  markSymbol,
  matrixCell,
  SECURITY_LEVELS,
  type Security,
} from '../domain';
import { useDesigner, useDesignerStore } from '../store/react';
import { CommitField } from '../ui/commit-field';
import { KindIcon } from '../ui/kind-icon';
import { HaFields, HostPicker } from './component-host-fields';
import { HostInspector, NoteInspector, ZoneInspector } from './layout-inspectors';
import { RuleCard } from './rule-card';

const SECURITY_LABEL: { readonly [S in Security]: string } = {
  none: 'None',
  tls: 'TLS',
  'mutual-tls': 'Mutual TLS',
};

const PORT_RULE = `The port is a whole number from ${MIN_PORT} to ${MAX_PORT}.`;

function checkPort(draft: string): string | null {
  if (draft.trim() === '') return null;
  if (!/^\d+$/.test(draft.trim())) return PORT_RULE;
  const port = Number(draft);
  return port >= MIN_PORT && port <= MAX_PORT ? null : PORT_RULE;
}

function checkName(draft: string): string | null {
  const trimmed = draft.trim();
  if (trimmed.length === 0) return 'A name is required: Genesys Application objects are found by name.';
  return trimmed.length > MAX_COMPONENT_NAME_LENGTH
    ? `A name has at most ${MAX_COMPONENT_NAME_LENGTH} characters.`
    : null;
}

function ComponentInspector({ component }: { component: DocumentComponent }) {
  const store = useDesignerStore();
  const duplicateOf = useDesigner((s) =>
    s.document.components.find(
      (c) => c.id !== component.id && c.name.trim().toLowerCase() === component.name.trim().toLowerCase(),
    ),
  );
  const info = kindInfo(component.kind);
  const update = store.getState().updateComponent;
  return (
    <>
      <header className="inspector__header" style={{ '--kind-color': info.color } as React.CSSProperties}>
        <span className="inspector__icon">
          <KindIcon kind={component.kind} />
        </span>
        <div>
          <div className="inspector__kind">{info.displayName}</div>
          <p className="inspector__role">{info.role}</p>
        </div>
      </header>
      <CommitField
        label="Name"
        value={component.name}
        check={checkName}
        maxLength={MAX_COMPONENT_NAME_LENGTH}
        remark={
          duplicateOf
            ? `Another component is also named '${duplicateOf.name}': Application names must be unique.`
            : null
        }
        onCommit={(name) => update(component.id, { name: name.trim() })}
      />
      <HostPicker component={component} />
      <CommitField
        label="Port"
        value={component.port === undefined ? '' : String(component.port)}
        inputMode="numeric"
        placeholder={`${MIN_PORT}–${MAX_PORT}`}
        check={checkPort}
        onCommit={(port) => update(component.id, { port: port.trim() ? Number(port) : undefined })}
      />
      {info.rules.etl && (
        <div className="field field--checkbox">
          <input
            id="inspector-etl"
            type="checkbox"
            checked={component.etl === true}
            onChange={(event) => update(component.id, { etl: event.target.checked || undefined })}
          />
          <label htmlFor="inspector-etl">ETL server (at most one per deployment)</label>
        </div>
      )}
      {info.rules.tls === 'security-guide' && (
        <div className="field field--checkbox">
          <input
            id="inspector-mutual-auth"
            type="checkbox"
            checked={component.mutualAuth === true}
            onChange={(event) => update(component.id, { mutualAuth: event.target.checked || undefined })}
          />
          <label htmlFor="inspector-mutual-auth">Mutual TLS authentication</label>
        </div>
      )}
      <HaFields component={component} />
      <CommitField
        label="Notes"
        value={component.notes ?? ''}
        multiline
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(notes) => update(component.id, { notes: notes || undefined })}
      />
      <button
        type="button"
        className="button button--primary inspector__connect"
        onClick={() => store.getState().openDialog({ kind: 'connect-to', fromId: component.id })}
        disabled={!isSourceKind(component.kind) && !isContextKind(component.kind)}
        title="List the components this one may connect to (C)"
      >
        Connect to…
      </button>
      <RuleCard component={component} />
    </>
  );
}

function ConnectionInspector({ connection }: { connection: DocumentConnection }) {
  const store = useDesignerStore();
  const from = useDesigner((s) => s.document.components.find((c) => c.id === connection.from));
  const to = useDesigner((s) => s.document.components.find((c) => c.id === connection.to));
  if (!from || !to) return null;
  const cell = matrixCell(from.kind, to.kind);
  return (
    <>
      <header className="inspector__header">
        <div>
          <div className="inspector__kind">Connection</div>
          <p className="inspector__role">Listed on the Connections tab of {describeComponent(from)}.</p>
        </div>
      </header>
      <dl className="inspector__facts">
        <dt>From</dt>
        <dd>{describeComponent(from)}</dd>
        <dt>To</dt>
        <dd>{describeComponent(to)}</dd>
        <dt>Rule</dt>
        <dd>
          {cell ? (
            <>
              {displayName(from.kind)} → {displayName(to.kind)}: <code>{markSymbol(cell.mark)}</code>{' '}
              {MARKS[cell.mark].legend}.{cell.note && <span className="rule-card__note">{cell.note}</span>}
            </>
          ) : (
            'None: the component connections matrix has no such connection.'
          )}
        </dd>
      </dl>
      <div className="field">
        <label htmlFor="inspector-security">Security</label>
        <select
          id="inspector-security"
          value={connection.security ?? 'none'}
          onChange={(event) => {
            const value = SECURITY_LEVELS.find((level) => level === event.target.value);
            if (value) store.getState().setSecurity(connection.id, value);
          }}
        >
          {SECURITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {SECURITY_LABEL[level]}
            </option>
          ))}
        </select>
        {kindInfo(from.kind).rules.tls === 'servlet-container' &&
          (connection.security ?? 'none') !== 'none' && (
            <p className="field__remark">
              {displayName(from.kind)} does not follow the Genesys Security Deployment Guide: its TLS is set
              up in the servlet container and the Java keystore.
            </p>
          )}
      </div>
      <CommitField
        label="Label"
        value={connection.label ?? ''}
        placeholder="What it carries, e.g. stats"
        maxLength={MAX_CONNECTION_LABEL_LENGTH}
        onCommit={(label) => store.getState().setConnectionLabel(connection.id, label)}
      />
    </>
  );
}

/** Properties of the selection: one component, connection, host, zone or note, or a summary. */
export function Inspector() {
  const selection = useDesigner((s) => s.selection);
  const component = useDesigner((s) =>
    s.selection.components.size === 1 && s.selection.connections.size === 0
      ? s.document.components.find((c) => s.selection.components.has(c.id))
      : undefined,
  );
  const connection = useDesigner((s) =>
    s.selection.connections.size === 1 && s.selection.components.size === 0
      ? s.document.connections.find((c) => s.selection.connections.has(c.id))
      : undefined,
  );
  const layoutId = useDesigner((s) =>
    s.selection.components.size || s.selection.connections.size || s.selection.layout?.size !== 1
      ? undefined
      : [...s.selection.layout][0],
  );
  const host = useDesigner((s) => s.document.hosts?.find((h) => h.id === layoutId));
  const zone = useDesigner((s) => s.document.zones?.find((z) => z.id === layoutId));
  const note = useDesigner((s) => s.document.annotations?.find((a) => a.id === layoutId));
  const total = selection.components.size + selection.connections.size + (selection.layout?.size ?? 0);
  const section = useRef<HTMLElement>(null);
  const store = useDesignerStore();
  const focusField = useDesigner((s) => s.focusField);
  // The "Rename" quick fix asks for the Name field once the fields are shown; a double click on a
  // note or a connection asks for its Text or Label when the canvas is too far out to edit it in
  // place (decision 024).
  useEffect(() => {
    if (focusField === null) return;
    const wanted = { name: 'Name', text: 'Text', label: 'Label' }[focusField];
    const label = [...(section.current?.querySelectorAll('label') ?? [])].find(
      (l) => l.textContent === wanted,
    );
    const input = label?.control;
    if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) {
      input.focus();
      input.select();
    }
    store.getState().setFocusField(null);
  }, [focusField, store]);
  return (
    <section ref={section} className="inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      {component ? (
        <ComponentInspector key={component.id} component={component} />
      ) : connection ? (
        <ConnectionInspector key={connection.id} connection={connection} />
      ) : host ? (
        <HostInspector key={host.id} host={host} />
      ) : zone ? (
        <ZoneInspector key={zone.id} zone={zone} />
      ) : note ? (
        <NoteInspector key={note.id} note={note} />
      ) : (
        <p className="inspector__empty">
          {total > 1
            ? `${total} items selected.`
            : 'Select a component or a connection to see its properties and the rules that apply to it, or a host, a zone or a note to edit it.'}
        </p>
      )}
    </section>
  );
}
