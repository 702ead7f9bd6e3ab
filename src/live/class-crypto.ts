// Sealing a learner's room key to the trainer (issue 16 item 8, decision 035). The trainer's page
// makes an ECDH P-256 key pair; its public half rides in the class link. A learner's page makes a
// one-off key pair of its own, derives an AES-GCM key from the two (ECDH), and seals its room's edit
// key with it. The entry's key in the roster and the learner's name are the sealed box's associated
// data: an entry moved under another key or renamed does not open. Only the trainer's private key
// (in the trainer's link, never in the class link) opens an entry.

import type { RosterEntry } from '../collab/roster';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A P-256 key as the links carry it: the JWK's base64url coordinates (and `d` when private). */
export interface TrainerKey {
  readonly x: string;
  readonly y: string;
  readonly d: string;
}

/** The trainer's new key pair, exported for the trainer's link. */
export async function newTrainerKey(): Promise<TrainerKey> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveKey']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  if (!jwk.x || !jwk.y || !jwk.d) throw new Error('the browser exported no P-256 key');
  return { x: jwk.x, y: jwk.y, d: jwk.d };
}

function publicKey(x: string, y: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x, y, ext: true }, CURVE, false, []);
}

function privateKey(key: TrainerKey): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: key.x, y: key.y, d: key.d, ext: true },
    CURVE,
    false,
    ['deriveKey'],
  );
}

function boxKey(mine: CryptoKey, theirs: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: 'ECDH', public: theirs },
    mine,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function associatedData(entryKey: string, name: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`wfm-class-entry:${entryKey}:${name}`);
}

/** The roster entry of a learner called `name` whose room's edit key is `editKey`, sealed to the trainer. */
export async function sealEntry(
  trainer: { readonly x: string; readonly y: string },
  entryKey: string,
  name: string,
  editKey: string,
): Promise<RosterEntry> {
  const mine = await crypto.subtle.generateKey(CURVE, true, ['deriveKey']);
  const jwk = await crypto.subtle.exportKey('jwk', mine.publicKey);
  if (!jwk.x || !jwk.y) throw new Error('the browser exported no P-256 key');
  const key = await boxKey(mine.privateKey, await publicKey(trainer.x, trainer.y));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const box = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(entryKey, name) },
    key,
    new TextEncoder().encode(editKey),
  );
  return { name, x: jwk.x, y: jwk.y, iv: base64url(iv), box: base64url(new Uint8Array(box)) };
}

/**
 * The edit key sealed in a roster entry, or undefined when it does not open with the trainer's key
 * (tampered, moved, renamed, or sealed to another trainer) or its point is not on the curve.
 */
export async function openEntry(
  trainer: TrainerKey,
  entryKey: string,
  entry: RosterEntry,
): Promise<string | undefined> {
  try {
    const key = await boxKey(await privateKey(trainer), await publicKey(entry.x, entry.y));
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64url(entry.iv), additionalData: associatedData(entryKey, entry.name) },
      key,
      fromBase64url(entry.box),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

/** A fresh entry key for the roster: `learner:` and 16 random bytes. */
export function newEntryKey(): string {
  return `learner:${base64url(crypto.getRandomValues(new Uint8Array(16)))}`;
}
