import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { newRoom } from '../src/collab/capability';
import { writeDocument } from '../src/collab/ydoc';
import {
  acked,
  type Client,
  connectClient,
  type RedisProcess,
  type ServerProcess,
  startRedis,
  startServerProcess,
  synced,
} from '../tests/live-harness';
import { generateDocument, SIZES } from './generate';
import { median, quantile } from './stats';

// Sync latency on the real product server (issue 16, docs/performance.md): the server runs as its
// own process (`server/main.ts`, SQLite log with fsync before each ack), the clients are real
// @hocuspocus/provider clients over websockets, all in this process. An edit is one field set by
// one client; its latency is the time from that local change until every other client's Y.Doc
// holds it. Edits go one at a time, each by the next client in turn, in the bench's S document.

const WARM_UP = 10;

type Figures = Record<string, number>;

function components(doc: Y.Doc) {
  return doc.getMap<Y.Map<unknown>>('components');
}

/** Resolves when `client` holds `value` in the notes of component `id`, with the time it did. */
function arrival(client: Client, id: string, value: string): Promise<number> {
  return new Promise((done) => {
    const check = () => {
      if (components(client.doc).get(id)?.get('notes') !== value) return;
      client.doc.off('update', check);
      done(performance.now());
    };
    client.doc.on('update', check);
  });
}

/**
 * `edits` timed edits (after WARM_UP untimed ones), edit i by `senders[i % n]`, each waited for at
 * every client of `receiversOf(sender)`. Figures: p50 and p95 of the time until the last receiver
 * has it (`allP50Ms`, `allP95Ms`) and, over every receiver of every edit, until each has it.
 */
async function measure(
  senders: readonly Client[],
  receiversOf: (sender: Client) => readonly Client[],
  edits: number,
): Promise<Figures> {
  const id = componentId();
  const all: number[] = [];
  const each: number[] = [];
  for (let i = 0; i < WARM_UP + edits; i += 1) {
    const sender = senders[i % senders.length] as Client;
    const value = `edit ${i}`;
    const arrivals = receiversOf(sender).map((receiver) => arrival(receiver, id, value));
    const start = performance.now();
    components(sender.doc).get(id)?.set('notes', value);
    const times = await Promise.all(arrivals);
    if (i < WARM_UP) continue;
    all.push(Math.max(...times) - start);
    for (const time of times) each.push(time - start);
  }
  return {
    allP50Ms: median(all),
    allP95Ms: quantile(all, 0.95),
    eachP50Ms: median(each),
    eachP95Ms: quantile(each, 0.95),
    edits: all.length,
  };
}

/** The room's design: the bench's S document (200 components), the same on every run. */
const DESIGN = generateDocument(SIZES.S).document;

function componentId(): string {
  const id = DESIGN.components[0]?.id;
  if (id === undefined) throw new Error('the S document has no component');
  return id;
}

/** A scratch folder with a designer stand-in (the bench needs no build) and room for data. */
function scratchFolder(): string {
  const scratch = mkdtempSync(join(tmpdir(), 'wfm-bench-live-'));
  mkdirSync(join(scratch, 'dist'));
  mkdirSync(join(scratch, 'redis'));
  writeFileSync(join(scratch, 'dist', 'index.html'), '<!doctype html><title>WFM</title>');
  return scratch;
}

/**
 * A room on `servers[0]` holding the design, and `count` synced clients spread over `servers`,
 * pushed into `clients` as they connect (so the caller closes them even if this fails).
 */
async function roomWithClients(
  servers: readonly ServerProcess[],
  count: number,
  clients: Client[],
): Promise<void> {
  const keys = await newRoom();
  for (let i = 0; i < count; i += 1) {
    const server = servers[i % servers.length] as ServerProcess;
    const client = connectClient(server.url, keys.roomId, keys.editKey);
    clients.push(client);
    await synced(client);
    if (i === 0) {
      writeDocument(client.doc, DESIGN);
      await acked(client);
    }
  }
  const id = componentId();
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((done) => {
          const check = () => {
            if (!components(client.doc).has(id)) return;
            client.doc.off('update', check);
            done();
          };
          client.doc.on('update', check);
          check();
        }),
    ),
  );
}

/** `count` clients in one room of one server (the embedded default, no Redis). */
export async function syncLatency(count: number, edits = 100): Promise<Figures> {
  const scratch = scratchFolder();
  let server: ServerProcess | undefined;
  const clients: Client[] = [];
  try {
    server = await startServerProcess({
      PORT: '0',
      DATA_DIR: join(scratch, 'data'),
      DIST_DIR: join(scratch, 'dist'),
    });
    await roomWithClients([server], count, clients);
    const figures = await measure(clients, (sender) => clients.filter((c) => c !== sender), edits);
    return { clients: count, ...figures };
  } finally {
    for (const client of clients) client.destroy();
    await server?.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Across instances: two servers sharing Debian's redis-server (started here, nothing on disk) and
 * one DATA_DIR; a client of A edits, a client of B receives.
 */
export async function syncLatencyRedis(edits = 100): Promise<Figures> {
  const scratch = scratchFolder();
  let redis: RedisProcess | undefined;
  const servers: ServerProcess[] = [];
  const clients: Client[] = [];
  try {
    redis = await startRedis(join(scratch, 'redis'));
    for (let i = 0; i < 2; i += 1) {
      servers.push(
        await startServerProcess({
          PORT: '0',
          DATA_DIR: join(scratch, 'data'),
          DIST_DIR: join(scratch, 'dist'),
          REDIS_URL: redis.url,
        }),
      );
    }
    await roomWithClients(servers, 2, clients);
    const [onA, onB] = clients as [Client, Client];
    const figures = await measure([onA], () => [onB], edits);
    return { clients: 2, ...figures };
  } finally {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.kill('SIGTERM');
    await redis?.kill();
    rmSync(scratch, { recursive: true, force: true });
  }
}
