import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { newRoom, type RoomKeys } from '../src/collab/capability';
import { writeDocument, yDocToDocument } from '../src/collab/ydoc';
import { parseDocument, type TopologyDocument } from '../src/document';
import { TEMPLATES } from '../src/templates/catalog';
import {
  acked,
  type Client,
  connectClient,
  type ServerProcess,
  startServerProcess,
  synced,
  until,
} from './live-harness';

// The product server as a real process (issue 16): `node --import tsx server/main.ts` with a temp
// DATA_DIR and a tiny designer folder, real @hocuspocus/provider clients over real websockets.
// Every wait is for a state to be reached (the test's timeout is the only clock).

let scratch = '';
let server: ServerProcess | undefined;
let url = '';
const clients: Client[] = [];

/** Starts the server (on `port`, 0 for a free one) and resolves with the URL it prints. */
async function start(port: number): Promise<string> {
  server = await startServerProcess({
    PORT: String(port),
    DATA_DIR: join(scratch, 'data'),
    DIST_DIR: join(scratch, 'dist'),
  });
  return server.url;
}

/** A client of the running server, destroyed after all tests. */
function connect(room: string, key: string, origin?: string): Client {
  const client = connectClient(url, room, key, origin);
  clients.push(client);
  return client;
}

function template(index: number): TopologyDocument {
  const result = parseDocument(TEMPLATES[index]?.text ?? '');
  if (!result.ok) throw new Error('template');
  return result.document;
}

function components(doc: Y.Doc) {
  return doc.getMap<Y.Map<unknown>>('components');
}

async function sharedRoom(): Promise<{ keys: RoomKeys; a: Client; b: Client }> {
  const keys = await newRoom();
  const a = connect(keys.roomId, keys.editKey);
  await synced(a);
  writeDocument(a.doc, template(0));
  await acked(a);
  const b = connect(keys.roomId, keys.editKey);
  await synced(b);
  return { keys, a, b };
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'wfm-live-'));
  mkdirSync(join(scratch, 'dist'));
  writeFileSync(join(scratch, 'dist', 'index.html'), '<!doctype html><title>WFM</title>');
  url = await start(0);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

test('two editors of a room converge: a shared design reaches the other, edits of both merge', async () => {
  const { a, b } = await sharedRoom();
  expect(yDocToDocument(b.doc)).toEqual(template(0));
  const [first, second] = template(0).components;
  if (!first || !second) throw new Error('template');
  components(a.doc).get(first.id)?.set('name', 'Renamed by A');
  components(b.doc).get(second.id)?.set('notes', 'Noted by B');
  await until(() => components(b.doc).get(first.id)?.get('name') === 'Renamed by A');
  await until(() => components(a.doc).get(second.id)?.get('notes') === 'Noted by B');
  expect(yDocToDocument(a.doc)).toEqual(yDocToDocument(b.doc));
});

test('a view link reads the room, and its edits reach no one', async () => {
  const { keys, a } = await sharedRoom();
  const viewer = connect(keys.roomId, keys.viewKey);
  await synced(viewer);
  expect(viewer.provider.authorizedScope).toBe('readonly');
  expect(yDocToDocument(viewer.doc)).toEqual(template(0));
  const [first] = template(0).components;
  if (!first) throw new Error('template');
  components(viewer.doc).get(first.id)?.set('name', 'Changed by a viewer');
  // The viewer's messages are handled in order: once its awareness reached A, so did its edit.
  viewer.provider.setAwarenessField('marker', 'after-edit');
  await until(() =>
    [...(a.provider.awareness?.getStates() ?? new Map()).values()].some(
      (state) => state.marker === 'after-edit',
    ),
  );

  expect(components(a.doc).get(first.id)?.get('name')).toBe(first.name);
  const fresh = connect(keys.roomId, keys.editKey);
  await synced(fresh);
  expect(yDocToDocument(fresh.doc)).toEqual(template(0));
});

test('a wrong key, a key of another room and a foreign page are all turned away', async () => {
  const { keys } = await sharedRoom();
  const other = await newRoom();
  const turnedAway = [connect(keys.roomId, other.editKey), connect(keys.roomId, keys.roomId)];
  const denied = () => turnedAway.flatMap((client) => client.denied);
  await until(() => denied().length === 2);
  expect(denied()).toEqual(['permission-denied', 'permission-denied']);
  const foreign = connect(keys.roomId, keys.editKey, 'http://evil.example');
  await until(() => foreign.closes.length > 0);
  expect(foreign.provider.isSynced).toBe(false);
  foreign.provider.destroy();
});

test.each([
  ['an unknown field', (doc: Y.Doc, id: string) => components(doc).get(id)?.set('script', '<x>')],
  ['an empty name', (doc: Y.Doc, id: string) => components(doc).get(id)?.set('name', '')],
  ['an unknown root', (doc: Y.Doc) => doc.getMap('junk').set('x', 1)],
  ['a document field named __proto__', (doc: Y.Doc) => doc.getMap('meta').set('__proto__', { polluted: 1 })],
])('an update with %s is refused: its sender is closed, the room sees nothing of it', async (_, edit) => {
  const { keys, a, b } = await sharedRoom();
  const [first] = template(0).components;
  if (!first) throw new Error('template');
  const before = yDocToDocument(a.doc);
  const hostile = connect(keys.roomId, keys.editKey);
  hostile.provider.on('close', () => hostile.provider.destroy());
  await synced(hostile);
  edit(hostile.doc, first.id);
  await until(() => hostile.closes.length > 0);
  expect(hostile.closes).toContain('invalid-update');
  // The room goes on: an honest edit after it reaches B, and a newcomer sees no trace of it.
  components(a.doc).get(first.id)?.set('notes', 'still here');
  await until(() => components(b.doc).get(first.id)?.get('notes') === 'still here');
  const fresh = connect(keys.roomId, keys.editKey);
  await synced(fresh);
  expect(yDocToDocument(fresh.doc)).toEqual({
    ...before,
    components: before.components.map((c) => (c.id === first.id ? { ...c, notes: 'still here' } : c)),
  });
  expect(fresh.doc.share.has('junk')).toBe(false);
});

test('an oversized message and a flood of messages close their sender only', async () => {
  const { keys, a, b } = await sharedRoom();
  const [first, second] = template(0).components;
  if (!first || !second) throw new Error('template');
  const big = connect(keys.roomId, keys.editKey);
  big.provider.on('close', () => big.provider.destroy());
  await synced(big);
  components(big.doc)
    .get(first.id)
    ?.set('notes', 'x'.repeat(17 * 1024 * 1024));
  await until(() => big.closes.length > 0);
  expect(big.closes).toContain('1009');

  const flood = connect(keys.roomId, keys.editKey);
  flood.provider.on('close', () => flood.provider.destroy());
  await synced(flood);
  for (let i = 0; i < 1000; i += 1) components(flood.doc).get(first.id)?.set('notes', `flood ${i}`);
  await until(() => flood.closes.length > 0);
  expect(flood.closes).toContain('rate-limited');

  // The flood's first messages were honest edits and stay; the room carries on (on another
  // component: a field the flood wrote concurrently would be a fair last-writer-wins race).
  components(a.doc).get(second.id)?.set('notes', 'after the flood');
  await until(() => components(b.doc).get(second.id)?.get('notes') === 'after the flood');
  const fresh = connect(keys.roomId, keys.editKey);
  await synced(fresh);
  expect(components(fresh.doc).get(second.id)?.get('notes')).toBe('after the flood');
});

test('SIGKILL mid-session: no acknowledged edit is lost, and the clients reconnect by themselves', async () => {
  const { keys, a, b } = await sharedRoom();
  const [first] = template(0).components;
  if (!first) throw new Error('template');
  const added: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const id = `added-${i}`;
    added.push(id);
    const entity = new Y.Map<unknown>([
      ['kind', 'web'],
      ['name', `Web ${i}`],
      ['@order', 100 + i],
    ]);
    (i % 2 === 0 ? a : b).doc.transact(() => components((i % 2 === 0 ? a : b).doc).set(id, entity));
  }
  await acked(a);
  await acked(b);
  const port = Number(new URL(url).port);
  await server?.kill();
  await until(() => a.status.current !== 'connected' && b.status.current !== 'connected');
  // An edit while the server is down stays with its client and is merged on reconnect.
  components(a.doc).get(first.id)?.set('notes', 'written offline');
  url = await start(port);
  await until(() => a.status.current === 'connected' && b.status.current === 'connected');
  await until(() => components(b.doc).get(first.id)?.get('notes') === 'written offline');
  await acked(a);
  components(b.doc).get(first.id)?.set('name', 'Renamed after the restart');
  await until(() => components(a.doc).get(first.id)?.get('name') === 'Renamed after the restart');
  await acked(b);
  const fresh = connect(keys.roomId, keys.viewKey);
  await synced(fresh);
  const ids = new Set(yDocToDocument(fresh.doc).components.map((c) => c.id));
  expect(added.filter((id) => !ids.has(id))).toEqual([]);
  expect(components(fresh.doc).get(first.id)?.get('notes')).toBe('written offline');
});

test('the server serves the designer with its CSP, and no path outside it', async () => {
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toMatch(
    new RegExp(`; connect-src ${url.replace(/^http/, 'ws')}/collab$`),
  );
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  for (const path of [
    '/../data/rooms.sqlite',
    '/%2e%2e/data/rooms.sqlite',
    '/..%2fdata%2frooms.sqlite',
    '/nope.js',
  ]) {
    expect((await fetch(`${url}${path}`)).status).toBe(404);
  }
  expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
  // fetch() resolves `..` itself: a raw request sends it as written.
  for (const path of [
    '/../data/rooms.sqlite',
    '/assets/../../data/rooms.sqlite',
    '/%2e%2e/data/rooms.sqlite',
  ]) {
    const status = await new Promise<number | undefined>((done) =>
      get({ host: '127.0.0.1', port: Number(new URL(url).port), path }, (response) => {
        response.resume();
        done(response.statusCode);
      }),
    );
    expect(status).toBe(404);
  }
});
