import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './app';
import { describeRedis, parseRedisUrl, type RedisTarget } from './scale-out';

// `npm start` (decision 031): builds the designer when dist/ is missing or older than its sources,
// then serves it and the collaboration endpoint on one port. PORT, HOST, DATA_DIR, PUBLIC_ORIGIN and
// DIST_DIR (a designer built elsewhere; then nothing is built) come from the environment, and
// REDIS_URL to share rooms with other instances (decision 034).

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PORT = 4321;

/** The newest modification time under `path` (a file or a folder), in ms. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
    latest = Math.max(latest, statSync(join(path, entry)).mtimeMs);
  }
  return latest;
}

/** Whether dist/ is missing or older than what it is built from. */
function buildIsStale(dist: string): boolean {
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'scripts', 'package-lock.json'];
  return Math.max(...sources.map((source) => newest(join(ROOT, source)))) > statSync(built).mtimeMs;
}

function fail(message: string): never {
  process.stderr.write(`wfm: ${message}\n`);
  process.exit(2);
}

const port =
  process.env.PORT === undefined || process.env.PORT === '' ? DEFAULT_PORT : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`PORT must be a port number, not ${process.env.PORT}`);
const dataDir = resolve(process.env.DATA_DIR || join(ROOT, 'data'));
let distDir = join(ROOT, 'dist');
if (process.env.DIST_DIR) {
  distDir = resolve(process.env.DIST_DIR);
  if (!existsSync(join(distDir, 'index.html'))) fail(`DIST_DIR ${distDir} holds no index.html`);
} else if (buildIsStale(distDir)) {
  process.stdout.write('Building the designer (dist/ is missing or older than its sources)…\n');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) fail('the build failed');
}

let redis: RedisTarget | undefined;
if (process.env.REDIS_URL) {
  const parsed = parseRedisUrl(process.env.REDIS_URL);
  if (typeof parsed === 'string') fail(parsed);
  redis = parsed;
}

const running = await startServer({
  port,
  dataDir,
  distDir,
  ...(process.env.HOST ? { host: process.env.HOST } : {}),
  ...(redis ? { redis } : {}),
  ...(process.env.PUBLIC_ORIGIN ? { publicOrigin: process.env.PUBLIC_ORIGIN.replace(/\/$/, '') } : {}),
});
process.stdout.write(`WFM Topology Designer: ${running.url}/\nLive rooms are kept in ${dataDir}\n`);
if (redis) process.stdout.write(`Rooms are shared with other instances through ${describeRedis(redis)}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
