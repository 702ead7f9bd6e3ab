import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

// Real parts for the live tests and the sync bench (issue 16): the product server as a process
// (`node --import tsx server/main.ts`), Debian's redis-server as a process, and real
// @hocuspocus/provider clients over real websockets. Nothing here is mocked.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Polls `condition` until it holds (the caller's timeout is the only clock). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  /** What the server printed on stdout. */
  readonly out: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the product server with `env` and resolves once it prints the URL it serves on. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /WFM Topology Designer: (http:\/\/\S+?)\/\n/.exec(out);
      // The Redis line, when there is one, is printed right after the URL.
      if (match?.[1] && (env.REDIS_URL === undefined || out.includes('Rooms are shared'))) {
        const url = match[1];
        done({
          url,
          port: Number(new URL(url).port),
          out: () => out,
          kill: (signal = 'SIGKILL') => stop(child, signal),
        });
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

export interface RedisProcess {
  readonly url: string;
  kill(): Promise<void>;
}

/** Debian's redis-server on a free port of 127.0.0.1, keeping nothing on disk (`dir` is its cwd). */
export async function startRedis(dir: string): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  await new Promise<void>((done, fail) => {
    child.once('error', (error) =>
      fail(
        new Error(
          `cannot start redis-server (${error.message}): install it (Debian: apt-get install redis-server; .ci/run does)`,
        ),
      ),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) done();
    });
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, kill: () => stop(child, 'SIGTERM') };
}

export interface RedisWatch {
  /** Everything published on the watched channels so far, as redis-cli prints it (--csv). */
  text(): string;
  stop(): Promise<void>;
}

/** Records every message published on channels matching `pattern`, with Debian's redis-cli. */
export async function watchRedis(url: string, pattern: string): Promise<RedisWatch> {
  const child = spawn('redis-cli', ['-u', url, '--csv', 'psubscribe', pattern], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((done, fail) => {
    child.once('error', fail);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('latin1');
      // redis-cli prints the subscription's confirmation once Redis has it.
      if (out.includes('"psubscribe"')) done();
    });
    child.once('exit', (code) => fail(new Error(`redis-cli exited (${code}): ${out}`)));
  });
  return { text: () => out, stop: () => stop(child, 'SIGTERM') };
}

/**
 * WebSocket for Node 20 (no global one), sending the Origin a page of `origin` would; with `null`
 * none, as a program (not a browser) connects.
 */
function socketWithOrigin(origin: string | null) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, origin === null ? {} : { headers: { origin } });
      // A client destroyed while it reconnects (the end of a test) makes ws emit "closed before the
      // connection was established" after the provider has let go of the socket: with no listener
      // left, Node would throw it as an uncaught exception. The provider still sees every error.
      this.on('error', () => {});
    }
  };
}

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** Reasons (or codes) of the closes the client saw. */
  readonly closes: string[];
  /** Reasons of failed authentications. */
  readonly denied: string[];
  /** The websocket's last status: connecting, connected or disconnected. */
  readonly status: { current: string };
  destroy(): void;
}

/**
 * A provider on a room of the server at `url`, with its own websocket, sending the Origin of a
 * page of `origin` (the server's own unless told; `null`: none, as a program).
 */
export function connectClient(url: string, room: string, key: string, origin: string | null = url): Client {
  const doc = new Y.Doc();
  const closes: string[] = [];
  const denied: string[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: socketWithOrigin(origin),
    // Reconnect quickly after a server comes back (the default waits 1 s, then doubles).
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token: key,
    document: doc,
    onClose: ({ event }) => {
      closes.push(event.reason || String(event.code));
    },
    onAuthenticationFailed: ({ reason }) => {
      denied.push(reason);
    },
  });
  provider.attach();
  const status = { current: 'connecting' };
  socket.on('status', (event: { status: string }) => {
    status.current = event.status;
  });
  return {
    doc,
    provider,
    socket,
    closes,
    denied,
    status,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

export const synced = (client: Client) => until(() => client.provider.isSynced);
export const acked = (client: Client) => until(() => client.provider.unsyncedChanges === 0);
