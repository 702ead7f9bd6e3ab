import { Handle, type Node, type NodeProps, Position, useConnection } from '@xyflow/react';
import { memo } from 'react';
import { useComponentProblemCounts, useJudge } from '../app/store-context';
import type { DocumentComponent } from '../document';
import { isSourceKind, isTargetKind, kindInfo } from '../domain';
import { KindIcon } from './kind-icon';

export type ComponentNodeData = { component: DocumentComponent };
export type ComponentNodeType = Node<ComponentNodeData, 'component'>;

/** While a connection is dragged: is this node a legal target, an illegal one, or the source? */
function useConnectState(id: string): 'source' | 'legal' | 'illegal' | null {
  const fromId = useConnection((connection) => (connection.inProgress ? connection.fromNode.id : null));
  const judge = useJudge();
  if (fromId === null) return null;
  if (fromId === id) return 'source';
  return judge.canConnect(fromId, id).ok ? 'legal' : 'illegal';
}

/** A component's card: icon, kind, name, host:port and a problem badge. */
export const ComponentNode = memo(function ComponentNode({
  id,
  data,
  selected,
}: NodeProps<ComponentNodeType>) {
  const { component } = data;
  const info = kindInfo(component.kind);
  const { errors, warnings } = useComponentProblemCounts(id);
  const connectState = useConnectState(id);
  const address =
    component.host || component.port
      ? `${component.host ?? ''}${component.port ? `:${component.port}` : ''}`
      : '';
  const className = [
    'component-card',
    selected ? 'is-selected' : '',
    errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : '',
    connectState ? `connect-${connectState}` : '',
  ].join(' ');

  return (
    <div className={className} style={{ '--kind-color': info.color } as React.CSSProperties}>
      {isTargetKind(component.kind) && (
        <Handle type="target" position={Position.Top} isConnectableStart={false} className="drop-zone" />
      )}
      <div className="component-card__icon">
        <KindIcon kind={component.kind} />
      </div>
      <div className="component-card__text">
        <div className="component-card__kind">{info.displayName}</div>
        <div className="component-card__name">{component.name}</div>
        {address && <div className="component-card__address">{address}</div>}
      </div>
      {(errors > 0 || warnings > 0) && (
        <span
          className={`component-card__badge ${errors > 0 ? 'is-error' : 'is-warning'}`}
          title={`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}
        >
          {errors > 0 ? errors : warnings}
        </span>
      )}
      {component.etl && <span className="component-card__tag">ETL</span>}
      {isSourceKind(component.kind) && (
        <Handle type="source" position={Position.Bottom} className="source-handle" title="Drag to connect" />
      )}
    </div>
  );
});
