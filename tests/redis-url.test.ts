import { expect, test } from 'vitest';
import { describeRedis, parseRedisUrl } from '../server/scale-out';

// REDIS_URL (decision 034): read whole or refused in words at start; printed without its password.

test('a redis URL gives host, port, credentials, database and TLS', () => {
  expect(parseRedisUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, tls: false });
  expect(parseRedisUrl('rediss://wfm:s%40cret@redis.internal:6380/2')).toEqual({
    host: 'redis.internal',
    port: 6380,
    tls: true,
    username: 'wfm',
    password: 's@cret',
    db: 2,
  });
  expect(parseRedisUrl('redis://:pw@[::1]:7000')).toEqual({
    host: '::1',
    port: 7000,
    tls: false,
    password: 'pw',
  });
});

test('anything else is refused in words', () => {
  for (const text of ['localhost:6379', 'http://127.0.0.1:6379', 'redis://127.0.0.1/x', 'redis://']) {
    expect(parseRedisUrl(text)).toEqual(expect.stringContaining('REDIS_URL'));
  }
});

test('what the server prints names the Redis but never its password', () => {
  const target = parseRedisUrl('rediss://wfm:secret@redis.internal:6380/2');
  if (typeof target === 'string') throw new Error(target);
  expect(describeRedis(target)).toBe('rediss://redis.internal:6380/2');
  const local = parseRedisUrl('redis://:pw@[::1]:7000');
  if (typeof local === 'string') throw new Error(local);
  expect(describeRedis(local)).toBe('redis://[::1]:7000');
});
