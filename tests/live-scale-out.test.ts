import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  type RedisProcess,
  type ServerProcess,
  startRedis,
  startServerProcess,
  synced,
  until,
  watchRedis,
} from './live-harness';

// Scale-out (issue 16 item 7, decision 034): Debian's redis-server and two instances of the product
// server, all real processes, sharing one REDIS_URL and one DATA_DIR; real providers on each.
// Every wait is for a state to be reached (the test's timeout is the only clock; the restarts of
// the SIGKILL test start three server processes, so it and the start-up get two minutes).

let scratch = '';
let redis: RedisProcess;
const instances: { a?: ServerProcess; b?: ServerProcess } = {};
const clients: Client[] = [];

function startInstance(port = 0): Promise<ServerProcess> {
  return startServerProcess({
    PORT: String(port),
    DATA_DIR: join(scratch, 'data'),
    DIST_DIR: join(scratch, 'dist'),
    REDIS_URL: redis.url,
  });
}

function connect(instance: ServerProcess | undefined, room: string, key: string): Client {
  if (!instance) throw new Error('no such instance');
  const client = connectClient(instance.url, room, key);
  clients.push(client);
  return client;
}

function template(index: number): TopologyDocument {
  const result = parseDocument(TEMPLATES[index]?.text ?? '');
  if (!result.ok) throw new Error('template');
  return result.document;
}

const components = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('components');

/** A room with a template, written by a client of A, and a client of B synced with it. */
async function sharedRoom(): Promise<{ keys: RoomKeys; a: Client; b: Client }> {
  const keys = await newRoom();
  const a = connect(instances.a, keys.roomId, keys.editKey);
  await synced(a);
  writeDocument(a.doc, template(0));
  await acked(a);
  const b = connect(instances.b, keys.roomId, keys.editKey);
  await synced(b);
  await until(() => components(b.doc).size === template(0).components.length);
  return { keys, a, b };
}

function firstTwo(): [string, string] {
  const [first, second] = template(0).components;
  if (!first || !second) throw new Error('template');
  return [first.id, second.id];
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'wfm-scale-'));
  mkdirSync(join(scratch, 'dist'));
  mkdirSync(join(scratch, 'redis'));
  writeFileSync(join(scratch, 'dist', 'index.html'), '<!doctype html><title>WFM</title>');
  redis = await startRedis(join(scratch, 'redis'));
  [instances.a, instances.b] = await Promise.all([startInstance(), startInstance()]);
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await instances.a?.kill();
  await instances.b?.kill();
  await redis?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

test('each instance says it shares rooms through Redis, and where (never a password)', () => {
  for (const instance of [instances.a, instances.b]) {
    expect(instance?.out()).toContain(`Rooms are shared with other instances through ${redis.url}\n`);
  }
});

test('a REDIS_URL that is not one stops the server at start instead of leaving rooms unshared', async () => {
  await expect(
    startServerProcess({
      PORT: '0',
      DATA_DIR: join(scratch, 'data'),
      DIST_DIR: join(scratch, 'dist'),
      REDIS_URL: 'localhost:6379',
    }),
  ).rejects.toThrow(/server exited \(2\) before listening/);
});

test('an edit by a client of instance A reaches a client of instance B, and back', async () => {
  const { a, b } = await sharedRoom();
  expect(yDocToDocument(b.doc)).toEqual(template(0));
  const [first, second] = firstTwo();
  components(a.doc).get(first)?.set('name', 'Renamed on A');
  await until(() => components(b.doc).get(first)?.get('name') === 'Renamed on A');
  components(b.doc).get(second)?.set('notes', 'Noted on B');
  await until(() => components(a.doc).get(second)?.get('notes') === 'Noted on B');
  expect(yDocToDocument(a.doc)).toEqual(yDocToDocument(b.doc));
});

test('presence crosses instances: who is here on A is seen on B', async () => {
  const { a, b } = await sharedRoom();
  a.provider.setAwarenessField('user', { name: 'Ada on A' });
  await until(() =>
    [...(b.provider.awareness?.getStates().values() ?? [])].some((state) => state.user?.name === 'Ada on A'),
  );
});

test('instance B keeps its own guards: a foreign page and a flood are turned away there too', async () => {
  const { keys, a, b } = await sharedRoom();
  if (!instances.b) throw new Error('no instance B');
  const foreign = connectClient(instances.b.url, keys.roomId, keys.editKey, 'http://evil.example');
  clients.push(foreign);
  await until(() => foreign.closes.length > 0);
  expect(foreign.provider.isSynced).toBe(false);
  foreign.provider.destroy();

  const [first, second] = firstTwo();
  const flood = connect(instances.b, keys.roomId, keys.editKey);
  flood.provider.on('close', () => flood.provider.destroy());
  await synced(flood);
  for (let i = 0; i < 1000; i += 1) components(flood.doc).get(first)?.set('notes', `flood ${i}`);
  await until(() => flood.closes.length > 0);
  expect(flood.closes).toContain('rate-limited');
  // The room goes on across both instances.
  components(a.doc).get(second)?.set('notes', 'after the flood');
  await until(() => components(b.doc).get(second)?.get('notes') === 'after the flood');
});

test('a view-only client of B cannot edit: its change reaches neither instance', async () => {
  const { keys, a, b } = await sharedRoom();
  const watch = await watchRedis(redis.url, 'wfm*');
  const viewer = connect(instances.b, keys.roomId, keys.viewKey);
  await synced(viewer);
  expect(viewer.provider.authorizedScope).toBe('readonly');
  const [first, second] = firstTwo();
  components(viewer.doc).get(first)?.set('name', 'Changed by a viewer');
  // Once B handled the viewer's message, an honest edit on B reaches A: had B taken the viewer's
  // change, A (which asks B for everything it lacks) would hold it too.
  viewer.provider.setAwarenessField('marker', 'after-edit');
  await until(() =>
    [...(b.provider.awareness?.getStates().values() ?? [])].some((s) => s.marker === 'after-edit'),
  );
  components(b.doc).get(second)?.set('notes', 'after the viewer');
  await until(() => components(a.doc).get(second)?.get('notes') === 'after the viewer');
  // Redis carried the honest edit, and nothing of the viewer's.
  await until(() => watch.text().includes('after the viewer'));
  expect(watch.text()).not.toContain('Changed by a viewer');
  await watch.stop();
  expect(components(a.doc).get(first)?.get('name')).toBe(template(0).components[0]?.name);
  expect(components(b.doc).get(first)?.get('name')).toBe(template(0).components[0]?.name);
  for (const instance of [instances.a, instances.b]) {
    const fresh = connect(instance, keys.roomId, keys.viewKey);
    await synced(fresh);
    expect(components(fresh.doc).get(first)?.get('name')).toBe(template(0).components[0]?.name);
  }
});

test('a hostile update on A is refused, and the clients of B see nothing of it', async () => {
  const { keys, a, b } = await sharedRoom();
  const [first, second] = firstTwo();
  const before = yDocToDocument(b.doc);
  const watch = await watchRedis(redis.url, 'wfm*');
  const hostile = connect(instances.a, keys.roomId, keys.editKey);
  hostile.provider.on('close', () => hostile.provider.destroy());
  await synced(hostile);
  hostile.doc.transact(() => {
    components(hostile.doc).get(first)?.set('script', '<x>');
    hostile.doc.getMap('junk').set('x', 1);
  });
  await until(() => hostile.closes.length > 0);
  expect(hostile.closes).toContain('invalid-update');
  // An honest edit on A after it crosses to B: had A published the hostile one, it would have too.
  components(a.doc).get(second)?.set('notes', 'after the hostile one');
  await until(() => components(b.doc).get(second)?.get('notes') === 'after the hostile one');
  // Redis carried the honest edit, and not a byte of the refused one.
  await until(() => watch.text().includes('after the hostile one'));
  expect(watch.text()).not.toContain('junk');
  expect(watch.text()).not.toContain('<x>');
  await watch.stop();
  expect(b.doc.share.has('junk')).toBe(false);
  expect(components(b.doc).get(first)?.has('script')).toBe(false);
  expect(yDocToDocument(b.doc)).toEqual({
    ...before,
    components: before.components.map((c) =>
      c.id === second ? { ...c, notes: 'after the hostile one' } : c,
    ),
  });
  const fresh = connect(instances.b, keys.roomId, keys.editKey);
  await synced(fresh);
  expect(yDocToDocument(fresh.doc)).toEqual(yDocToDocument(b.doc));
  expect(fresh.doc.share.has('junk')).toBe(false);
});

test('SIGKILL of instance A loses no acknowledged edit; its clients reconnect to A restarted', async () => {
  const { keys, a, b } = await sharedRoom();
  const [first] = firstTwo();
  const added: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const id = `added-${i}`;
    added.push(id);
    const client = i % 2 === 0 ? a : b;
    components(client.doc).set(
      id,
      new Y.Map<unknown>([
        ['kind', 'web'],
        ['name', `Web ${i}`],
        ['@order', 100 + i],
      ]),
    );
  }
  await acked(a);
  await acked(b);
  const port = instances.a?.port ?? 0;
  await instances.a?.kill('SIGKILL');
  await until(() => a.status.current !== 'connected');
  // Written while A is down: it stays with its client and is merged once A is back.
  components(a.doc).get(first)?.set('notes', 'written while A was down');
  instances.a = await startInstance(port);
  await until(() => a.status.current === 'connected');
  await until(() => components(b.doc).get(first)?.get('notes') === 'written while A was down');
  await acked(a);
  components(b.doc).get(first)?.set('name', 'Renamed on B after the restart');
  await until(() => components(a.doc).get(first)?.get('name') === 'Renamed on B after the restart');
  await acked(b);

  // Both instances down, A alone back: every acknowledged edit of either is on the shared disk.
  await instances.b?.kill('SIGKILL');
  await instances.a?.kill('SIGKILL');
  instances.a = await startInstance(port);
  const fresh = connect(instances.a, keys.roomId, keys.viewKey);
  await synced(fresh);
  const ids = new Set(yDocToDocument(fresh.doc).components.map((c) => c.id));
  expect(added.filter((id) => !ids.has(id))).toEqual([]);
  expect(components(fresh.doc).get(first)?.get('notes')).toBe('written while A was down');
  expect(components(fresh.doc).get(first)?.get('name')).toBe('Renamed on B after the restart');
  instances.b = await startInstance();
}, 120_000);
