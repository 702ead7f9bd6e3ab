import { useId, useState } from 'react';
import type { DocumentComponent } from '../document';
import { describeComponent, kindInfo, STANDBY_MODES, type Standby } from '../domain';
import { haSupport, whyNoBackup } from '../store/kind-rules';
import { useDesigner, useDesignerStore } from '../store/react';

// A component's host, and its place in an HA pair (rules.md sections 9 and 10; decision 023).

const STANDBY_LABEL: { readonly [S in Standby]: string } = { warm: 'Warm', hot: 'Hot' };

/** The "Host" combobox: "No host", then the document's hosts by name. */
export function HostPicker({ component }: { component: DocumentComponent }) {
  const store = useDesignerStore();
  const hosts = useDesigner((s) => s.document.hosts);
  const id = useId();
  const sorted = [...(hosts ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="field">
      <label htmlFor={id}>Host</label>
      <select
        id={id}
        value={component.host ?? ''}
        onChange={(event) => store.getState().setComponentHost(component.id, event.target.value || undefined)}
      >
        <option value="">No host</option>
        {sorted.map((host) => (
          <option key={host.id} value={host.id}>
            {host.name}
          </option>
        ))}
      </select>
      {sorted.length === 0 && (
        <p className="field__hint">Add a host from the palette's Layout group, then pick it here.</p>
      )}
    </div>
  );
}

/** On a backup: whose backup it is and its standby mode. */
function BackupFields({ component }: { component: DocumentComponent }) {
  const store = useDesignerStore();
  const primary = useDesigner((s) => s.document.components.find((c) => c.id === component.backupOf));
  const id = useId();
  return (
    <>
      <p className="inspector__hint">
        Backup of {primary ? describeComponent(primary) : 'a component that no longer exists'}. Its clients
        list the primary only.
      </p>
      <div className="field">
        <label htmlFor={id}>Standby</label>
        <select
          id={id}
          value={component.standby ?? 'warm'}
          onChange={(event) => {
            const standby = STANDBY_MODES.find((mode) => mode === event.target.value);
            if (standby) store.getState().updateComponent(component.id, { standby });
          }}
        >
          {STANDBY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {STANDBY_LABEL[mode]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** On a primary whose kind supports HA: "Add backup", on the host and in the mode the user picks. */
function AddBackup({ component }: { component: DocumentComponent }) {
  const store = useDesignerStore();
  const hosts = useDesigner((s) => s.document.hosts);
  const ruleset = useDesigner((s) => s.document.ruleset);
  const backup = useDesigner((s) => s.document.components.find((c) => c.backupOf === component.id));
  const [hostId, setHostId] = useState('');
  const [standby, setStandby] = useState<Standby>('hot');
  const hostField = useId();
  const modeField = useId();
  const reason = backup
    ? `It already has a backup, '${backup.name}': one backup per primary.`
    : whyNoBackup(component.kind, ruleset);
  const others = (hosts ?? []).filter((h) => h.id !== component.host);
  const ha = haSupport(component.kind);
  return (
    <div className="inspector__backup">
      {others.length > 0 && !reason && (
        <div className="field">
          <label htmlFor={hostField}>Backup host</label>
          <select id={hostField} value={hostId} onChange={(event) => setHostId(event.target.value)}>
            <option value="">{component.host ? "The primary's host" : 'No host'}</option>
            {others.map((host) => (
              <option key={host.id} value={host.id}>
                {host.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {ha === 'any' && !reason && (
        <div className="field">
          <label htmlFor={modeField}>Backup standby mode</label>
          <select
            id={modeField}
            value={standby}
            onChange={(event) => setStandby(event.target.value === 'warm' ? 'warm' : 'hot')}
          >
            {STANDBY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {STANDBY_LABEL[mode]}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="button"
        className="button"
        disabled={reason !== null}
        title={
          reason ??
          `Adds a ${ha === 'any' ? '' : `${ha} standby `}backup ${kindInfo(component.kind).displayName} with this one's outgoing connections.`
        }
        aria-describedby={reason ? `${modeField}-why` : undefined}
        onClick={() => {
          const id = store
            .getState()
            .addBackup(component.id, { ...(hostId ? { hostId } : {}), ...(ha === 'any' ? { standby } : {}) });
          const added = store.getState().document.components.find((c) => c.id === id);
          if (added)
            store
              .getState()
              .notify(`Added '${added.name}', ${added.standby} standby of '${component.name}'.`, 'success');
        }}
      >
        Add backup
      </button>
      {reason && (
        <p id={`${modeField}-why`} className="field__hint">
          {reason}
        </p>
      )}
    </div>
  );
}

/** The HA part of a component's Inspector: nothing for kinds without HA (rules.md section 10). */
export function HaFields({ component }: { component: DocumentComponent }) {
  if (component.backupOf !== undefined) return <BackupFields component={component} />;
  if (haSupport(component.kind) === 'none') return null;
  return <AddBackup component={component} />;
}
