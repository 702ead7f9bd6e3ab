import { useId } from 'react';
import { MAX_COMPONENT_NAME_LENGTH, MAX_NOTES_LENGTH, MAX_PORT } from '../document';
import { MAX_ADDRESS_LENGTH, MAX_ANNOTATION_TEXT_LENGTH, MIN_LCA_PORT } from '../document/limits';
import type { DocumentAnnotation, DocumentHost, DocumentZone } from '../document/schema';
import { DEFAULT_LCA_PORT } from '../domain';
import { useDesigner, useDesignerStore } from '../store/react';
import { CommitField } from '../ui/commit-field';

// The Inspector of a host, a zone and a note (decision 023).

const LCA_PORT_RULE = `The LCA port is a whole number from ${MIN_LCA_PORT} to ${MAX_PORT}.`;

function checkLcaPort(draft: string): string | null {
  if (draft.trim() === '') return null;
  if (!/^\d+$/.test(draft.trim())) return LCA_PORT_RULE;
  const port = Number(draft);
  return port >= MIN_LCA_PORT && port <= MAX_PORT ? null : LCA_PORT_RULE;
}

function checkName(what: string) {
  return (draft: string): string | null => {
    const trimmed = draft.trim();
    if (trimmed.length === 0) return `A ${what} needs a name.`;
    return trimmed.length > MAX_COMPONENT_NAME_LENGTH
      ? `A name has at most ${MAX_COMPONENT_NAME_LENGTH} characters.`
      : null;
  };
}

function Header({ kind, about }: { kind: string; about: string }) {
  return (
    <header className="inspector__header">
      <div>
        <div className="inspector__kind">{kind}</div>
        <p className="inspector__role">{about}</p>
      </div>
    </header>
  );
}

function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field field--checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function HostInspector({ host }: { host: DocumentHost }) {
  const store = useDesignerStore();
  const zones = useDesigner((s) => s.document.zones);
  const duplicate = useDesigner((s) =>
    (s.document.hosts ?? []).some(
      (h) => h.id !== host.id && h.name.trim().toLowerCase() === host.name.trim().toLowerCase(),
    ),
  );
  const running = useDesigner((s) => s.document.components.filter((c) => c.host === host.id).length);
  const update = store.getState().updateHost;
  const zoneId = useId();
  return (
    <>
      <Header
        kind="Host"
        about={`A machine (Genesys Host object). ${running === 0 ? 'No application runs on it yet.' : `${running} application${running === 1 ? '' : 's'} run${running === 1 ? 's' : ''} on it.`}`}
      />
      <CommitField
        label="Name"
        value={host.name}
        check={checkName('host')}
        maxLength={MAX_COMPONENT_NAME_LENGTH}
        remark={duplicate ? 'Another host has this name: Host names must be unique.' : null}
        onCommit={(name) => update(host.id, { name: name.trim() })}
      />
      <CommitField
        label="Address"
        value={host.address ?? ''}
        placeholder="wfm-app01.example.com"
        maxLength={MAX_ADDRESS_LENGTH}
        onCommit={(address) => update(host.id, { address: address.trim() || undefined })}
      />
      <Checkbox
        label="LCA"
        checked={host.lca === true}
        onChange={(lca) => update(host.id, { lca: lca || undefined })}
      />
      <CommitField
        label="LCA port"
        value={host.lcaPort === undefined ? '' : String(host.lcaPort)}
        inputMode="numeric"
        placeholder={`${DEFAULT_LCA_PORT} (default)`}
        check={checkLcaPort}
        onCommit={(port) => update(host.id, { lcaPort: port.trim() ? Number(port) : undefined })}
      />
      <Checkbox
        label="Certificate"
        checked={host.certificate === true}
        onChange={(certificate) => update(host.id, { certificate: certificate || undefined })}
      />
      <p className="inspector__hint">
        The TLS certificate of a WFM Server, Builder or Data Aggregator is assigned on its Host object.
      </p>
      <div className="field">
        <label htmlFor={zoneId}>Zone</label>
        <select
          id={zoneId}
          value={host.zone ?? ''}
          onChange={(event) => update(host.id, { zone: event.target.value || undefined })}
        >
          <option value="">No zone</option>
          {(zones ?? []).map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.name}
            </option>
          ))}
        </select>
      </div>
      <CommitField
        label="Notes"
        value={host.notes ?? ''}
        multiline
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(notes) => update(host.id, { notes: notes || undefined })}
      />
    </>
  );
}

export function ZoneInspector({ zone }: { zone: DocumentZone }) {
  const store = useDesignerStore();
  const hosts = useDesigner((s) => (s.document.hosts ?? []).filter((h) => h.zone === zone.id).length);
  const update = store.getState().updateZone;
  return (
    <>
      <Header
        kind="Zone"
        about={`A data centre, site or network area. ${hosts === 0 ? 'Drag hosts into it.' : `It holds ${hosts} host${hosts === 1 ? '' : 's'}.`} No rules apply to zones.`}
      />
      <CommitField
        label="Name"
        value={zone.name}
        check={checkName('zone')}
        maxLength={MAX_COMPONENT_NAME_LENGTH}
        onCommit={(name) => update(zone.id, { name: name.trim() })}
      />
      <CommitField
        label="Notes"
        value={zone.notes ?? ''}
        multiline
        maxLength={MAX_NOTES_LENGTH}
        onCommit={(notes) => update(zone.id, { notes: notes || undefined })}
      />
    </>
  );
}

export function NoteInspector({ note }: { note: DocumentAnnotation }) {
  const store = useDesignerStore();
  return (
    <>
      <Header kind="Note" about="Free text on the diagram; it appears in every export." />
      <CommitField
        label="Text"
        value={note.text}
        multiline
        maxLength={MAX_ANNOTATION_TEXT_LENGTH}
        check={(draft) => (draft.trim() ? null : 'A note needs some text; delete it instead.')}
        onCommit={(text) => store.getState().updateNote(note.id, text)}
      />
    </>
  );
}
