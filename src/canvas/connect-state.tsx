import { createContext, useContext } from 'react';
import type { ConnectionJudge } from '../domain';

/** The connection being dragged: where it starts, and the judge of the document it is drawn in. */
export interface Connecting {
  readonly fromId: string;
  readonly judge: ConnectionJudge;
  /** A component's name by its id, for the tooltip at the pointer. */
  readonly nameOf: (id: string) => string;
}

/**
 * `null` while no connection is dragged. The canvas provides it, so a thousand cards need no store
 * subscription of their own for something that happens during one gesture (docs/performance.md).
 */
export const ConnectingContext = createContext<Connecting | null>(null);

/** While a connection is dragged: is this card a legal target, an illegal one, or the source? */
export function useConnectState(id: string): 'source' | 'legal' | 'illegal' | null {
  const connecting = useContext(ConnectingContext);
  if (connecting === null) return null;
  if (connecting.fromId === id) return 'source';
  return connecting.judge.canConnect(connecting.fromId, id).ok ? 'legal' : 'illegal';
}
