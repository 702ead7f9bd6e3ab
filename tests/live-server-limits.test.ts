import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type * as Y from 'yjs';
import { newRoom } from '../src/collab/capability';
import { entityMap, writeDocument, yDocToDocument } from '../src/collab/ydoc';
import { createEmptyDocument, MAX_ZONES } from '../src/document';
import {
  acked,
  type Client,
  connectClient,
  type ServerProcess,
  startServerProcess,
  synced,
  until,
} from './live-harness';

// What the server refuses (issue 16 item 6), beyond tests/live-server.test.ts: a document past the
// format's count caps, and probing rooms with a wrong key. The product server as a real process,
// real providers; every wait is for a state to be reached.

let scratch = '';
let server: ServerProcess | undefined;
const clients: Client[] = [];

function connect(room: string, key: string): Client {
  if (!server) throw new Error('no server');
  const client = connectClient(server.url, room, key);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'wfm-limits-'));
  mkdirSync(join(scratch, 'dist'));
  writeFileSync(join(scratch, 'dist', 'index.html'), '<!doctype html><title>WFM</title>');
  server = await startServerProcess({
    PORT: '0',
    DATA_DIR: join(scratch, 'data'),
    DIST_DIR: join(scratch, 'dist'),
  });
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

test('without REDIS_URL the server is one instance alone, and says nothing of Redis', () => {
  expect(server?.out()).toMatch(
    /^WFM Topology Designer: http:\/\/127\.0\.0\.1:\d+\/\nLive rooms are kept in .+\n$/,
  );
});

const zones = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('zones');

test('an update past a count cap is refused; the room, full to the cap, carries on unaffected', async () => {
  const keys = await newRoom();
  const a = connect(keys.roomId, keys.editKey);
  await synced(a);
  const full = {
    ...createEmptyDocument(),
    zones: Array.from({ length: MAX_ZONES }, (_, i) => ({ id: `z${i}`, name: `Zone ${i}` })),
  };
  writeDocument(a.doc, full);
  await acked(a);
  const b = connect(keys.roomId, keys.editKey);
  await synced(b);
  await until(() => zones(b.doc).size === MAX_ZONES);

  const hostile = connect(keys.roomId, keys.editKey);
  hostile.provider.on('close', () => hostile.provider.destroy());
  await synced(hostile);
  zones(hostile.doc).set('one-too-many', entityMap({ id: 'one-too-many', name: 'One too many' }, MAX_ZONES));
  await until(() => hostile.closes.length > 0);
  expect(hostile.closes).toContain('invalid-update');

  // The room goes on: an honest edit after it reaches B, and a newcomer sees the room as it was.
  zones(a.doc).get('z0')?.set('name', 'Still editable');
  await until(() => zones(b.doc).get('z0')?.get('name') === 'Still editable');
  const fresh = connect(keys.roomId, keys.viewKey);
  await synced(fresh);
  expect(zones(fresh.doc).size).toBe(MAX_ZONES);
  expect(zones(fresh.doc).has('one-too-many')).toBe(false);
  expect(yDocToDocument(fresh.doc)).toEqual(yDocToDocument(a.doc));
});

test('a wrong key gets the same answer for an existing room, a missing room and a malformed id', async () => {
  const existing = await newRoom();
  const owner = connect(existing.roomId, existing.editKey);
  await synced(owner);
  writeDocument(owner.doc, createEmptyDocument());
  await acked(owner);
  const missing = await newRoom(); // never opened: the server has never heard of it
  const stranger = await newRoom();
  const probes = [
    connect(existing.roomId, stranger.editKey),
    connect(missing.roomId, stranger.editKey),
    connect(existing.roomId, stranger.viewKey),
    connect(missing.roomId, stranger.viewKey),
    connect('not-a-room', stranger.editKey),
  ];
  await until(() => probes.every((probe) => probe.denied.length > 0));
  for (const probe of probes) {
    expect(probe.denied).toEqual(['permission-denied']);
    expect(probe.provider.isSynced).toBe(false);
    expect(probe.doc.share.size).toBe(0);
  }
  // The owner's room saw none of it, and a right key still opens it.
  const again = connect(existing.roomId, existing.viewKey);
  await synced(again);
  expect(yDocToDocument(again.doc)).toEqual(yDocToDocument(owner.doc));
});
