// The links of a live room (issue 16, decision 031, docs/security.md "Live collaboration").
// Three values, each the SHA-256 of the one before it, so each can be handed out without giving
// away the ones before it:
//
//   edit key  (32 random bytes)   → in the "can edit" link
//   view key  = H("wfm-view:" + edit key)  → in the "can view" link
//   room id   = H("wfm-room:" + view key)  → the name the server and its database know the room by
//
// The server keeps no secret and no table of rooms: it recomputes the chain from the key a client
// presents and compares it with the room id. A view key cannot be turned into the edit key, a room
// id (in the database, in a log) into either key, and there is nothing to list.

/** Bytes of the edit key: 256 bits, unguessable. */
export const KEY_BYTES = 32;

/** A key or a room id as it appears in a link: base64url of 32 bytes, 43 characters. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function derive(label: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${label}:${key}`));
  return base64url(new Uint8Array(digest));
}

/** The view key of an edit key. */
export function viewKeyOf(editKey: string): Promise<string> {
  return derive('wfm-view', editKey);
}

/** The room id of a view key. */
export function roomIdOf(viewKey: string): Promise<string> {
  return derive('wfm-room', viewKey);
}

export interface RoomKeys {
  readonly roomId: string;
  readonly editKey: string;
  readonly viewKey: string;
}

/** A new room: a fresh random edit key and what follows from it. */
export async function newRoom(): Promise<RoomKeys> {
  const editKey = base64url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
  const viewKey = await viewKeyOf(editKey);
  return { roomId: await roomIdOf(viewKey), editKey, viewKey };
}

export type Access = 'edit' | 'view';

/**
 * What `key` grants in the room `roomId`: `edit` for its edit key, `view` for its view key,
 * undefined for anything else (an unknown room answers exactly like a wrong key).
 */
export async function accessOf(roomId: string, key: string): Promise<Access | undefined> {
  if (!KEY_PATTERN.test(roomId) || !KEY_PATTERN.test(key)) return undefined;
  const viewKey = await viewKeyOf(key);
  if ((await roomIdOf(viewKey)) === roomId) return 'edit';
  if ((await roomIdOf(key)) === roomId) return 'view';
  return undefined;
}
