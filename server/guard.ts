import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { applyAndCheck } from '../src/collab/check';

// What the server refuses (issue 16 item 6, decision 031). Each check throws an error whose
// `reason` Hocuspocus sends to that connection as it closes it; the update is never applied,
// stored or broadcast, and the rest of the room carries on.

/** Largest sync message (bytes): the largest legal document, 10 MiB of JSON, is well below it as Yjs. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Messages a connection may send in a burst, and per second after it. */
export const RATE_BURST = 300;
export const RATE_PER_SECOND = 100;

export function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

/**
 * A token bucket: `take()` is false once more than RATE_BURST messages came faster than
 * RATE_PER_SECOND. Counted as messages arrive on the socket, not as they are handled, so a slow
 * server does not mistake a flood for a trickle.
 */
export function rateLimiter(): { take(now: number): boolean } {
  let tokens = RATE_BURST;
  let at = Date.now();
  return {
    take(now) {
      tokens = Math.min(RATE_BURST, tokens + ((now - at) / 1000) * RATE_PER_SECOND) - 1;
      at = now;
      return tokens >= 0;
    },
  };
}

/**
 * Validation against the format on a shadow copy of each room: an update is applied to the copy
 * first, and only what it changed is checked (decision 031). A refused update leaves the copy
 * changed, so the copy is dropped and rebuilt from the room on the next update.
 */
export function guard(): Extension {
  const shadows = new Map<string, Y.Doc>();
  const shadowOf = (name: string, live: Y.Doc): Y.Doc => {
    let shadow = shadows.get(name);
    if (!shadow) {
      shadow = new Y.Doc();
      Y.applyUpdate(shadow, Y.encodeStateAsUpdate(live));
      shadows.set(name, shadow);
    }
    return shadow;
  };
  const drop = (name: string) => {
    shadows.get(name)?.destroy();
    shadows.delete(name);
  };
  return {
    extensionName: 'wfm-guard',
    priority: 500,
    async beforeHandleMessage({ update }) {
      if (update.byteLength > MAX_MESSAGE_BYTES) throw refusal('message-too-large');
    },
    async afterLoadDocument({ document, documentName }) {
      // Keeps the shadow in step with the room (an update it already holds changes nothing).
      document.on('update', (update: Uint8Array) => {
        const shadow = shadows.get(documentName);
        if (shadow) Y.applyUpdate(shadow, update);
      });
    },
    async beforeSync({ type, payload, document, documentName, connection }) {
      if (type === 0) return; // SyncStep1: a state vector, no content
      // A view-only connection's update is dropped by Hocuspocus; it must not reach the shadow either.
      if (connection.readOnly) return;
      if (payload.byteLength > MAX_MESSAGE_BYTES) throw refusal('update-too-large');
      const problem = applyAndCheck(shadowOf(documentName, document), payload);
      if (problem !== undefined) {
        drop(documentName);
        throw refusal('invalid-update');
      }
    },
    async afterUnloadDocument({ documentName }) {
      drop(documentName);
    },
  };
}
