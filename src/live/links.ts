// The two links of a live room (issue 16, decision 032). The key rides in the URL's fragment,
// which the browser never sends to a server (no access log, no Referer): `#live=<edit key>` can
// edit, `#view=<view key>` can only watch. The room id is derived from the key (decision 031), so
// it is not in the link.

import { type Access, KEY_PATTERN, roomIdOf, viewKeyOf } from '../collab/capability';

/** The fragment of an edit link. */
export const EDIT_PREFIX = '#live=';
/** The fragment of a view link. */
export const VIEW_PREFIX = '#view=';

/** What a live link grants: the key and the access its prefix names. */
export interface LiveLink {
  readonly access: Access;
  readonly key: string;
}

/** True when `hash` is meant as a live link (well formed or not). */
export function isLiveHash(hash: string): boolean {
  return hash.startsWith(EDIT_PREFIX) || hash.startsWith(VIEW_PREFIX);
}

/** The live link in `hash`, `'damaged'` when it is one with a malformed key, `null` when it is none. */
export function parseLiveHash(hash: string): LiveLink | 'damaged' | null {
  const access: Access | null = hash.startsWith(EDIT_PREFIX)
    ? 'edit'
    : hash.startsWith(VIEW_PREFIX)
      ? 'view'
      : null;
  if (!access) return null;
  const key = hash.slice(access === 'edit' ? EDIT_PREFIX.length : VIEW_PREFIX.length);
  return KEY_PATTERN.test(key) ? { access, key } : 'damaged';
}

/** The room a link leads to, and its view key (for the View link of a session joined to edit). */
export async function roomOfLink(link: LiveLink): Promise<{ roomId: string; viewKey: string }> {
  const viewKey = link.access === 'edit' ? await viewKeyOf(link.key) : link.key;
  return { roomId: await roomIdOf(viewKey), viewKey };
}

/** The page's address without its fragment, e.g. `https://designer.example/`. */
export function pageAddress(location: { origin: string; pathname: string; search: string }): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** The edit and view links of a room, on the page's own address. */
export function liveLinks(address: string, keys: { editKey?: string; viewKey: string }) {
  return {
    ...(keys.editKey ? { edit: `${address}${EDIT_PREFIX}${keys.editKey}` } : {}),
    view: `${address}${VIEW_PREFIX}${keys.viewKey}`,
  };
}

/** The collaboration endpoint of the server that served the page: `/collab` on the same origin. */
export function collabUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/collab`;
}
