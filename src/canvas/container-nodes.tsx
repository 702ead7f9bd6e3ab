import { type Node, type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import type { DocumentAnnotation, DocumentHost, DocumentZone } from '../document/schema';
import { DEFAULT_LCA_PORT } from '../domain';
import { MIN_CONTAINER_SIZE } from '../store/containers';
import { useEditingInPlace } from './in-place-edit';
import { NoteTextEditor } from './in-place-editors';
import './containers.css';

// Hosts and zones are React Flow parent nodes: a zone holds hosts, a host holds component cards
// (decision 023). They are drawn behind the cards and resized with handles when selected.

export type HostNodeData = { host: DocumentHost; zoneName: string | null; errors: number; warnings: number };
export type ZoneNodeData = { zone: DocumentZone };
export type NoteNodeData = { note: DocumentAnnotation };
export type HostNodeType = Node<HostNodeData, 'host'>;
export type ZoneNodeType = Node<ZoneNodeData, 'zone'>;
export type NoteNodeType = Node<NoteNodeData, 'note'>;

function Resizer({ selected }: { selected: boolean }) {
  return (
    <NodeResizer
      isVisible={selected}
      minWidth={MIN_CONTAINER_SIZE.width}
      minHeight={MIN_CONTAINER_SIZE.height}
      lineClassName="container-resize-line"
      handleClassName="container-resize-handle"
    />
  );
}

/** A Genesys Host object: a machine, with its LCA and certificate shown as badges. */
export const HostNode = memo(function HostNode({ data, selected }: NodeProps<HostNodeType>) {
  const { host, errors, warnings } = data;
  const className = [
    'host-box',
    selected ? 'is-selected' : '',
    errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : '',
  ].join(' ');
  return (
    <>
      <Resizer selected={selected} />
      <div className={className}>
        <div className="host-box__head">
          <span className="host-box__kind">Host</span>
          <span className="host-box__name" title={host.name}>
            {host.name}
          </span>
          {host.address && host.address !== host.name && (
            <span className="host-box__address" title={host.address}>
              {host.address}
            </span>
          )}
          <span className="host-box__badges">
            <span
              className={`host-box__badge${host.lca ? ' is-on' : ''}`}
              title={host.lca ? `Local Control Agent on port ${host.lcaPort ?? DEFAULT_LCA_PORT}` : 'No LCA'}
            >
              {host.lca ? `LCA ${host.lcaPort ?? DEFAULT_LCA_PORT}` : 'no LCA'}
            </span>
            {host.certificate && (
              <span
                className="host-box__badge is-on"
                title="A TLS certificate is assigned on the Host object"
              >
                cert
              </span>
            )}
          </span>
          {(errors > 0 || warnings > 0) && (
            <span
              className={`component-card__badge host-box__problems ${errors > 0 ? 'is-error' : 'is-warning'}`}
              title={`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}
            >
              {errors > 0 ? errors : warnings}
            </span>
          )}
        </div>
      </div>
    </>
  );
});

/** A zone: a data centre, a site or a network area that holds hosts. No rules apply to it. */
export const ZoneNode = memo(function ZoneNode({ data, selected }: NodeProps<ZoneNodeType>) {
  return (
    <>
      <Resizer selected={selected} />
      <div className={`zone-box${selected ? ' is-selected' : ''}`}>
        <div className="zone-box__head">
          <span className="zone-box__kind">Zone</span>
          <span className="zone-box__name">{data.zone.name}</span>
        </div>
      </div>
    </>
  );
});

/** A free text note on the canvas; a double click or Enter edits its text on the note (decision 024). */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteNodeType>) {
  const editing = useEditingInPlace('note', id);
  if (editing) return <NoteTextEditor id={id} text={data.note.text} />;
  return <div className={`note-box${selected ? ' is-selected' : ''}`}>{data.note.text}</div>;
});
