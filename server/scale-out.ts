import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from '@hocuspocus/extension-redis';

// Scale-out (issue 16 item 7, decision 034): with REDIS_URL, several instances share each room
// through Hocuspocus's Redis extension. Each instance still checks, refuses and stores what its own
// clients send; Redis only carries what an instance has already accepted (and stored) to the others.

/** Prefix of the Redis channels and lock keys: `wfm:<room id>`, `wfm:<room id>:lock`. */
export const REDIS_PREFIX = 'wfm';

export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  readonly tls: boolean;
}

/**
 * Reads `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS). Returns an error in
 * words for anything else, so a typo stops the server at start instead of leaving rooms unshared;
 * the error never repeats the URL, which may hold a password.
 */
export function parseRedisUrl(text: string): RedisTarget | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'REDIS_URL must be a URL like redis://127.0.0.1:6379';
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    return `REDIS_URL must start with redis:// or rediss:// (it starts with ${url.protocol})`;
  if (url.hostname === '') return 'REDIS_URL names no host';
  const port = url.port === '' ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  const db = path === '' ? undefined : Number(path);
  if (db !== undefined && !(Number.isInteger(db) && db >= 0))
    return `REDIS_URL's database must be a number, not ${path}`;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    tls: url.protocol === 'rediss:',
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== undefined ? { db } : {}),
  };
}

/** The target as printed at start: never the password. */
export function describeRedis(target: RedisTarget): string {
  return `${target.tls ? 'rediss' : 'redis'}://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}${target.db !== undefined ? `/${target.db}` : ''}`;
}

/**
 * The Redis extension for `target`. The identifier must differ between instances (each ignores
 * messages carrying its own), so it names the host and process and adds a random part.
 */
export function redisExtension(target: RedisTarget): Redis {
  const redis = new Redis({
    host: target.host,
    port: target.port,
    prefix: REDIS_PREFIX,
    identifier: `wfm-${hostname().slice(0, 64)}-${process.pid}-${randomUUID().slice(0, 8)}`,
    options: {
      ...(target.username !== undefined ? { username: target.username } : {}),
      ...(target.password !== undefined ? { password: target.password } : {}),
      ...(target.db !== undefined ? { db: target.db } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
  });
  // ioredis reconnects by itself; without a listener it would print every failed attempt as an
  // unhandled error. Say once that Redis is gone and once that it is back.
  let down = false;
  for (const client of [redis.pub, redis.sub]) {
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      process.stderr.write(
        `wfm: Redis unreachable (${error.message}); rooms are not shared until it is back\n`,
      );
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      process.stderr.write('wfm: Redis is back\n');
    });
  }
  return redis;
}
