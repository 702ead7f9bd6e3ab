import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import type { DocumentComponent } from '../document';
import {
  COMPONENT_KINDS,
  type ComponentKind,
  isContextKind,
  isSourceKind,
  isTargetKind,
  kindInfo,
} from '../domain';
import { ICON_STROKE, kindIconMarkup } from '../drawing/kind-icons';
import { CARD_HEIGHT, cardWidth } from '../drawing/layout';
import { useConnectState } from './connect-state';
import type { HaMark } from './layout-projection';

/**
 * What a card shows. The problem counts come with the data from the projection, so a card needs
 * no store subscription: during a drag, only the moved card renders.
 */
export type ComponentNodeData = {
  component: DocumentComponent;
  errors: number;
  warnings: number;
  /** The name of the host it runs on, if any. */
  hostName: string | null;
  /** Its part in an HA pair, if any. */
  ha: HaMark | null;
  /** A Framework context kind: drawn muted, with a dashed border. */
  context: boolean;
};
export type ComponentNodeType = Node<ComponentNodeData, 'component'>;

/**
 * Each kind's icon as a CSS background image, the same paths as `KindIcon` draws: a card then
 * paints as one layer, where an inline <svg> in each of a thousand cards made every drag frame
 * re-layer them all (docs/performance.md).
 */
const ICON_URLS = new Map<ComponentKind, string>(
  COMPONENT_KINDS.map((kind) => {
    const paths = kindIconMarkup(kind);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" ${ICON_STROKE}>${paths}</svg>`;
    return [kind, `url("data:image/svg+xml,${encodeURIComponent(svg)}")`];
  }),
);

/**
 * True below the zoom where card text is under 4 px tall (designer-canvas.tsx). Cards then draw
 * their colour, icon and badge only: thousands of unreadable texts were laid out and shaped for
 * nothing, which took seconds when a large diagram was opened (docs/performance.md).
 */
export const LowDetailContext = createContext(false);

const MESSAGE_SERVER_COLOR = kindInfo('message-server').color;

/** Cards that show a Message Server badge instead of a line (the view's "Badges" setting). */
export const MessageServerBadgesContext = createContext<ReadonlySet<string>>(new Set());

/**
 * A component's card: icon, kind, name, host:port and a problem badge. Without its text (far out)
 * it keeps the size it was measured at, or the size the exports give it until it is measured, so
 * cards do not shrink when zoomed out.
 */
export const ComponentNode = memo(function ComponentNode({
  id,
  data,
  selected,
  height,
}: NodeProps<ComponentNodeType>) {
  const { component, errors, warnings, hostName, ha, context } = data;
  const info = kindInfo(component.kind);
  const connectState = useConnectState(id);
  const lowDetail = useContext(LowDetailContext);
  const messageServerBadge = useContext(MessageServerBadgesContext).has(id);
  const address =
    hostName || component.port ? `${hostName ?? ''}${component.port ? `:${component.port}` : ''}` : '';
  const className = [
    'component-card',
    selected ? 'is-selected' : '',
    context ? 'is-context' : '',
    errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : '',
    connectState ? `connect-${connectState}` : '',
  ].join(' ');

  return (
    <div
      className={className}
      style={
        {
          '--kind-color': info.color,
          '--kind-icon': ICON_URLS.get(component.kind),
          // The width the layout and the exports give this card (src/drawing/layout.ts), so Tidy up's
          // gaps and routes hold on the canvas whatever font the browser has; long text ellipsizes.
          width: cardWidth(component, hostName ?? undefined),
          ...(lowDetail ? { height: height || CARD_HEIGHT } : {}),
        } as React.CSSProperties
      }
    >
      {/* A context kind has no row or column of the matrix, but its context links end and start here. */}
      {(isTargetKind(component.kind) || isContextKind(component.kind)) && (
        <Handle type="target" position={Position.Top} isConnectableStart={false} className="drop-zone" />
      )}
      <div className="component-card__icon" aria-hidden="true" />
      {!lowDetail && (
        <div className="component-card__text">
          <div className="component-card__kind">{info.displayName}</div>
          <div className="component-card__name" title={component.name}>
            {component.name}
          </div>
          {address && (
            <div className="component-card__address" title={address}>
              {address}
            </div>
          )}
        </div>
      )}
      {(errors > 0 || warnings > 0) && (
        <span
          className={`component-card__badge ${errors > 0 ? 'is-error' : 'is-warning'}`}
          title={`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}
        >
          {errors > 0 ? errors : warnings}
        </span>
      )}
      {component.etl && <span className="component-card__tag">ETL</span>}
      {messageServerBadge && !lowDetail && (
        <span
          className="component-card__ms"
          style={{ background: MESSAGE_SERVER_COLOR }}
          title="Connected to the Message Server (Management Layer)"
        >
          MS
        </span>
      )}
      {ha && !lowDetail && (
        <span
          className={`component-card__ha is-${ha.role}`}
          title={`${ha.role === 'primary' ? 'Primary' : 'Backup'}, ${ha.standby} standby`}
        >
          {ha.role} · {ha.standby}
        </span>
      )}
      {(isSourceKind(component.kind) || isContextKind(component.kind)) && (
        <Handle type="source" position={Position.Bottom} className="source-handle" title="Drag to connect" />
      )}
    </div>
  );
});
