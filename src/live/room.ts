// Sharing and joining a live room from the designer (issue 16, decision 032): the Hocuspocus
// provider on the page's own server (`/collab`), the room's Y.Doc kept in the browser with
// y-indexeddb (edits made offline survive a reload and merge on reconnect), and the binding of the
// designer's store to it. Loaded only when the user shares or opens a live link: a designer that
// never shares never loads Yjs or the provider.

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { type Access, newRoom } from '../collab/capability';
import { writeDocument, yDocToDocument } from '../collab/ydoc';
import { newDocumentId } from '../store/document-id';
import type { DesignerStore } from '../store/store';
import { bindStore, roomDocument, type StoreBinding } from './binding';
import { keepUnchanged } from './diff';
import { EDIT_PREFIX, type LiveLink, liveLinks, roomOfLink } from './links';
import { type LiveStatus, liveSessionStore, setLiveSession } from './session';

/** What the page gives the room: where it is served from, its address and its per-tab storage. */
export interface PageContext {
  /** `ws(s)://<host>/collab`. */
  readonly collabUrl: string;
  /** The page's address without fragment, for the links. */
  readonly address: string;
  /** Puts a fragment in the address bar (a reload then rejoins), or takes it away (`''`). */
  readonly setHash: (hash: string) => void;
  /** This tab's storage, to open the same library document again when a reload rejoins the room. */
  readonly tabStorage: Storage | null;
}

interface Room {
  readonly roomId: string;
  readonly access: Access;
  readonly editKey?: string;
  readonly viewKey: string;
  readonly ydoc: Y.Doc;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  persistence: IndexeddbPersistence | null;
  binding: StoreBinding | null;
  /** The library document the room's document is open as. */
  documentId: string | null;
  readonly cleanups: (() => void)[];
}

let room: Room | null = null;

/** How long Share live waits for the server before saying it is not there. */
const SHARE_WAIT_MS = 10_000;

export const NO_SERVER_MESSAGE =
  'Share live needs the designer’s own server (npm start): this copy of the designer is served without it, so nothing was shared. The deployment is unchanged.';

type Outcome = 'synced' | 'refused' | 'unreachable';

/** Connected once the room's state is exchanged, not at the socket's first message. */
function statusOf(current: Room): LiveStatus {
  const status = current.socket.status;
  if (status === 'connected') return current.provider.isSynced ? 'connected' : 'connecting';
  return status === 'connecting' ? 'connecting' : 'offline';
}

/**
 * Publishes the room to the page (the presence UI reads it) with its connection status, once its
 * document is open in the designer: before that, the page still shows the user's own document.
 */
function publish(current: Room): void {
  const awareness = current.provider.awareness;
  if (!awareness || !current.binding || room !== current) return;
  const status = statusOf(current);
  const session = liveSessionStore.getState().session;
  if (session?.ydoc === current.ydoc && session.status === status) return;
  setLiveSession({ roomId: current.roomId, access: current.access, ydoc: current.ydoc, awareness, status });
}

/** Connects to a room. `outcome` settles at the first of: synced, refused, the socket closed. */
function connect(page: PageContext, roomId: string, key: string, ydoc: Y.Doc) {
  const socket = new HocuspocusProviderWebsocket({ url: page.collabUrl, minDelay: 200, maxDelay: 5000 });
  let settle: (outcome: Outcome) => void = () => {};
  const outcome = new Promise<Outcome>((resolve) => {
    settle = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: roomId,
    token: key,
    document: ydoc,
    onSynced: () => settle('synced'),
    onAuthenticationFailed: () => settle('refused'),
  });
  socket.on('close', () => settle('unreachable'));
  provider.attach();
  return { socket, provider, outcome };
}

/** Loads the room's copy kept in this browser (IndexedDB); none when storage is off or slow. */
async function keepInBrowser(roomId: string, ydoc: Y.Doc): Promise<IndexeddbPersistence | null> {
  try {
    const persistence = new IndexeddbPersistence(`wfm-live-${roomId}`, ydoc);
    const loaded = await Promise.race([
      persistence.whenSynced.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000)),
    ]);
    if (!loaded) {
      await persistence.destroy();
      return null;
    }
    return persistence;
  } catch {
    return null;
  }
}

function tabKey(roomId: string): string {
  return `wfm-live-document:${roomId}`;
}

/** Ends the session: the binding, the connection and the page's session; the local copy stays. */
function close(current: Room, store: DesignerStore, page: PageContext | null): void {
  if (room === current) room = null;
  for (const cleanup of current.cleanups) cleanup();
  current.binding?.destroy();
  current.provider.destroy();
  current.socket.destroy();
  void current.persistence?.destroy();
  current.ydoc.destroy();
  if (liveSessionStore.getState().session?.ydoc === current.ydoc) setLiveSession(null);
  if (store.getState().live) store.getState().setLive(null);
  page?.setHash('');
}

/** Leaves the live session, if any: the document stays open and in the library, no longer shared. */
export function leaveLive(store: DesignerStore, page: PageContext | null): void {
  if (room) close(room, store, page);
}

/** Watches the room: status for the page, and leaving when the user opens another document. */
function watch(current: Room, store: DesignerStore, page: PageContext): void {
  const onStatus = () => publish(current);
  current.socket.on('status', onStatus);
  current.provider.on('synced', onStatus);
  current.cleanups.push(() => {
    current.socket.off('status', onStatus);
    current.provider.off('synced', onStatus);
  });
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.documentId === previous.documentId || current.documentId === null) return;
    if (state.documentId === current.documentId) return;
    close(current, store, page);
    store.getState().notify('Left the live session: the shared deployment stays in Open recent.', 'info');
  });
  current.cleanups.push(unsubscribe);
  publish(current);
}

export type ShareResult =
  | { readonly ok: true; readonly links: { readonly edit?: string; readonly view: string } }
  | { readonly ok: false; readonly message: string };

/** The links of the session the page is in, or `null`. */
export function currentLinks(page: PageContext): { edit?: string; view: string } | null {
  if (!room) return null;
  return liveLinks(page.address, {
    ...(room.editKey ? { editKey: room.editKey } : {}),
    viewKey: room.viewKey,
  });
}

/**
 * "Share live": a new room holding the open document, this tab connected to it and editing it.
 * When the page's server has no collaboration endpoint (a static host, vite preview) nothing
 * changes and the result says why.
 */
export async function shareLive(store: DesignerStore, page: PageContext): Promise<ShareResult> {
  const links = currentLinks(page);
  if (links) return { ok: true, links };
  const keys = await newRoom();
  const ydoc = new Y.Doc();
  const { socket, provider, outcome } = connect(page, keys.roomId, keys.editKey, ydoc);
  const result = await Promise.race([
    outcome,
    new Promise<Outcome>((resolve) => setTimeout(() => resolve('unreachable'), SHARE_WAIT_MS)),
  ]);
  if (result !== 'synced' || room) {
    provider.destroy();
    socket.destroy();
    ydoc.destroy();
    if (room) return { ok: true, links: currentLinks(page) ?? { view: '' } };
    return { ok: false, message: NO_SERVER_MESSAGE };
  }
  // The seed is nobody's undo step: Ctrl+Z never empties the room.
  writeDocument(ydoc, store.getState().document);
  const state = store.getState();
  state.receiveDocument(keepUnchanged(state.document, yDocToDocument(ydoc)));
  const current: Room = {
    roomId: keys.roomId,
    access: 'edit',
    editKey: keys.editKey,
    viewKey: keys.viewKey,
    ydoc,
    socket,
    provider,
    persistence: null,
    binding: bindStore(store, ydoc),
    documentId: store.getState().documentId,
    cleanups: [],
  };
  room = current;
  watch(current, store, page);
  current.persistence = await keepInBrowser(keys.roomId, ydoc);
  page.tabStorage?.setItem(tabKey(keys.roomId), store.getState().documentId);
  page.setHash(`${EDIT_PREFIX}${keys.editKey}`);
  return { ok: true, links: currentLinks(page) ?? { view: '' } };
}

/**
 * Opening the designer with a live link: joins the room and opens its document as a document of
 * its own (the one open before stays in the library, untouched). A copy kept in this browser opens
 * at once, also offline; the server's state merges in when it answers. An empty room (a mistyped
 * or unknown key) or a refused key says so and changes nothing.
 */
export async function joinLive(store: DesignerStore, link: LiveLink, page: PageContext): Promise<void> {
  if (room) leaveLive(store, null);
  const { roomId, viewKey } = await roomOfLink(link);
  const ydoc = new Y.Doc();
  const persistence = await keepInBrowser(roomId, ydoc);
  const { socket, provider, outcome } = connect(page, roomId, link.key, ydoc);
  const current: Room = {
    roomId,
    access: link.access,
    ...(link.access === 'edit' ? { editKey: link.key } : {}),
    viewKey,
    ydoc,
    socket,
    provider,
    persistence,
    binding: null,
    documentId: null,
    cleanups: [],
  };
  room = current;
  watch(current, store, page);
  const verb =
    link.access === 'edit' ? 'You can edit it with everyone in the session.' : 'You can view it only.';

  const open = (): boolean => {
    if (current.binding) return true;
    const document = roomDocument(ydoc);
    if (!document) return false;
    const kept = page.tabStorage?.getItem(tabKey(roomId));
    const id = store.getState().openDocument(document, { id: kept ?? newDocumentId(), origin: 'link' });
    current.documentId = id;
    page.tabStorage?.setItem(tabKey(roomId), id);
    current.binding = bindStore(store, ydoc, { readOnly: link.access === 'view' });
    publish(current);
    store
      .getState()
      .notify(
        `Joined the live deployment “${document.name?.trim() || 'Untitled deployment'}”. ${verb}`,
        'success',
      );
    return true;
  };
  open();

  const onSynced = () => {
    if (open() || room !== current) return;
    close(current, store, page);
    store
      .getState()
      .notify(
        'This live link leads to no shared deployment: check that it was copied whole. The open deployment is unchanged.',
        'error',
      );
  };
  provider.on('synced', onSynced);
  current.cleanups.push(() => provider.off('synced', onSynced));

  const first = await outcome;
  if (first === 'refused' && room === current) {
    const opened = current.binding !== null;
    close(current, store, page);
    store
      .getState()
      .notify(
        opened
          ? 'The server refused this live link: the session ended. The deployment stays in Open recent.'
          : 'The server refused this live link. The open deployment is unchanged.',
        'error',
      );
  } else if (first === 'unreachable' && !current.binding && room === current) {
    store
      .getState()
      .notify('The live session’s server cannot be reached now: the designer keeps trying.', 'info');
  }
}
