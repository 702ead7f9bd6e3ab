import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import { CONTENT_SECURITY_POLICY } from '../scripts/content-security-policy';
import { accessOf } from '../src/collab/capability';
import { guard, MAX_MESSAGE_BYTES, rateLimiter, refusal } from './guard';
import { type RedisTarget, redisExtension } from './scale-out';
import { serveStatic } from './static';
import { updateLog } from './update-log';

// The product server (issue 16, decision 031): one node:http server on one port serves the built
// designer and, on upgrade at /collab, the Hocuspocus collaboration endpoint. No endpoint lists
// rooms; Hocuspocus's Logger (which would log room ids) is not used.

/** The path of the websocket endpoint. */
export const COLLAB_PATH = '/collab';

export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on; all of them when unset. */
  readonly host?: string;
  /** Folder of the SQLite update log. */
  readonly dataDir: string;
  /** Folder of the built designer. */
  readonly distDir: string;
  /** The origin users reach the server by (behind a proxy); otherwise the request's Host. */
  readonly publicOrigin?: string;
  /** Redis shared with the other instances (decision 034); one instance alone when unset. */
  readonly redis?: RedisTarget;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** The origin a request says it is for: PUBLIC_ORIGIN, or http://Host. */
function originOf(request: IncomingMessage, publicOrigin: string | undefined): string {
  return publicOrigin ?? `http://${request.headers.host ?? 'localhost'}`;
}

/** The app's policy with connect-src narrowed to exactly this server's websocket. */
export function contentSecurityPolicy(origin: string): string {
  const socket = `${origin.replace(/^http/, 'ws')}${COLLAB_PATH}`;
  // frame-ancestors only works as a header (docs/security.md): the server can finally send it.
  return `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'; connect-src ${socket}`;
}

/**
 * A browser's websocket always sends Origin: it must be the server's own (cross-site websocket
 * hijacking). A request without one is a program, not a page; the room keys are what authorise it.
 */
function originAllowed(origin: string | null, request: IncomingMessage, publicOrigin?: string): boolean {
  if (origin === null) return true;
  if (publicOrigin !== undefined) return origin === publicOrigin;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = updateLog(options.dataDir);
  // Priority 1000: it loads a room's state from the other instances before anything else looks at
  // it, and takes the store lock before the log compacts.
  const redis = options.redis ? redisExtension(options.redis) : undefined;
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // The update log writes every update at once; the debounced store only compacts it.
    debounce: 5_000,
    maxDebounce: 30_000,
    extensions: [...(redis ? [redis] : []), guard(), log],
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const access = await accessOf(documentName, token ?? '');
      // An unknown room and a wrong key get the same answer: nothing to probe.
      if (access === undefined) throw refusal('permission-denied');
      if (access === 'view') connectionConfig.readOnly = true;
      return { access };
    },
  });

  const peers = new WeakMap<object, ReturnType<Hocuspocus['handleConnection']>>();
  const limits = new WeakMap<object, ReturnType<typeof rateLimiter>>();
  const ws = crossws({
    serverOptions: { maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false },
    hooks: {
      upgrade(request) {
        // The origin was checked on the raw request before; nothing more to refuse here.
        void request;
      },
      open(peer) {
        peers.set(peer, hocuspocus.handleConnection(peer.websocket as WebSocket, peer.request));
        limits.set(peer, rateLimiter());
      },
      message(peer, message) {
        if (limits.get(peer)?.take(Date.now()) === false) {
          // A flood closes the sender's socket (1008, policy violation); nothing more of it is handled.
          limits.delete(peer);
          peer.close(1008, 'rate-limited');
          return;
        }
        if (!limits.has(peer)) return;
        peers.get(peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        peers.get(peer)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        peers.delete(peer);
      },
    },
  });

  const server = createServer((request, response) =>
    serveStatic(
      { root: options.distDir, csp: (req) => contentSecurityPolicy(originOf(req, options.publicOrigin)) },
      request,
      response,
    ),
  );
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const origin = request.headers.origin ?? null;
    if (path !== COLLAB_PATH || !originAllowed(origin, request, options.publicOrigin)) {
      socket.end(
        `HTTP/1.1 ${path !== COLLAB_PATH ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    ws.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = options.publicOrigin ?? `http://${options.host ?? 'localhost'}:${port}`;
  return {
    url,
    server,
    async close() {
      hocuspocus.closeConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis?.onDestroy();
      log.close();
    },
  };
}
