import { type Edge, type InternalNode, useStore, useStoreApi } from '@xyflow/react';
import type { Awareness } from 'y-protocols/awareness';
import { inkOf, type Participant } from '../live/presence';
import { usePresence } from '../live/presence-hooks';
import { useLiveSession } from '../live/session';
import { cardBox } from './card-box';
import { connectionGeometry } from './connection-edge';
import type { ConnectionEdgeData } from './edge-data';
import { useFollow, usePublishPointer, usePublishSelection, usePublishView } from './presence-publish';
import { type Transform, toScreen } from './presence-view';
import './presence.css';

// The other participants on the canvas (issue 16 item 3, decision 033): their pointers with their
// names, and what they select outlined in their colour. A layer of its own over React Flow's
// viewport: awareness changes re-render this layer only, never a card; and while the document is
// not shared it is nothing at all (one store read).

/** Other participants' pointers and selections, while the document is shared. */
export function PresenceLayer() {
  const session = useLiveSession();
  return session ? <LivePresence awareness={session.awareness} /> : null;
}

/** How far an outline stands off the box it frames, in screen pixels. */
const OUTLINE_GAP = 4;
/** The most outlines drawn at once, all participants together: a bound on a crafted room's cost. */
const MAX_OUTLINES = 1000;

/** Each participant's selection, cut so that all of them together stay within MAX_OUTLINES. */
function outlinedIds(others: readonly Participant[]): Map<number, readonly string[]> {
  const ids = new Map<number, readonly string[]>();
  let left = MAX_OUTLINES;
  for (const p of others) {
    const selection = (p.presence.selection ?? []).slice(0, left);
    left -= selection.length;
    ids.set(p.clientId, selection);
  }
  return ids;
}

function LivePresence({ awareness }: { awareness: Awareness }) {
  const flowStore = useStoreApi();
  usePublishPointer(awareness, flowStore);
  usePublishSelection(awareness);
  usePublishView(awareness, flowStore);
  const participants = usePresence(awareness);
  useFollow(participants, flowStore);
  const others = participants.filter((p) => !p.isMe);
  const transform = useStore((s) => s.transform);
  // Outlines follow what they frame: only while someone selects something does a move of the
  // cards re-render this layer.
  const outlining = others.some((p) => (p.presence.selection?.length ?? 0) > 0);
  useStore((s) => (outlining ? s.nodes : null));
  useStore((s) => (outlining ? s.edges : null));
  if (others.length === 0) return null;
  const { nodeLookup, edgeLookup } = flowStore.getState();
  const outlined = outlinedIds(others);
  return (
    <div className="presence" aria-hidden="true">
      {outlining && (
        <svg className="presence__marks" aria-hidden="true">
          <g transform={`translate(${transform[0]} ${transform[1]}) scale(${transform[2]})`}>
            {others.map((p) => (
              <Selection
                key={p.clientId}
                participant={p}
                ids={outlined.get(p.clientId) ?? []}
                zoom={transform[2]}
                nodes={nodeLookup}
                edges={edgeLookup}
              />
            ))}
          </g>
        </svg>
      )}
      {outlining &&
        others.map((p) => (
          <SelectionTag
            key={p.clientId}
            participant={p}
            ids={outlined.get(p.clientId) ?? []}
            transform={transform}
            nodes={nodeLookup}
          />
        ))}
      {others.map((p) => (
        <Pointer key={p.clientId} participant={p} transform={transform} />
      ))}
    </div>
  );
}

/** Whose outline it is: their name over the first box they selected. */
function SelectionTag({
  participant,
  ids,
  transform,
  nodes,
}: {
  participant: Participant;
  ids: readonly string[];
  transform: Transform;
  nodes: ReadonlyMap<string, InternalNode>;
}) {
  const node = ids.map((id) => nodes.get(id)).find((n) => n !== undefined);
  if (!node) return null;
  const box = cardBox(node);
  const at = toScreen(box, transform);
  const { name, colour } = participant.presence.user;
  return (
    <span
      className="presence__tag"
      data-participant={name}
      style={{
        transform: `translate(${at.x - OUTLINE_GAP}px, ${at.y - OUTLINE_GAP}px) translateY(-100%)`,
        background: colour,
        color: inkOf(colour),
      }}
    >
      {name}
    </span>
  );
}

function Selection({
  participant,
  ids,
  zoom,
  nodes,
  edges,
}: {
  participant: Participant;
  ids: readonly string[];
  zoom: number;
  nodes: ReadonlyMap<string, InternalNode>;
  edges: ReadonlyMap<string, Edge>;
}) {
  const { colour } = participant.presence.user;
  const gap = OUTLINE_GAP / zoom;
  return (
    <g
      className="presence__selection"
      data-participant={participant.presence.user.name}
      style={{ stroke: colour }}
    >
      {ids.map((id) => {
        const node = nodes.get(id);
        if (node) {
          const box = cardBox(node);
          return (
            <rect
              key={id}
              data-id={id}
              x={box.x - gap}
              y={box.y - gap}
              width={box.width + 2 * gap}
              height={box.height + 2 * gap}
              rx={6 / zoom}
            />
          );
        }
        const edge = edges.get(id);
        const from = edge && nodes.get(edge.source);
        const to = edge && nodes.get(edge.target);
        if (edge?.type !== 'connection' || !edge.data || !from || !to) return null;
        const { path } = connectionGeometry(id, from, to, edge.data as ConnectionEdgeData);
        return <path key={id} data-id={id} className="presence__connection" d={path} />;
      })}
    </g>
  );
}

function Pointer({ participant, transform }: { participant: Participant; transform: Transform }) {
  const { pointer, user } = participant.presence;
  if (!pointer) return null;
  const at = toScreen(pointer, transform);
  return (
    <div
      className="presence__pointer"
      data-participant={user.name}
      style={{ transform: `translate(${at.x}px, ${at.y}px)` }}
    >
      <svg width="18" height="20" viewBox="0 0 18 20" aria-hidden="true">
        <path d="M1 1 L1 16 L5.5 12 L8.5 19 L11 18 L8 11 L14 11 Z" style={{ fill: user.colour }} />
      </svg>
      <span className="presence__name" style={{ background: user.colour, color: inkOf(user.colour) }}>
        {user.name}
      </span>
    </div>
  );
}
