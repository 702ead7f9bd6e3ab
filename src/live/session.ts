// The live session the designer is in (issue 16), or none. One small store that the code which
// shares and joins rooms writes (src/live/, the binding of the document to Yjs) and the presence
// UI reads (the People region, pointers, selections, follow). Kept apart from the designer's store:
// a document that is not shared never touches Yjs.

import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Access } from '../collab/capability';

/** Where the connection to the room stands, for the status shown to the user. */
export type LiveStatus = 'connecting' | 'connected' | 'offline';

/** A participant's presence as published in the room's awareness (`state.user`, `state.pointer`…). */
export interface PresenceState {
  readonly user: { readonly name: string; readonly colour: string };
  /** The pointer in diagram coordinates (not screen pixels), absent when off the canvas. */
  readonly pointer?: { readonly x: number; readonly y: number };
  /** Ids of the selected components, hosts, zones, connections and annotations. */
  readonly selection?: readonly string[];
  /** The visible part of the diagram, in diagram coordinates, for "follow". */
  readonly view?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** What a live session exposes to the rest of the designer. */
export interface LiveSession {
  /** Derived from the link's key (decision 031); never the key itself. */
  readonly roomId: string;
  readonly access: Access;
  readonly ydoc: Y.Doc;
  /** The room's awareness: each client's `PresenceState`. */
  readonly awareness: Awareness;
  readonly status: LiveStatus;
}

interface LiveSessionState {
  readonly session: LiveSession | null;
}

/** The one live-session store of the page. */
export const liveSessionStore = createStore<LiveSessionState>(() => ({ session: null }));

/** Sets (or clears, with `null`) the page's live session. */
export function setLiveSession(session: LiveSession | null): void {
  liveSessionStore.setState({ session });
}

/** The current live session, or `null` when the open document is not shared. */
export function useLiveSession(): LiveSession | null {
  return useStore(liveSessionStore, (state) => state.session);
}
